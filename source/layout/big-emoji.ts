/**
 * Emoji in big text: a painter draws each emoji cluster as a glyph as tall as
 * the font's letters (emoji/painter.ts draws pixel art; the default draws the
 * emoji itself), made into a block that sits on the baseline.
 */
import type {Glyph, Line, Segment} from '../frame/frame.js';
import {cellWidth} from '../text/cell-width.js';
import {graphemes} from '../text/graphemes.js';
import {blankBlock, type Block} from './big-blocks.js';

/** Draws one emoji cluster as a glyph of exactly `height` rows. */
export type EmojiPainter = (cluster: string, height: number) => Glyph;

/** The default painter: the emoji itself, on the middle row. */
export function plainEmojiGlyph(cluster: string, height: number): Glyph {
	const rows = Math.max(0, Math.floor(height));
	const width = cellWidth(cluster);
	const middle = Math.floor((rows - 1) / 2);
	const blank: Line = width > 0 ? [{text: ' '.repeat(width)}] : [];
	const lines = Array.from({length: rows}, (_, index): Line => (index === middle ? [{text: cluster}] : blank));
	return {width, height: rows, lines};
}

/** Cuts or pads a line to exactly `width` cells. */
function fitLineWidth(line: Line, width: number): Segment[] {
	const out: Segment[] = [];
	let used = 0;
	for (const segment of line) {
		const segmentWidth = cellWidth(segment.text);
		if (used + segmentWidth <= width) {
			if (segment.text !== '') out.push(segment);
			used += segmentWidth;
			continue;
		}

		let text = '';
		for (const grapheme of graphemes(segment.text)) {
			const cells = cellWidth(grapheme);
			if (used + cells > width) break;
			text += grapheme;
			used += cells;
		}

		if (text !== '') out.push({...segment, text});
		break;
	}

	if (used < width) out.push({text: ' '.repeat(width - used)});
	return out;
}

/** A painter's glyph made exactly `core` rows (bottom-aligned) and its own width wide, with blank descender rows. */
export function emojiBlock(painter: EmojiPainter, cluster: string, core: number, desc: number): Block {
	let glyph: Glyph;
	try {
		glyph = painter(cluster, core);
	} catch {
		glyph = plainEmojiGlyph(cluster, core);
	}

	const measured = Math.max(0, ...glyph.lines.map(line => line.reduce((sum, segment) => sum + cellWidth(segment.text), 0)));
	const width = Number.isInteger(glyph.width) && glyph.width >= 0 ? glyph.width : measured;
	const lines = glyph.lines.slice(-core);
	const blank = blankBlock(width, 1).rows[0]!;
	const rows: (readonly Segment[])[] = [
		...Array.from({length: core - lines.length}, () => blank),
		...lines.map(line => fitLineWidth(line, width)),
		...Array.from({length: desc}, () => blank),
	];
	return {width, rows, descInk: false};
}
