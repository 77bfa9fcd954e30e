/**
 * lectern's themes: the colour of every slide role, the screen's own text and
 * background, and the Shiki theme its code is highlighted in. `dark` is the
 * look lectern always had (the terminal's own background); the others paint
 * the screen (see paint.ts) so that they look the same on any terminal.
 */
import type {ThemeColour} from '../frame/frame.js';
import {nearestBasic, parseHex} from '../render/ansi.js';
import type {Palette} from '../render/palette.js';
import {theme as darkColours, type ThemeEntry} from '../render/theme.js';

export type Theme = {
	readonly name: string;
	readonly colours: Readonly<Record<ThemeColour, ThemeEntry>>;
	/** Text without a colour of its own. */
	readonly foreground: string;
	/** The screen behind everything. */
	readonly background: string;
	/** Set the terminal's default colours to `foreground` and `background` while presenting. */
	readonly paint: boolean;
	/** The Shiki theme code is highlighted in. */
	readonly code: string;
};

/** A role table from 24-bit colours alone: the 16-colour fallback is the nearest basic colour. */
export function entries(colours: Readonly<Record<ThemeColour, string>>): Record<ThemeColour, ThemeEntry> {
	return Object.fromEntries(Object.entries(colours).map(([role, rgb]) => [role, {rgb, basic: nearestBasic(...parseHex(rgb))}])) as Record<
		ThemeColour,
		ThemeEntry
	>;
}

const light = entries({
	accent: '#0550ae',
	heading: '#8250df',
	highlight: '#cf222e',
	prompt: '#0969da',
	muted: '#6e7781',
	code: '#116329',
	link: '#0550ae',
	draft: '#9a6700',
	frame: '#8c959f',
	dotRed: '#ff5f56',
	dotYellow: '#e0a000',
	dotGreen: '#27a93f',
	statusBg: '#eaeef2',
	statusFg: '#424a53',
	codeBg: '#f3f5f7',
	codeMark: '#fff1b8',
	lineNumber: '#8c959f',
});

const highContrast = entries({
	accent: '#71b7ff',
	heading: '#ffffff',
	highlight: '#ff9492',
	prompt: '#91cbff',
	muted: '#d0d7de',
	code: '#a8ff60',
	link: '#71b7ff',
	draft: '#ffd33d',
	frame: '#ffffff',
	dotRed: '#ff6a69',
	dotYellow: '#ffd33d',
	dotGreen: '#4ae168',
	statusBg: '#272b33',
	statusFg: '#ffffff',
	codeBg: '#0a0c10',
	codeMark: '#3d3000',
	lineNumber: '#d0d7de',
});

/** For a washed-out projector: black on white, nothing pale, big differences between roles. */
const projector = entries({
	accent: '#0030b0',
	heading: '#000000',
	highlight: '#b00000',
	prompt: '#0030b0',
	muted: '#404040',
	code: '#005000',
	link: '#0030b0',
	draft: '#805000',
	frame: '#404040',
	dotRed: '#d00000',
	dotYellow: '#c08000',
	dotGreen: '#008000',
	statusBg: '#dcdcdc',
	statusFg: '#000000',
	codeBg: '#ececec',
	codeMark: '#ffe070',
	lineNumber: '#404040',
});

export const builtinThemes: Readonly<Record<string, Theme>> = {
	dark: {name: 'dark', colours: darkColours, foreground: '#e4e4e4', background: '#121212', paint: false, code: 'github-dark'},
	light: {name: 'light', colours: light, foreground: '#1f2328', background: '#ffffff', paint: true, code: 'github-light'},
	'high-contrast': {name: 'high-contrast', colours: highContrast, foreground: '#ffffff', background: '#000000', paint: true, code: 'github-dark-high-contrast'},
	projector: {name: 'projector', colours: projector, foreground: '#000000', background: '#ffffff', paint: true, code: 'github-light-high-contrast'},
};

/** The colours a renderer that paints its own page (HTML, PDF, a recording) draws a theme with. */
export function paletteOf(theme: Theme): Palette {
	const colours = Object.fromEntries(Object.entries(theme.colours).map(([role, entry]) => [role, entry.rgb])) as Record<ThemeColour, string>;
	return {name: theme.name, colours, foreground: theme.foreground, background: theme.background};
}

/**
 * The themes `T` turns through while playing: the built-in ones, and the one
 * the talk started with when it is another (a Shiki theme, a theme file);
 * `start` is where the talk's own theme is in the list.
 */
export function themeCycle(initial: Theme): {readonly themes: readonly Theme[]; readonly start: number} {
	const builtins = Object.values(builtinThemes);
	const start = builtins.indexOf(initial);
	return start === -1 ? {themes: [...builtins, initial], start: builtins.length} : {themes: builtins, start};
}
