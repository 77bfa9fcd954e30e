/**
 * The screen a plain move arrives at, as the player's next render will draw
 * it: the same inputs, the new position, the slide as it looks on arrival (a
 * terminal slide at the first step of its typing, the cursor lit, as
 * `useAnimation` and `useBlink` start it). Undefined for anything else (an
 * overlay, the presenter view and its clock, the quit key, a theme turn, a key
 * that did not move), which the render draws by itself.
 */
import type {NavState} from '../navigation/navigation.js';
import type {Line} from '../frame/frame.js';
import {arrivalView} from './opening-screen.js';
import {planScreen, type ScreenInput} from './plan-screen.js';
import type {AnimationOptions} from './terminal-animation.js';

export function movedScreen(input: ScreenInput, next: NavState, motion: AnimationOptions | undefined): Line[] | undefined {
	const {nav, slides} = input;
	const plain =
		next.index !== nav.index &&
		!next.quit &&
		nav.overlay === 'none' &&
		next.overlay === 'none' &&
		!nav.presenter &&
		!next.presenter &&
		input.paneOnly !== true &&
		input.question === undefined &&
		input.hint === undefined &&
		next.themeTurns === nav.themeTurns;
	if (!plain) return undefined;
	return planScreen({...input, nav: next, layout: {...input.layout, terminal: arrivalView(slides, next.from, next.index, motion)}});
}
