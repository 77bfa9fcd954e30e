import {useCallback, useEffect, useRef, useState} from 'react';
import type {PresenterClock} from '../layout/plan-presenter.js';

/**
 * The talk timer, the time on the current slide and the wall clock. Ticks
 * once a second, and only while something shows it.
 */
export function useTalkClock(active: boolean, resets: number, moves: number): PresenterClock {
	const [now, setNow] = useState(() => Date.now());
	const talkStart = useRef(now);
	const slideStart = useRef(now);
	const seen = useRef({resets, moves});

	if (seen.current.resets !== resets) talkStart.current = Date.now();
	if (seen.current.moves !== moves) slideStart.current = Date.now();
	seen.current = {resets, moves};

	useEffect(() => {
		if (!active) return;
		setNow(Date.now());
		const timer = setInterval(() => {
			setNow(Date.now());
		}, 1000);
		return () => {
			clearInterval(timer);
		};
	}, [active, resets, moves]);

	return reckon(now, talkStart.current, slideStart.current);
}

/** The clock at `now`, never before either start (a start is taken at a render, `now` at the last tick). */
function reckon(now: number, talkStart: number, slideStart: number): PresenterClock {
	const current = Math.max(now, slideStart, talkStart);
	return {elapsedMs: current - talkStart, slideMs: current - slideStart, now: current};
}

/**
 * The clock the next render will show after `resets` and `moves` (a finished
 * frame drawn ahead of it, see use-finished-frame.ts): the same reckoning as
 * `useTalkClock`, from the same state, without changing it.
 */
export function useClockAfter(clock: PresenterClock, resets: number, moves: number): (resets: number, moves: number) => PresenterClock {
	const latest = useRef({clock, resets, moves});
	latest.current = {clock, resets, moves};
	return useCallback((nextResets: number, nextMoves: number) => {
		const {clock: shown, resets: shownResets, moves: shownMoves} = latest.current;
		const at = Date.now();
		return reckon(shown.now, nextResets === shownResets ? shown.now - shown.elapsedMs : at, nextMoves === shownMoves ? shown.now - shown.slideMs : at);
	}, []);
}
