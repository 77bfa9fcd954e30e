/**
 * Pictures as half-block cells: each cell shows two pixels, `▀` with the
 * top pixel as foreground and the bottom one as background (`▄` with only a
 * foreground when just the bottom pixel is drawn, a plain space when neither
 * is), so a picture `w` x `h` pixels is `w` cells wide and `ceil(h / 2)` rows
 * tall. Used by big emoji (emoji/painter.ts) and image slides (images/).
 *
 * Transparency: the terminal's background colour is unknown, so nothing is
 * blended against it. After scaling, a pixel at least half covered (alpha >=
 * 50%) is drawn in its own colour (un-premultiplied: the average colour of
 * the covered part), a less covered one is left to the terminal background
 * (no colour at all). This keeps each shape's area, and edges never get a
 * halo of a guessed background colour.
 *
 * Pure (`pixelGlyphInSlices` gives the event loop a turn between bands).
 */
import type {Glyph, Line, Segment} from '../frame/frame.js';
import {nearest256, paletteHex, rgbHex} from '../render/ansi.js';
import type {PremultipliedImage} from './scale.js';

/** A pixel is drawn when at least this opaque (0-255), else left to the terminal background. */
export const alphaThreshold = 127.5;

const upper = '▀';
const lower = '▄';

/** `#rrggbb` of a pixel (premultiplied, alpha > 0), snapped to the 256-colour palette at level 2. */
function pixelColour(data: Float32Array, index: number, level: 2 | 3): string {
	const factor = 255 / data[index + 3]!;
	const channel = (offset: number) => Math.min(255, Math.max(0, Math.round(data[index + offset]! * factor)));
	const r = channel(0);
	const g = channel(1);
	const b = channel(2);
	return level === 2 ? paletteHex(nearest256(r, g, b)) : rgbHex(r, g, b);
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

/** Cells painted per turn of the event loop (about a millisecond's work), so a big picture never holds up a keypress. */
const cellsPerSlice = 2048;

/** `pixelGlyph` of the picture, a band of rows at a time with a turn of the event loop between bands; undefined when `stop` says so. */
export async function pixelGlyphInSlices(image: PremultipliedImage, level: 2 | 3, stop: () => boolean): Promise<Glyph | undefined> {
	const rowsPerSlice = Math.max(1, Math.floor(cellsPerSlice / Math.max(1, image.width)));
	const lines: Glyph['lines'] = [];
	for (let top = 0; top < image.height; top += 2 * rowsPerSlice) {
		if (lines.length > 0) await new Promise(setImmediate);
		if (stop()) return undefined;
		const height = Math.min(2 * rowsPerSlice, image.height - top);
		const band = image.data.subarray(top * image.width * 4, (top + height) * image.width * 4);
		lines.push(...pixelGlyph({width: image.width, height, data: band}, level).lines);
	}

	return {width: image.width, height: lines.length, lines};
}
