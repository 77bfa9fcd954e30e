/**
 * Telling the terminal's answers apart from keys: what lectern asks the
 * terminal (graphics support, version, cell size, device attributes) comes
 * back on the same input as the keys. `ReplySplitter` takes the input as it
 * arrives and hands back the keys, in order and untouched, and the answers,
 * which never reach the key handler. An answer split across reads is held
 * until the rest arrives (`flush` gives it back as keys if it never does).
 *
 * Pure. Input is a binary string (one character a byte, as Buffer's
 * 'latin1'), so keys go on byte for byte.
 */

export type Reply =
	/** The kitty graphics protocol's answer, `ESC _G i=ID;OK ESC \` or an error message. */
	| {readonly kind: 'kitty'; readonly id: number; readonly ok: boolean; readonly message: string}
	/** Primary device attributes (DA1), `ESC [ ? … c`: every terminal answers, in order, so it closes a round of questions. */
	| {readonly kind: 'attributes'}
	/** XTVERSION, `ESC P >| name version ESC \`. */
	| {readonly kind: 'version'; readonly text: string}
	/** `ESC [ 6 ; h ; w t` (a cell) or `ESC [ 4 ; h ; w t` (the text area), in pixels. */
	| {readonly kind: 'cell-pixels' | 'window-pixels'; readonly width: number; readonly height: number};

export type Split = {
	/** The input with the answers taken out. */
	readonly keys: string;
	readonly replies: Reply[];
	/** Part of the input is held back: it may be the start of an answer. */
	readonly holding: boolean;
};

/** An unfinished string sequence longer than this is not an answer: it goes on as keys. */
const maxHeld = 4096;

const ESC = '\u001B';
const ST = '\u001B\\';

export class ReplySplitter {
	private held = '';

	/**
	 * `loneEscape`: hold an ESC that ends the input (while an answer is
	 * expected it may be the start of one; otherwise it is the Esc key).
	 */
	push(chunk: string, loneEscape = false): Split {
		const text = this.held + chunk;
		this.held = '';
		const replies: Reply[] = [];
		let keys = '';
		let index = 0;
		while (index < text.length) {
			const escape = text.indexOf(ESC, index);
			if (escape === -1) {
				keys += text.slice(index);
				break;
			}

			keys += text.slice(index, escape);
			const found = replyAt(text, escape, loneEscape);
			if (found === 'partial') {
				if (text.length - escape <= maxHeld) {
					this.held = text.slice(escape);
				} else {
					keys += text.slice(escape);
				}

				break;
			}

			if (found) {
				if (found.reply) replies.push(found.reply);
				index = found.end;
			} else {
				keys += ESC;
				index = escape + 1;
			}
		}

		return {keys, replies, holding: this.held !== ''};
	}

	/** What is held back, as keys (it did not turn into an answer in time). */
	flush(): string {
		const held = this.held;
		this.held = '';
		return held;
	}
}

type Found = {readonly reply?: Reply; readonly end: number} | 'partial' | undefined;

/** The answer that starts at `start` (an ESC), 'partial' when it may be one but is cut short, else undefined. */
function replyAt(text: string, start: number, loneEscape: boolean): Found {
	const next = text[start + 1];
	if (next === undefined) return loneEscape ? 'partial' : undefined;
	if (next === '_') return stringReply(text, start, 'G', kittyReply);
	if (next === 'P') return stringReply(text, start, '>|', body => ({kind: 'version', text: body}));
	if (next === '[') return csiReply(text, start);
	return undefined;
}

/** `ESC _` or `ESC P`, then `lead`, a body, ST. */
function stringReply(text: string, start: number, lead: string, read: (body: string) => Reply | undefined): Found {
	const from = start + 2;
	const head = text.slice(from, from + lead.length);
	if (!lead.startsWith(head)) return undefined;
	if (head.length < lead.length) return 'partial';
	const end = text.indexOf(ST, from + lead.length);
	if (end === -1) return 'partial';
	const reply = read(text.slice(from + lead.length, end));
	return reply ? {reply, end: end + ST.length} : {end: end + ST.length};
}

function kittyReply(body: string): Reply | undefined {
	const semicolon = body.indexOf(';');
	const control = semicolon === -1 ? body : body.slice(0, semicolon);
	const message = semicolon === -1 ? '' : body.slice(semicolon + 1);
	const id = /(?:^|,)i=(\d+)/.exec(control)?.[1];
	return {kind: 'kitty', id: id === undefined ? 0 : Number(id), ok: message === 'OK', message};
}

/** Device attributes `ESC [ ? … c` and pixel sizes `ESC [ 4|6 ; h ; w t`; other CSI sequences are keys. */
function csiReply(text: string, start: number): Found {
	let end = start + 2;
	while (end < text.length && /[\d;?]/.test(text[end]!)) end++;
	const parameters = text.slice(start + 2, end);
	const final = text[end];
	if (final === undefined) {
		// Cut short: hold what can still become an answer.
		return parameters.startsWith('?') || /^(?:[46](?:;\d*(?:;\d*)?)?)?$/.test(parameters) ? 'partial' : undefined;
	}

	if (final === 'c' && parameters.startsWith('?')) return {reply: {kind: 'attributes'}, end: end + 1};
	const pixels = final === 't' ? /^([46]);(\d+);(\d+)$/.exec(parameters) : null;
	if (pixels) {
		const kind = pixels[1] === '6' ? 'cell-pixels' : 'window-pixels';
		return {reply: {kind, width: Number(pixels[3]), height: Number(pixels[2])}, end: end + 1};
	}

	return undefined;
}
