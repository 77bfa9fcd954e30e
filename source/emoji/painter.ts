/**
 * Big emoji as half-block pixel art (see raster/half-blocks.ts): a glyph `h`
 * rows tall is a `2h` x `2h` pixel picture, `2h` cells wide: cells are about
 * twice as tall as wide, so the emoji stays square.
 *
 * Pure except for reading the image set on first use (see asset.ts).
 */
import type {Glyph} from '../frame/frame.js';
import {plainEmojiGlyph, type EmojiPainter} from '../layout/big-emoji.js';
import {pixelGlyph} from '../raster/half-blocks.js';
import {findEmoji, loadEmojiAsset, type EmojiAsset} from './asset.js';
import {resizePremultiplied} from '../raster/scale.js';

export type EmojiPainterOptions = {
	/** 3: 24-bit colour; 2: 256 colours (pixels are snapped to the xterm palette so equal cells merge). */
	readonly level: 2 | 3;
	/** The image set; by default the bundled one, read on first use. */
	readonly asset?: EmojiAsset;
};

/** Glyphs kept per painter (a slide is laid out again on every resize and frame). */
const glyphCacheSize = 256;

/**
 * Big emoji are pictures with 256 colours or more; with fewer (or none), the
 * layout shows the emoji themselves.
 */
export function emojiPainterFor(level: number): EmojiPainter | undefined {
	return level >= 2 ? createEmojiPainter({level: level as 2 | 3}) : undefined;
}

/**
 * The painter to pass as `emoji` in the layout options when colours are
 * available: emoji of the Twemoji set as pixel art, anything else (and
 * everything when the image set is missing) as the emoji itself.
 */
export function createEmojiPainter(options: EmojiPainterOptions): EmojiPainter {
	const level = options.level;
	const cache = new Map<string, Glyph>();
	return (cluster: string, height: number): Glyph => {
		const rows = Math.floor(height);
		if (!(rows >= 1)) return plainEmojiGlyph(cluster, Math.max(0, rows || 0));
		const found = findEmoji(cluster, options.asset ?? loadEmojiAsset());
		if (!found) return plainEmojiGlyph(cluster, rows);
		const key = `${rows}\u0000${found.sequence}`;
		let glyph = cache.get(key);
		if (glyph) {
			cache.delete(key);
		} else {
			glyph = pixelGlyph(resizePremultiplied(found.image, 2 * rows, 2 * rows), level);
		}

		cache.set(key, glyph);
		if (cache.size > glyphCacheSize) cache.delete(cache.keys().next().value!);
		return {width: glyph.width, height: glyph.height, lines: [...glyph.lines]};
	};
}
