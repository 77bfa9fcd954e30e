/**
 * markdown-it's inline parser set up for the text of one deck line: CommonMark
 * code spans, emphasis, links, images, autolinks, backslash escapes and
 * entities, GFM `~~strike~~`, and the deck's own `.class[...]` spans and
 * `<br>` as rules of the same parser, so that Markdown nests inside spans and
 * spans inside Markdown by CommonMark's precedence.
 *
 * Raw HTML is off: the deck format has no HTML but `<br>`, so `<b>` shows as
 * written (as it always has) instead of vanishing, and a stray `<` cannot make
 * CommonMark read the rest of a line as a tag. Linkify is off: a URL is a link
 * only when written as one (`http:/.noop[/]127.0.0.1` exists to prevent it).
 *
 * Spans and links count towards markdown-it's `maxNesting`: past it the rest
 * of a span is left as written. Emphasis, which markdown-it pairs after
 * parsing, is bounded where the tokens become the model (`inline-tokens.ts`).
 */
import {decodeHTML} from 'entities';
import MarkdownIt from 'markdown-it';
import type {StateInline, Token} from 'markdown-it';
import {LineState, textToken} from './inline-state.js';

/** Spans and links nested deeper than this are shown as written. */
export const maxNesting = 64;

let parser: ReturnType<typeof MarkdownIt> | undefined;

/** markdown-it's inline tokens of one line (text, code, em, strong, s, link, image, span, break). */
export function inlineTokens(source: string): Token[] {
	parser ??= createParser();
	const tokens: Token[] = [];
	// An empty environment: no link reference definitions, so `[text]` alone is text.
	parser.inline.parse(source, parser, {}, tokens);
	return tokens;
}

function createParser(): ReturnType<typeof MarkdownIt> {
	const markdown = new MarkdownIt('commonmark', {html: false, maxNesting}).enable('strikethrough').disable(['html_inline', 'newline']);
	// Link targets are checked (`safeLinkTarget`) and shown as written, so markdown-it neither rejects nor encodes them.
	markdown.validateLink = () => true;
	markdown.normalizeLink = (url: string) => url;
	markdown.normalizeLinkText = (url: string) => url;
	markdown.inline.State = LineState;
	boundImageNesting(markdown.inline);
	const rules = markdown.inline.ruler;
	rules.at('text', text);
	rules.after('text', 'span', span);
	rules.before('autolink', 'break', lineBreak);
	rules.at('entity', entity);
	return markdown;
}

/** Images inside the descriptions of images deeper than this keep their description as written. */
const maxImageNesting = 4;

/**
 * markdown-it parses the description of an image (`![description](src)`) as
 * a line of its own, with a fresh state, so `maxNesting` starts again inside
 * every image: `.red[![.red[![...` would nest without bound and overflow the
 * stack. Parses nested that way are counted and stopped.
 */
function boundImageNesting(inline: ReturnType<typeof MarkdownIt>['inline']): void {
	const parse = inline.parse.bind(inline);
	let depth = 0;
	inline.parse = (source, markdown, env, tokens) => {
		if (depth > maxImageNesting) {
			tokens.push(textToken(source));
			return;
		}

		depth++;
		try {
			parse(source, markdown, env, tokens);
		} finally {
			depth--;
		}
	};
}

/**
 * Plain text up to the next character a rule starts at. markdown-it's own
 * `text` rule stops at more characters (for plugins this parser does not
 * have) and not at the `.` of a span.
 */
function text(state: StateInline, silent: boolean): boolean {
	const {src, posMax} = state;
	let pos = state.pos;
	while (pos < posMax && !startsRule(src, pos)) pos++;
	if (pos === state.pos) return false;
	if (!silent) state.pending += src.slice(state.pos, pos);
	state.pos = pos;
	return true;
}

function startsRule(src: string, pos: number): boolean {
	switch (src.charCodeAt(pos)) {
		case 0x21: // ! image
		case 0x26: // & entity
		case 0x2a: // * emphasis
		case 0x3c: // < autolink, <br>
		case 0x5b: // [ link
		case 0x5c: // \ escape
		case 0x5d: // ] end of link text
		case 0x5f: // _ emphasis
		case 0x60: // ` code
		case 0x7e: {
			// ~ strikethrough
			return true;
		}

		case 0x2e: {
			// . a span, when a class name follows
			return isAsciiLetter(src.charCodeAt(pos + 1));
		}

		default: {
			return false;
		}
	}
}

function isAsciiLetter(code: number): boolean {
	return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

const spanOpen = /\.([A-Za-z][\w-]{0,63})\[/y;

/**
 * `.NAME[content]`: a `span_open` token with the class in `meta`, the content
 * parsed as inline Markdown, `span_close`. Brackets inside balance (a `\]`
 * does not count). Without its `]` the opener is text, a `text_special`
 * token with `info` "unbalanced-span", so that it can be reported.
 */
function span(state: StateInline, silent: boolean): boolean {
	spanOpen.lastIndex = state.pos;
	const open = spanOpen.exec(state.src);
	if (!open || state.pos + open[0].length > state.posMax) return false;
	const className = open[1]!;
	const contentStart = state.pos + open[0].length;
	const close = matchingBracket(state, contentStart - 1);
	if (close === -1) {
		if (!silent) {
			const token = state.push('text_special', '', 0);
			token.content = open[0];
			token.info = 'unbalanced-span';
			token.meta = {className};
		}

		state.pos = contentStart;
		return true;
	}

	if (!silent) {
		const max = state.posMax;
		state.push('span_open', 'span', 1).meta = {className};
		state.pos = contentStart;
		state.posMax = close;
		state.md.inline.tokenize(state);
		state.push('span_close', 'span', -1);
		state.posMax = max;
	}

	state.pos = close + 1;
	return true;
}

/** For each `[` of a line, the index of its matching `]` (escapes skipped); built once per parse. */
const bracketTables = new WeakMap<StateInline, Int32Array>();

function matchingBracket(state: StateInline, open: number): number {
	let table = bracketTables.get(state);
	if (!table) {
		table = matchTable(state.src);
		bracketTables.set(state, table);
	}

	const close = table[open] ?? -1;
	return close < state.posMax ? close : -1;
}

function matchTable(text: string): Int32Array {
	const table = new Int32Array(text.length).fill(-1);
	const stack: number[] = [];
	for (let index = 0; index < text.length; index++) {
		const char = text.charCodeAt(index);
		if (char === 0x5c) {
			index++;
		} else if (char === 0x5b) {
			stack.push(index);
		} else if (char === 0x5d && stack.length > 0) {
			table[stack.pop()!] = index;
		}
	}

	return table;
}

const breakTag = /<br\s{0,32}\/?\s{0,32}>/iy;

/** `<br>`, `<BR/>`, `<br />`: a line break (a `hardbreak` token). */
function lineBreak(state: StateInline, silent: boolean): boolean {
	breakTag.lastIndex = state.pos;
	const tag = breakTag.exec(state.src);
	if (!tag || state.pos + tag[0].length > state.posMax) return false;
	if (!silent) state.push('hardbreak', 'br', 0);
	state.pos += tag[0].length;
	return true;
}

const entityPattern = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/iy;

/**
 * The entities decks mostly use, decoded without entities' table of all 2,231
 * (unpacking it takes some 3 ms, before the first frame); a test checks each
 * against decodeHTML.
 */
export const commonEntities = new Map([
	['&nbsp;', '\u00A0'],
	['&amp;', '&'],
	['&lt;', '<'],
	['&gt;', '>'],
	['&quot;', '"'],
	['&apos;', "'"],
	['&mdash;', '\u2014'],
	['&ndash;', '\u2013'],
	['&hellip;', '\u2026'],
	['&copy;', '\u00A9'],
	['&rarr;', '\u2192'],
]);

/**
 * Entity references decoded as HTML decodes them (the deck format speaks of
 * HTML entities): `&#27;` is ESC, which text hygiene then shows as `␛`
 * (markdown-it's own rule would make it U+FFFD), and `&#150;` is Windows-1252's
 * en dash. An unknown name stays as written.
 */
function entity(state: StateInline, silent: boolean): boolean {
	entityPattern.lastIndex = state.pos;
	const match = entityPattern.exec(state.src);
	if (!match || state.pos + match[0].length > state.posMax) return false;
	const decoded = commonEntities.get(match[0]) ?? decodeHTML(match[0]);
	if (decoded === match[0]) return false;
	if (!silent) {
		const token = state.push('text_special', '', 0);
		token.content = decoded;
		token.markup = match[0];
		token.info = 'entity';
	}

	state.pos += match[0].length;
	return true;
}
