/**
 * The one-line status bar. The speaker's (presenter view, notes pane): position,
 * slide title, draft mark, notices and the key hint; when space runs out the
 * title gives way first, then the notice. The audience's (the projector): a
 * quiet slide counter at most, and only what the person at the keyboard just
 * asked for (a slide number being typed, a search that found nothing).
 */
import type {Slide} from '../deck/model.js';
import {slideTitle} from '../deck/slide-title.js';
import type {Notice} from '../navigation/navigation.js';
import type {Line, Segment, Style} from '../frame/frame.js';
import {stableText} from '../text/stable-width.js';
import {mergeSegments} from '../text/segments.js';
import {clipLine, lineWidth} from '../text/wrap.js';

const bar: Style = {fg: 'statusFg', bg: 'statusBg'};

export type StatusInput = {
	readonly slides: readonly Slide[];
	readonly index: number;
	readonly columns: number;
	/** A passing message: "mojibake repaired", "reloaded", an error. */
	readonly notice?: Notice;
	/** Extra text on the right, e.g. a half-typed slide number ("go to 12"). */
	readonly right?: string;
	/** Remote viewers watching (`lectern serve`). */
	readonly viewers?: number;
	/** The key hint at the end, instead of `? help`. */
	readonly hint?: string;
};

export function planStatus(input: StatusInput): Line {
	const {slides, index, columns} = input;
	const slide = slides[index];
	const position: Segment = {text: ` ${slides.length === 0 ? 0 : index + 1}/${slides.length} `, style: {...bar, bold: true, fg: 'accent'}};
	const right: Segment[] = [];
	if (slide && slide.kind === 'draft') right.push({text: ' DRAFT ', style: {...bar, fg: 'draft', bold: true}});
	if (input.notice) {
		right.push({text: ` ${input.notice.text} `, style: {...bar, fg: input.notice.tone === 'error' ? 'highlight' : 'accent'}});
	}

	if (input.right) right.push({text: ` ${input.right} `, style: {...bar, bold: true}});
	if (input.viewers !== undefined) right.push({text: ` ${viewersText(input.viewers)} `, style: {...bar, fg: 'accent'}});
	right.push({text: ` ${input.hint ?? '? help'} `, style: {...bar, fg: 'muted'}});

	const title = slide ? stableText(slideTitle(slide)) : '';
	let rightLine: Line = mergeSegments(right);
	const fixed = lineWidth([position]);
	if (fixed + lineWidth(rightLine) > columns) rightLine = clipLine(rightLine, Math.max(0, columns - fixed));
	const titleSpace = Math.max(0, columns - fixed - lineWidth(rightLine) - 1);
	const titleLine =
		lineWidth([{text: ` ${title}`}]) <= titleSpace
			? [{text: ` ${title}`, style: bar}]
			: [...clipLine([{text: ` ${title}`, style: bar}], Math.max(0, titleSpace - 1)), ...(titleSpace > 1 ? [{text: '…', style: bar}] : [])];
	const gap = Math.max(0, columns - fixed - lineWidth(titleLine) - lineWidth(rightLine));
	return clipLine(mergeSegments([position, ...titleLine, {text: ' '.repeat(gap), style: bar}, ...rightLine]), columns);
}

/**
 * The audience's status line: the position, dim and without a bar (or nothing
 * when `counter` is off), then what was just typed or went wrong. Notices meant
 * for the speaker are not shown here.
 */
export function planQuietStatus(input: StatusInput & {readonly counter: boolean}): Line {
	const {slides, index, columns} = input;
	const parts: Segment[] = [];
	if (input.counter) parts.push({text: ` ${slides.length === 0 ? 0 : index + 1}/${slides.length} `, style: {fg: 'muted'}});
	if (input.notice && !input.notice.speaker) parts.push({text: ` ${input.notice.text} `, style: {fg: input.notice.tone === 'error' ? 'highlight' : 'muted'}});
	if (input.right) parts.push({text: ` ${input.right} `, style: {fg: 'muted', bold: true}});
	if (input.viewers !== undefined) parts.push({text: ` ${viewersText(input.viewers)} `, style: {fg: 'muted'}});
	return clipLine(mergeSegments(parts), columns);
}

/** How many remote viewers watch, as the status bar and the notes pane say it. */
export function viewersText(viewers: number): string {
	return `${viewers} watching`;
}
