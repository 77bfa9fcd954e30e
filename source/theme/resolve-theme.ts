/**
 * `--theme NAME`: a built-in theme, `auto` (the terminal's background says
 * dark or light), any Shiki theme by name, or a theme file; a theme file next
 * to the deck (`lectern.theme.yaml`, `.yml` or `.json`) changes the roles it
 * names. Built-in themes cost nothing at start-up; the others load what they
 * need.
 */
import {existsSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {queryBackground} from './auto.js';
import {builtinThemes, type Theme} from './themes.js';

export class ThemeError extends Error {}

export type ThemeContext = {
	/** The deck's folder, where a `lectern.theme.yaml` may be. */
	readonly folder: string;
	/** The terminal to ask for `auto`; absent (print, export to a file): auto is dark. */
	readonly terminal?: {readonly input: Parameters<typeof queryBackground>[0]; readonly output: Parameters<typeof queryBackground>[1]};
};

const nextToDeck = ['lectern.theme.yaml', 'lectern.theme.yml', 'lectern.theme.json'];

export async function resolveTheme(name: string, context: ThemeContext): Promise<Theme> {
	const file = /\.(ya?ml|json)$/i.test(name) ? name : nextToDeck.map(found => join(context.folder, found)).find(path => existsSync(path));
	const base = /\.(ya?ml|json)$/i.test(name) ? 'dark' : name;
	const theme = await namedTheme(base, context);
	return file ? fileTheme(file, theme, context) : theme;
}

async function namedTheme(name: string, context: ThemeContext): Promise<Theme> {
	if (name === 'auto') {
		const found = context.terminal ? await queryBackground(context.terminal.input, context.terminal.output) : undefined;
		return builtinThemes[found ?? 'dark']!;
	}

	if (Object.hasOwn(builtinThemes, name)) return builtinThemes[name]!;
	const {loadShikiTheme, shikiThemeNames} = await import('./shiki-themes.js');
	if (!shikiThemeNames.includes(name)) {
		throw new ThemeError(
			`--theme ${name}: no such theme (built in: ${Object.keys(builtinThemes).join(', ')}, auto; or a Shiki theme such as github-light, catppuccin-mocha; or a .yaml/.json theme file)`,
		);
	}

	const {themeFromShiki} = await import('./from-shiki.js');
	return themeFromShiki(name, await loadShikiTheme(name));
}

async function fileTheme(path: string, fallback: Theme, context: ThemeContext): Promise<Theme> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		throw new ThemeError(`${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such theme file' : String(error)}`);
	}

	const [{openYaml, readYaml}, {readThemeFile, withColours, ThemeFileError}] = await Promise.all([
		import('../deck/formats/yaml.js'),
		import('./theme-file.js'),
	]);
	await openYaml();
	const parsed = readYaml(text);
	if (!parsed.ok) throw new ThemeError(`${path}: ${parsed.line ? `line ${parsed.line}: ` : ''}${parsed.error}`);
	try {
		const file = readThemeFile(parsed.value ?? {});
		const base = file.base ? await namedTheme(file.base, context) : fallback;
		if (file.code !== undefined) {
			const {shikiThemeNames} = await import('./shiki-themes.js');
			if (!shikiThemeNames.includes(file.code))
				throw new ThemeError(`code: no Shiki theme named ${file.code} (try github-dark, github-light, catppuccin-mocha)`);
		}

		const paint = base.paint || file.background !== undefined;
		return {
			name: path,
			colours: withColours(base.colours, file.colours),
			foreground: file.foreground ?? base.foreground,
			background: file.background ?? base.background,
			paint,
			code: file.code ?? base.code,
		};
	} catch (error) {
		if (error instanceof ThemeFileError || error instanceof ThemeError) throw new ThemeError(`${path}: ${error.message}`);
		throw error;
	}
}
