/**
 * Emoji in text that a PDF's font has no glyph for, as small pictures from the
 * big emoji's image set (Twemoji): scaled to `side` pixels a side, each pixel
 * at least half covered drawn in its own colour, as the big emoji are (see
 * raster/half-blocks.ts).
 */
import {findEmoji, loadEmojiAsset} from '../emoji/index.js';
import {alphaThreshold} from '../raster/half-blocks.js';
import {resizePremultiplied} from '../raster/scale.js';
import type {PixelGrid} from '../render/pdf/pixel-rows.js';

export function emojiPixels(cluster: string, side = 16): PixelGrid | undefined {
	const found = findEmoji(cluster, loadEmojiAsset());
	if (!found) return undefined;
	const scaled = resizePremultiplied(found.image, side, side);
	const pixels = Array.from({length: side * side}, (_, index) => {
		const alpha = scaled.data[index * 4 + 3]!;
		if (alpha < alphaThreshold) return undefined;
		const channel = (offset: number) => Math.min(255, Math.max(0, Math.round((scaled.data[index * 4 + offset]! * 255) / alpha)));
		return `#${[0, 1, 2].map(offset => channel(offset).toString(16).padStart(2, '0')).join('')}`;
	});
	return {side, pixels};
}
