/**
 * A talk played through, for a recording: when each slide is reached, the
 * player's screen at every step of its typing (the player's schedule), and
 * how long it then stays. Pure: screens come from the player's own
 * `planScreen`, at the size of the recording.
 */
import type {Deck} from '../deck/model.js';
import {initialState} from '../navigation/navigation.js';
import type {Line} from '../frame/frame.js';
import {arrivalView} from '../layout/opening-screen.js';
import {planScreen} from '../layout/plan-screen.js';
import type {TerminalView} from '../layout/plan-terminal.js';
import {animationFor, type AnimationOptions, type TerminalAnimation} from '../layout/terminal-animation.js';
import {layoutOptions, type PageOptions} from './pages.js';

/** How long a slide stays: `pause` after its typing has finished, or `total` from arrival (a rehearsal's time on it). */
export type SlideHold = {readonly kind: 'pause' | 'total'; readonly ms: number};

type TimelineSlide = {
	readonly index: number;
	/** ms from the start of the recording. */
	readonly at: number;
	readonly animation?: TerminalAnimation;
};

export type Timeline = {
	readonly deck: Deck;
	readonly options: PageOptions;
	readonly motion: AnimationOptions;
	readonly slides: readonly TimelineSlide[];
	/** When the last slide has stayed its time. */
	readonly end: number;
};

export function castTimeline(deck: Deck, holds: readonly SlideHold[], options: PageOptions, motion: AnimationOptions & {readonly animate: boolean}): Timeline {
	let at = 0;
	const slides = deck.slides.map((slide, index) => {
		const animation = motion.animate ? animationFor(deck.slides, index - 1, index, motion) : undefined;
		const entry: TimelineSlide = {index: slide.index, at, ...(animation ? {animation} : {})};
		const hold = holds[index] ?? {kind: 'pause', ms: 0};
		const typing = animation?.duration ?? 0;
		at += hold.kind === 'pause' ? typing + hold.ms : Math.max(typing, hold.ms);
		return entry;
	});
	return {deck, options, motion, slides, end: at};
}

/** The player's whole screen on slide `index`, with its terminal at `view`. */
export function playerScreen(deck: Deck, index: number, options: PageOptions, view: TerminalView = {cursorOn: true}): Line[] {
	const nav = {...initialState(deck.slides.length, index), from: index - 1};
	return planScreen({slides: deck.slides, nav, size: options.size, layout: {...layoutOptions(options), terminal: view}});
}

/** Every screen of the recording in time order; `onSlide` hears each slide done. */
export function* castScreens(timeline: Timeline, onSlide: () => void): Generator<{at: number; lines: readonly Line[]}> {
	const {deck, options} = timeline;
	for (const slide of timeline.slides) {
		if (slide.animation) {
			// The arrival is the player's own opening view of the slide (the first step, cursor lit).
			yield {at: slide.at, lines: playerScreen(deck, slide.index, options, arrivalView(deck.slides, slide.index - 1, slide.index, timeline.motion))};
			for (const step of slide.animation.steps.slice(1))
				yield {at: slide.at + step.at, lines: playerScreen(deck, slide.index, options, {cursorOn: true, ...step})};
			yield {at: slide.at + slide.animation.duration, lines: playerScreen(deck, slide.index, options)};
		} else {
			yield {at: slide.at, lines: playerScreen(deck, slide.index, options)};
		}

		onSlide();
	}
}
