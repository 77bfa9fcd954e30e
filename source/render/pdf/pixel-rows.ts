/**
 * Pixel cells as rectangles to fill: a row's block elements (each cell two by
 * two quarters, see cells.ts) and an emoji's picture, with neighbours of one
 * colour joined, so a line of big text is a few rectangles, not hundreds.
 */
import {alphaThreshold} from '../../emoji/painter.js';
import {resizePremultiplied, type RgbaImage} from '../../emoji/scale.js';
import type {CellRun} from '../cells.js';
import {cellColours, type Palette} from '../palette.js';

/** A rectangle in cells (x, width) and rows (y, height) of its line: halves are 0.5. */
export type PixelRect = {readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly colour: string};

export function pixelRows(runs: readonly CellRun[], palette: Palette): PixelRect[] {
	const top: Array<string | undefined> = [];
	const bottom: Array<string | undefined> = [];
	for (const run of runs) {
		if (run.kind !== 'blocks') continue;
		const {fg, bg} = cellColours(run.style, palette);
		run.masks.forEach((mask, offset) => {
			const at = 2 * (run.column + offset);
			top[at] = mask & 0b1000 ? fg : bg;
			top[at + 1] = mask & 0b0100 ? fg : bg;
			bottom[at] = mask & 0b0010 ? fg : bg;
			bottom[at + 1] = mask & 0b0001 ? fg : bg;
		});
	}

	const upper = spans(top);
	const lower = spans(bottom);
	const rects: PixelRect[] = [];
	const lowerKeys = new Set(lower.map(span => `${span.from}:${span.to}:${span.colour}`));
	for (const span of upper) {
		const whole = lowerKeys.delete(`${span.from}:${span.to}:${span.colour}`);
		rects.push({x: span.from / 2, y: 0, width: (span.to - span.from) / 2, height: whole ? 1 : 0.5, colour: span.colour});
	}

	for (const span of lower) {
		if (lowerKeys.has(`${span.from}:${span.to}:${span.colour}`)) rects.push({x: span.from / 2, y: 0.5, width: (span.to - span.from) / 2, height: 0.5, colour: span.colour});
	}

	return rects;
}

/** Runs of one colour along a row of half cells: [from, to). */
function spans(row: ReadonlyArray<string | undefined>): Array<{from: number; to: number; colour: string}> {
	const out: Array<{from: number; to: number; colour: string}> = [];
	for (let index = 0; index < row.length; index++) {
		const colour = row[index];
		if (colour === undefined) continue;
		const last = out.at(-1);
		if (last && last.to === index && last.colour === colour) last.to = index + 1;
		else out.push({from: index, to: index + 1, colour});
	}

	return out;
}

/**
 * An emoji's picture scaled to `side` x `side` pixels as rectangles one pixel
 * tall (x, width and y in pixels); a pixel at least half covered is drawn in
 * its own colour, as the big emoji are (see emoji/painter.ts).
 */
export function emojiRects(image: RgbaImage, side: number): PixelRect[] {
	const scaled = resizePremultiplied(image, side, side);
	const rects: PixelRect[] = [];
	for (let y = 0; y < side; y++) {
		const row: Array<string | undefined> = [];
		for (let x = 0; x < side; x++) {
			const at = (y * side + x) * 4;
			const alpha = scaled.data[at + 3]!;
			if (alpha < alphaThreshold) continue;
			const channel = (offset: number) => Math.min(255, Math.max(0, Math.round((scaled.data[at + offset]! * 255) / alpha)));
			row[x] = `#${[0, 1, 2].map(offset => channel(offset).toString(16).padStart(2, '0')).join('')}`;
		}

		for (const span of spans(row)) rects.push({x: span.from, y, width: span.to - span.from, height: 1, colour: span.colour});
	}

	return rects;
}
