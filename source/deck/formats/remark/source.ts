/**
 * Where a remark deck's Markdown is: the `<textarea id="source">` of an HTML
 * page (HTML entities decoded, as the browser hands it to remark), the file
 * such a page loads (remark's `sourceUrl`, or a script that fetches it into
 * the textarea), or the text itself (a `.md` that a page loads, an `.Rmd`).
 */
import {decodeHTML} from 'entities';

export type RemarkSource =
	| {readonly kind: 'markdown'; readonly text: string; readonly line: number; readonly classes: ReadonlySet<string>}
	/** The page loads its slides from `src` (relative to the page). */
	| {readonly kind: 'loads'; readonly src: string; readonly line: number; readonly how: string}
	/** An HTML page without slides. */
	| {readonly kind: 'missing'};

const textareaPattern = /<textarea\b([^<>]{0,2000})>([\s\S]*?)(?:<\/textarea\s*>|$)/gi;
const sourceUrl = /\bsourceUrl\s*:\s*(["'`])([^"'`\n]{1,2000})\1/;
const xhrOpen = /\.open\s*\(\s*(["'])GET\1\s*,\s*(["'`])([^"'`\n]{1,2000})\2/i;
const fetchCall = /\bfetch\s*\(\s*(["'`])([^"'`\n]{1,2000})\1/;

/** What a page has that the patterns below look for (`sourceUrl` and `fetch` apart: a search in any case for words that start with `s` or `f` reads a text slowly). */
const pageSigns = /<(?:textarea|style)\b|\.open/i;

export function remarkSource(text: string): RemarkSource {
	// A deck of Markdown alone has none of them, and is read without looking for them one by one.
	if (!pageSigns.test(text) && !text.includes('sourceUrl') && !text.includes('fetch'))
		return isPage(text) ? {kind: 'missing'} : {kind: 'markdown', text, line: 1, classes: new Set()};
	const classes = pageClasses(text);
	const textareas = [...text.matchAll(textareaPattern)];
	const chosen = textareas.find(match => /\bid\s*=\s*["']?source\b/i.test(match[1]!)) ?? textareas[0];
	const content = chosen ? decodeHTML(chosen[2]!) : undefined;
	if (content !== undefined && content.trim() !== '') {
		const start = chosen!.index + chosen![0].indexOf('>') + 1;
		return {kind: 'markdown', text: content, line: lineAt(text, start), classes};
	}

	const loader = loadedFile(text);
	if (loader) return loader;
	if (chosen || isPage(text)) return {kind: 'missing'};
	return {kind: 'markdown', text, line: 1, classes};
}

function isPage(text: string): boolean {
	return /^\s*(?:<!doctype\s+html|<html\b)/i.test(text);
}

/** The file a page loads its slides from: remark's `sourceUrl`, an XHR `open("GET", ...)`, or a `fetch(...)`. */
function loadedFile(text: string): Extract<RemarkSource, {kind: 'loads'}> | undefined {
	const candidates: Array<[RegExpExecArray | null, number, string]> = [
		[sourceUrl.exec(text), 2, 'sourceUrl'],
		[xhrOpen.exec(text), 3, 'an XMLHttpRequest'],
		[fetchCall.exec(text), 2, 'fetch()'],
	];
	for (const [match, group, how] of candidates) {
		if (match) return {kind: 'loads', src: match[group]!.trim(), line: lineAt(text, match.index), how};
	}

	return undefined;
}

/** The class names a page's own `<style>` defines (`.pull-left`, `.shell-body`): its look, not a mistake. */
function pageClasses(text: string): Set<string> {
	const classes = new Set<string>();
	for (const style of text.matchAll(/<style\b[^<>]{0,500}>([\s\S]{0,200000}?)<\/style\s*>/gi)) {
		for (const name of style[1]!.matchAll(/\.([A-Za-z_-][\w-]{0,63})/g)) classes.add(name[1]!);
	}

	return classes;
}

function lineAt(text: string, offset: number): number {
	let line = 1;
	for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
	return line;
}

/**
 * remark's `cleanInput`: when every line is indented (a textarea indented
 * with the page), the indentation they all share is removed. Lines keep
 * their places.
 */
export function dedent(text: string): string {
	let common = Number.POSITIVE_INFINITY;
	for (const match of text.matchAll(/^([ \t]*)[^ \t\n]/gm)) {
		common = Math.min(common, match[1]!.length);
		// A line at the left edge (most decks' first): nothing to remove, and no need to look further.
		if (common === 0) return text;
	}

	if (!Number.isFinite(common)) return text;
	return text.replace(new RegExp(`^[ \\t]{0,${common}}`, 'gm'), '');
}
