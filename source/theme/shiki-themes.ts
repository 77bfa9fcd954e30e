/**
 * Shiki's themes by name, each imported only when asked for (a chunk of its
 * own): the colours of code, and of a whole slide for `--theme NAME`.
 */
import type {ThemeRegistrationAny} from '@shikijs/core';

type Loader = () => Promise<{default: ThemeRegistrationAny}>;

const loaders: Readonly<Record<string, Loader>> = {
	andromeeda: () => import('@shikijs/themes/andromeeda'),
	'aurora-x': () => import('@shikijs/themes/aurora-x'),
	'ayu-dark': () => import('@shikijs/themes/ayu-dark'),
	'ayu-light': () => import('@shikijs/themes/ayu-light'),
	'ayu-mirage': () => import('@shikijs/themes/ayu-mirage'),
	'catppuccin-frappe': () => import('@shikijs/themes/catppuccin-frappe'),
	'catppuccin-latte': () => import('@shikijs/themes/catppuccin-latte'),
	'catppuccin-macchiato': () => import('@shikijs/themes/catppuccin-macchiato'),
	'catppuccin-mocha': () => import('@shikijs/themes/catppuccin-mocha'),
	'dark-plus': () => import('@shikijs/themes/dark-plus'),
	'dracula-soft': () => import('@shikijs/themes/dracula-soft'),
	dracula: () => import('@shikijs/themes/dracula'),
	'everforest-dark': () => import('@shikijs/themes/everforest-dark'),
	'everforest-light': () => import('@shikijs/themes/everforest-light'),
	'github-dark-default': () => import('@shikijs/themes/github-dark-default'),
	'github-dark-dimmed': () => import('@shikijs/themes/github-dark-dimmed'),
	'github-dark-high-contrast': () => import('@shikijs/themes/github-dark-high-contrast'),
	'github-dark': () => import('@shikijs/themes/github-dark'),
	'github-light-default': () => import('@shikijs/themes/github-light-default'),
	'github-light-high-contrast': () => import('@shikijs/themes/github-light-high-contrast'),
	'github-light': () => import('@shikijs/themes/github-light'),
	'gruvbox-dark-hard': () => import('@shikijs/themes/gruvbox-dark-hard'),
	'gruvbox-dark-medium': () => import('@shikijs/themes/gruvbox-dark-medium'),
	'gruvbox-dark-soft': () => import('@shikijs/themes/gruvbox-dark-soft'),
	'gruvbox-light-hard': () => import('@shikijs/themes/gruvbox-light-hard'),
	'gruvbox-light-medium': () => import('@shikijs/themes/gruvbox-light-medium'),
	'gruvbox-light-soft': () => import('@shikijs/themes/gruvbox-light-soft'),
	'horizon-bright': () => import('@shikijs/themes/horizon-bright'),
	horizon: () => import('@shikijs/themes/horizon'),
	houston: () => import('@shikijs/themes/houston'),
	'kanagawa-dragon': () => import('@shikijs/themes/kanagawa-dragon'),
	'kanagawa-lotus': () => import('@shikijs/themes/kanagawa-lotus'),
	'kanagawa-wave': () => import('@shikijs/themes/kanagawa-wave'),
	laserwave: () => import('@shikijs/themes/laserwave'),
	'light-plus': () => import('@shikijs/themes/light-plus'),
	'material-theme-darker': () => import('@shikijs/themes/material-theme-darker'),
	'material-theme-lighter': () => import('@shikijs/themes/material-theme-lighter'),
	'material-theme-ocean': () => import('@shikijs/themes/material-theme-ocean'),
	'material-theme-palenight': () => import('@shikijs/themes/material-theme-palenight'),
	'material-theme': () => import('@shikijs/themes/material-theme'),
	'min-dark': () => import('@shikijs/themes/min-dark'),
	'min-light': () => import('@shikijs/themes/min-light'),
	monokai: () => import('@shikijs/themes/monokai'),
	'night-owl-light': () => import('@shikijs/themes/night-owl-light'),
	'night-owl': () => import('@shikijs/themes/night-owl'),
	nord: () => import('@shikijs/themes/nord'),
	'one-dark-pro': () => import('@shikijs/themes/one-dark-pro'),
	'one-light': () => import('@shikijs/themes/one-light'),
	plastic: () => import('@shikijs/themes/plastic'),
	poimandres: () => import('@shikijs/themes/poimandres'),
	red: () => import('@shikijs/themes/red'),
	'rose-pine-dawn': () => import('@shikijs/themes/rose-pine-dawn'),
	'rose-pine-moon': () => import('@shikijs/themes/rose-pine-moon'),
	'rose-pine': () => import('@shikijs/themes/rose-pine'),
	'slack-dark': () => import('@shikijs/themes/slack-dark'),
	'slack-ochin': () => import('@shikijs/themes/slack-ochin'),
	'snazzy-light': () => import('@shikijs/themes/snazzy-light'),
	'solarized-dark': () => import('@shikijs/themes/solarized-dark'),
	'solarized-light': () => import('@shikijs/themes/solarized-light'),
	'synthwave-84': () => import('@shikijs/themes/synthwave-84'),
	'tokyo-night': () => import('@shikijs/themes/tokyo-night'),
	vesper: () => import('@shikijs/themes/vesper'),
	'vitesse-black': () => import('@shikijs/themes/vitesse-black'),
	'vitesse-dark': () => import('@shikijs/themes/vitesse-dark'),
	'vitesse-light': () => import('@shikijs/themes/vitesse-light'),
};

/** The names of Shiki's themes. */
export const shikiThemeNames: readonly string[] = Object.keys(loaders);

export async function loadShikiTheme(name: string): Promise<ThemeRegistrationAny> {
	const load = Object.hasOwn(loaders, name) ? loaders[name]! : undefined;
	if (!load) throw new Error(`no Shiki theme named ${name}`);
	return (await load()).default;
}
