/**
 * Every key lectern answers to, as data: the input hook, the help overlay and
 * the readme's key table all read this table.
 */

export type Command =
	| 'next'
	| 'previous'
	| 'first'
	| 'last'
	| 'overview'
	| 'search'
	| 'searchNext'
	| 'searchPrevious'
	| 'blackout'
	| 'presenter'
	| 'resetTimer'
	| 'theme'
	| 'counter'
	| 'notesDown'
	| 'notesUp'
	| 'help'
	| 'quit';

export type KeyBinding = {
	readonly command: Command;
	/** Normalised key names (see `keyName`). */
	readonly keys: readonly string[];
	/** How the keys are shown in help. */
	readonly label: string;
	readonly description: string;
};

export const keymap: readonly KeyBinding[] = [
	{
		command: 'next',
		keys: ['right', 'down', 'space', 'pagedown', 'enter', 'l', 'j'],
		label: '→ ↓ Space PgDn Enter l j',
		description: 'next slide (finishes an animation first)',
	},
	{command: 'previous', keys: ['left', 'up', 'pageup', 'backspace', 'h', 'k'], label: '← ↑ PgUp Backspace h k', description: 'previous slide'},
	{command: 'first', keys: ['home', 'g'], label: 'Home g', description: 'first slide'},
	{command: 'last', keys: ['end', 'G'], label: 'End G', description: 'last slide'},
	{command: 'overview', keys: ['o'], label: 'o', description: 'overview: arrows to move, Enter to open'},
	{command: 'search', keys: ['/'], label: '/', description: 'search slides and notes'},
	{command: 'searchNext', keys: ['n'], label: 'n N', description: 'next / previous search match'},
	{command: 'searchPrevious', keys: ['N'], label: '', description: ''},
	{command: 'blackout', keys: ['b', '.'], label: 'b .', description: 'black out the screen (any key returns)'},
	{command: 'presenter', keys: ['p'], label: 'p', description: 'presenter view: notes, timers, clock, next slide'},
	{command: 'counter', keys: ['c'], label: 'c', description: "hide / show the audience screen's slide counter"},
	{command: 'resetTimer', keys: ['t'], label: 't T', description: 'restart the talk timer / next theme'},
	{command: 'theme', keys: ['T'], label: '', description: ''},
	{command: 'notesDown', keys: ['d'], label: 'd u', description: 'scroll the notes down / up'},
	{command: 'notesUp', keys: ['u'], label: '', description: ''},
	{command: 'help', keys: ['?'], label: '?', description: 'this help'},
	{command: 'quit', keys: ['q', 'escape', 'ctrl+c'], label: 'q Esc Ctrl-C', description: 'quit (Esc closes an overlay first)'},
];

/** Keys that are not commands but are shown in help. */
export const otherKeys: ReadonlyArray<{label: string; description: string}> = [
	{label: '12 Enter', description: 'go to slide 12'},
	// One row for both: the help fits 80x24.
	{label: 'Ctrl-Z Ctrl-E !', description: 'suspend / run code / shell (terminal slide)'},
];

const byKey = new Map<string, Command>(keymap.flatMap(binding => binding.keys.map(key => [key, binding.command] as const)));

export function commandFor(key: string): Command | undefined {
	return byKey.get(key);
}

/** The subset of Ink's key flags lectern reads. */
export type KeyFlags = {
	readonly upArrow?: boolean;
	readonly downArrow?: boolean;
	readonly leftArrow?: boolean;
	readonly rightArrow?: boolean;
	readonly pageUp?: boolean;
	readonly pageDown?: boolean;
	readonly home?: boolean;
	readonly end?: boolean;
	readonly return?: boolean;
	readonly escape?: boolean;
	readonly backspace?: boolean;
	readonly delete?: boolean;
	readonly tab?: boolean;
	readonly ctrl?: boolean;
	readonly meta?: boolean;
};

/** One name per key press: `right`, `enter`, `space`, `ctrl+c`, or the character typed. */
export function keyName(input: string, key: KeyFlags): string {
	if (key.rightArrow) return 'right';
	if (key.leftArrow) return 'left';
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.pageDown) return 'pagedown';
	if (key.pageUp) return 'pageup';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.return) return 'enter';
	if (key.escape) return 'escape';
	// Most terminals send DEL for Backspace, which Ink reports as `delete`.
	if (key.backspace || key.delete) return 'backspace';
	if (key.tab) return 'tab';
	if (key.ctrl && input.length === 1) return `ctrl+${input.toLowerCase()}`;
	if (input === ' ') return 'space';
	return input;
}

const controlNames: Readonly<Record<string, string>> = {
	'\r': 'enter',
	'\n': 'enter',
	'\t': 'tab',
	'\u007F': 'backspace',
	'\b': 'backspace',
	'\u0003': 'ctrl+c',
	' ': 'space',
};

/**
 * Key names for a run of plain keys that arrived in one read (typed faster
 * than a frame, e.g. `4` then Enter): Ink hands such a run over as one string.
 */
export function textKeys(input: string): string[] {
	return Array.from(input, character => controlNames[character] ?? character);
}
