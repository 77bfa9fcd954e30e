/**
 * Emoji in big text: a painter draws each emoji cluster as a glyph as tall as
 * the font's letters (emoji/painter.ts draws pixel art; the default draws the
 * emoji itself), made into a block that sits on the baseline.
 */
import type {Glyph, Line, Segment} from '../frame/frame.js';
import {cellWidth} from '../text/cell-width.js';
import {lineWidth, padLine} from '../text/wrap.js';
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

/** A painter's glyph made exactly `core` rows (bottom-aligned) and its own width wide, with blank descender rows. */
export function emojiBlock(painter: EmojiPainter, cluster: string, core: number, desc: number): Block {
	let glyph: Glyph;
	try {
		glyph = painter(cluster, core);
	} catch {
		glyph = plainEmojiGlyph(cluster, core);
	}

	const measured = Math.max(0, ...glyph.lines.map(line => lineWidth(line)));
	const width = Number.isInteger(glyph.width) && glyph.width >= 0 ? glyph.width : measured;
	const lines = glyph.lines.slice(-core);
	const blank = blankBlock(width, 1).rows[0]!;
	const rows: (readonly Segment[])[] = [
		...Array.from({length: core - lines.length}, () => blank),
		...lines.map(line => padLine(line, width)),
		...Array.from({length: desc}, () => blank),
	];
	return {width, rows, descInk: false};
}
