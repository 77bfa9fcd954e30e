/**
 * A Shiki (VS Code) theme as a lectern theme: its editor colours for the
 * screen and code panel, the colours of its token scopes for the slide roles
 * (a heading in the colour of the theme's headings, text in its strings).
 */
import type {ThemeRegistrationAny} from '@shikijs/core';
import {mix} from '../render/palette.js';
import {entries, type Theme} from './themes.js';

type Rule = {readonly scope?: string | readonly string[]; readonly settings?: {readonly foreground?: string}};

const hex = (value: unknown): string | undefined => (typeof value === 'string' && /^#[\da-f]{6}/i.test(value) ? value.slice(0, 7).toLowerCase() : undefined);

/** The foreground of the first rule whose scope is one of `scopes` (or starts with one of them and a dot), in their order of preference. */
function scopeColour(rules: readonly Rule[], scopes: readonly string[]): string | undefined {
	for (const wanted of scopes) {
		for (const rule of rules) {
			const listed = typeof rule.scope === 'string' ? rule.scope.split(',').map(scope => scope.trim()) : (rule.scope ?? []);
			if (listed.some(scope => scope === wanted) && hex(rule.settings?.foreground)) return hex(rule.settings?.foreground);
		}
	}

	return undefined;
}

export function themeFromShiki(name: string, shiki: ThemeRegistrationAny): Theme {
	const colors = (shiki.colors ?? {}) as Record<string, string>;
	const dark = shiki.type !== 'light';
	const rules = ((shiki as {tokenColors?: Rule[]}).tokenColors ?? (shiki as {settings?: Rule[]}).settings ?? []) as Rule[];
	const background = hex(colors['editor.background']) ?? (dark ? '#1e1e1e' : '#ffffff');
	const foreground = hex(colors['editor.foreground']) ?? hex(shiki.fg) ?? (dark ? '#d4d4d4' : '#24292e');
	const pick = (fallback: string, ...scopes: string[]) => scopeColour(rules, scopes) ?? fallback;
	const keyword = pick(foreground, 'keyword', 'storage', 'keyword.control');
	const string = pick(foreground, 'string', 'string.quoted');
	const comment = pick(mix(foreground, background, 0.4), 'comment', 'punctuation.definition.comment');
	const functionName = pick(keyword, 'entity.name.function', 'support.function');
	const type = pick(keyword, 'entity.name.type', 'support.type', 'entity.name.class');
	const constant = pick(keyword, 'constant.numeric', 'constant', 'variable.language');
	const heading = pick(functionName, 'markup.heading', 'entity.name.section');
	return {
		name,
		foreground,
		background,
		paint: true,
		code: name,
		colours: entries({
			accent: keyword,
			heading,
			highlight: pick(constant, 'invalid', 'markup.deleted', 'constant.numeric'),
			prompt: type,
			muted: comment,
			code: string,
			link: pick(type, 'markup.underline.link', 'string.other.link'),
			draft: constant,
			frame: hex(colors['editorLineNumber.foreground']) ?? comment,
			dotRed: '#ff5f56',
			dotYellow: '#ffbd2e',
			dotGreen: '#27c93f',
			statusBg: hex(colors['statusBar.background']) ?? mix(background, foreground, 0.15),
			statusFg: hex(colors['statusBar.foreground']) ?? foreground,
			codeBg: mix(background, foreground, dark ? 0.07 : 0.05),
			codeMark: hex(colors['editor.lineHighlightBackground']) ?? mix(background, keyword, 0.25),
			lineNumber: hex(colors['editorLineNumber.foreground']) ?? comment,
		}),
	};
}
