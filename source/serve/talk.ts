/**
 * Where the talk is, as the presenter's player tells the viewers' server, and
 * what a viewer who follows it sees at a given time. Pure: the typing schedule
 * is a function of time (terminal-animation.ts), so a viewer plays a terminal
 * slide in step with the presenter by knowing when the presenter reached it.
 */
import type {Slide} from '../deck/model.js';
import type {TerminalView} from '../layout/plan-terminal.js';
import {animationFor, viewAt, type AnimationOptions, type TerminalAnimation} from '../layout/terminal-animation.js';

export type Talk = {
	/** The slide the presenter shows (0-based). */
	readonly index: number;
	/** The slide before the last move (a terminal slide types only on a step forward). */
	readonly from: number;
	/** Counts the presenter's moves: arriving at a slide again plays it again. */
	readonly moves: number;
	/** When the presenter reached the slide (ms since the epoch). */
	readonly since: number;
	/** The presenter cut the typing short (a key during it): the final state. */
	readonly finished: boolean;
	/** The presenter blacked out the screen. */
	readonly blackout: boolean;
};

export const openingTalk = (index: number, now: number): Talk => ({index, from: -1, moves: 0, since: now, finished: false, blackout: false});

/** What a follower sees of the talk at one moment. */
export type TalkView = {
	readonly index: number;
	readonly blackout: boolean;
	readonly terminal: TerminalView;
	/** Names this view: two views with the same key draw the same frame at the same size. */
	readonly key: string;
	/** When the view changes next by itself (typing, blinking), or undefined. */
	readonly nextAt: number | undefined;
};

/** The usual terminal cursor blink period (as the player's). */
export const blinkMs = 530;

/**
 * The view of `talk` at `now`: a terminal slide as far typed as the
 * presenter's (from the same schedule and the same start), then its cursor
 * blinking; anything else as it is.
 */
export function talkViewAt(
	talk: Talk,
	slides: readonly Slide[],
	motion: AnimationOptions | undefined,
	now: number,
	animations = new AnimationCache(),
): TalkView {
	const slide = slides[talk.index];
	const elapsed = Math.max(0, now - talk.since);
	const animation = motion && !talk.finished ? animations.get(slides, talk.from, talk.index, motion) : undefined;
	const step = animation ? viewAt(animation, elapsed) : undefined;
	let terminal: TerminalView = {cursorOn: true};
	let nextAt: number | undefined;
	if (step) {
		terminal = {cursorOn: true, ...step};
		nextAt = talk.since + (animation!.steps.find(candidate => candidate.at > elapsed)?.at ?? animation!.duration);
	} else if (motion && slide?.kind === 'terminal' && !talk.blackout) {
		// Blinking starts lit when the typing ends (or on arrival).
		const start = talk.since + (animation?.duration ?? 0);
		const phase = Math.floor(Math.max(0, now - start) / blinkMs);
		terminal = {cursorOn: phase % 2 === 0};
		nextAt = start + (phase + 1) * blinkMs;
	}

	const key = `${talk.index}|${talk.blackout ? 'b' : ''}|${terminal.cursorOn ? 1 : 0}|${terminal.visibleLines ?? ''}|${terminal.partialChars ?? ''}`;
	return {index: talk.index, blackout: talk.blackout, terminal, key, nextAt};
}

/** The schedule of the last few arrivals, so that a view is not worked out again on every tick. */
export class AnimationCache {
	private readonly kept = new Map<string, TerminalAnimation | undefined>();
	private slides: readonly Slide[] | undefined;

	get(slides: readonly Slide[], from: number, index: number, motion: AnimationOptions): TerminalAnimation | undefined {
		if (slides !== this.slides) {
			this.kept.clear();
			this.slides = slides;
		}

		const key = `${from}>${index}@${motion.charactersPerSecond}`;
		if (this.kept.has(key)) return this.kept.get(key);
		const animation = animationFor(slides, from, index, motion);
		if (this.kept.size >= 16) this.kept.delete(this.kept.keys().next().value!);
		this.kept.set(key, animation);
		return animation;
	}
}

/** A talk as sent between threads: anything else is refused. */
export function validTalk(value: unknown): value is Talk {
	if (typeof value !== 'object' || value === null) return false;
	const talk = value as Record<string, unknown>;
	const whole = (field: unknown, minimum: number) => typeof field === 'number' && Number.isInteger(field) && field >= minimum;
	return (
		whole(talk['index'], 0) &&
		whole(talk['from'], -1) &&
		whole(talk['moves'], 0) &&
		typeof talk['since'] === 'number' &&
		Number.isFinite(talk['since']) &&
		typeof talk['finished'] === 'boolean' &&
		typeof talk['blackout'] === 'boolean'
	);
}
