/**
 * How a terminal slide plays when it is reached going forward: what is new
 * since the previous slide of the session (a typed command, appended output,
 * or only a highlight), and a schedule of views over time. Pure: the player
 * only supplies the clock (`viewAt(animation, elapsedMs)`).
 */
import type {Slide, TerminalLine} from '../deck/model.js';
import {inlineText} from '../deck/inline-tree.js';
import {graphemes} from '../text/graphemes.js';

type TerminalSlide = Extract<Slide, {kind: 'terminal'}>;

/** What changed from the previous slide to this one. */
export type SessionChange =
	/** Nothing new on screen. */
	| {readonly kind: 'none'}
	/** The same text with other highlights: shown at once, nothing retyped. */
	| {readonly kind: 'highlight'}
	/** Not a continuation of what was on screen: shown at once. */
	| {readonly kind: 'replace'}
	/**
	 * Lines `0..keep-1` stay as they were; line `typeLine` (if any) types from
	 * character `typeFrom`; lines from `appendFrom` appear one after another.
	 */
	| {
			readonly kind: 'play';
			readonly keep: number;
			readonly typeLine?: number;
			readonly typeFrom?: number;
			readonly appendFrom: number;
	  };

export type AnimationStep = {
	/** Milliseconds after the slide was reached. */
	readonly at: number;
	readonly visibleLines: number;
	/** Characters shown of the last visible line's content while it types. */
	readonly partialChars?: number;
};

export type TerminalAnimation = {
	readonly steps: readonly AnimationStep[];
	/** When the final state is reached. */
	readonly duration: number;
};

export type AnimationOptions = {
	/** Typing speed in characters per second. */
	readonly charactersPerSecond: number;
};

/** Pause before typing starts, so the audience sees the prompt first. */
const typingLeadMs = 300;
/** Output lines appear one per frame, like a program printing. */
const lineMs = 16;

function contentText(line: TerminalLine): string {
	return line.segments.map(segment => inlineText(segment.content)).join('');
}

function contentLength(line: TerminalLine): number {
	return graphemes(contentText(line)).length;
}

function sameText(a: TerminalLine, b: TerminalLine): boolean {
	return a.prompt === b.prompt && contentText(a) === contentText(b);
}

function sameLook(a: TerminalLine, b: TerminalLine): boolean {
	return JSON.stringify(a.segments.map(segment => segment.content)) === JSON.stringify(b.segments.map(segment => segment.content));
}

/** Where a `$$w TEXT` line's typed text starts, in characters of its content. */
function typedStart(line: TerminalLine): number | undefined {
	const first = line.segments.findIndex(segment => segment.typed);
	if (first === -1) return undefined;
	return graphemes(
		line.segments
			.slice(0, first)
			.map(segment => inlineText(segment.content))
			.join(''),
	).length;
}

/**
 * What is new on `next` compared with `previous`, the slide the presenter
 * came from (undefined when arriving from a slide that is not a terminal).
 */
export function sessionChange(previous: TerminalSlide | undefined, next: TerminalSlide): SessionChange {
	if (!previous) return arrival(next);
	const before = previous.lines;
	const after = next.lines;
	let same = 0;
	let restyled = false;
	while (same < before.length && same < after.length && sameText(before[same]!, after[same]!)) {
		if (!sameLook(before[same]!, after[same]!)) restyled = true;
		same++;
	}

	if (same === before.length && same === after.length) return restyled ? {kind: 'highlight'} : {kind: 'none'};
	if (same === before.length) return {kind: 'play', keep: same, appendFrom: same};
	const last = before.length - 1;
	if (same === last && same < after.length) {
		const old = before[same]!;
		const grown = after[same]!;
		if (old.prompt === grown.prompt && contentText(grown).startsWith(contentText(old))) {
			return {kind: 'play', keep: same, typeLine: same, typeFrom: contentLength(old), appendFrom: same + 1};
		}
	}

	return {kind: 'replace'};
}

/** Arriving from elsewhere: only `$$w TEXT` plays, typing its text. */
function arrival(next: TerminalSlide): SessionChange {
	const line = next.lines.findIndex(candidate => typedStart(candidate) !== undefined);
	if (line === -1) return {kind: 'none'};
	return {kind: 'play', keep: line, typeLine: line, typeFrom: typedStart(next.lines[line]!)!, appendFrom: next.lines.length};
}

/** The schedule for a change; undefined when there is nothing to play. */
export function scheduleAnimation(change: SessionChange, next: TerminalSlide, options: AnimationOptions): TerminalAnimation | undefined {
	if (change.kind !== 'play') return undefined;
	const steps: AnimationStep[] = [];
	let at = 0;
	let visible = change.keep;
	if (change.typeLine !== undefined) {
		const text = graphemes(contentText(next.lines[change.typeLine]!));
		visible = change.typeLine + 1;
		steps.push({at, visibleLines: visible, partialChars: change.typeFrom ?? 0});
		at += typingLeadMs;
		for (let index = change.typeFrom ?? 0; index < text.length; index++) {
			at += characterDelay(text[index]!, index, options.charactersPerSecond);
			steps.push({at, visibleLines: visible, partialChars: index + 1});
		}
	}

	for (let line = Math.max(visible, change.appendFrom); line < next.lines.length; line++) {
		if (steps.length === 0) steps.push({at, visibleLines: visible});
		at += lineMs;
		steps.push({at, visibleLines: line + 1});
	}

	if (steps.length === 0) return undefined;
	return {steps, duration: at + (change.typeLine === undefined ? 0 : lineMs)};
}

/**
 * Natural typing: about `cps` characters a second, each delay varied by a
 * deterministic jitter of up to 35 %, a longer pause after spaces and
 * punctuation.
 */
export function characterDelay(character: string, index: number, cps: number): number {
	const base = 1000 / Math.max(1, cps);
	const jitter = ((((index + 1) * 2_654_435_761) >>> 0) % 71) / 100 - 0.35;
	let delay = base * (1 + jitter);
	if (character === ' ') delay += base * 0.6;
	else if (/[.,;:!?/)]/.test(character)) delay += base * 0.8;
	return Math.round(delay);
}

/** The view at `elapsed` ms, or undefined once the final state is reached. */
export function viewAt(animation: TerminalAnimation, elapsed: number): AnimationStep | undefined {
	if (elapsed >= animation.duration) return undefined;
	let found = animation.steps[0];
	for (const step of animation.steps) {
		if (step.at > elapsed) break;
		found = step;
	}

	return found;
}

/** The animation for arriving at slide `index` from slide `from`, or undefined. */
export function animationFor(slides: readonly Slide[], from: number, index: number, options: AnimationOptions): TerminalAnimation | undefined {
	const next = slides[index];
	if (next?.kind !== 'terminal' || from !== index - 1) return undefined;
	const previous = slides[from];
	return scheduleAnimation(sessionChange(previous?.kind === 'terminal' ? previous : undefined, next), next, options);
}
