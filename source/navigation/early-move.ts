/**
 * Moves made before the player has loaded: the opening slide is up (drawn
 * without Ink, present.ts) and Ink, React and Yoga are still loading, so a
 * key pressed the moment the slide shows would wait for them. A read of keys
 * that only go to the next or previous slide, each to a slide that can be
 * drawn without the player, is turned into the state the player would reach;
 * any other read is left to the player (undefined). Pure.
 */
import {commandFor, textKeys} from './keymap.js';
import {navigate, type NavContext, type NavState} from './navigation.js';

/** The escape sequences of the keys read here (xterm's, in normal and application cursor modes). */
const sequences: ReadonlyArray<readonly [string, string]> = [
	['\u001B[A', 'up'],
	['\u001B[B', 'down'],
	['\u001B[C', 'right'],
	['\u001B[D', 'left'],
	['\u001BOA', 'up'],
	['\u001BOB', 'down'],
	['\u001BOC', 'right'],
	['\u001BOD', 'left'],
	['\u001B[5~', 'pageup'],
	['\u001B[6~', 'pagedown'],
];

/** The key names of a read, when it is only plain keys and the sequences above; undefined otherwise. */
export function readKeyNames(read: string): string[] | undefined {
	const names: string[] = [];
	let at = 0;
	while (at < read.length) {
		if (read[at] === '\u001B') {
			const found = sequences.find(([sequence]) => read.startsWith(sequence, at));
			if (!found) return undefined;
			names.push(found[1]);
			at += found[0].length;
			continue;
		}

		let end = read.indexOf('\u001B', at);
		if (end === -1) end = read.length;
		names.push(...textKeys(read.slice(at, end)));
		at = end;
	}

	return names;
}

export type EarlyMoveLimits = {
	/** True for a slide that can be drawn before the player loads (one the opening parsed). */
	readonly drawable: (index: number) => boolean;
	/** True when arriving at `index` from `from` plays an animation (a key then finishes it, in the player). */
	readonly animates: (from: number, index: number) => boolean;
};

/** No overlay is open before the player, and next and previous read nothing else. */
const context: NavContext = {search: () => [], overviewRows: 1};

/**
 * The state after the keys of `read`, or undefined when the player must take
 * them: a key that is not next or previous, a slide that cannot be drawn, a
 * key after arriving at an animation. `settled` is false when the last move
 * arrived at an animation: every later key is the player's.
 */
export function earlyMove(state: NavState, read: string, limits: EarlyMoveLimits): {readonly nav: NavState; readonly settled: boolean} | undefined {
	const names = readKeyNames(read);
	if (!names || names.length === 0 || state.overlay !== 'none' || state.digits !== '' || state.presenter) return undefined;
	let nav = state;
	let settled = true;
	for (const name of names) {
		const command = commandFor(name);
		if (!settled || (command !== 'next' && command !== 'previous')) return undefined;
		const next = navigate(nav, name, context);
		if (next.index !== nav.index) {
			if (!limits.drawable(next.index)) return undefined;
			settled = !limits.animates(nav.index, next.index);
		}

		nav = next;
	}

	return {nav, settled};
}
