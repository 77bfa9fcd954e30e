/**
 * The screen a key leads to, as the player's next render will draw it: the
 * same inputs, the new navigation state, and, after a move, the slide as it
 * looks on arrival (a terminal slide at the first step of its typing, the
 * cursor lit, as `useAnimation` and `useBlink` start it), and the presenter's
 * clock as it will read (`clock`). Undefined where the render knows more than
 * the layout: the presenter view without that clock, a question on the status
 * bar, the quit key, a theme turn, and a terminal slide staying put while its
 * cursor blinks (its phase is the render's).
 */
import type {NavState} from '../navigation/navigation.js';
import type {Line} from '../frame/frame.js';
import {arrivalView} from './opening-screen.js';
import type {PresenterClock} from './plan-presenter.js';
import {planScreen, type ScreenInput} from './plan-screen.js';
import type {AnimationOptions} from './terminal-animation.js';

export function movedScreen(input: ScreenInput, next: NavState, motion: AnimationOptions | undefined, clock?: PresenterClock): Line[] | undefined {
	const {nav, slides} = input;
	const notes = nav.presenter || next.presenter || input.paneOnly === true;
	const drawable =
		next !== nav &&
		!next.quit &&
		(!notes || clock !== undefined) &&
		input.question === undefined &&
		input.hint === undefined &&
		next.themeTurns === nav.themeTurns;
	if (!drawable) return undefined;
	const screen = {...input, nav: next, ...(clock ? {clock} : {})};
	if (next.moves !== nav.moves) return planScreen({...screen, layout: {...input.layout, terminal: arrivalView(slides, next.from, next.index, motion)}});
	// Staying on a terminal slide: its cursor's blink phase is the render's.
	return motion && slides[next.index]?.kind === 'terminal' ? undefined : planScreen(screen);
}
