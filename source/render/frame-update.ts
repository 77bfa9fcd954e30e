/**
 * The bytes of one frame over the last, for Ink's incremental renderer (the
 * log-update patch in scripts/ink-patches.mjs): the changed cells of each
 * changed line (`line-diff.ts`), reached from where the cursor is, and the
 * cursor left where the last write ended. A typed character next to the one
 * before it is then that character and the cursor block, with no move at all
 * but one column back. Ink's own writes expect the cursor on the frame's last
 * row: `toLastRow` takes it back there first. Pure.
 */
import {changedRun} from './line-diff.js';

/** Where the cursor is, in the frame's rows and columns; column undefined when not known (after the last column, in a pending wrap). */
export type CursorSpot = {readonly row: number; readonly column: number | undefined};

export function frameUpdate(previous: readonly string[], next: readonly string[], from: CursorSpot, columns: number): {bytes: string; at: CursorSpot} {
	let bytes = '';
	let {row, column} = from;
	for (let index = 0; index < next.length; index++) {
		const run = changedRun(previous[index], next[index]!);
		if (!run) continue;
		if (index !== row) {
			bytes += index > row ? `\u001B[${index - row}B` : `\u001B[${row - index}A`;
			row = index;
		}

		bytes += moveTo(column, run.column) + run.text;
		const end = run.column + run.width;
		column = end < columns ? end : undefined;
	}

	return {bytes, at: {row, column}};
}

/** The shortest move along the row from `column` (undefined: not known) to `target`. */
function moveTo(column: number | undefined, target: number): string {
	if (column === target) return '';
	if (column === target + 1) return '\b';
	return `\u001B[${target + 1}G`;
}

/** Back to the start of the frame's last row (of `rows`), where Ink expects the cursor. */
export function toLastRow(from: CursorSpot, rows: number): string {
	const down = rows - 1 - from.row;
	return (down > 0 ? `\u001B[${down}B` : down < 0 ? `\u001B[${-down}A` : '') + '\r';
}
