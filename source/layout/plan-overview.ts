/**
 * The overview: every slide as a numbered cell with its kind and title, in a
 * grid that scrolls to keep the cursor in view.
 */
import type {Slide, SlideKind} from '../deck/model.js';
import {slideTitle} from '../deck/slide-title.js';
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
export function overviewColumns(columns: number): number {
	return Math.max(1, Math.floor(columns / cellWidth));
}

export function planOverview(slides: readonly Slide[], current: number, cursor: number, box: Size): Line[] {
	const columns = overviewColumns(box.columns);
	const width = Math.floor(box.columns / columns);
	const gridRows = Math.max(1, box.rows - 2);
	const totalRows = Math.ceil(slides.length / columns);
	const cursorRow = Math.floor(cursor / columns);
	const firstRow = Math.min(Math.max(0, cursorRow - Math.floor(gridRows / 2)), Math.max(0, totalRows - gridRows));
	const lines: Line[] = [
		[{text: 'Overview', style: {fg: 'heading', bold: true}}, {text: '  arrows move · Enter opens · Esc closes', style: {fg: 'muted'}}],
		[],
	];
	for (let row = firstRow; row < Math.min(totalRows, firstRow + gridRows); row++) {
		const segments: Segment[] = [];
		for (let column = 0; column < columns; column++) {
			const slide = slides[row * columns + column];
			if (slide) segments.push(...cell(slide, width, slide.index === cursor, slide.index === current));
		}

		lines.push(segments);
	}

	return lines.map(line => clipLine(line, box.columns));
}

function cell(slide: Slide, width: number, selected: boolean, current: boolean): Segment[] {
	const number = String(slide.index + 1).padStart(3);
	const full = stableText(slideTitle(slide)) || (slide.kind === 'blank' ? '(blank)' : '');
	// A title too long for its cell ends in "…", so it does not read as complete.
	const room = width - 1 - number.length - 3;
	const title = textWidth(full) <= room || room < 2 ? full : `${clipLine([{text: full}], room - 1).map(segment => segment.text).join('')}…`;
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
