/**
 * Emoji slides (`#= .e[🦄<br>🏢]`): rows of emoji, as big as the area allows
 * when a painter can draw them as pictures, else the emoji themselves.
 */
import type {EmojiPainter, Glyph} from './big-text.js';
import {centerEach} from './compose.js';
import type {Line, Segment, Size} from './frame.js';
import {mergeSegments} from './styled-text.js';

/** Glyphs never get taller than this many rows, however big the terminal. */
const maxGlyphRows = 32;
const columnGap = 2;

export function planEmoji(rows: readonly (readonly string[])[], box: Size, painter?: EmojiPainter): Line[] {
	if (!painter) return centerEach(plainRows(rows), box.columns);
	const glyphRows = bestFit(rows, box, painter);
	if (!glyphRows) return centerEach(plainRows(rows), box.columns);
	const lines: Line[] = [];
	glyphRows.forEach((glyphs, index) => {
		if (index > 0) lines.push([]);
		lines.push(...joinGlyphs(glyphs));
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

/** The tallest glyph height at which every row fits the box, or undefined. */
function bestFit(rows: readonly (readonly string[])[], box: Size, painter: EmojiPainter): Glyph[][] | undefined {
	const gaps = rows.length - 1;
	for (let height = Math.min(maxGlyphRows, Math.floor((box.rows - gaps) / rows.length)); height >= 2; height--) {
		const glyphRows = rows.map(row => row.map(cluster => painter(cluster, height)));
		const fits = glyphRows.every(glyphs => glyphs.reduce((sum, glyph) => sum + glyph.width, 0) + columnGap * (glyphs.length - 1) <= box.columns);
		if (fits) return glyphRows;
	}

	return undefined;
}

/** Glyphs side by side, bottom-aligned. */
export function joinGlyphs(glyphs: readonly Glyph[]): Line[] {
	const height = Math.max(0, ...glyphs.map(glyph => glyph.height));
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
