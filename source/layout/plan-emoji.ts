/**
 * Emoji slides (`#= .e[🦄<br>🏢]`): rows of emoji, as big as the area allows
 * when a painter can draw them as pictures, else the emoji themselves.
 */
import type {EmojiPainter} from './big-emoji.js';
import {centerEach} from './compose.js';
import type {Glyph, Line, Segment, Size} from '../frame/frame.js';
import {mergeSegments} from '../text/segments.js';
import {append, largest} from '../frame/lists.js';

/** Glyphs never get taller than this many rows, however big the terminal (a 32-row emoji is 64 columns wide). */
const maxGlyphRows = 32;
const minGlyphRows = 2;
const columnGap = 2;

/** Blank rows kept above and below the emoji, when the box is tall enough to spare them. */
function verticalMargin(rows: number): number {
	return rows >= 12 ? 1 : 0;
}

/**
 * Pictures smaller than this many rows are a blur from the back of a room: the
 * deck's own rows of emoji are kept when they are drawn at least this tall,
 * else the emoji are laid out again in the number of rows that draws them
 * largest (three stacked emoji side by side on an 80x24 screen).
 */
export const preferredEmojiRows = 8;
/** Regrouping tries at most this many rows. */
const maxRegroupRows = 6;

export function planEmoji(rows: readonly (readonly string[])[], box: Size, painter?: EmojiPainter): Line[] {
	if (!painter) return centerEach(plainRows(rows), box.columns);
	const glyphRows = largestLayout(rows, box, painter);
	if (!glyphRows) return centerEach(plainRows(rows), box.columns);
	const lines: Line[] = [];
	glyphRows.forEach((glyphs, index) => {
		if (index > 0) lines.push([]);
		append(lines, joinGlyphs(glyphs));
	});
	return centerEach(lines, box.columns);
}

function plainRows(rows: readonly (readonly string[])[]): Line[] {
	const lines: Line[] = [];
	rows.forEach((row, index) => {
		if (index > 0) lines.push([]);
		lines.push([{text: row.join(' '.repeat(columnGap))}]);
	});
	return lines;
}

/** The deck's rows when their pictures are tall enough, else the grouping of the same emoji, in order, that draws them tallest. */
function largestLayout(rows: readonly (readonly string[])[], box: Size, painter: EmojiPainter): Glyph[][] | undefined {
	let best = bestFit(rows, box, painter);
	if (best && tallest(best) >= preferredEmojiRows) return best;
	const clusters = rows.flat();
	for (let count = 1; count <= Math.min(clusters.length, maxRegroupRows); count++) {
		const perRow = Math.ceil(clusters.length / count);
		const regrouped = Array.from({length: Math.ceil(clusters.length / perRow)}, (_, index) => clusters.slice(index * perRow, (index + 1) * perRow));
		if (regrouped.length !== count) continue;
		const fitted = bestFit(regrouped, box, painter);
		if (fitted && (!best || tallest(fitted) > tallest(best))) best = fitted;
	}

	return best;
}

function tallest(glyphRows: readonly (readonly Glyph[])[]): number {
	return largest(
		glyphRows.flatMap(glyphs => glyphs.map(glyph => glyph.height)),
		0,
	);
}

/** The largest glyph height (in rows) to try: every row of emoji, the blank rows between them and the margins within the box, capped. */
export function maxEmojiHeight(rowCount: number, box: Size): number {
	if (rowCount <= 0) return 0;
	const free = box.rows - (rowCount - 1) - 2 * verticalMargin(box.rows);
	return Math.min(maxGlyphRows, Math.floor(free / rowCount));
}

/**
 * The tallest glyph height at which every row fits the box, or undefined.
 * Glyph widths grow with their height, so the height is found by bisection
 * (a handful of painter calls rather than one per candidate height).
 */
function bestFit(rows: readonly (readonly string[])[], box: Size, painter: EmojiPainter): Glyph[][] | undefined {
	const tried = new Map<number, Glyph[][] | undefined>();
	const attempt = (height: number): Glyph[][] | undefined => {
		if (tried.has(height)) return tried.get(height);
		const glyphRows = rows.map(row => row.map(cluster => painter(cluster, height)));
		const fits = glyphRows.every(
			glyphs =>
				glyphs.every(glyph => glyph.height <= height) && glyphs.reduce((sum, glyph) => sum + glyph.width, 0) + columnGap * (glyphs.length - 1) <= box.columns,
		);
		tried.set(height, fits ? glyphRows : undefined);
		return fits ? glyphRows : undefined;
	};

	let high = maxEmojiHeight(rows.length, box);
	let low = minGlyphRows;
	if (high < low || !attempt(low)) return undefined;
	if (attempt(high)) return attempt(high);
	high--;
	while (low < high) {
		const middle = Math.ceil((low + high) / 2);
		if (attempt(middle)) low = middle;
		else high = middle - 1;
	}

	return attempt(low);
}

/** Glyphs side by side, bottom-aligned. */
function joinGlyphs(glyphs: readonly Glyph[]): Line[] {
	const height = largest(
		glyphs.map(glyph => glyph.height),
		0,
	);
	const lines: Line[] = [];
	for (let row = 0; row < height; row++) {
		const segments: Segment[] = [];
		glyphs.forEach((glyph, index) => {
			if (index > 0) segments.push({text: ' '.repeat(columnGap)});
			const offset = height - glyph.height;
			const line = row >= offset ? glyph.lines[row - offset] : undefined;
			segments.push(...(line ?? [{text: ' '.repeat(glyph.width)}]));
		});
		lines.push(mergeSegments(segments));
	}

	return lines;
}
