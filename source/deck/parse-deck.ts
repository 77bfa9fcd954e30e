/**
 * The deck parser: text in, typed model out. Splits slides at `---`, takes
 * speaker notes from `Note:`, and decides each slide's kind from its first
 * non-blank line. Pure and total: it never throws on any input.
 */
import type {Block, Deck, Diagnostic, Inline, Notes, Slide, SlideBody, Subtitle} from './model.js';
import {inlineText, isBlank, splitAtBreaks} from './inline-tree.js';
import {graphemes} from '../text/graphemes.js';
import {parseBlocks, parseImageLine, type SourceLine} from './parse-blocks.js';
import {parseInline} from './parse-inline.js';
import {parseTerminal} from './parse-terminal.js';
import {neutralize} from './neutralize.js';
import {maxSlides} from './slide-cap.js';
import {slideChunks, type SlideChunks} from './slide-chunks.js';

const noteStart = /^Note:/;
const titleLine = /^#=(?:\s+(.*))?$/;
const draftLine = /^#todo(?:\s+(.*))?$/i;
const subtitleLine = /^(#{2,3})\s+(.*)$/;
const terminalLine = /^\$\$terminal(?:\s+(.*))?$/;

/** Parses deck text that has already been decoded (see `loadDeck` for bytes). */
export function parseDeck(text: string): Deck {
	const parts = slideParts(text);
	const parsed = parts.next(parts.count);
	// Past the cap (see slide-cap.ts) a slide is only counted: a blank stands for it, unparsed.
	const slides = parsed.length === parts.count ? parsed : Array.from({length: parts.count}, (_, index) => parsed[index] ?? parts.blank(index));
	return {format: 'shorthand', slides, diagnostics: parts.diagnostics};
}

/** A deck's slides parsed a part at a time, in order (`parseDeck` parses them in one part). */
export type SlideParts = {
	/** How many slides the text has. */
	readonly count: number;
	/** The next slides, at most `count` of them; none once every slide up to the one after the cap (see slide-cap.ts) is parsed. */
	readonly next: (count: number) => Slide[];
	/** What stands for a slide past the cap, unparsed. */
	readonly blank: (index: number) => Slide;
	/** What the slides parsed so far were found to have, in their order. */
	readonly diagnostics: Diagnostic[];
};

/** `chunks`: the text's slides when they have been found already (the opening's). */
export function slideParts(text: string, chunks: SlideChunks = slideChunks(text)): SlideParts {
	const diagnostics: Diagnostic[] = [];
	const last = Math.min(chunks.count, maxSlides + 1);
	let parsed = 0;
	return {
		count: chunks.count,
		diagnostics,
		next(count) {
			const from = parsed;
			parsed = Math.min(last, from + Math.max(0, count));
			return Array.from({length: parsed - from}, (_, offset) => parseSlide(chunks.lines(from + offset), from + offset, diagnostics));
		},
		blank: index => ({kind: 'blank', index, line: chunks.firstLine(index)}),
	};
}

/**
 * The deck as far as the screen at slide `start` needs it, parsed first so
 * that screen can be drawn before the rest is read: that slide, the next one
 * (the presenter's preview), and the terminal sessions they belong to (a
 * session's window is sized to all of its slides); every other slide is a
 * blank placeholder. Diagnostics are left to the whole parse.
 */
export function parseOpening(text: string, start: number, chunks: SlideChunks = slideChunks(text)): Deck {
	const parsed = new Map<number, Slide>();
	const slideAt = (index: number): Slide => {
		let slide = parsed.get(index);
		if (!slide) {
			slide = parseSlide(chunks.lines(index), index, []);
			parsed.set(index, slide);
		}

		return slide;
	};

	const first = Math.min(Math.max(0, start), chunks.count - 1);
	for (const index of [first, first + 1].filter(index => index < chunks.count)) {
		if (slideAt(index).kind !== 'terminal') continue;
		for (let before = index - 1; before >= 0 && slideAt(before).kind === 'terminal'; before--);
		for (let after = index + 1; after < chunks.count && slideAt(after).kind === 'terminal'; after++);
	}

	const slides = Array.from({length: chunks.count}, (_, index): Slide => parsed.get(index) ?? {kind: 'blank', index, line: chunks.firstLine(index)});
	return {format: 'shorthand', slides, diagnostics: []};
}

function parseSlide(chunk: readonly SourceLine[], index: number, diagnostics: Diagnostic[]): Slide {
	const noteIndex = chunk.findIndex(({text}) => noteStart.test(text));
	const content = trimBlank(noteIndex === -1 ? chunk : chunk.slice(0, noteIndex));
	const notes = noteIndex === -1 ? undefined : parseNotes(chunk.slice(noteIndex), diagnostics);
	const line = content[0]?.line ?? chunk[0]?.line ?? 1;
	// Added to the body rather than spread into a new object: spread from bodies of many kinds, V8 gives every slide a hidden class of its own (10,000 slides: 2 MiB).
	const slide: Slide = Object.assign(parseBody(content, diagnostics), {index, line});
	return notes ? Object.assign(slide, {notes}) : slide;
}

function parseNotes(lines: readonly SourceLine[], diagnostics: Diagnostic[]): Notes {
	const [first, ...rest] = lines;
	const firstText = first!.text.replace(noteStart, '').trim();
	const noteLines = trimBlank([{text: firstText, line: first!.line}, ...rest]);
	const text = neutralize(noteLines.map(({text}) => text.trimEnd()).join('\n'));
	return {text, blocks: parseBlocks(noteLines, diagnostics), line: first!.line};
}

function parseBody(lines: readonly SourceLine[], diagnostics: Diagnostic[]): SlideBody {
	const [first, ...rest] = lines;
	if (!first) return {kind: 'blank'};
	const inline = (text: string) => parseInline(text, {line: first.line, diagnostics});

	const draft = draftLine.exec(first.text);
	if (draft) {
		diagnostics.push({severity: 'notice', line: first.line, code: 'draft', message: 'draft slide'});
		return {kind: 'draft', title: inline(draft[1]?.trim() || 'TODO'), body: parseBlocks(rest, diagnostics)};
	}

	const title = titleLine.exec(first.text);
	if (title) return parseTitle(inline(title[1] ?? ''), first, rest, diagnostics);

	const terminal = terminalLine.exec(first.text);
	if (terminal) {
		return {kind: 'terminal', title: neutralize(terminal[1]?.trim() ?? ''), lines: parseTerminal(rest, diagnostics)};
	}

	const image = parseImageLine(first.text, first.line);
	if (image) return {kind: 'image', image, body: parseBlocks(rest, diagnostics)};

	return {kind: 'text', body: parseBlocks(lines, diagnostics)};
}

function parseTitle(title: Inline[], first: SourceLine, rest: readonly SourceLine[], diagnostics: Diagnostic[]): SlideBody {
	if (inlineText(title).trim() === 'TODO') {
		diagnostics.push({severity: 'notice', line: first.line, code: 'draft', message: 'draft slide'});
		return {kind: 'draft', title, body: parseBlocks(rest, diagnostics)};
	}

	const subtitles: Subtitle[] = [];
	let bodyStart = 0;
	for (const [index, {text, line}] of rest.entries()) {
		if (text.trim() === '') continue;
		const match = subtitleLine.exec(text);
		if (!match) break;
		subtitles.push({depth: match[1]!.length, content: parseInline(match[2]!, {line, diagnostics}), line});
		bodyStart = index + 1;
	}

	const body: Block[] = parseBlocks(rest.slice(bodyStart), diagnostics);
	const rows = emojiRows(title);
	if (rows && subtitles.length === 0 && body.length === 0) return {kind: 'emoji', rows};
	return {kind: 'title', title, subtitles: subtitles.slice(), body};
}

/** The rows of an emoji-only title (`.e[🦄<br>🏢]`), or undefined if the title has anything else. */
function emojiRows(title: readonly Inline[]): string[][] | undefined {
	const spans = title.filter(node => !(node.type === 'text' && node.text.trim() === ''));
	if (spans.length === 0 || !spans.every(node => node.type === 'span' && node.className === 'e')) return undefined;
	// Spans side by side on the line share a row: `.e[🦄] .e[🏢]` is one row of two.
	const rows = splitAtBreaks(spans)
		.map(row => graphemes(inlineText(row)).filter(cluster => cluster.trim() !== ''))
		.filter(row => row.length > 0);
	return rows.length > 0 && !isBlank(title) ? rows : undefined;
}

function trimBlank(lines: readonly SourceLine[]): SourceLine[] {
	let start = 0;
	let end = lines.length;
	while (start < end && lines[start]!.text.trim() === '') start++;
	while (end > start && lines[end - 1]!.text.trim() === '') end--;
	return lines.slice(start, end);
}
