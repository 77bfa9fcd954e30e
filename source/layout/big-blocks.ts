/**
 * Blocks, the pieces big text is composed of: rectangles of rows, each row a
 * list of segments exactly `width` cells wide. A run of characters drawn by
 * figlet (cached), blank space, blocks side by side, and a row emitted as a
 * line in the title's style.
 */
import type {Line, Segment, Style} from '../frame/frame.js';
import {sameStyle} from '../text/segments.js';
import {figletRows, isBlank, quadrantBits, type FontSpec} from './big-fonts.js';
import type {FontMetrics} from './big-font-metrics.js';
import {append, largest} from '../frame/lists.js';

/** Segments without a style get the title's style when the line is emitted. */
export type Block = {
	readonly width: number;
	/** `core + desc` rows (in output cells, so scaled). */
	readonly rows: readonly (readonly Segment[])[];
	/** Whether anything is drawn in the descender rows. */
	readonly descInk: boolean;
};

const runCache = new Map<string, Block>();
const runCacheLimit = 4000;

/** How a cell of a block font is drawn `y` rows tall: its rows, top first (a half block stays a half of the whole). */
const tallCells: Readonly<Record<string, Readonly<Record<2 | 3, readonly string[]>>>> = {
	'▀': {2: ['█', ' '], 3: ['█', '▀', ' ']},
	'▄': {2: [' ', '█'], 3: [' ', '▄', '█']},
};

const halfBlocks = [' ', '▀', '▄', '█'];

/** A quadrant character two cells wide: each half of it a cell of its own, drawn with half blocks. */
function wideQuadrant(cell: string): string | undefined {
	const bits = quadrantBits.get(cell);
	if (bits === undefined) return undefined;
	return halfBlocks[(bits & 1) | ((bits >> 1) & 2)]! + halfBlocks[((bits >> 1) & 1) | ((bits >> 2) & 2)]!;
}

/** A middle dot (the stand-in for `•`) drawn `x` cells wide and `y` rows tall: a small centred square. */
function dotCells(x: number, y: 1 | 2 | 3): string[] {
	if (y === 1) return ['·'.repeat(x)];
	if (y === 2) return x === 2 ? ['▗▖', '▝▘'] : ['▄'.repeat(x), '▀'.repeat(x)];
	return [' '.repeat(x), '█'.repeat(x), ' '.repeat(x)];
}

/** Scales the rows of a block font: each cell becomes `x` cells wide and `y` rows tall. */
function scaleRows(rows: readonly string[], x: number, y: 1 | 2 | 3): string[] {
	if (x === 1 && y === 1) return [...rows];
	const scaled: string[] = [];
	for (const row of rows) {
		const out = Array.from({length: y}, () => '');
		for (const cell of row) {
			const wide = x === 2 && y === 1 ? wideQuadrant(cell) : undefined;
			const parts = cell === '·' ? dotCells(x, y) : wide === undefined ? undefined : [wide];
			for (let part = 0; part < y; part++) {
				out[part] += parts ? parts[part]! : (y === 1 ? cell : (tallCells[cell]?.[y][part] ?? cell)).repeat(x);
			}
		}

		scaled.push(...out);
	}

	return scaled;
}

/** A run of covered characters drawn by figlet, blank rows and columns at the edges trimmed. */
export function renderRun(font: FontSpec, metrics: FontMetrics, text: string): Block {
	const key = `${font.name}\u0000${text}`;
	const cached = runCache.get(key);
	if (cached) return cached;

	const raw = figletRows(font.figletName, text);
	const height = metrics.core + metrics.desc;
	let rows: string[] = [];
	for (let index = 0; index < height; index++) rows.push(raw[metrics.top + index] ?? '');
	const full = largest(
		rows.map(row => row.length),
		0,
	);
	rows = rows.map(row => row.padEnd(full, ' '));
	let start = 0;
	let end = full;
	while (start < end && rows.every(row => row[start] === ' ')) start++;
	while (end > start && rows.every(row => row[end - 1] === ' ')) end--;
	rows = rows.map(row => row.slice(start, end));
	rows = scaleRows(rows, font.scaleX, font.scaleY);

	const coreRows = metrics.core * font.scaleY;
	const block: Block = {
		width: (end - start) * font.scaleX,
		rows: rows.map(row => [{text: row}]),
		descInk: rows.slice(coreRows).some(row => !isBlank(row)),
	};
	if (runCache.size >= runCacheLimit) runCache.clear();
	runCache.set(key, block);
	return block;
}

export function blankBlock(width: number, height: number): Block {
	const row: Segment[] = width > 0 ? [{text: ' '.repeat(width)}] : [];
	return {width, rows: Array.from({length: height}, () => row), descInk: false};
}

/** Lays blocks side by side (they all have the same number of rows). */
export function joinBlocks(blocks: readonly Block[], gaps: readonly number[]): Block {
	const height = blocks[0]?.rows.length ?? 0;
	const rows: Segment[][] = Array.from({length: height}, () => []);
	let width = 0;
	blocks.forEach((block, index) => {
		const gap = index > 0 ? (gaps[index - 1] ?? 0) : 0;
		width += gap + block.width;
		for (let row = 0; row < height; row++) {
			if (gap > 0) rows[row]!.push({text: ' '.repeat(gap)});
			append(rows[row]!, block.rows[row] ?? []);
		}
	});
	return {width, rows, descInk: blocks.some(block => block.descInk)};
}

/** Gives unstyled segments the title's style and merges neighbours of the same style. */
export function emitLine(segments: readonly Segment[], style: Style): Line {
	const out: Segment[] = [];
	for (const segment of segments) {
		if (segment.text === '') continue;
		const segmentStyle = segment.style ?? style;
		const last = out.at(-1);
		if (last && sameStyle(last.style, segmentStyle)) out[out.length - 1] = {text: last.text + segment.text, style: last.style!};
		else out.push({text: segment.text, style: segmentStyle});
	}

	return out;
}
