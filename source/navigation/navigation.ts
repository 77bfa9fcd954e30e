/**
 * Navigation as a pure reducer: (state, key) -> state. Overlays (help,
 * overview, search, blackout) take keys first; digits then Enter jump.
 */
import {commandFor} from './keymap.js';

type Overlay = 'none' | 'help' | 'overview' | 'search' | 'blackout';

export type Notice = {
	readonly text: string;
	readonly tone: 'info' | 'error';
	/** For the speaker's eyes (the presenter view), never the projector's: "mojibake repaired", "audience screen connected". */
	readonly speaker?: boolean;
};

export type NavState = {
	readonly index: number;
	readonly count: number;
	readonly overlay: Overlay;
	/** Digits typed so far for a jump ("12" then Enter). */
	readonly digits: string;
	readonly overviewCursor: number;
	/** The query being typed, while the search overlay is open. */
	readonly query: string;
	/** The last confirmed query, for `n` and `N`. */
	readonly lastQuery: string;
	/** Where the search started, to go back on Esc. */
	readonly searchOrigin: number;
	/** How many slides match the query being typed (absent while it is empty). */
	readonly searchMatches?: number;
	readonly notice?: Notice;
	readonly quit: boolean;
	/** The slide shown before the last move (for animations: only a step forward plays). */
	readonly from: number;
	/** Counts moves, so arriving at a slide again replays it. */
	readonly moves: number;
	/** The presenter view (notes pane) is shown. */
	readonly presenter: boolean;
	/** Lines the notes pane is scrolled by; back to 0 on every move. */
	readonly notesScroll: number;
	/** Counts `t` presses: each restarts the talk timer. */
	readonly timerResets: number;
	/** Counts `T` presses: each turns to the next theme (the player keeps the themes). */
	readonly themeTurns: number;
	/** The audience view's slide counter is shown (`s` toggles, `--no-status` starts without it). */
	readonly counter: boolean;
};

export type NavContext = {
	/** Slide indices whose text or notes match the query, in order. */
	readonly search: (query: string) => readonly number[];
	/** How many slides a column of the overview holds (Left and Right move a column; PgUp and PgDn a page). */
	readonly overviewRows: number;
	/** How many slides a page of the overview holds. */
	readonly overviewPage?: number;
	/** How far the current slide's notes can scroll. */
	readonly notesMaxScroll?: number;
};

export function initialState(count: number, start = 0, presenter = false, counter = true): NavState {
	return {
		index: clamp(start, count),
		count,
		overlay: 'none',
		digits: '',
		overviewCursor: 0,
		query: '',
		lastQuery: '',
		searchOrigin: 0,
		quit: false,
		from: -1,
		moves: 0,
		presenter,
		notesScroll: 0,
		timerResets: 0,
		themeTurns: 0,
		counter,
	};
}

/** After a reload: the same position, clamped to the new length. */
export function withCount(state: NavState, count: number): NavState {
	return {...state, count, index: clamp(state.index, count), overviewCursor: clamp(state.overviewCursor, count)};
}

export function navigate(state: NavState, key: string, context: NavContext): NavState {
	const next = handleKey(state, key, context);
	return next.index === state.index ? next : {...next, from: state.index, moves: state.moves + 1, notesScroll: 0};
}

/** Moves to a slide chosen elsewhere (the other presenter terminal), as a move. */
export function goTo(state: NavState, index: number): NavState {
	const target = clamp(index, state.count);
	return target === state.index ? state : {...state, index: target, from: state.index, moves: state.moves + 1, notesScroll: 0, digits: ''};
}

function handleKey(state: NavState, key: string, context: NavContext): NavState {
	const next = {...state, notice: undefined};
	switch (state.overlay) {
		case 'blackout': {
			return key === 'ctrl+c' ? {...next, quit: true} : {...next, overlay: 'none'};
		}

		case 'help': {
			return key === 'ctrl+c' ? {...next, quit: true} : {...next, overlay: 'none'};
		}

		case 'overview': {
			return overviewKey(next, key, context);
		}

		case 'search': {
			return searchKey(next, key, context);
		}

		case 'none': {
			return slideKey(next, key, context);
		}
	}
}

function slideKey(state: NavState, key: string, context: NavContext): NavState {
	if (/^\d$/.test(key)) return state.digits.length < 6 ? {...state, digits: state.digits + key} : state;
	if (state.digits !== '') {
		if (key === 'enter') return {...state, digits: '', index: clamp(Number(state.digits) - 1, state.count)};
		if (key === 'backspace') return {...state, digits: state.digits.slice(0, -1)};
		if (key === 'escape') return {...state, digits: ''};
		state = {...state, digits: ''};
	}

	switch (commandFor(key)) {
		case 'next': {
			return {...state, index: clamp(state.index + 1, state.count)};
		}

		case 'previous': {
			return {...state, index: clamp(state.index - 1, state.count)};
		}

		case 'first': {
			return {...state, index: 0};
		}

		case 'last': {
			return {...state, index: clamp(state.count - 1, state.count)};
		}

		case 'overview': {
			return {...state, overlay: 'overview', overviewCursor: state.index};
		}

		case 'search': {
			return {...state, overlay: 'search', query: '', searchOrigin: state.index};
		}

		case 'searchNext': {
			return findAgain(state, context, 1);
		}

		case 'searchPrevious': {
			return findAgain(state, context, -1);
		}

		case 'blackout': {
			return {...state, overlay: 'blackout'};
		}

		case 'presenter': {
			return {...state, presenter: !state.presenter};
		}

		case 'counter': {
			return {...state, counter: !state.counter};
		}

		case 'resetTimer': {
			return {...state, timerResets: state.timerResets + 1, notice: {text: 'timer restarted', tone: 'info'}};
		}

		case 'theme': {
			return {...state, themeTurns: state.themeTurns + 1};
		}

		case 'notesDown': {
			return {...state, notesScroll: Math.min(state.notesScroll + 5, Math.max(0, context.notesMaxScroll ?? 0))};
		}

		case 'notesUp': {
			return {...state, notesScroll: Math.max(0, state.notesScroll - 5)};
		}

		case 'help': {
			return {...state, overlay: 'help'};
		}

		case 'quit': {
			return {...state, quit: true};
		}

		case undefined: {
			return state;
		}
	}
}

function overviewKey(state: NavState, key: string, context: NavContext): NavState {
	// The overview reads top to bottom in talk order: Up and Down are the slide before and after, Left and Right a column.
	const rows = Math.max(1, context.overviewRows);
	const page = Math.max(rows, context.overviewPage ?? rows * 5);
	const move = (to: number) => ({...state, overviewCursor: clamp(to, state.count)});
	switch (key) {
		case 'down':
		case 'j': {
			return move(state.overviewCursor + 1);
		}

		case 'up':
		case 'k': {
			return move(state.overviewCursor - 1);
		}

		case 'right':
		case 'l': {
			return move(state.overviewCursor + rows);
		}

		case 'left':
		case 'h': {
			return move(state.overviewCursor - rows);
		}

		case 'pagedown': {
			return move(state.overviewCursor + page);
		}

		case 'pageup': {
			return move(state.overviewCursor - page);
		}

		case 'home':
		case 'g': {
			return move(0);
		}

		case 'end':
		case 'G': {
			return move(state.count - 1);
		}

		case 'enter':
		case 'space': {
			return {...state, overlay: 'none', index: state.overviewCursor};
		}

		case 'ctrl+c':
		case 'q': {
			return {...state, quit: true};
		}

		case 'escape':
		case 'o': {
			return {...state, overlay: 'none'};
		}

		default: {
			return state;
		}
	}
}

function searchKey(state: NavState, key: string, context: NavContext): NavState {
	switch (key) {
		case 'ctrl+c': {
			return {...state, quit: true};
		}

		case 'escape': {
			return {...state, overlay: 'none', index: state.searchOrigin, query: ''};
		}

		case 'enter': {
			if (state.query === '') return {...state, overlay: 'none'};
			const found = context.search(state.query).length > 0;
			return {
				...state,
				overlay: 'none',
				lastQuery: state.query,
				query: '',
				...(found ? {} : {notice: {text: `no match for "${state.query}"`, tone: 'error' as const}}),
			};
		}

		case 'backspace': {
			return incremental({...state, query: state.query.slice(0, -1)}, context);
		}

		default: {
			const typed = key === 'space' ? ' ' : key;
			if (Array.from(typed).length !== 1 || state.query.length >= 80) return state;
			return incremental({...state, query: state.query + typed}, context);
		}
	}
}

/** While typing a query, show the first match at or after where the search began. */
function incremental(state: NavState, context: NavContext): NavState {
	const {searchMatches: _, ...rest} = state;
	if (state.query === '') return {...rest, index: state.searchOrigin};
	const matches = context.search(state.query);
	const target = matches.find(index => index >= state.searchOrigin) ?? matches[0];
	return {...rest, index: target ?? state.searchOrigin, searchMatches: matches.length};
}

function findAgain(state: NavState, context: NavContext, direction: 1 | -1): NavState {
	if (state.lastQuery === '') return {...state, notice: {text: 'no search yet: press / to search', tone: 'info'}};
	const matches = context.search(state.lastQuery);
	if (matches.length === 0) return {...state, notice: {text: `no match for "${state.lastQuery}"`, tone: 'error'}};
	const target =
		direction === 1 ? (matches.find(index => index > state.index) ?? matches[0]!) : (matches.findLast(index => index < state.index) ?? matches.at(-1)!);
	const wrapped = direction === 1 ? target <= state.index : target >= state.index;
	return {...state, index: target, ...(wrapped ? {notice: {text: 'search wrapped', tone: 'info' as const}} : {})};
}

function clamp(index: number, count: number): number {
	if (count <= 0) return 0;
	return Math.min(Math.max(0, Math.trunc(index) || 0), count - 1);
}
