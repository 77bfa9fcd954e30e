/**
 * The bytes of one frame over the last, for Ink's incremental renderer (the
 * log-update patch in scripts/ink-patches.mjs): the changed cells of each
 * changed line (`line-diff.ts`), the cursor left where the last write ended.
 * A typed character next to the one before it is then that character and the
 * cursor block, with no move but one column back.
 *
 * lectern's frames start at the top left of the screen (the opening slide,
 * Ink's first frame after the takeover, every frame after a resize or `fg`),
 * so row r of a frame is row r + 1 of the screen: a move from a place not
 * known goes straight there, never relative to where Ink believes the cursor
 * is. The place after a write is kept only when it is sure: not after the
 * last column (a pending wrap), not after a character whose width terminals
 * may disagree on. Pure.
 */
import {changedRun} from './line-diff.js';

/** Where the cursor is, in the frame's rows and columns; column undefined when not known. */
export type CursorSpot = {readonly row: number; readonly column: number | undefined};

/**
 * The bytes that turn `previous` (on screen) into `next`, from `from`
 * (undefined: not known), and where they leave the cursor (undefined when
 * nothing was written from an unknown place).
 */
export function frameUpdate(
	previous: readonly string[],
	next: readonly string[],
	from: CursorSpot | undefined,
	columns: number,
): {readonly bytes: string; readonly at: CursorSpot | undefined} {
	let bytes = '';
	let at = from;
	for (let row = 0; row < next.length; row++) {
		const run = changedRun(previous[row], next[row]!);
		if (!run) continue;
		bytes += moveTo(at, row, run.column) + run.text;
		const end = run.column + run.width;
		at = {row, column: end < columns && run.sure ? end : undefined};
	}

	return {bytes, at};
}

/** The shortest sure move to `column` of `row` from `at`. */
function moveTo(at: CursorSpot | undefined, row: number, column: number): string {
	if (at?.row !== row) return `\u001B[${row + 1};${column + 1}H`;
	if (at.column === column) return '';
	if (at.column === column + 1) return '\b';
	return `\u001B[${column + 1}G`;
}

/** To where Ink's own writes expect the cursor: the start of the frame's last row (of `rows`). */
export function toInkPlace(rows: number): string {
	return `\u001B[${Math.max(1, rows)};1H`;
}
