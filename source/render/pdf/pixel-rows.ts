/**
 * Pixel cells as rectangles to fill: a row's block elements (each cell two by
 * two quarters, see cells.ts) and a small picture (an emoji the font lacks),
 * with neighbours of one colour joined, so a line of big text is a few
 * rectangles, not hundreds.
 */
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
		if (lowerKeys.has(`${span.from}:${span.to}:${span.colour}`))
			rects.push({x: span.from / 2, y: 0.5, width: (span.to - span.from) / 2, height: 0.5, colour: span.colour});
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

/** A small picture as `side` x `side` pixels, row by row: `#rrggbb`, or undefined where it is transparent. */
export type PixelGrid = {readonly side: number; readonly pixels: ReadonlyArray<string | undefined>};

/** A picture's pixels as rectangles one pixel tall (x, width and y in pixels), runs of one colour joined. */
export function gridRects(grid: PixelGrid): PixelRect[] {
	const rects: PixelRect[] = [];
	for (let y = 0; y < grid.side; y++) {
		for (const span of spans(grid.pixels.slice(y * grid.side, (y + 1) * grid.side)))
			rects.push({x: span.from, y, width: span.to - span.from, height: 1, colour: span.colour});
	}

	return rects;
}
