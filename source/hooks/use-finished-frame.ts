/**
 * A key's screen drawn before React renders it. A slide change through React,
 * Yoga and Ink costs 3-4 ms before its first byte; the screen a key leads to
 * is the pure layout's (`movedScreen`), so the player hands Ink that frame
 * finished (the `onFinishedFrames` patch in scripts/ink-patches/ink-js.mjs):
 * Ink writes it through its own log-update and keeps it as its last output,
 * and the render that follows, the same frame, writes nothing. Should the
 * render differ after all, Ink writes the difference: the screen is always
 * the render's.
 *
 * Only where the render's inputs are known: nothing playing or asked, no
 * output of code run on the slide, no redraw under way, the size the
 * terminal has, no key handled since the last render, and no picture the
 * terminal draws itself on either screen (those follow Ink's own frames).
 *
 * The keys a talk is moved with (`keysAhead`) go further: while the player
 * waits after a render, the screens they lead to are laid out and Ink works
 * out their bytes (`planFinishedFrame`), so the key, as Ink reads it, is
 * answered with one write before Ink parses it or React hears of it. A plan
 * is dropped by any render or any write of Ink's since.
 *
 * The overview and help are laid out and planned once, when the player has
 * been idle on a slide for a moment, and the plans dropped: the code that
 * draws them then runs warm the first time they are opened (the first
 * overview at 10,000 slides took some 13 ms in the player's thread, a later
 * one 1-2 ms).
 */
import type {EventEmitter} from 'node:events';
import {useCallback, useEffect, useLayoutEffect, useMemo, useRef} from 'react';
import {placementsIn} from '../graphics/placement.js';
import type {GraphicsLayer} from '../graphics/layer.js';
import {movedScreen} from '../layout/moved-screen.js';
import type {PresenterClock} from '../layout/plan-presenter.js';
import type {ScreenInput} from '../layout/plan-screen.js';
import type {AnimationOptions} from '../layout/terminal-animation.js';
import type {NavState} from '../navigation/navigation.js';
import type {AnsiOptions} from '../render/ansi.js';
import {screenOutput} from '../render/screen-output.js';

/** Where Ink's functions land once Ink is made (the render option `onFinishedFrames`). */
export type FinishedFrames = {
	write?: (output: string) => boolean;
	/**
	 * The write of a frame worked out now, to be done later (false then when another write came first);
	 * `frame` lays it out, asked only when Ink can plan. 'later': a render of Ink's own waits on its throttle.
	 */
	plan?: (frame: () => string | undefined) => (() => boolean) | 'later' | undefined;
};

/** The keys drawn ahead, as Ink reads them (its 'input' events), with the names the player gives them (keymap.ts). */
export const keysAhead: ReadonlyMap<string, string> = new Map([
	['\u001B[C', 'right'],
	['\u001B[D', 'left'],
	['\u001B[B', 'down'],
	['\u001B[A', 'up'],
	[' ', 'space'],
	['\u001B[6~', 'pagedown'],
	['\u001B[5~', 'pageup'],
]);

/** Ink's frames, at most 60 a second (the player's `maxFps`), are this far apart. */
const throttleMs = 17;

/** The overlays laid out once ahead, by the names of their keys, and how long the player is idle first. */
const keysWarmed: readonly string[] = ['o', '?'];
const warmAfterMs = 100;

/** A screen drawn ahead: the state a key leads to and the write of its frame. */
type Ahead = {readonly input: FrameInput; readonly next: NavState; readonly write: () => boolean};

export type FrameInput = {
	readonly screen: ScreenInput;
	/** The screen now (the last render's) has pictures the terminal draws itself. */
	readonly pictures: boolean;
	readonly ansi: AnsiOptions;
	readonly motion: AnimationOptions | undefined;
	/** Something the render would draw that the layout alone does not know (an animation, code output, a redraw). */
	readonly busy: boolean;
	readonly graphics: GraphicsLayer | undefined;
	readonly stdout: NodeJS.WriteStream;
	/** The presenter's clock as the render after `next` will show it. */
	readonly clockAfter: (next: NavState) => PresenterClock;
	/** The state a key (by name) leads to, as the key handler moves. */
	readonly navigateBy: (state: NavState, name: string) => NavState;
	/** Where Ink tells of each key it reads, before the key handlers (useStdin's `internal_eventEmitter`). */
	readonly keys: EventEmitter | undefined;
	/** The keyboard Ink reads. */
	readonly stdin: NodeJS.ReadStream | undefined;
};

export type FinishedFrame = {
	/** Called first for every key: whether the last render is still what the keys so far lead to (keys that arrive together come before their renders). */
	readonly key: () => boolean;
	/** Draws the screen `move` leads to from the last rendered position, when it can. */
	readonly present: (move: (current: NavState) => NavState) => void;
};

export function useFinishedFrame(frames: FinishedFrames | undefined, input: FrameInput): FinishedFrame {
	// The inputs of the last render committed (a render React drops, such as one for a state set to the value it had, is not drawn).
	const latest = useRef(input);
	// A key handled since the last render: its state is not drawn yet, so nothing is drawn ahead of it.
	const unrendered = useRef(false);
	useLayoutEffect(() => {
		latest.current = input;
		unrendered.current = false;
	});
	const ahead = useRef<Ahead[]>([]);
	const warmed = useRef(false);
	const key = useCallback(() => {
		const fresh = !unrendered.current;
		unrendered.current = true;
		return fresh;
	}, []);
	const present = useCallback(
		(move: (current: NavState) => NavState) => {
			const write = frames?.write;
			if (!write) return;
			const next = move(latest.current.screen.nav);
			const output = frameFor(latest.current, next);
			if (output !== undefined) write(output);
		},
		[frames],
	);

	// After every render, once the player is idle: the screens of the keys a talk is moved with (on the slides: an overlay's keys keep the finished frame, and laying out the overview ahead at 10,000 slides is some 5 ms a key).
	useEffect(() => {
		ahead.current = [];
		if (!frames?.plan || !input.keys || input.screen.nav.overlay !== 'none') return;
		const drawn = input;
		// Ink's planning, while this render is still what the screen shows and no key came since.
		const planNow = () => (latest.current === drawn && !unrendered.current ? frames.plan : undefined);
		let later: NodeJS.Timeout | undefined;
		const prepare = () => {
			const plan = planNow();
			if (!plan) return;
			const planned: Ahead[] = [];
			for (const name of new Set(keysAhead.values())) {
				const next = drawn.navigateBy(drawn.screen.nav, name);
				if (next === drawn.screen.nav || planned.some(known => sameState(known.next, next))) continue;
				const write = plan(() => frameFor(drawn, next, true));
				if (write === 'later') {
					// Ink's own frame of the render comes on its throttle (60 a second): then.
					later = setTimeout(prepare, throttleMs);
					return;
				}

				if (write) planned.push({input: drawn, next, write});
			}

			ahead.current = planned;
		};

		const soon = setImmediate(prepare);
		// Once: the overlays' screens, laid out and planned while nothing happens, and dropped.
		const warm = warmed.current
			? undefined
			: setTimeout(() => {
					const plan = planNow();
					if (!plan) return;
					warmed.current = true;
					for (const name of keysWarmed) {
						const next = drawn.navigateBy(drawn.screen.nav, name);
						if (next.overlay !== 'none') plan(() => frameFor(drawn, next, true));
					}
				}, warmAfterMs);
		return () => {
			clearImmediate(soon);
			clearTimeout(later);
			clearTimeout(warm);
		};
	});

	// A key drawn ahead is written as Ink reads it, before it is parsed; the key handler then finds it drawn (key() is false).
	useEffect(() => {
		const emitter = input.keys;
		if (!emitter) return;
		const early = (raw: string) => {
			const name = keysAhead.get(raw);
			if (name === undefined || unrendered.current) return;
			const current = latest.current;
			const next = current.navigateBy(current.screen.nav, name);
			const found = ahead.current.find(known => known.input === current && sameState(known.next, next));
			if (!found || current.stdout.columns !== current.screen.size.columns || current.stdout.rows !== current.screen.size.rows) return;
			ahead.current = [];
			if (found.write()) unrendered.current = true;
		};

		emitter.prependListener('input', early);
		// The keyboard may tell of them sooner still (graphics/filtered-input.ts): a key is then drawn here, and found drawn above.
		const source = input.stdin;
		source?.on('keys', early);
		return () => {
			emitter.off('input', early);
			source?.off('keys', early);
		};
	}, [input.keys, input.stdin]);

	return useMemo(() => ({key, present}), [key, present]);
}

/**
 * The text of the screen `next` leads to from the last render, when the
 * layout alone knows it (see the top of this file). `ahead`: drawn before
 * the key, so only where no clock shows (the presenter's moves on).
 */
function frameFor(input: FrameInput, next: NavState, ahead = false): string | undefined {
	const {screen, pictures, ansi, motion, busy, graphics, stdout, clockAfter} = input;
	if (busy || stdout.columns !== screen.size.columns || stdout.rows !== screen.size.rows) return undefined;
	if (ahead && (screen.nav.presenter || next.presenter || screen.paneOnly === true)) return undefined;
	const moved = movedScreen(screen, next, motion, clockAfter(next));
	if (!moved) return undefined;
	if (graphics && (pictures || placementsIn(moved).length > 0)) return undefined;
	return screenOutput(moved, ansi);
}

/** The same state: every field the same value (a move keeps the objects it does not change). */
function sameState(a: NavState, b: NavState): boolean {
	const keys = Object.keys(a) as Array<keyof NavState>;
	return keys.length === Object.keys(b).length && keys.every(name => a[name] === b[name]);
}
