import {useCallback, useEffect, useState} from 'react';
import {viewAt, type AnimationStep, type TerminalAnimation} from '../layout/terminal-animation.js';

type Clock = {readonly key: number; readonly elapsed: number};

export type AnimationState = {
	/** The view to draw now; undefined when the slide shows its final state. */
	readonly step: AnimationStep | undefined;
	readonly running: boolean;
	/** Jumps to the final state (a key pressed during an animation). */
	readonly finish: () => void;
};

/**
 * Plays an animation from its first step whenever `key` changes. Time moves
 * from step to step with timers, so every step is drawn even on a slow
 * terminal, and tests drive it with fake timers.
 */
export function useAnimation(animation: TerminalAnimation | undefined, key: number): AnimationState {
	const [clock, setClock] = useState<Clock>({key, elapsed: 0});
	const elapsed = clock.key === key ? clock.elapsed : 0;
	const step = animation ? viewAt(animation, elapsed) : undefined;

	useEffect(() => {
		if (!animation || !step) return;
		const nextAt = animation.steps.find(candidate => candidate.at > elapsed)?.at ?? animation.duration;
		const timer = setTimeout(() => {
			setClock({key, elapsed: nextAt});
		}, nextAt - elapsed);
		return () => {
			clearTimeout(timer);
		};
	}, [animation, key, elapsed, step]);

	const finish = useCallback(() => {
		setClock({key, elapsed: Number.POSITIVE_INFINITY});
	}, [key]);
	return {step, running: step !== undefined, finish};
}
