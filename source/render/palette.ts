/**
 * The colours a renderer that draws its own background (HTML, PDF, a
 * recording's player) paints with: every semantic colour of a theme, and the
 * page's own foreground and background, which a terminal keeps to itself.
 * Themes plug in here: `palettes` maps each `--theme` name to its palette.
 */
import type {Colour, Style, ThemeColour} from '../frame/frame.js';
import {parseHex} from './ansi.js';
import {theme} from './theme.js';

export type Palette = {
	readonly name: string;
	/** `#rrggbb` for each semantic colour. */
	readonly colours: Readonly<Record<ThemeColour, string>>;
	/** Text without a colour of its own. */
	readonly foreground: string;
	/** The screen behind everything. */
	readonly background: string;
};

function fromTheme(name: string, table: Readonly<Record<ThemeColour, {readonly rgb: string}>>, foreground: string, background: string): Palette {
	const colours = Object.fromEntries(Object.entries(table).map(([key, entry]) => [key, entry.rgb])) as Record<ThemeColour, string>;
	return {name, colours, foreground, background};
}

/** Every theme by its `--theme` name (the names are `themeNames` in theme.ts). */
export const palettes: Readonly<Record<string, Palette>> = {
	dark: fromTheme('dark', theme, '#e4e4e4', '#121212'),
};

/** `#rrggbb` of a colour of a frame: the one place a semantic colour is looked up. */
export function resolveColour(colour: Colour, palette: Palette): string {
	return colour.startsWith('#') ? colour.slice(0, 7).toLowerCase() : palette.colours[colour as ThemeColour];
}

/** What a cell is painted with: text colour, and a background or none (the screen's). */
export type CellColours = {readonly fg: string; readonly bg: string | undefined};

/**
 * A style's colours as painted: inverse swaps text and background (the
 * screen's own colours standing in for missing ones), dim text is halfway to
 * the background, as terminals draw it.
 */
export function cellColours(style: Style | undefined, palette: Palette): CellColours {
	let fg = style?.fg === undefined ? palette.foreground : resolveColour(style.fg, palette);
	let bg = style?.bg === undefined ? undefined : resolveColour(style.bg, palette);
	if (style?.inverse) [fg, bg] = [bg ?? palette.background, fg];
	if (style?.dim) fg = mix(fg, bg ?? palette.background, 0.5);
	return {fg, bg};
}

/** `a` moved `amount` (0-1) of the way to `b`. */
export function mix(a: string, b: string, amount: number): string {
	const from = parseHex(a);
	const to = parseHex(b);
	const channel = (index: number) => Math.round(from[index]! + (to[index]! - from[index]!) * amount);
	return `#${[0, 1, 2].map(index => channel(index).toString(16).padStart(2, '0')).join('')}`;
}
