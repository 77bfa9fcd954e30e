/**
 * What an export draws, from the player's own layout: the slides it shows
 * (each step of an incremental slide, or only its last), each slide's frame
 * at the slide area of the player's screen, its status line and notes, and
 * the frames of a terminal slide's typing on the player's schedule. Pure:
 * every renderer (HTML, PDF, asciicast) draws these, never a layout of its own.
 */
import type {Deck, Slide} from '../deck/model.js';
import {slideTitle} from '../deck/slide-title.js';
import type {EmojiPainter} from '../layout/big-emoji.js';
import type {Frame, Line, Size} from '../frame/frame.js';
import {planBlocks} from '../layout/plan-blocks.js';
import type {PictureSource} from '../layout/plan-image.js';
import {slideArea} from '../layout/plan-screen.js';
import {planSlide, type LayoutOptions} from '../layout/plan-slide.js';
import {planStatus} from '../layout/plan-status.js';
import {animationFor, type AnimationOptions} from '../layout/terminal-animation.js';
import {clipLine} from '../text/wrap.js';

export type PageOptions = {
	/** The player's screen: the slide area is this less the status bar and the last row. */
	readonly size: Size;
	/** Every step of an incremental slide, or only its last (the whole slide). */
	readonly steps: boolean;
	/** Lay out the speaker notes. */
	readonly notes: boolean;
	/** Link URLs as text after the link (for outputs where links cannot be followed). */
	readonly showUrls: boolean;
	readonly emoji?: EmojiPainter;
	readonly pictures?: PictureSource;
};

export type Page = {
	/** The slide's 0-based index in the deck (steps count as slides, as in the player). */
	readonly index: number;
	readonly title: string;
	/** The slide as the player shows it in its final state, at the slide area. */
	readonly frame: Frame;
	/** The player's status bar for this slide. */
	readonly status: Line;
	/** The notes laid out at the slide area's width; empty without notes (or when not asked for). */
	readonly notes: readonly Line[];
};

/** The slides an export shows: all of them, or without the steps before an incremental slide's last. */
export function shownSlides(slides: readonly Slide[], steps: boolean): Slide[] {
	return steps ? [...slides] : slides.filter(slide => !slide.step || slide.step.index === slide.step.of);
}

export function layoutOptions(options: PageOptions): LayoutOptions {
	return {showUrls: options.showUrls, ...(options.emoji ? {emoji: options.emoji} : {}), ...(options.pictures ? {pictures: options.pictures} : {})};
}

/** The page of one slide. */
export function pageOf(deck: Deck, slide: Slide, options: PageOptions): Page {
	const area = slideArea(options.size);
	return {
		index: slide.index,
		title: slideTitle(slide),
		frame: planSlide(deck.slides, slide.index, area, layoutOptions(options)),
		status: planStatus({slides: deck.slides, index: slide.index, columns: area.columns}),
		notes: options.notes ? notesLines(slide, area.columns) : [],
	};
}

/** A slide's notes as lines of the slide's width, as `print --notes` shows them. */
export function notesLines(slide: Slide, columns: number): Line[] {
	if (!slide.notes || slide.notes.text.trim() === '') return [];
	return planBlocks(slide.notes.blocks, columns, {showUrls: true}).map(line => clipLine(line, columns));
}

/** One view of a typing animation: from `at` ms after arrival, the slide area shows `lines`. */
type TypingFrame = {readonly at: number; readonly lines: readonly Line[]};

export type Typing = {
	/** The views in order, the first at 0 ms; the slide's final frame follows at `duration`. */
	readonly frames: readonly TypingFrame[];
	readonly duration: number;
};

/**
 * How slide `index` types itself when reached from the slide before it, as the
 * player plays it (`animationFor`, `viewAt`); undefined when nothing plays.
 */
export function typingOf(deck: Deck, index: number, options: PageOptions, motion: AnimationOptions): Typing | undefined {
	const animation = animationFor(deck.slides, index - 1, index, motion);
	if (!animation) return undefined;
	const area = slideArea(options.size);
	const layout = layoutOptions(options);
	const frames = animation.steps.map(step => ({
		at: step.at,
		lines: planSlide(deck.slides, index, area, {...layout, terminal: {cursorOn: true, ...step}}).lines,
	}));
	return {frames, duration: animation.duration};
}
