/**
 * A theme file (YAML or JSON): a base theme and the roles it changes.
 *
 *     base: light              # a built-in theme or a Shiki theme (default dark)
 *     code: github-light       # the Shiki theme code is highlighted in
 *     foreground: "#222222"
 *     background: "#fdf6e3"
 *     colours:
 *       heading: "#b58900"
 *
 * Anything else is refused with one error that names the key.
 */
import type {ThemeColour} from '../frame/frame.js';
import {entries} from './themes.js';
import {theme as darkColours} from '../render/theme.js';

export type ThemeFile = {
	readonly base?: string;
	readonly code?: string;
	readonly foreground?: string;
	readonly background?: string;
	readonly colours: Partial<Record<ThemeColour, string>>;
};

const roles = Object.keys(darkColours) as ThemeColour[];
const topKeys = ['base', 'code', 'foreground', 'background', 'colours', 'colors'];

export class ThemeFileError extends Error {}

/** A parsed theme file's value checked: what it sets, or a ThemeFileError naming the bad key. */
export function readThemeFile(value: unknown): ThemeFile {
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		throw new ThemeFileError('a theme is a mapping of keys (base, code, foreground, background, colours)');
	const record = value as Record<string, unknown>;
	for (const key of Object.keys(record)) {
		if (!topKeys.includes(key)) throw new ThemeFileError(`${key}: not a theme key (keys: ${topKeys.filter(name => name !== 'colors').join(', ')})`);
	}

	const text = (key: string): string | undefined => {
		const found = record[key];
		if (found === undefined) return undefined;
		if (typeof found !== 'string' || found.trim() === '') throw new ThemeFileError(`${key}: must be a name, not ${JSON.stringify(found)}`);
		return found.trim();
	};

	const colour = (key: string, found: unknown): string => {
		if (typeof found !== 'string' || !/^#[\da-f]{6}$/i.test(found.trim()))
			throw new ThemeFileError(`${key}: ${JSON.stringify(found)} is not a colour (write #rrggbb)`);
		return found.trim().toLowerCase();
	};

	const colours: Partial<Record<ThemeColour, string>> = {};
	const table = record['colours'] ?? record['colors'];
	const tableKey = record['colours'] === undefined ? 'colors' : 'colours';
	if (table !== undefined) {
		if (typeof table !== 'object' || table === null || Array.isArray(table)) throw new ThemeFileError(`${tableKey}: must be a mapping of roles to colours`);
		for (const [role, found] of Object.entries(table)) {
			if (!roles.includes(role as ThemeColour)) throw new ThemeFileError(`${tableKey}.${role}: not a role (roles: ${roles.join(', ')})`);
			colours[role as ThemeColour] = colour(`${tableKey}.${role}`, found);
		}
	}

	const base = text('base');
	const code = text('code');
	const foreground = record['foreground'] === undefined ? undefined : colour('foreground', record['foreground']);
	const background = record['background'] === undefined ? undefined : colour('background', record['background']);
	return {...(base ? {base} : {}), ...(code ? {code} : {}), ...(foreground ? {foreground} : {}), ...(background ? {background} : {}), colours};
}

/** The role table of a base theme with a file's colours over it. */
export function withColours<T extends {readonly rgb: string}>(base: Readonly<Record<ThemeColour, T>>, colours: Partial<Record<ThemeColour, string>>) {
	const changed = entries(Object.fromEntries(Object.entries(colours)) as Record<ThemeColour, string>);
	return {...base, ...changed};
}
