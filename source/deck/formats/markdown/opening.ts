/**
 * The opening of a plain Markdown deck, for the player's first paint: the
 * slides up to the one after the opening slide parsed, every other slide a
 * blank placeholder, and the slide count exact, so that the opening screen
 * is the one the whole deck gives (the whole deck is parsed after the first
 * paint). At 10,000 slides this costs what 60 slides do.
 *
 * A cheap line scanner finds the slide breaks: a `---` (`***`, `___`) line at
 * the left edge after a blank line, outside fenced code and HTML comments.
 * The deck up to such a break is parsed as a deck of its own, and kept only
 * when markdown-it agrees that it ends with a thematic break on that line.
 * The slides between two later breaks are counted without parsing when
 * nothing in them can make steps or more slides (no pause, stop, skip or
 * incremental-lists comment, no other rule line, no HTML block, no stepped
 * code); the others are parsed on their own to count them.
 *
 * Decks whose reading depends on the whole text are read whole (undefined):
 * link reference definitions (one may be used before it is defined),
 * `<!-- end_slide -->` (then only it cuts slides), no break at all (slides
 * cut at headings). Pure.
 */
import type {Deck, Slide} from '../../model.js';
import {stepCodeBlocks} from '../../code-steps.js';
import {commentCommand} from './comments.js';
import {plainMarkdown} from './plain.js';
import {readMarkdown, readMarkdownDeck} from './read-markdown.js';
import {isRuleLine} from './split.js';

type Chunk = {
	/** Offset of the chunk's first character. */
	readonly start: number;
	/** Offset of the break line that ends it (the text's length for the last chunk). */
	readonly end: number;
	/** Offset just after the break line (and its newline). */
	readonly next: number;
	/** 1-based line of the break that ends it (0 for the last chunk). */
	readonly breakLine: number;
	readonly firstLine: number;
	/** Makes exactly one slide, whatever is around it. */
	readonly single: boolean;
};

const breakLine = /^(?:-{3,}|\*{3,}|_{3,})[ \t]*$/;
const htmlStart = /^ {0,3}</;
/** CommonMark's HTML blocks that run over blank lines (kinds 1 to 5), and what ends each. */
const longHtml: ReadonlyArray<readonly [RegExp, RegExp]> = [
	[/^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
	[/^ {0,3}<!--/, /-->/],
	[/^ {0,3}<\?/, /\?>/],
	[/^ {0,3}<![A-Za-z]/, />/],
	[/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
const wholeComment = /^ {0,3}(<!--[\s\S]*?-->)[ \t]*$/;
/** Comments that make steps or drop the slide. */
const stepCommands = new Set(['pause', 'stop', 'skip_slide', 'incremental_lists']);

/** The opening deck of a plain Markdown text, or undefined when it must be read whole. */
export function markdownOpening(text: string, start: number): Deck | undefined {
	const deck = headOf(text, start + 2);
	return deck && {...deck, diagnostics: []};
}

/**
 * A plain Markdown deck of more than `count` slides, its first `count` read with their
 * diagnostics and the others counted, as blank placeholders (the slide cap, slide-cap.ts,
 * then says how many); undefined when it has no more, or must be read whole.
 */
export function markdownPastCount(text: string, count: number): Deck | undefined {
	// A slide break takes at least four characters: a shorter text has too few to scan for.
	if (text.length < count * 4) return undefined;
	// Fewer breaks than slides wanted: most likely a deck under the cap, read whole once, not in growing prefixes first.
	const deck = headOf(text, count + 1, count + 1);
	return deck && deck.slides.length > count ? deck : undefined;
}

/**
 * The slides of a plain Markdown text up to at least slide `needed` read, the rest
 * counted; undefined when it must be read whole, or the scanner cuts it into fewer
 * than `minChunks` pieces.
 */
function headOf(text: string, needed: number, minChunks = 2): Deck | undefined {
	if (text.includes('end_slide') || (text.includes(']:') && /\[[^\]\n]*\]:/.test(text))) return undefined;
	const chunks = scanChunks(text);
	if (chunks.length < minChunks) return undefined;
	const cuts = chunks.length - 1;
	for (let last = 0; ; last = Math.min(cuts - 1, last * 2 + 1)) {
		const chunk = chunks[last]!;
		// A paragraph after the break stands for the slides after it: the head's last slide is the one the whole deck has there.
		const sentinel = chunk.breakLine + 2;
		const prefix = text.slice(0, chunk.next);
		const {deck, lastBreak} = readMarkdown(`${prefix}${prefix.endsWith('\n') ? '' : '\n'}\nx\n`, plainMarkdown);
		// markdown-it disagrees with the scanner: read the deck whole.
		if (lastBreak !== chunk.breakLine || deck.slides.at(-1)?.line !== sentinel) return undefined;
		const head = stepCodeBlocks({...deck, slides: deck.slides.slice(0, -1)});
		if (head.slides.length >= needed) return withRest(head, text, chunks.slice(last + 1));
		if (last === cuts - 1) return undefined;
	}
}

function withRest(head: Deck, text: string, rest: readonly Chunk[]): Deck | undefined {
	if (head.slides.every(slide => slide.kind === 'blank' && !slide.notes)) return undefined;
	const slides: Slide[] = [...head.slides];
	// An index, not entries(): the loop runs once per slide, interpreted (an iterator and an array per slide cost 7 ms at 10,000 slides).
	for (let at = 0; at < rest.length; at++) {
		const chunk = rest[at]!;
		const count = chunk.single ? 1 : countSlides(text.slice(chunk.start, chunk.end), at === rest.length - 1);
		for (let step = 0; step < count; step++) slides.push({kind: 'blank', index: slides.length, line: chunk.firstLine});
	}

	return {...head, slides};
}

/** How many slides a chunk makes in its deck, read as a deck after one slide (and before one, unless it is the last). */
function countSlides(chunk: string, last: boolean): number {
	const framed = `x\n\n---\n\n${chunk}${last ? '' : '\n\n---\n'}`;
	return stepCodeBlocks(readMarkdownDeck(framed, plainMarkdown)).slides.length - 1;
}

/**
 * The text cut at its slide breaks (see the top of the file). Where the
 * scanner could misread a fence (one indented, which may sit in a list item;
 * one right after HTML, which may be inside it), it stops cutting: the rest is
 * one chunk, counted by parsing it.
 */
function scanChunks(text: string): Chunk[] {
	const chunks: Chunk[] = [];
	let chunkStart = 0;
	let chunkLine = 1;
	let single = true;
	let fence: string | undefined;
	let htmlEnd: RegExp | undefined;
	let afterHtml = false;
	let previousBlank = true;
	let offset = 0;
	let line = 1;
	const skipTo = frontMatterLines(text);
	while (offset <= text.length) {
		let end = text.indexOf('\n', offset);
		if (end === -1) end = text.length;
		const next = end + 1;
		// Most lines are plain text: only the first character after the indent is looked at.
		let first = offset;
		while (first < end && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
		const code = first < end ? text.charCodeAt(first) : 10;
		const blank = code === 10 || (code === 13 && first === end - 1);
		// A break or rule line is its mark, spaces and tabs: a list item (`- text`) is not one, and is not sliced to be sure.
		const marked = ((code === 45 || code === 42 || code === 95) && onlyMarks(text, first, end, code)) || code === 96 || code === 126 || code === 60;
		const content = marked || htmlEnd ? text.slice(offset, text.charCodeAt(end - 1) === 13 ? end - 1 : end) : '';
		const fenceLine = code === 96 || code === 126 ? fenceAt(text, offset, first, code) : undefined;
		if (line <= skipTo) {
			single = false;
		} else if (htmlEnd) {
			single = false;
			if (htmlEnd.test(content)) htmlEnd = undefined;
		} else if (fence !== undefined) {
			if (fenceLine && fenceLine.run[0] === fence[0] && fenceLine.run.length >= fence.length && content.trim() === fenceLine.run) fence = undefined;
		} else if (fenceLine && !(fenceLine.run.startsWith('`') && content.slice(fenceLine.indent + fenceLine.run.length).includes('`'))) {
			if (fenceLine.indent > 0 || afterHtml) break;
			fence = fenceLine.run;
			if (content.includes('{')) single = false;
		} else if (marked) {
			if (previousBlank && breakLine.test(content)) {
				chunks.push({start: chunkStart, end: offset, next: Math.min(next, text.length), breakLine: line, firstLine: chunkLine, single});
				chunkStart = Math.min(next, text.length);
				chunkLine = line + 1;
				single = true;
			} else if (code !== 60) {
				if (isRuleLine(content)) single = false;
			} else if (htmlStart.test(content)) {
				const comment = wholeComment.exec(content);
				if (comment) {
					if (stepCommands.has(commentCommand(comment[1]!)?.name ?? '')) single = false;
				} else {
					single = false;
					afterHtml = true;
					htmlEnd = htmlBlockEnd(content);
				}
			}
		}

		if (blank) afterHtml = false;
		previousBlank = blank;
		offset = next;
		line++;
	}

	chunks.push({start: chunkStart, end: text.length, next: text.length, breakLine: 0, firstLine: chunkLine, single: false});
	return chunks;
}

/**
 * The fence a line opens or closes (CommonMark: up to three spaces, then three or more
 * backticks or tildes), read without a regular expression (a deck of terminal sessions
 * has thousands): its indent and its run of marks; `first` is the line's first character
 * after spaces and tabs, `mark` that character.
 */
function fenceAt(text: string, offset: number, first: number, mark: number): {indent: number; run: string} | undefined {
	const indent = first - offset;
	if (indent > 3) return undefined;
	for (let at = offset; at < first; at++) if (text.charCodeAt(at) !== 32) return undefined;
	let end = first;
	while (text.charCodeAt(end) === mark) end++;
	return end - first >= 3 ? {indent, run: text.slice(first, end)} : undefined;
}

/** True when the line from `first` to `end` holds only the character `mark`, spaces and tabs (a CR at its end too). */
function onlyMarks(text: string, first: number, end: number, mark: number): boolean {
	for (let at = first; at < end; at++) {
		const code = text.charCodeAt(at);
		if (code !== mark && code !== 32 && code !== 9 && !(code === 13 && at === end - 1)) return false;
	}

	return true;
}

/** What ends the HTML block a line opens when it is one of the kinds that run over blank lines and does not end on that line. */
function htmlBlockEnd(content: string): RegExp | undefined {
	for (const [start, end] of longHtml) {
		const opened = start.exec(content);
		if (opened) return end.test(content.slice(opened[0].length)) ? undefined : end;
	}

	return undefined;
}

/** The lines of front matter at the top (none are breaks), or 0. */
function frontMatterLines(text: string): number {
	if (!/^---[ \t]*\r?\n/.test(text)) return 0;
	const lines = text.slice(0, 64 * 1024).split('\n', 503);
	const close = lines.findIndex((each, index) => index > 0 && /^(?:---|\.\.\.)[ \t]*\r?$/.test(each));
	return close > 0 ? close + 1 : 0;
}
