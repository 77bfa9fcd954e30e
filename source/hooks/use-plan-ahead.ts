import {useEffect, useRef} from 'react';
import type {Slide} from '../deck/model.js';
import type {Size} from '../frame/frame.js';
import {arrivalView} from '../layout/opening-screen.js';
import type {PresenterClock} from '../layout/plan-presenter.js';
import {planScreen} from '../layout/plan-screen.js';
import type {LayoutOptions} from '../layout/plan-slide.js';
import type {AnimationOptions} from '../layout/terminal-animation.js';
import type {NavState} from '../navigation/navigation.js';

/** Long enough after a frame that the terminal has it, short enough to be done before the next key. */
const aheadMs = 40;

export type PlanAheadInput = {
	readonly slides: readonly Slide[];
	readonly nav: NavState;
	readonly size: Size;
	readonly layout: LayoutOptions;
	readonly clock: PresenterClock;
	readonly paneOnly: boolean;
	/** Typing animations on; undefined: final states only. */
	readonly motion: AnimationOptions | undefined;
};

/**
 * Lays out the next slide while the presenter is talking, as it will look on
 * arrival (a terminal slide at the first step of its typing), so that the
 * next keypress finds its frame already made (planSlide keeps frames).
 */
export function usePlanAhead(input: PlanAheadInput): void {
	const latest = useRef(input);
	latest.current = input;
	const {slides, nav, size} = input;
	const next = nav.index + 1;
	const idle = nav.overlay === 'none' && next < slides.length;
	useEffect(() => {
		if (!idle) return;
		const timer = setTimeout(() => {
			const {layout, clock, paneOnly, motion} = latest.current;
			const arrival = {...nav, index: next, from: nav.index, notesScroll: 0};
			planScreen({slides, nav: arrival, size, layout: {...layout, terminal: arrivalView(slides, nav.index, next, motion)}, clock, paneOnly});
		}, aheadMs);
		return () => {
			clearTimeout(timer);
		};
	}, [slides, nav.index, nav.presenter, size, idle]); // eslint-disable-line react-hooks/exhaustive-deps -- the rest is read when the timer fires
}
