/**
 * The keyboard before the player reads it: while Ink, React and Yoga load and
 * the rest of the deck is parsed (a large one in a worker thread, see
 * read-deck.ts), nothing else sees a key. `q`, Esc and Ctrl-C quit at once
 * (raw mode turns Ctrl-C into a key, not a signal); a read of moves may be
 * drawn at once (present.ts, early-move.ts); every other key is kept, in
 * order, for the player, and so is every key after it.
 */
import {commandFor, textKeys} from '../navigation/keymap.js';

/**
 * True when a read of the keyboard holds a key the key map binds to quit (`q`, Ctrl-C) or is
 * a lone Esc. An escape sequence (an arrow key is Esc and more, in one read) is not looked into.
 */
export function quitsBeforePlayer(read: string): boolean {
	if (read === '\u001B') return commandFor('escape') === 'quit';
	const plain = read.replace(/\u001B[[O]?[\d;?]*[\x20-\x7E]?/g, '');
	return textKeys(plain).some(key => commandFor(key) === 'quit');
}

/** What is done with the keys before the player reads them. */
export type KeysBeforePlayer = {
	/** A quit key was read. */
	readonly quit: () => void;
	/** A read of keys (as latin1 text); true when it was acted on (the player is not to get it). */
	readonly move?: (read: string) => boolean;
};

/**
 * `work`, with the keyboard watched until it settles (see the top). `input` is
 * the stream the player will read (the terminal, or the graphics reply filter
 * over it), so no key is read past this watch; when nothing else reads it,
 * what is kept is handed back afterwards (unshift), in order. Once a read is
 * kept, no later one is moved on, so the player gets the keys in the order
 * they were typed.
 *
 * Read in paused mode ('readable'), as Ink reads: a TTY switched to flowing
 * mode ('data') and paused again reads nothing more once Ink listens.
 */
export async function keysWhile<T>(input: NodeJS.ReadStream, work: Promise<T>, {quit, move}: KeysBeforePlayer): Promise<T> {
	const alone = input.listenerCount('data') === 0 && input.listenerCount('readable') === 0;
	const kept: Buffer[] = [];
	const readable = () => {
		// With a 'data' listener also there, each read is emitted to it as well.
		for (let chunk: unknown = input.read(); chunk !== null; chunk = input.read()) {
			const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
			const read = bytes.toString('latin1');
			if (quitsBeforePlayer(read)) quit();
			else if (alone && (kept.length > 0 || !move?.(read))) kept.push(bytes);
		}
	};

	input.on('readable', readable);
	try {
		return await work;
	} finally {
		input.off('readable', readable);
		if (alone && kept.length > 0) input.unshift(Buffer.concat(kept));
	}
}
