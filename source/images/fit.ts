/**
 * How big a picture is drawn in a box of terminal cells: as large as fits,
 * aspect ratio kept. In half-block pixels a cell is 1 pixel wide and 2 tall
 * (a cell is about twice as tall as it is wide), so a box of `columns` x
 * `rows` cells holds `columns` x `2 * rows` square pixels.
 *
 * Pure.
 */
import type {Size} from '../frame/frame.js';

/** The picture's size in pixels for the box, or undefined when either is empty. */
export function fitPicture(width: number, height: number, box: Size): {width: number; height: number} | undefined {
	const boxWidth = Math.floor(box.columns);
	const boxHeight = Math.floor(box.rows) * 2;
	if (!(boxWidth >= 1 && boxHeight >= 1 && width >= 1 && height >= 1)) return undefined;
	const scale = Math.min(boxWidth / width, boxHeight / height);
	return {
		width: Math.min(boxWidth, Math.max(1, Math.round(width * scale))),
		height: Math.min(boxHeight, Math.max(1, Math.round(height * scale))),
	};
}
