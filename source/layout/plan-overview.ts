/**
 * The overview: every slide as a numbered cell with its kind and label, in a
 * grid that reads top to bottom, column after column, in talk order, using
 * the screen's rows; a deck longer than a screenful is shown a page at a time,
 * the page with the cursor. Up and Down move through the talk one slide at a
 * time; Left and Right a column (see `overviewShape`).
 */
import type {Slide, SlideKind} from '../deck/model.js';
import {slideLabel} from '../deck/slide-title.js';
import type {Line, Segment, Size} from '../frame/frame.js';
import {cellWidth as textWidth} from '../text/cell-width.js';
import {stableText} from '../text/stable-width.js';
import {clipLine, padLine} from '../text/wrap.js';

const cellWidth = 30;

const kindMarks: Readonly<Record<SlideKind, string>> = {
	title: 'T',
	emoji: 'E',
	draft: 'D',
	image: 'I',
	terminal: '$',
	text: '¶',
	blank: ' ',
};

/** How many cells fit in one row at this width. */
function overviewColumns(columns: number): number {
	return Math.max(1, Math.floor(columns / cellWidth));
}

/**
 * The overview's grid for `count` slides in `box`: as few columns as hold
 * them in the screen's rows (wider cells, whole titles), each column the rows
 * it needs; `page` slides a screenful.
 */
export function overviewShape(count: number, box: Size): {columns: number; rows: number; page: number} {
	const gridRows = Math.max(1, box.rows - 2);
	const columns = Math.max(1, Math.min(overviewColumns(box.columns), Math.ceil(count / gridRows)));
	const rows = Math.max(1, Math.min(gridRows, Math.ceil(count / columns)));
	return {columns, rows, page: rows * columns};
}

export function planOverview(slides: readonly Slide[], current: number, cursor: number, box: Size): Line[] {
	const {columns, rows, page: perPage} = overviewShape(slides.length, box);
	const width = Math.floor(box.columns / columns);
	const pages = Math.ceil(slides.length / perPage);
	const page = Math.min(Math.floor(cursor / perPage), Math.max(0, pages - 1));
	const first = page * perPage;
	const where = pages > 1 ? `  page ${page + 1}/${pages} (PgUp/PgDn)` : '';
	const lines: Line[] = [
		[
			{text: 'Overview', style: {fg: 'heading', bold: true}},
			{text: `  arrows move · Enter opens · Esc closes${where}`, style: {fg: 'muted'}},
		],
		[],
	];
	for (let row = 0; row < rows; row++) {
		const segments: Segment[] = [];
		for (let column = 0; column < columns; column++) {
			const slide = slides[first + column * rows + row];
			if (slide) segments.push(...cell(slide, width, slide.index === cursor, slide.index === current));
		}

		lines.push(segments);
	}

	return lines.map(line => clipLine(line, box.columns));
}

function cell(slide: Slide, width: number, selected: boolean, current: boolean): Segment[] {
	const number = String(slide.index + 1).padStart(3);
	const room = width - 1 - number.length - 3;
	const title = titleIn(slide, room);
	const style = selected ? {inverse: true, bold: true} : slide.kind === 'draft' ? {fg: 'draft' as const} : {};
	const body = padLine(
		[
			{text: `${number} `, style: {...style, fg: selected ? undefined : 'muted'}},
			{text: `${kindMarks[slide.kind]} `, style: {...style, fg: selected ? undefined : 'accent'}},
			{text: title, style: current && !selected ? {...style, bold: true, underline: true} : style},
		],
		width - 1,
		style,
	);
	return [...body, {text: ' '}];
}

/** Each slide's cell title at the last room asked for: moving the cursor redraws a page of cells, whose titles stay. */
const titles = new WeakMap<Slide, {readonly room: number; readonly title: string}>();

/** The slide's label in `room` cells; a title too long for its cell ends in "…", so it does not read as complete. */
function titleIn(slide: Slide, room: number): string {
	const known = titles.get(slide);
	if (known?.room === room) return known.title;
	const full = stableText(slideLabel(slide));
	const title =
		textWidth(full) <= room || room < 2
			? full
			: `${clipLine([{text: full}], room - 1)
					.map(segment => segment.text)
					.join('')}…`;
	titles.set(slide, {room, title});
	return title;
}
