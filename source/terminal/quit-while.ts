/**
 * Quitting while the player waits for a large deck to be parsed (in a worker
 * thread, see read-deck.ts): before Ink reads the keyboard, nothing would see
 * `q`, Esc or Ctrl-C (raw mode turns Ctrl-C into a key, not a signal). The
 * keys are watched meanwhile; any other key is kept, in order, for the
 * player.
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

/**
 * `work`, with the keyboard watched until it settles: `quit` is called on a
 * quit key. `input` is the stream the player will read (the terminal, or the
 * graphics reply filter over it), so no key is read past this watch; when
 * nothing else reads it, what is read is handed back afterwards (unshift),
 * in order, so the player still gets the keys typed meanwhile.
 *
 * Read in paused mode ('readable'), as Ink reads: a TTY switched to flowing
 * mode ('data') and paused again reads nothing more once Ink listens.
 */
export async function quitKeysWhile<T>(input: NodeJS.ReadStream, work: Promise<T>, quit: () => void): Promise<T> {
	const alone = input.listenerCount('data') === 0 && input.listenerCount('readable') === 0;
	const kept: Buffer[] = [];
	const readable = () => {
		// With a 'data' listener also there, each read is emitted to it as well.
		for (let chunk: unknown = input.read(); chunk !== null; chunk = input.read()) {
			const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
			if (quitsBeforePlayer(bytes.toString('latin1'))) quit();
			else if (alone) kept.push(bytes);
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
