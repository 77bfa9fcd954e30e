/**
 * The one inline pipeline of every format: markdown-it set up for deck text,
 * with CommonMark code spans, emphasis, links, images, autolinks, backslash
 * escapes and entities, GFM `~~strike~~`, and the deck's own `.class[...]`
 * spans and `<br>` as rules of the same parser, so that Markdown nests inside
 * spans and spans inside Markdown by CommonMark's precedence. The same
 * instance reads the blocks of remark and Markdown decks
 * (`formats/markdown/read-blocks.ts`), so inline text means the same in every
 * format; a profile says what differs:
 *
 * - `spans`: `.class[...]` is a span (lectern's shorthand and remark.js; in
 *   other Markdown decks `list.items[0]` is text).
 * - `html`: raw HTML tags are markup, not shown (remark and Markdown decks);
 *   without it (the shorthand, whose only HTML is `<br>`) `<b>` shows as
 *   written and a stray `<` cannot make CommonMark read a line as a tag.
 *
 * Linkify is off: a URL is a link only when written as one
 * (`http:/.noop[/]127.0.0.1` exists to prevent it).
 *
 * Spans and links count towards markdown-it's `maxNesting`: past it the rest
 * of a span is left as written. Emphasis, which markdown-it pairs after
 * parsing, is bounded where the tokens become the model (`inline-tokens.ts`).
 */
import {decodeHTML} from 'entities';
import MarkdownIt from 'markdown-it';
import {boundTables} from './bounded-table.js';
import type {StateInline, Token} from 'markdown-it';
import {LineState, textToken} from './inline-state.js';

/** Spans and links nested deeper than this are shown as written. */
export const maxNesting = 64;

/** What the inline text of a format allows (see the top of this file). */
export type InlineProfile = {
	readonly spans: boolean;
	readonly html: boolean;
	/**
	 * A line that starts with an inline tag (`<br>`, `<img>`, `<span>`) starts
	 * a paragraph, as in marked (remark's Markdown), not an HTML block (as in
	 * CommonMark, where `<br>` on a line hides the Markdown under it).
	 */
	readonly inlineTagLines?: boolean;
};

/** lectern's shorthand: spans, and no HTML but `<br>`. */
const shorthandInline: InlineProfile = {spans: true, html: false};
/** remark.js decks: spans, and HTML is markup. */
export const remarkInline: InlineProfile = {spans: true, html: true, inlineTagLines: true};
/** Markdown decks (presenterm, patat, mdp, lookatme, slides): HTML is markup; no spans. */
export const markdownInline: InlineProfile = {spans: false, html: true};

export type Markdown = ReturnType<typeof MarkdownIt>;

/** One parser per profile, made on first use. */
const parsers = new Map<string, Markdown>();

/** The markdown-it instance of a profile: block rules CommonMark with GFM tables and strikethrough, inline rules as above. */
export function markdownFor(profile: InlineProfile): Markdown {
	const key = `${profile.spans}:${profile.html}:${profile.inlineTagLines === true}`;
	let markdown = parsers.get(key);
	if (!markdown) {
		markdown = createParser(profile);
		parsers.set(key, markdown);
	}

	return markdown;
}

/** markdown-it's inline tokens of one line (text, code, em, strong, s, link, image, span, break). */
export function inlineTokens(source: string, profile: InlineProfile = shorthandInline): Token[] {
	const markdown = markdownFor(profile);
	const tokens: Token[] = [];
	// An empty environment: no link reference definitions, so `[text]` alone is text.
	markdown.inline.parse(source, markdown, {}, tokens);
	return tokens;
}

function createParser(profile: InlineProfile): Markdown {
	const markdown = new MarkdownIt('commonmark', {html: profile.html, maxNesting}).enable(['table', 'strikethrough']);
	if (!profile.html) markdown.disable('html_inline');
	// Link targets are checked (`safeLinkTarget`) and shown as written, so markdown-it neither rejects nor encodes them.
	markdown.validateLink = () => true;
	markdown.normalizeLink = (url: string) => url;
	markdown.normalizeLinkText = (url: string) => url;
	markdown.inline.State = LineState;
	boundImageNesting(markdown.inline);
	boundTables(markdown);
	if (profile.inlineTagLines) paragraphsFromInlineTags(markdown);
	const rules = markdown.inline.ruler;
	rules.at('text', profile.spans ? textWithSpans : text);
	if (profile.spans) rules.after('text', 'span', span);
	rules.before('autolink', 'break', lineBreak);
	rules.at('entity', entity);
	return markdown;
}

/** CommonMark's HTML blocks of kinds 1 to 6: raw text elements, comments and the like, and block-level elements. */
const blockHtml =
	/^<(?:(?:script|pre|style|textarea)(?=\s|>|$)|!--|\?|![A-Za-z]|!\[CDATA\[|\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?=\s|\/?>|$))/i;

/** HTML blocks of kind 7 (a line of any other tag) are not blocks: the line starts a paragraph. */
function paragraphsFromInlineTags(markdown: Markdown): void {
	// markdown-it keeps its rules by name in `__rules__` (function names do not survive minifying).
	type BlockRule = Parameters<typeof markdown.block.ruler.at>[1];
	const rules = (markdown.block.ruler as unknown as {__rules__: Array<{name: string; fn: BlockRule}>}).__rules__;
	const rule = rules.find(each => each.name === 'html_block')?.fn;
	if (!rule) return;
	markdown.block.ruler.at('html_block', (state, startLine, endLine, silent) => {
		const start = state.bMarks[startLine]! + state.tShift[startLine]!;
		if (!blockHtml.test(state.src.slice(start, state.eMarks[startLine]))) return false;
		return rule(state, startLine, endLine, silent);
	});
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
	return plainText(state, silent, false);
}

/** `text` that also stops at the `.` of a `.class[` span. */
function textWithSpans(state: StateInline, silent: boolean): boolean {
	return plainText(state, silent, true);
}

function plainText(state: StateInline, silent: boolean, spans: boolean): boolean {
	const {src, posMax} = state;
	let pos = state.pos;
	while (pos < posMax && !startsRule(src, pos, spans)) pos++;
	if (pos === state.pos) return false;
	if (!silent) state.pending += src.slice(state.pos, pos);
	state.pos = pos;
	return true;
}

function startsRule(src: string, pos: number, spans: boolean): boolean {
	switch (src.charCodeAt(pos)) {
		case 0x0a: // line end (softbreak, hardbreak)
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
			return spans && isAsciiLetter(src.charCodeAt(pos + 1));
		}

		default: {
			return false;
		}
	}
}

function isAsciiLetter(code: number): boolean {
	return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

const spanOpen = /\.([A-Za-z][\w-]{0,63}(?:\.[A-Za-z][\w-]{0,63}){0,7})\[/y;

/**
 * `.NAME[content]`: a `span_open` token with the class in `meta`, the content
 * parsed as inline Markdown, `span_close`; `.a.b[content]` (remark's classes
 * side by side) is a span in a span. Brackets inside balance (a `\]` does
 * not count). Without its `]` the opener is text, a `text_special` token with
 * `info` "unbalanced-span", so that it can be reported.
 */
function span(state: StateInline, silent: boolean): boolean {
	spanOpen.lastIndex = state.pos;
	const open = spanOpen.exec(state.src);
	if (!open || state.pos + open[0].length > state.posMax) return false;
	const classNames = open[1]!.split('.');
	const contentStart = state.pos + open[0].length;
	const close = matchingBracket(state, contentStart - 1);
	if (close === -1) {
		if (!silent) {
			const token = state.push('text_special', '', 0);
			token.content = open[0];
			token.info = 'unbalanced-span';
			token.meta = {className: classNames[0]};
		}

		state.pos = contentStart;
		return true;
	}

	if (!silent) {
		const max = state.posMax;
		for (const className of classNames) state.push('span_open', 'span', 1).meta = {className};
		state.pos = contentStart;
		state.posMax = close;
		state.md.inline.tokenize(state);
		for (let count = 0; count < classNames.length; count++) state.push('span_close', 'span', -1);
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
