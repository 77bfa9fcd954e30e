/**
 * The screen the player opens on, without React: exactly what App draws in its
 * first render, so that it can be on the terminal before Ink has even loaded.
 */
import type {Deck, Slide} from '../deck/model.js';
import {initialState, type NavState, type Notice} from '../navigation/navigation.js';
import {paceAt, pacePlan} from '../rehearsal/rehearsal.js';
import type {EmojiPainter} from './big-emoji.js';
import type {Line, Size} from '../frame/frame.js';
import {planScreen} from './plan-screen.js';
import type {PictureSource} from './plan-inline-image.js';
import type {TerminalView} from './plan-terminal.js';
import {animationFor, viewAt, type AnimationOptions} from './terminal-animation.js';

/**
 * A slide as it looks on arrival from slide `from`: a terminal slide at the
 * first step of its typing (final state without motion), the cursor lit.
 */
export function arrivalView(slides: readonly Slide[], from: number, index: number, motion: AnimationOptions | undefined): TerminalView {
	const animation = motion ? animationFor(slides, from, index, motion) : undefined;
	return {cursorOn: true, ...(animation ? viewAt(animation, 0) : undefined)};
}

/** Where the player starts: the slide asked for, and a notice for the speaker when the deck was repaired. */
export function openingState(deck: Deck, start: number, notes: boolean, counter = true): NavState {
	const state = initialState(deck.slides.length, start, notes, counter);
	return deck.repair ? {...state, notice: {text: 'mojibake repaired', tone: 'info', speaker: true} satisfies Notice} : state;
}

export type OpeningInput = {
	readonly deck: Deck;
	readonly nav: NavState;
	readonly size: Size;
	/** Typing animations on, and how fast; undefined: final states only. */
	readonly motion: AnimationOptions | undefined;
	/** Link URLs as text, for terminals without hyperlinks. */
	readonly showUrls: boolean;
	readonly emoji?: EmojiPainter;
	readonly targetMs?: number;
	/** The speaker's own terminal: notes full screen. */
	readonly presenter: boolean;
	/** Wall-clock time for the presenter's clock. */
	readonly now: number;
	/** Remote viewers watching (`lectern serve`). */
	readonly viewers?: number;
	/** Pictures as the player's first render has them (on their way); absent: alt text. */
	readonly pictures?: PictureSource;
};

/**
 * The opening screen: a terminal slide at the first step of its animation with
 * the cursor lit, timers at zero. Decks that open on an image are drawn by the
 * player itself (pictures come from a worker); a slide moved to before the
 * player loads (present.ts) has its pictures on their way, as the player's
 * first render has them.
 */
export function openingScreen({deck, nav, size, motion, showUrls, emoji, targetMs, presenter, now, viewers, pictures}: OpeningInput): Line[] {
	const pace = paceAt(pacePlan(deck.slides, targetMs), nav.index, 0);
	const clock = {elapsedMs: 0, slideMs: 0, now, ...(pace ? {pace} : {})};
	const layout = {
		showUrls,
		shortCaptionUrls: true,
		terminal: arrivalView(deck.slides, nav.from, nav.index, motion),
		...(emoji ? {emoji} : {}),
		...(pictures ? {pictures} : {}),
	};
	return planScreen({slides: deck.slides, nav, size, layout, clock, paneOnly: presenter, viewers});
}
