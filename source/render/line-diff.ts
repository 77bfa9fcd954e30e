/**
 * What to write to turn one line already on screen into the next: only the
 * words that changed. Ink's incremental renderer calls this for every changed
 * line (see the log-update patch in scripts/ink-patches.mjs), so it reads
 * lines as renderLine writes them (SGR colours, OSC 8 links, text) without a
 * general ANSI tokenizer: on a slide change that tokenizer was a third of the
 * time from keypress to frame.
 */
import {oneClusterPerCodePoint} from '../text/clusters.js';
import {cellWidth, oneCellCode} from '../text/cell-width.js';

const cursorColumn = (column: number) => `\u001B[${column + 1}G`;
const eraseEndLine = '\u001B[K';
const sgrReset = '\u001B[m';
const linkClose = '\u001B]8;;\u001B\\';

/** A line as cells: the characters, their widths, and the style each is drawn in. */
type Cells = {
	readonly chars: string[];
	readonly widths: number[];
	/** The escape sequences in force for each cell (links first, then SGR), interned. */
	readonly styles: string[];
};

/**
 * The cells of a line, or undefined when it cannot be diffed safely: an escape
 * sequence other than SGR or OSC 8, or characters that form clusters with
 * their neighbours (terminals disagree about the widths of those).
 */
export function lineCells(line: string): Cells | undefined {
	const chars: string[] = [];
	const widths: number[] = [];
	const styles: string[] = [];
	let sgr = '';
	let link = '';
	let style = '';
	let index = 0;
	while (index < line.length) {
		const code = line.charCodeAt(index);
		if (code === 0x1b) {
			const next = line[index + 1];
			if (next === '[') {
				const end = sgrEnd(line, index + 2);
				if (end === -1) return undefined;
				const parameters = line.slice(index + 2, end);
				sgr = parameters === '' || parameters === '0' ? '' : sgr + line.slice(index, end + 1);
				index = end + 1;
			} else if (next === ']' && line.startsWith('8;', index + 2)) {
				const end = oscEnd(line, index + 4);
				if (end === undefined) return undefined;
				const url = line.slice(line.indexOf(';', index + 4) + 1, end.start);
				link = url === '' ? '' : line.slice(index, end.next);
				index = end.next;
			} else {
				return undefined;
			}

			style = link + sgr;
			continue;
		}

		const width = oneCellCode(code) ? 1 : undefined;
		let character: string;
		if (width === undefined) {
			const point = line.codePointAt(index)!;
			character = String.fromCodePoint(point);
			if (point < 0x20 || (point >= 0x7f && point < 0xa0) || !oneClusterPerCodePoint(character)) return undefined;
			widths.push(cellWidth(character));
		} else {
			character = line[index]!;
			widths.push(1);
		}

		chars.push(character);
		styles.push(style);
		index += character.length;
	}

	return {chars, widths, styles};
}

/** Index of the `m` that ends an SGR sequence whose parameters start at `from`; -1 if it is another CSI sequence. */
function sgrEnd(line: string, from: number): number {
	for (let index = from; index < line.length; index++) {
		const code = line.charCodeAt(index);
		if (code === 0x6d) return index; // m
		if (!((code >= 0x30 && code <= 0x39) || code === 0x3b || code === 0x3a)) return -1;
	}

	return -1;
}

/** Where an OSC sequence's text ends (BEL or ESC \) and the next character starts. */
function oscEnd(line: string, from: number): {start: number; next: number} | undefined {
	for (let index = from; index < line.length; index++) {
		const code = line.charCodeAt(index);
		if (code === 0x07) return {start: index, next: index + 1};
		if (code === 0x1b) return line[index + 1] === '\\' ? {start: index, next: index + 2} : undefined;
	}

	return undefined;
}

/** The cells from `start` to `stop` as text that leaves no style or link open. */
function cellsText(cells: Cells, start: number, stop: number): string {
	let out = '';
	let style = '';
	for (let index = start; index < stop; index++) {
		const next = cells.styles[index]!;
		if (next !== style) {
			out += closing(style) + next;
			style = next;
		}

		out += cells.chars[index]!;
	}

	return out + closing(style);
}

/** Ends a style: SGR reset when one is in force, link close when a link is open. */
function closing(style: string): string {
	if (style === '') return '';
	const linked = style.startsWith('\u001B]8;');
	const coloured = linked ? style.includes('\u001B[') : true;
	return (coloured ? sgrReset : '') + (linked ? linkClose : '');
}

const sum = (values: readonly number[], from: number, to: number) => {
	let total = 0;
	for (let index = from; index < to; index++) total += values[index]!;
	return total;
};

/**
 * A run of cells to write: from `column`, `text`, after which the cursor is
 * `width` cells further on; `sure` when every character in it is one terminals
 * agree takes one cell (printable ASCII, Latin letters, box drawing, blocks).
 */
export type CellRun = {readonly column: number; readonly text: string; readonly width: number; readonly sure: boolean};

/**
 * The bytes that turn `previous` (on screen, cursor somewhere on its row) into
 * `next`: the whole line when there was none or it cannot be diffed; else the
 * changed cells, after a move to their column, and an erase to the end of
 * the line when the line's width changed. Empty when nothing visible changed.
 */
export function changedCells(previous: string | undefined, next: string): string {
	const run = changedRun(previous, next);
	return run ? cursorColumn(run.column) + run.text : '';
}

/**
 * The cells that turn `previous` into `next` (see `changedCells`), or
 * undefined when nothing visible changed. A changed number is widened to its
 * whole word (so `12/45` reaches the terminal as such, not as `2`); other
 * text is written from the first cell that changed (a typed character is one
 * cell, not its whole word again).
 */
export function changedRun(previous: string | undefined, next: string): CellRun | undefined {
	if (previous === next) return undefined;
	const before = previous === undefined ? undefined : cachedCells(previous);
	const after = cachedCells(next);
	if (!before || !after)
		return {column: 0, text: next + eraseEndLine, width: after ? sum(after.widths, 0, after.chars.length) : Number.POSITIVE_INFINITY, sure: false};
	const same = (a: number, b: number) => before.chars[a] === after.chars[b] && before.styles[a] === after.styles[b];
	const beforeLength = before.chars.length;
	const afterLength = after.chars.length;
	let start = 0;
	while (start < beforeLength && start < afterLength && same(start, start)) start++;
	const beforeWidth = sum(before.widths, 0, beforeLength);
	const afterWidth = sum(after.widths, 0, afterLength);
	let stop = afterLength;
	if (beforeWidth === afterWidth) {
		let end = 0;
		while (end < beforeLength - start && end < afterLength - start && same(beforeLength - 1 - end, afterLength - 1 - end)) end++;
		stop = afterLength - end;
		if (stop <= start) return undefined;
	}

	if (hasDigit(after.chars, start, stop)) {
		while (start > 0 && after.chars[start - 1] !== ' ') start--;
		if (beforeWidth === afterWidth) while (stop < afterLength && after.chars[stop] !== ' ') stop++;
	}

	const column = sum(after.widths, 0, start);
	if (beforeWidth !== afterWidth)
		return {column, text: cellsText(after, start, afterLength) + eraseEndLine, width: afterWidth - column, sure: sureWidths(after.chars, start, afterLength)};
	return {column, text: cellsText(after, start, stop), width: sum(after.widths, start, stop), sure: sureWidths(after.chars, start, stop)};
}

/** True when every cell from `start` to `stop` holds one character that terminals agree takes one cell (see CellRun). */
function sureWidths(chars: readonly string[], start: number, stop: number): boolean {
	for (let index = start; index < stop; index++) {
		const char = chars[index]!;
		const code = char.charCodeAt(0);
		if (char.length !== 1 || !((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0x2_4f) || (code >= 0x25_00 && code <= 0x25_9f))) return false;
	}

	return true;
}

/** True when a cell from `start` to `stop`, or the word around them, holds a digit. */
function hasDigit(chars: readonly string[], start: number, stop: number): boolean {
	let from = start;
	while (from > 0 && chars[from - 1] !== ' ') from--;
	let to = stop;
	while (to < chars.length && chars[to] !== ' ') to++;
	for (let index = from; index < to; index++) {
		const code = chars[index]!.charCodeAt(0);
		if (code >= 48 && code <= 57) return true;
	}

	return false;
}

/** The last frames' lines, each read once: a line on screen is the `previous` of the next frame. */
const cellsCache = new Map<string, Cells | undefined>();
const cellsCacheLimit = 2000;

function cachedCells(line: string): Cells | undefined {
	if (cellsCache.has(line)) return cellsCache.get(line);
	const cells = lineCells(line);
	if (cellsCache.size >= cellsCacheLimit) cellsCache.clear();
	cellsCache.set(line, cells);
	return cells;
}
