/**
 * Terminal-session slides: a framed window with a title bar, prompts, commands,
 * output and the cursor. Consecutive terminal slides are one session and share
 * one window size, so nothing moves when the next slide adds to it.
 */
import type {Slide, TerminalLine} from '../deck/model.js';
import {graphemes} from '../text/graphemes.js';
import {centerBlock} from './compose.js';
import {planBlocks} from './plan-blocks.js';
import type {Line, Segment, Size, Style} from '../frame/frame.js';
import {asciiLookAlikes} from '../text/look-alikes.js';
import {stableSegments, stableText} from '../text/stable-width.js';
import {styledSegments} from './styled-text.js';
import {mergeSegments} from '../text/segments.js';
import {clipLine, hardWrap, lineWidth, padLine} from '../text/wrap.js';
import {append, largest} from '../frame/lists.js';

type TerminalSlide = Extract<Slide, {kind: 'terminal'}>;

/** What of a terminal slide shows at a moment of its animation. */
export type TerminalView = {
	/** Show the block cursor (off during the dark half of a blink). */
	readonly cursorOn: boolean;
	/** How many lines are shown; absent means all (the final state). */
	readonly visibleLines?: number;
	/**
	 * While typing: the last shown line shows only this many characters of its
	 * content (after the prompt), with a solid cursor after them.
	 */
	readonly partialChars?: number;
};

const frame: Style = {fg: 'frame'};
const minWidth = 44;
/** Rows the window adds around its content: top border, title bar, rule, bottom border. */
const chromeRows = 4;

/** The slides that form one session with slide `index` (consecutive terminal slides). */
function sessionRange(slides: readonly Slide[], index: number): {first: number; last: number} {
	let first = index;
	let last = index;
	while (first > 0 && slides[first - 1]!.kind === 'terminal') first--;
	while (last < slides.length - 1 && slides[last + 1]!.kind === 'terminal') last++;
	return {first, last};
}

export function planTerminal(slides: readonly Slide[], index: number, whole: Size, view: TerminalView): Line[] {
	const slide = slides[index] as TerminalSlide;
	// What the slide shows above the window (a heading), when the window still has room under it.
	const heading = slide.before ? planBlocks(slide.before, whole.columns) : [];
	const above = heading.length > 0 && whole.rows - heading.length - 1 >= chromeRows + 2 ? [...centerBlock(heading, whole.columns), []] : [];
	const box = {columns: whole.columns, rows: whole.rows - above.length};
	if (box.columns < 12 || box.rows < chromeRows + 1) {
		// No room for a window: the session's lines around the focus, unframed.
		const wrapped = screenLines(slide.lines, view).map(line => hardWrap(line, box.columns));
		return wrapped
			.flat()
			.slice(scrollTop(wrapped, focusLine(slide.lines, view, wrapped.length), box.rows))
			.slice(0, box.rows);
	}

	const window = sessionWindow(slides, sessionRange(slides, index), box);
	const content = window.columns - 4;
	const wrapped = screenLines(slide.lines, view).map(line => hardWrap(line, content));
	const body = wrapped.flat();
	const inside = window.rows - chromeRows;
	const visible = body.slice(scrollTop(wrapped, focusLine(slide.lines, view, wrapped.length), inside)).slice(0, inside);
	const lines: Line[] = [
		[{text: `╭${'─'.repeat(window.columns - 2)}╮`, style: frame}],
		titleBar(slide.title, window.columns),
		[{text: `├${'─'.repeat(window.columns - 2)}┤`, style: frame}],
	];
	for (let row = 0; row < window.rows - chromeRows; row++) {
		lines.push([{text: '│ ', style: frame}, ...padLine(visible[row] ?? [], content), {text: ' │', style: frame}]);
	}

	lines.push([{text: `╰${'─'.repeat(window.columns - 2)}╯`, style: frame}]);
	return [...above, ...centerBlock(lines, box.columns)];
}

/**
 * The line the window keeps in view when the session is taller than it: the
 * line being typed while the slide plays; once played, the last highlighted
 * line (what the slide points at), else the last line.
 */
function focusLine(lines: readonly TerminalLine[], view: TerminalView, shown: number): number {
	if (view.visibleLines !== undefined) return shown - 1;
	const highlighted = lines.findLastIndex(line => lineContent(line).some(segment => segment.style?.fg === 'highlight'));
	return highlighted === -1 ? shown - 1 : highlighted;
}

/**
 * The first row shown of a session `rows` tall inside: the bottom part (where
 * the prompt is), unless the focus line would be out of it; then the focus
 * line in the middle of the window, as much of it as fits.
 */
function scrollTop(wrapped: readonly (readonly Line[])[], focus: number, rows: number): number {
	const total = wrapped.reduce((sum, line) => sum + line.length, 0);
	const bottom = Math.max(0, total - rows);
	if (focus < 0 || focus >= wrapped.length) return bottom;
	const start = wrapped.slice(0, focus).reduce((sum, line) => sum + line.length, 0);
	const height = Math.min(rows, wrapped[focus]!.length);
	if (start >= bottom) return bottom;
	return Math.max(0, Math.min(bottom, start - Math.floor((rows - height) / 2)));
}

/**
 * Window sizes by deck and session: every frame of a typing animation plans the
 * slide again, and the size depends only on the session's slides and the box.
 */
const windowSizes = new WeakMap<readonly Slide[], Map<string, Size>>();

function sessionWindow(slides: readonly Slide[], range: {first: number; last: number}, box: Size): Size {
	let sizes = windowSizes.get(slides);
	if (!sizes) {
		sizes = new Map();
		windowSizes.set(slides, sizes);
	}

	const key = `${range.first}:${range.last}:${box.columns}x${box.rows}`;
	let size = sizes.get(key);
	if (!size) {
		size = windowSize(slides.slice(range.first, range.last + 1) as TerminalSlide[], box);
		sizes.set(key, size);
	}

	return size;
}

function windowSize(session: readonly TerminalSlide[], box: Size): Size {
	const widest = largest(
		session.flatMap(slide => screenLines(slide.lines, {cursorOn: true}).map(line => lineWidth(line))),
		0,
	);
	const columns = Math.max(Math.min(minWidth, box.columns), Math.min(box.columns, widest + 4));
	const content = Math.max(1, columns - 4);
	const tallest = largest(
		session.map(slide => screenLines(slide.lines, {cursorOn: true}).flatMap(line => hardWrap(line, content)).length),
		1,
	);
	return {columns, rows: Math.min(box.rows, Math.max(chromeRows + 1, tallest + chromeRows))};
}

/** `│ ● ● ●      title      │`: the title centred on the whole bar, the dots at the left. */
function titleBar(title: string, width: number): Line {
	const inner = width - 2;
	const dots: Segment[] =
		inner >= 20
			? [
					{text: ' ●', style: {fg: 'dotRed'}},
					{text: ' ●', style: {fg: 'dotYellow'}},
					{text: ' ●', style: {fg: 'dotGreen'}},
				]
			: [];
	const dotsWidth = dots.length * 2;
	const room = Math.max(0, inner - 2 * (dotsWidth + 1));
	const shown = clipLine([{text: asciiLookAlikes(stableText(title)), style: {bold: true}}], room);
	const left = Math.max(dotsWidth + 1, Math.floor((inner - lineWidth(shown)) / 2));
	const line = padLine([...dots, {text: ' '.repeat(left - dotsWidth)}, ...shown], inner);
	return mergeSegments([{text: '│', style: frame}, ...line, {text: '│', style: frame}]);
}

/** The session's lines as styled text, before wrapping. */
function screenLines(lines: readonly TerminalLine[], view: TerminalView): Line[] {
	const count = Math.min(lines.length, view.visibleLines ?? lines.length);
	const animating = view.visibleLines !== undefined;
	return lines.slice(0, count).map((line, index) => {
		const partial = view.partialChars !== undefined && index === count - 1 ? view.partialChars : undefined;
		const segments: Segment[] = [];
		if (line.prompt !== undefined) {
			segments.push({text: asciiLookAlikes(line.prompt), style: {fg: 'prompt', bold: true}}, {text: ' $ ', style: {fg: 'muted'}});
		}

		const content = lineContent(line);
		append(segments, partial === undefined ? content : takeCharacters(content, partial));
		if (partial !== undefined) segments.push({text: '█', style: {fg: 'accent'}});
		else if (line.cursor && !animating) segments.push({text: view.cursorOn ? '█' : ' ', style: {fg: 'accent'}});
		return mergeSegments(segments);
	});
}

/** A line's content (what follows the prompt) as styled segments, look-alikes drawn as ASCII. */
function lineContent(line: TerminalLine): Segment[] {
	return stableSegments(line.segments.flatMap(segment => styledSegments(segment.content))).map(segment => ({...segment, text: asciiLookAlikes(segment.text)}));
}

/** Everything a terminal slide writes in its window as the deck has it (before look-alikes are replaced). */
export function terminalText(slide: TerminalSlide): string {
	return [
		slide.title,
		...slide.lines.map(
			line =>
				`${line.prompt ?? ''}${line.segments
					.flatMap(segment => styledSegments(segment.content))
					.map(part => part.text)
					.join('')}`,
		),
	].join('\n');
}

function takeCharacters(segments: readonly Segment[], count: number): Segment[] {
	const out: Segment[] = [];
	let left = count;
	for (const segment of segments) {
		if (left <= 0) break;
		const characters = graphemes(segment.text);
		out.push({text: characters.slice(0, left).join(''), style: segment.style});
		left -= characters.length;
	}

	return out;
}
