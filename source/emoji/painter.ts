/**
 * Big emoji as half-block pixel art: each cell shows two pixels, `▀` with the
 * top pixel as foreground and the bottom one as background (`▄` with only a
 * foreground when just the bottom pixel is drawn, a plain space when neither
 * is). A glyph `h` rows tall is a `2h` x `2h` pixel picture, `2h` cells wide:
 * cells are about twice as tall as wide, so the emoji stays square.
 *
 * Transparency: the terminal's background colour is unknown, so nothing is
 * blended against it. After scaling, a pixel at least half covered (alpha >=
 * 50%) is drawn in its own colour (un-premultiplied: the average colour of
 * the covered part), a less covered one is left to the terminal background
 * (no colour at all). This keeps each shape's area, and edges never get a
 * halo of a guessed background colour.
 *
 * Pure except for reading the image set on first use (see asset.ts).
 */
import {plainEmojiGlyph, type EmojiPainter, type Glyph} from '../layout/big-text.js';
import type {Line, Segment} from '../frame/frame.js';
import {nearest256} from '../render/ansi.js';
import {findEmoji, loadEmojiAsset, type EmojiAsset} from './asset.js';
import {resizePremultiplied, type PremultipliedImage} from '../raster/scale.js';

export type EmojiPainterOptions = {
	/** 3: 24-bit colour; 2: 256 colours (pixels are snapped to the xterm palette so equal cells merge). */
	readonly level: 2 | 3;
	/** The image set; by default the bundled one, read on first use. */
	readonly asset?: EmojiAsset;
};

/** A pixel is drawn when at least this opaque (0-255), else left to the terminal background. */
export const alphaThreshold = 127.5;

const upper = '▀';
const lower = '▄';

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

/** `#rrggbb` of a pixel (premultiplied, alpha > 0), snapped to the 256-colour palette at level 2. */
function pixelColour(data: Float32Array, index: number, level: 2 | 3): string {
	const factor = 255 / data[index + 3]!;
	const channel = (offset: number) => Math.min(255, Math.max(0, Math.round(data[index + offset]! * factor)));
	const r = channel(0);
	const g = channel(1);
	const b = channel(2);
	return level === 2 ? paletteHex(nearest256(r, g, b)) : hex(r, g, b);
}

function hex(r: number, g: number, b: number): string {
	return `#${((r << 16) | (g << 8) | b).toString(16).padStart(6, '0')}`;
}

const cubeSteps = [0, 95, 135, 175, 215, 255];
const paletteHexes = new Map<number, string>();

/** `#rrggbb` of an xterm 256-colour palette entry from 16 up (the ones `nearest256` picks). */
function paletteHex(index: number): string {
	let cached = paletteHexes.get(index);
	if (cached === undefined) {
		if (index >= 232) {
			const grey = 8 + (index - 232) * 10;
			cached = hex(grey, grey, grey);
		} else {
			const cube = index - 16;
			cached = hex(cubeSteps[Math.floor(cube / 36) % 6]!, cubeSteps[Math.floor(cube / 6) % 6]!, cubeSteps[cube % 6]!);
		}

		paletteHexes.set(index, cached);
	}

	return cached;
}

/**
 * A pixel picture (premultiplied; an odd last row counts as transparent
 * below) as half-block cells: `ceil(height / 2)` rows, `width` cells each.
 */
export function pixelGlyph(image: PremultipliedImage, level: 2 | 3): Glyph {
	const {width, data} = image;
	const rows = Math.ceil(image.height / 2);
	const lines: Line[] = [];
	const colourAt = (x: number, y: number): string | undefined => {
		if (y >= image.height) return undefined;
		const index = (y * width + x) * 4;
		return data[index + 3]! >= alphaThreshold ? pixelColour(data, index, level) : undefined;
	};

	for (let row = 0; row < rows; row++) {
		const segments: Segment[] = [];
		let text = '';
		let runFg: string | undefined;
		let runBg: string | undefined;
		const flush = () => {
			if (text === '') return;
			if (runFg === undefined) segments.push({text});
			else segments.push({text, style: runBg === undefined ? {fg: runFg as `#${string}`} : {fg: runFg as `#${string}`, bg: runBg as `#${string}`}});
			text = '';
		};

		for (let column = 0; column < width; column++) {
			const top = colourAt(column, row * 2);
			const bottom = colourAt(column, row * 2 + 1);
			let cell: string;
			let fg: string | undefined;
			let bg: string | undefined;
			if (top !== undefined) {
				cell = upper;
				fg = top;
				bg = bottom;
			} else if (bottom === undefined) {
				cell = ' ';
			} else {
				cell = lower;
				fg = bottom;
			}

			if (text !== '' && (fg !== runFg || bg !== runBg)) flush();
			runFg = fg;
			runBg = bg;
			text += cell;
		}

		flush();
		lines.push(segments);
	}

	return {width, height: rows, lines};
}
