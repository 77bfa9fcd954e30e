/**
 * One viewer's side of the talk, as a pure reducer: following the presenter,
 * or (when the server lets viewers browse) looking at other slides on their
 * own until they rejoin. A viewer's keys never reach the presenter. Speaker
 * notes stay the presenter's: no key opens the presenter view, and search
 * (which reads notes too) is not offered.
 */
import {commandFor, type Command} from '../navigation/keymap.js';
import {initialState, navigate, withCount, type NavContext, type NavState, type Notice} from '../navigation/navigation.js';
import type {TerminalView} from '../layout/plan-terminal.js';
import type {TalkView} from './talk.js';

export type ViewerState = {
	/** Looking at slides on their own (only when browsing is allowed). */
	readonly browsing: boolean;
	/** Their own place while browsing. */
	readonly nav: NavState | undefined;
	/** A passing message, shown until `until` (ms since the epoch). */
	readonly notice: {readonly text: string; readonly until: number} | undefined;
	/** The viewer asked to leave. */
	readonly leave: boolean;
	/** The viewer asked for the screen to be drawn again (Ctrl-L). */
	readonly redraws: number;
};

export type ViewerRules = {
	/** Viewers may browse on their own (`--no-follow`). */
	readonly canBrowse: boolean;
	readonly count: number;
	/** How many slides a column, and a page, of the overview holds on this viewer's screen. */
	readonly overviewRows: number;
	readonly overviewPage: number;
};

const noticeMs = 4000;

export const newViewer = (now: number): ViewerState => ({
	browsing: false,
	nav: undefined,
	notice: {text: 'watching live', until: now + noticeMs},
	leave: false,
	redraws: 0,
});

/** The commands a browsing viewer may use; everything else is the presenter's. */
const browseCommands = new Set<Command>(['next', 'previous', 'first', 'last', 'overview']);

const noSearch: NavContext['search'] = () => [];

/** The viewer's state after `key`, with the talk where `talkIndex` says. */
export function viewerKey(state: ViewerState, key: string, talkIndex: number, rules: ViewerRules, now: number): ViewerState {
	if (key === 'q' || key === 'ctrl+c' || key === 'ctrl+d') return {...state, leave: true};
	if (key === 'ctrl+l') return {...state, redraws: state.redraws + 1};
	const tell = (text: string): ViewerState => ({...state, notice: {text, until: now + noticeMs}});
	if (!rules.canBrowse) return tell('read-only: following the speaker');
	const context: NavContext = {search: noSearch, overviewRows: Math.max(1, rules.overviewRows), overviewPage: rules.overviewPage};
	if (state.browsing && state.nav) {
		if (key === 'f' || (key === 'escape' && state.nav.overlay === 'none' && state.nav.digits === ''))
			return {...state, browsing: false, nav: undefined, notice: {text: 'following the speaker', until: now + noticeMs}};
		if (!allowed(state.nav, key)) return tell('f follows the speaker · q leaves');
		return {...state, nav: navigate(state.nav, key, context), notice: undefined};
	}

	const start = initialState(rules.count, talkIndex);
	if (!allowed(start, key)) return tell('← → browse · q leaves');
	return {...state, browsing: true, nav: navigate(start, key, context), notice: undefined};
}

function allowed(nav: NavState, key: string): boolean {
	if (nav.overlay === 'overview') return true;
	if (nav.overlay !== 'none') return false;
	if (/^\d$/.test(key)) return true;
	if (nav.digits !== '' && (key === 'enter' || key === 'backspace' || key === 'escape')) return true;
	const command = commandFor(key);
	return command !== undefined && browseCommands.has(command);
}

/** What a viewer's screen shows: a navigation state for the layout, the status bar's hint, and a key naming it all. */
export type ViewerScreen = {
	readonly nav: NavState;
	readonly terminal: TerminalView;
	readonly hint: string;
	readonly key: string;
};

export function viewerScreen(state: ViewerState, talk: TalkView, rules: ViewerRules, now: number): ViewerScreen {
	const passing = state.notice && state.notice.until > now ? state.notice.text : undefined;
	if (state.browsing && state.nav) {
		const text = passing ?? `speaker on ${talk.index + 1}`;
		// A reloaded deck may be shorter than where the viewer was.
		const nav: NavState = {...withCount(state.nav, rules.count), notice: {text, tone: 'info'}};
		const hint = 'f follows · q leaves';
		return {nav, terminal: {cursorOn: true}, hint, key: `b|${nav.index}|${nav.overlay}|${nav.overviewCursor}|${nav.digits}|${text}`};
	}

	const notice: Notice | undefined = passing ? {text: passing, tone: 'info'} : undefined;
	const nav: NavState = {...initialState(rules.count, talk.index), overlay: talk.blackout ? 'blackout' : 'none', ...(notice ? {notice} : {})};
	const hint = rules.canBrowse ? '← → browse · q leaves' : 'q leaves';
	return {nav, terminal: talk.terminal, hint, key: `f|${talk.key}|${passing ?? ''}|${hint}`};
}

/** When a viewer's screen changes by itself next (a notice running out), or undefined. */
export function viewerNextAt(state: ViewerState, now: number): number | undefined {
	return state.notice && state.notice.until > now ? state.notice.until : undefined;
}
