/**
 * Ink taking over the screen the opening slide is already on (present.ts).
 * Ink's first frame is the whole screen; when it is, row for row, what is
 * already there, it is not written at all: the opening frame left the cursor
 * where Ink's frame would have left it (below the last row), so Ink's later
 * frames, which move from there, land where they should. Any other first
 * frame is written from the top of the screen, where Ink's first frame starts.
 */

import {withWrite} from './with-write.js';

/** Ink wraps every frame in synchronized output. */
const frameStart = '\u001B[?2026h';
const frameEnd = '\u001B[?2026l';
const hideCursor = '\u001B[?25l';
const home = '\u001B[H';

/** What the opening slide put on the screen: its rows as Ink writes them (trailing spaces trimmed), and whether the cursor was left below them. */
export type OpeningFrame = {
	readonly rows: readonly string[];
	readonly cursorBelow: boolean;
};

/** The opening rows as written, and the bytes that write them (cursor left below the last row when there is a row to spare, else at home). */
export function openingWrite(rows: readonly string[], screenRows: number): {readonly frame: OpeningFrame; readonly bytes: string} {
	const cursorBelow = rows.length < screenRows;
	return {
		frame: {rows: rows.map(row => row.trimEnd()), cursorBelow},
		bytes: `${home}${rows.join('\r\n')}${cursorBelow ? '\r\n' : home}`,
	};
}

/**
 * The bytes that turn the screen from `shown` into `rows` (a move made before
 * Ink has loaded, present.ts): each changed row erased and written, in one
 * synchronized frame, the cursor left where `openingWrite` leaves it. Empty
 * when nothing changed.
 */
export function redrawWrite(shown: OpeningFrame, rows: readonly string[], screenRows: number): {readonly frame: OpeningFrame; readonly bytes: string} {
	const frame = {rows: rows.map(row => row.trimEnd()), cursorBelow: rows.length < screenRows};
	let changes = '';
	for (let index = 0; index < Math.max(rows.length, shown.rows.length); index++) {
		// Erased first (in no colour): an erase after a row that fills the width would take its last cell.
		if (frame.rows[index] !== shown.rows[index]) changes += `\u001B[${index + 1}H\u001B[m\u001B[2K${rows[index] ?? ''}`;
	}

	if (changes === '') return {frame, bytes: ''};
	return {frame, bytes: `${frameStart}${changes}${frame.cursorBelow ? `\u001B[${rows.length + 1}H` : home}${frameEnd}`};
}

/** Ink writes a frame as separate writes: the start of synchronized output, the frame (the first one after hiding the cursor), the end. */
type Write = {readonly chunk: unknown; readonly rest: readonly unknown[]};

/** Whether Ink's first frame, written as `texts`, is what the screen shows already. */
export function showsAlready(texts: readonly unknown[], opening: OpeningFrame | undefined): boolean {
	if (!opening?.cursorBelow || texts[0] !== frameStart || texts.at(-1) !== frameEnd) return false;
	const body = texts.slice(1, -1);
	if (!body.every(text => typeof text === 'string')) return false;
	let frame = body.join('');
	if (frame.startsWith(hideCursor)) frame = frame.slice(hideCursor.length);
	return frame === `${opening.rows.join('\n')}\n`;
}

/**
 * The stream Ink writes to: `stream`, with Ink's first frame held from the
 * start of its synchronized output to the end; it is dropped when the screen
 * shows it already, else written from the top of the screen. Every other
 * write, and every later frame, goes through as it is.
 */
export function takeoverStream(stream: NodeJS.WriteStream, opening: OpeningFrame | undefined): NodeJS.WriteStream {
	let state: 'before' | 'holding' | 'done' = 'before';
	const held: Write[] = [];
	const send = (chunk: unknown, rest: readonly unknown[]): boolean => Reflect.apply(stream.write, stream, [chunk, ...rest]) as boolean;
	const release = (same: boolean) => {
		state = 'done';
		const writes = held.splice(0);
		if (same) {
			for (const {rest} of writes) for (const argument of rest) if (typeof argument === 'function') process.nextTick(argument as () => void);
			return;
		}

		writes.forEach(({chunk, rest}, index) => {
			send(chunk, rest);
			// Ink's first frame starts at its origin, the top left of the screen.
			if (index === 0) send(home, []);
		});
	};

	const write = (chunk: unknown, ...rest: unknown[]): boolean => {
		if (state === 'done') return send(chunk, rest);
		if (state === 'before') {
			if (chunk !== frameStart) return send(chunk, rest);
			state = 'holding';
			// A frame is written in one go; anything else is let through soon.
			setImmediate(() => {
				if (state === 'holding') release(false);
			});
		}

		held.push({chunk, rest});
		if (chunk === frameEnd)
			release(
				showsAlready(
					held.map(({chunk: text}) => text),
					opening,
				),
			);
		return true;
	};

	return withWrite(stream, write);
}
