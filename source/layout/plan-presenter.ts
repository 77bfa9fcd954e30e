/**
 * The presenter view: the slide with a notes pane beside it (below it on
 * narrow terminals) showing the timers, the clock, the notes and what comes
 * next. Pure: the clock readings come in as numbers.
 *
 * At small sizes the notes come first: they close up (no blank line between
 * paragraphs) when that makes them fit, the next slide's preview shrinks to
 * its one-line label, and a stacked slide thumbnail gives up rows down to a
 * few (or goes) so that the whole note shows without scrolling.
 */
import type {Slide} from '../deck/model.js';
import {slideTitle} from '../deck/slide-title.js';
import type {Line, Segment, Size, Style} from '../frame/frame.js';
import {formatDuration} from '../rehearsal/rehearsal.js';
import {planBlocks} from './plan-blocks.js';
import {planSlide, type LayoutOptions} from './plan-slide.js';
import {viewersText} from './plan-status.js';
import {stableSegments} from '../text/stable-width.js';
import {clipLine, padLine, wrapLine} from '../text/wrap.js';

export type PresenterClock = {
	/** Since the talk (or the timer) started. */
	readonly elapsedMs: number;
	/** Since this slide was reached. */
	readonly slideMs: number;
	/** Wall-clock time, as milliseconds since the epoch. */
	readonly now: number;
	/** Pace against the plan (checkpoints and target), in ms (positive = behind). */
	readonly pace?: {readonly behindMs: number};
};

export type PresenterInput = {
	readonly slides: readonly Slide[];
	readonly index: number;
	readonly area: Size;
	readonly layout: LayoutOptions;
	readonly clock: PresenterClock;
	/** Lines the notes are scrolled by. */
	readonly scroll: number;
	/** Full-screen notes view (second terminal): no slide, only the pane. */
	readonly paneOnly?: boolean;
	/** Remote viewers watching (`lectern serve`). */
	readonly viewers?: number | undefined;
};

const rule: Style = {fg: 'frame'};
/** Wide enough for a side-by-side split. */
const splitColumns = 100;

/** A stacked slide thumbnail smaller than this is no help: it goes. */
const minimumThumbnailRows = 5;
/** Rows of the pane around the notes when the next slide is a one-line label: timers, rule, rule, label. */
const paneChromeRows = 4;

/** Where the slide and the pane go: side by side when wide, stacked when narrow (the notes' rows first). */
function split(slides: readonly Slide[], index: number, area: Size, paneOnly: boolean | undefined): {slide?: Size; pane: Size; beside: boolean} {
	if (paneOnly) return {pane: area, beside: false};
	if (area.columns >= splitColumns) {
		const slideColumns = Math.floor(area.columns * 0.6);
		return {slide: {columns: slideColumns, rows: area.rows}, pane: {columns: area.columns - slideColumns - 3, rows: area.rows}, beside: true};
	}

	const usual = Math.max(3, Math.floor(area.rows * 0.55));
	const wanted = fittedNotes(slides[index], area.columns, area.rows - paneChromeRows).length + paneChromeRows;
	const slideRows = Math.min(usual, area.rows - 1 - wanted);
	if (slideRows < minimumThumbnailRows) return {pane: area, beside: false};
	return {slide: {columns: area.columns, rows: slideRows}, pane: {columns: area.columns, rows: area.rows - slideRows - 1}, beside: false};
}

export function planPresenter(input: PresenterInput): Line[] {
	const parts = split(input.slides, input.index, input.area, input.paneOnly);
	const pane = planPane(input, parts.pane);
	if (!parts.slide) return pane;
	const slide = planSlide(input.slides, input.index, parts.slide, input.layout).lines;
	if (parts.beside) return slide.map((line, row) => [...padLine(line, parts.slide!.columns), {text: ' │ ', style: rule}, ...(pane[row] ?? [])]);
	return [...slide, [{text: '─'.repeat(input.area.columns), style: rule}], ...pane];
}

/** How far the notes of slide `index` can scroll in the presenter view. */
export function notesScrollLimit(slides: readonly Slide[], index: number, area: Size, paneOnly?: boolean): number {
	const {pane} = split(slides, index, area, paneOnly);
	const rows = notesRows(slides, index, pane);
	return Math.max(0, fittedNotes(slides[index], pane.columns, rows).length - rows);
}

function notesRows(slides: readonly Slide[], index: number, box: Size): number {
	return Math.max(1, box.rows - 2 - nextSlide(slides, index, box).length);
}

/** The notes, closed up (no blank lines between paragraphs) when that is what fits them in `rows`. */
function fittedNotes(slide: Slide | undefined, columns: number, rows: number): Line[] {
	const notes = notesLines(slide, columns);
	return notes.length <= rows ? notes : notesLines(slide, columns, true);
}

/** The notes pane alone: header, notes (scrolled), and the next slide. */
function planPane(input: PresenterInput, box: Size): Line[] {
	const header = [timerLine(input, box.columns), [{text: '─'.repeat(box.columns), style: rule}]];
	const next = nextSlide(input.slides, input.index, box);
	const notesRows = Math.max(1, box.rows - header.length - next.length);
	const notes = fittedNotes(input.slides[input.index], box.columns, notesRows);
	const scroll = Math.min(Math.max(0, input.scroll), Math.max(0, notes.length - notesRows));
	let shown = notes.slice(scroll, scroll + notesRows);
	if (scroll + notesRows < notes.length) {
		const more = notes.length - scroll - notesRows + 1;
		// The longest wording that fits the pane.
		const hint =
			[`↓ ${more} more lines (d scrolls, u goes back)`, `↓ ${more} more lines (d, u)`, `↓ ${more} more`].find(text => text.length <= box.columns) ??
			`↓ ${more}`;
		shown = [...shown.slice(0, notesRows - 1), [{text: hint, style: {fg: 'muted', italic: true}}]];
	}

	while (shown.length < notesRows) shown.push([]);
	return [...header, ...shown, ...next].slice(0, box.rows).map(line => clipLine(line, box.columns));
}

function notesLines(slide: Slide | undefined, columns: number, compact = false): Line[] {
	if (!slide?.notes || slide.notes.text.trim() === '') return [[{text: 'No notes for this slide.', style: {fg: 'muted', italic: true}}]];
	return planBlocks(slide.notes.blocks, columns, {showUrls: true, compact}).map(line => stableSegments(line));
}

function timerLine(input: PresenterInput, columns: number): Line {
	const {clock, slides, index} = input;
	// N/M right after the talk's time, so that a narrow pane cuts the clock, not the position.
	const parts: Segment[] = [
		{text: formatDuration(clock.elapsedMs), style: {fg: 'heading', bold: true}},
		{text: ' talk  ', style: {fg: 'muted'}},
		{text: `${index + 1}/${slides.length}  `, style: {fg: 'accent', bold: true}},
	];
	if (clock.pace) {
		// "01:35 ahead", never "-01:35 ahead": the word says which way.
		const behind = clock.pace.behindMs > 0;
		parts.push({
			text: `${formatDuration(Math.abs(clock.pace.behindMs))} ${behind ? 'behind' : 'ahead'}  `,
			style: {fg: behind ? 'highlight' : 'code', bold: true},
		});
	}

	parts.push(
		{text: formatDuration(clock.slideMs), style: {bold: true}},
		{text: ' slide  ', style: {fg: 'muted'}},
		{text: formatClock(clock.now), style: {bold: true}},
		...(input.viewers === undefined ? [] : [{text: `  ${viewersText(input.viewers)}`, style: {fg: 'accent' as const}}]),
	);
	return clipLine(parts, columns);
}

function nextSlide(slides: readonly Slide[], index: number, box: Size): Line[] {
	const next = slides[index + 1];
	const notesNeed = fittedNotes(slides[index], box.columns, box.rows - paneChromeRows).length;
	const label: Line = next
		? [
				{text: 'Next: ', style: {fg: 'muted'}},
				{text: `${next.index + 1} `, style: {fg: 'accent'}},
				...stableSegments([{text: slideTitle(next) || `(${next.kind})`, style: {bold: true}}]),
				{text: `  ${next.kind}`, style: {fg: 'muted'}},
			]
		: [{text: 'Last slide.', style: {fg: 'muted', italic: true}}];
	// The preview takes only the rows the notes leave.
	const previewRows = Math.min(12, Math.floor(box.rows * 0.4), box.rows - paneChromeRows - notesNeed);
	if (!next || previewRows < 6 || box.columns < 30) return [[{text: '─'.repeat(box.columns), style: rule}], ...wrapLine(label, box.columns).slice(0, 1)];
	const preview = planSlide(slides, next.index, {columns: box.columns, rows: previewRows}, {showUrls: false}).lines.map(line =>
		stableSegments(line).map(segment => ({...segment, style: {...segment.style, dim: true}})),
	);
	return [[{text: '─'.repeat(box.columns), style: rule}], clipLine(label, box.columns), ...preview];
}

function formatClock(now: number): string {
	const date = new Date(now);
	return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
