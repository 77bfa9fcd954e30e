/**
 * The whole player screen as lines: the slide (or an overlay) and the status
 * bar. Pure, so the player, tests and benchmarks see exactly the same thing.
 */
import type {Slide} from '../deck/model.js';
import type {NavState} from '../navigation/navigation.js';
import type {Line, Segment, Size} from '../frame/frame.js';
import {planHelp} from './plan-help.js';
import {planOverview} from './plan-overview.js';
import {planPresenter, type PresenterClock} from './plan-presenter.js';
import {planSlide, type LayoutOptions} from './plan-slide.js';
import {planQuietStatus, planStatus} from './plan-status.js';
import {fitRows} from './compose.js';
import {alignLine, clipLine, lineWidth, wrapLine} from '../text/wrap.js';

/** Smaller than this, the screen says so instead of drawing a slide. */
const minimumSize: Size = {columns: 20, rows: 6};

/**
 * The slide area for a terminal of `size`: one row goes to the status bar, and
 * the last row stays empty because Ink redraws everything (and clears the
 * scrollback) when a frame is as tall as the terminal.
 */
export function slideArea(size: Size): Size {
	return {columns: Math.max(1, size.columns), rows: Math.max(1, size.rows - 2)};
}

export type ScreenInput = {
	readonly slides: readonly Slide[];
	readonly nav: NavState;
	readonly size: Size;
	readonly layout: LayoutOptions;
	/** The presenter's clock, needed when the presenter view is on. */
	readonly clock?: PresenterClock;
	/** Notes only, full screen (the speaker's own terminal). */
	readonly paneOnly?: boolean;
	/** How many remote viewers watch (`lectern serve`); absent when none can. */
	readonly viewers?: number;
	/** The status bar's key hint, instead of `? help` (a remote viewer's keys). */
	readonly hint?: string;
	/** A yes-or-no question for the person at the keyboard ("Run this python block? y/n"), in place of the status bar. */
	readonly question?: string;
};

export function planScreen({slides, nav, size, layout, clock, paneOnly, viewers, hint, question}: ScreenInput): Line[] {
	const area = slideArea(size);
	if (size.columns < minimumSize.columns || size.rows < minimumSize.rows) return tooSmall(size);
	let body: readonly Line[];
	switch (nav.overlay) {
		case 'blackout': {
			// Black, not the terminal's background: on a light theme (or a projector) that would glow.
			const black: Line = [{text: ' '.repeat(size.columns), style: {bg: '#000000'}}];
			return Array.from({length: area.rows + 1}, () => black);
		}

		case 'help': {
			body = planHelp(area);
			break;
		}

		case 'overview': {
			body = planOverview(slides, nav.index, nav.overviewCursor, area);
			break;
		}

		default: {
			body =
				nav.presenter || paneOnly
					? planPresenter({
							slides,
							index: nav.index,
							area,
							layout,
							clock: clock ?? {elapsedMs: 0, slideMs: 0, now: 0},
							scroll: nav.notesScroll,
							paneOnly,
							viewers,
						})
					: planSlide(slides, nav.index, area, layout).lines;
		}
	}

	const lines = Array.from({length: area.rows}, (_, row) => body[row] ?? []);
	// The speaker's status bar in the presenter view and for a remote viewer (who needs the keys); the audience's quiet one otherwise.
	const speaker = nav.presenter || paneOnly === true || hint !== undefined;
	return [...lines, question === undefined ? statusLine(slides, nav, size.columns, viewers, hint, speaker) : questionLine(question, size.columns)];
}

/** The question on a bar of its own, the answer keys first so that a narrow screen keeps them. */
function questionLine(question: string, columns: number): Line {
	const bar = {fg: 'statusFg', bg: 'statusBg'} as const;
	const [asked = '', quoted] = question.split(' · ');
	const line: Line = [{text: ` ${asked} `, style: {...bar, fg: 'highlight', bold: true}}, ...(quoted === undefined ? [] : [{text: ` ${quoted} `, style: bar}])];
	const width = lineWidth(line);
	return clipLine(width < columns ? [...line, {text: ' '.repeat(columns - width), style: bar}] : line, columns);
}

function statusLine(slides: readonly Slide[], nav: NavState, columns: number, viewers: number | undefined, hint: string | undefined, speaker: boolean): Line {
	if (nav.overlay === 'search') {
		const matches = nav.searchMatches;
		const found: Segment[] =
			matches === undefined
				? []
				: matches === 0
					? [{text: '  no match', style: {fg: 'highlight', bold: true}}]
					: [{text: `  ${matches} ${matches === 1 ? 'slide' : 'slides'}`, style: {fg: 'accent'}}];
		return clipLine(
			[
				{text: '/', style: {fg: 'accent', bold: true}},
				{text: nav.query},
				{text: '█', style: {fg: 'accent'}},
				...found,
				{text: '  Enter to stay here · Esc to go back', style: {fg: 'muted'}},
			],
			columns,
		);
	}

	const input = {
		slides,
		index: nav.index,
		columns,
		...(nav.notice ? {notice: nav.notice} : {}),
		...(nav.digits ? {right: `go to ${nav.digits}`} : {}),
		...(viewers === undefined ? {} : {viewers}),
		...(hint === undefined ? {} : {hint}),
	};
	return speaker ? planStatus(input) : planQuietStatus({...input, counter: nav.counter});
}

function tooSmall(size: Size): Line[] {
	const rows = Math.max(1, size.rows - 1);
	const message: Line = [{text: `Too small: ${size.columns}x${size.rows} (need ${minimumSize.columns}x${minimumSize.rows})`, style: {bold: true}}];
	const wrapped = wrapLine(message, Math.max(1, size.columns)).map(line => alignLine(line, size.columns, 'center'));
	return fitRows(wrapped, rows, size.columns);
}
