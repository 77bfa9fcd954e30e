/**
 * Where terminal-drawn pictures go: how many cells a picture takes in a box
 * and how many pixels are worth sending for it, and where the planned screen
 * put each picture (its blank cells carry the `Graphic`, see frame/frame.ts).
 *
 * Pure.
 */
import type {Graphic, Line, Size} from '../frame/frame.js';
import {cellWidth} from '../text/cell-width.js';

export type PixelSize = {readonly width: number; readonly height: number};

/** A cell's size in pixels when the terminal does not say: about twice as tall as wide. */
const defaultCell: PixelSize = {width: 10, height: 20};

/** No picture is sent longer than this on either side, nor with more pixels than `maxSentPixels`. */
const maxSentSide = 2048;
const maxSentPixels = 4_000_000;

export type GraphicFit = {
	/** Cells the picture is drawn over. */
	readonly columns: number;
	readonly rows: number;
	/** Pixels to send: the picture's own size at most, the cells' size in pixels at most. */
	readonly width: number;
	readonly height: number;
};

/**
 * An `image` (pixels) drawn as large as fits in `box` (cells), its aspect ratio
 * kept, on cells of `cell` pixels; undefined when either is empty.
 */
export function fitGraphic(image: PixelSize, box: Size, cell: PixelSize = defaultCell): GraphicFit | undefined {
	const columns = Math.floor(box.columns);
	const rows = Math.floor(box.rows);
	if (!(columns >= 1 && rows >= 1 && image.width >= 1 && image.height >= 1 && cell.width >= 1 && cell.height >= 1)) return undefined;
	const scale = Math.min((columns * cell.width) / image.width, (rows * cell.height) / image.height);
	const drawnWidth = image.width * scale;
	const drawnHeight = image.height * scale;
	const fitted = {
		columns: Math.min(columns, Math.max(1, Math.round(drawnWidth / cell.width))),
		rows: Math.min(rows, Math.max(1, Math.round(drawnHeight / cell.height))),
	};
	// Never more pixels than the picture has, nor than the cells show, nor than the caps.
	let sent = Math.min(1, scale);
	sent = Math.min(sent, maxSentSide / Math.max(image.width, image.height), Math.sqrt(maxSentPixels / (image.width * image.height)));
	return {
		...fitted,
		width: Math.max(1, Math.round(image.width * sent)),
		height: Math.max(1, Math.round(image.height * sent)),
	};
}

/** Inside tmux: where the pane is in the outer terminal (cells), which passthrough sequences are placed by. */
export type Passthrough = {readonly top: number; readonly left: number};

/** A picture on the screen: its top-left cell (0-based). */
export type Placement = {
	readonly graphic: Graphic;
	readonly row: number;
	readonly column: number;
};

/** Identifies a placement: the same picture in the same cells. */
export function placementKey(placement: Placement): string {
	return `${placement.graphic.key}@${placement.row},${placement.column}:${placement.graphic.columns}x${placement.graphic.rows}`;
}

/**
 * The pictures of a planned screen. A picture counts only when all its rows
 * are there, one under the other, whole and in the same column: one that was
 * clipped (a narrow pane, a preview cut short) is left out rather than drawn
 * over what is next to it.
 */
export function placementsIn(lines: readonly Line[]): Placement[] {
	const found = new Map<Graphic, Array<{row: number; column: number; width: number}>>();
	lines.forEach((line, row) => {
		let column = 0;
		for (const segment of line) {
			const width = cellWidth(segment.text);
			const graphic = segment.style?.graphic;
			if (graphic) {
				const spots = found.get(graphic) ?? [];
				spots.push({row, column, width});
				found.set(graphic, spots);
			}

			column += width;
		}
	});
	const placements: Placement[] = [];
	for (const [graphic, spots] of found) {
		const [first] = spots;
		const whole =
			first !== undefined &&
			spots.length === graphic.rows &&
			spots.every((spot, index) => spot.row === first.row + index && spot.column === first.column && spot.width === graphic.columns);
		if (whole) placements.push({graphic, row: first.row, column: first.column});
	}

	return placements;
}
