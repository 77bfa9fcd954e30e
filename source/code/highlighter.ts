/**
 * The highlighter: Shiki's core with its JavaScript regular-expression engine
 * (no WebAssembly), TextMate grammars and themes loaded one by one as a deck
 * needs them. This module is a chunk of its own, imported only for a deck
 * with code in it (see highlight-deck.ts).
 */
import {createHighlighterCore, type HighlighterCore, type ThemeRegistrationAny, type ThemedToken} from '@shikijs/core';
import {createJavaScriptRegexEngine} from '@shikijs/engine-javascript';
import type {CodeToken} from '../deck/model.js';
import {languageOf, loadGrammar} from './languages.js';

let core: Promise<HighlighterCore> | undefined;

function highlighter(): Promise<HighlighterCore> {
	core ??= createHighlighterCore({engine: createJavaScriptRegexEngine({forgiving: true}), themes: [], langs: []});
	return core;
}

/** Lines of code in a language to coloured tokens, in a Shiki theme; undefined for a language lectern has no grammar for. */
export async function highlightLines(lines: readonly string[], language: string, theme: ThemeRegistrationAny): Promise<CodeToken[][] | undefined> {
	const name = languageOf(language);
	if (name === undefined) return undefined;
	const shiki = await highlighter();
	if (!shiki.getLoadedLanguages().includes(name)) await shiki.loadLanguage(...(await loadGrammar(name)));
	const themeName = theme.name ?? 'lectern';
	if (!shiki.getLoadedThemes().includes(themeName)) await shiki.loadTheme(theme);
	// The tokenizer's time limit per line is for a hostile grammar or line, not for a busy machine: the first lines compile the
	// grammar's expressions, and a short limit leaves the rest of the line one colour, differently from run to run.
	const rows = shiki.codeToTokensBase(lines.join('\n'), {lang: name, theme: themeName, tokenizeTimeLimit: 5000, tokenizeMaxLineLength: 2000});
	return rows.map(row => row.map(token => codeToken(token)));
}

function codeToken(token: ThemedToken): CodeToken {
	const style = token.fontStyle ?? 0;
	const colour = token.color && /^#[\da-f]{6}/i.test(token.color) ? (token.color.slice(0, 7).toLowerCase() as `#${string}`) : undefined;
	return {
		text: token.content,
		...(colour ? {colour} : {}),
		...(style & 2 ? {bold: true} : {}),
		...(style & 1 ? {italic: true} : {}),
		...(style & 4 ? {underline: true} : {}),
	};
}
