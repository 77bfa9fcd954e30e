/**
 * Pictures in the flow of a slide (`@ FILE`, an image among the text): drawn
 * at `rows` cells tall at most, as wide as the picture's shape allows; while
 * it is on its way, as many blank rows with a dim note (so nothing moves
 * when it arrives); the one-line alt text (a picture mark, a readable name
 * and the file) when it cannot be drawn, and why when the file is there.
 */
import type {Image} from '../deck/model.js';
import {readableImageName} from '../deck/slide-title.js';
import type {Glyph, Graphic, Line, Segment, Size} from '../frame/frame.js';
import {clipLine, wrapLine} from '../text/wrap.js';

/** A picture as the image store has it: drawn (in half-blocks, or by the terminal), on its way, or why not. */
export type Picture =
	| {readonly state: 'ready'; readonly glyph: Glyph}
	| {readonly state: 'graphic'; readonly graphic: Graphic}
	| {readonly state: 'pending'}
	| {readonly state: 'missing' | 'failed'; readonly reason: string};

/** The picture of an image `src`, fitted inside `box` (cells); never waits. */
export type PictureSource = (src: string, box: Size) => Picture;

/** How tall an inline picture is drawn among text in an area `rows` tall: a quarter of it, 3 to 12 rows. */
export function inlinePictureRows(rows: number): number {
	return Math.max(3, Math.min(12, Math.floor(rows / 4)));
}

/** An inline image as lines at most `width` wide and about `rows` tall (see the top of this file). */
export function planInlineImage(image: Image, width: number, rows: number, pictures: PictureSource | undefined): Line[] {
	const alt = () => wrapLine(inlineImageLine(image), width);
	if (!pictures || rows < 2 || width < 4) return alt();
	const picture = pictures(image.src, {columns: width, rows});
	switch (picture.state) {
		case 'ready': {
			return picture.glyph.lines.map(line => clipLine(line, width));
		}

		case 'graphic': {
			return graphicRows(picture.graphic);
		}

		case 'pending': {
			const lines: Line[] = Array.from({length: rows}, () => []);
			lines[Math.floor((rows - 1) / 2)] = clipLine([{text: `📷 ${image.alt ?? readableImageName(image.src)} loading…`, style: {dim: true}}], width);
			return lines;
		}

		case 'missing': {
			return alt();
		}

		default: {
			return [...alt(), ...wrapLine([{text: picture.reason, style: {dim: true}}], width)];
		}
	}
}

/** An image shown in the flow of text as one line: a picture mark, its alt text (or a name made from the file) and file. */
export function inlineImageLine(image: Image): Segment[] {
	return [
		{text: '📷 ', style: {fg: 'muted'}},
		{text: image.alt ?? readableImageName(image.src), style: {italic: true}},
		{text: ` ${image.src}`, style: {dim: true}},
	];
}

/** A terminal-drawn picture's rows: blank cells that carry it (see source/graphics/placement.ts). */
export function graphicRows(graphic: Graphic): Line[] {
	const cells = ' '.repeat(graphic.columns);
	return Array.from({length: graphic.rows}, () => [{text: cells, style: {graphic}}]);
}
