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
 */
import {useCallback, useMemo, useRef} from 'react';
import {placementsIn} from '../graphics/placement.js';
import type {GraphicsLayer} from '../graphics/layer.js';
import {movedScreen} from '../layout/moved-screen.js';
import type {PresenterClock} from '../layout/plan-presenter.js';
import type {ScreenInput} from '../layout/plan-screen.js';
import type {AnimationOptions} from '../layout/terminal-animation.js';
import type {NavState} from '../navigation/navigation.js';
import type {AnsiOptions} from '../render/ansi.js';
import {screenOutput} from '../render/screen-output.js';

/** Where Ink's function lands once Ink is made (the render option `onFinishedFrames`). */
export type FinishedFrames = {write?: (output: string) => boolean};

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
};

export type FinishedFrame = {
	/** Called first for every key: whether the last render is still what the keys so far lead to (keys that arrive together come before their renders). */
	readonly key: () => boolean;
	/** Draws the screen `move` leads to from the last rendered position, when it can. */
	readonly present: (move: (current: NavState) => NavState) => void;
};

export function useFinishedFrame(frames: FinishedFrames | undefined, input: FrameInput): FinishedFrame {
	const latest = useRef(input);
	latest.current = input;
	// A key handled since the last render: its state is not drawn yet, so nothing is drawn ahead of it.
	const unrendered = useRef(false);
	unrendered.current = false;
	const key = useCallback(() => {
		const fresh = !unrendered.current;
		unrendered.current = true;
		return fresh;
	}, []);
	const present = useCallback(
		(move: (current: NavState) => NavState) => {
			const write = frames?.write;
			if (!write) return;
			const {screen, pictures, ansi, motion, busy, graphics, stdout, clockAfter} = latest.current;
			if (busy || stdout.columns !== screen.size.columns || stdout.rows !== screen.size.rows) return;
			const next = move(screen.nav);
			const moved = movedScreen(screen, next, motion, clockAfter(next));
			if (!moved) return;
			if (graphics && (pictures || placementsIn(moved).length > 0)) return;
			write(screenOutput(moved, ansi));
		},
		[frames],
	);
	return useMemo(() => ({key, present}), [key, present]);
}
