/**
 * Markdown decks, read by the rules of their dialect (`dialect.ts`): the
 * header makes a title slide; the body is parsed as CommonMark with GFM
 * tables and strikethrough (or cut into raw slides first, where the tool
 * does that), cut into slides, and each slide's blocks become steps, notes
 * and model blocks.
 *
 * A construct that would run past its slide (a code fence never closed, an
 * HTML comment never closed) is reported with its line: the fence does what
 * the tool does (runs to the end, as CommonMark says); the comment hides only
 * its own line, since hiding the rest of the deck is never what was meant.
 *
 * Pure and total: never throws.
 */
import type {Block, Deck, Diagnostic, Inline, Notes, Subtitle} from '../../model.js';
import {markdownInline} from '../../inline-markdown.js';
import {
	bodyOf,
	capSteps,
	fenceTracker,
	joinParts,
	notesText,
	numberLines,
	numberSlides,
	planKind,
	trimBlankLines,
	trimInlines,
	type Line,
	type SlideDraft,
} from '../blocks.js';
import {metaOf, type FrontMatter} from '../front-matter.js';
import {blocksOf, type BlockContext} from './blocks-of.js';
import type {Dialect, Settings, SlideNodes, SourceView} from './dialect.js';
import {readBlocks, readNodes, type ReadOptions} from './read-blocks.js';
import type {MdNode} from './tree.js';
import {append} from '../../../frame/lists.js';

type Reading<S extends Settings> = {
	readonly dialect: Dialect<S>;
	readonly settings: S;
	readonly options: ReadOptions;
};

export function readMarkdownDeck<S extends Settings>(text: string, dialect: Dialect<S>): Deck {
	return readMarkdown(text, dialect).deck;
}

/**
 * A Markdown deck, and the deck line of the top-level block before its last
 * one when that block is a thematic break (the opening reader's check that a
 * prefix of a deck ends where a slide ends, `opening.ts`).
 */
export function readMarkdown<S extends Settings>(text: string, dialect: Dialect<S>): {deck: Deck; lastBreak: number | undefined} {
	let lastBreak: number | undefined;
	const diagnostics: Diagnostic[] = [];
	const lines = numberLines(text);
	if (lines.length > 1 && lines.at(-1)!.text === '') lines.pop();
	const {front, body} = dialect.header(lines, diagnostics);
	const settings = dialect.settings(front);
	const options: ReadOptions = {profile: markdownInline, inline: {softBreak: settings.softBreak}, diagnostics, env: {}};
	const reading: Reading<S> = {dialect, settings, options};
	const drafts: SlideDraft[] = [];
	const title = front ? titleSlide(front, options) : undefined;
	if (title) drafts.push(title);

	const prepared = hideUnclosedComments(dialect.prepare ? dialect.prepare(body, diagnostics) : body, diagnostics);
	const chunks = dialect.cutLines ? dialect.cutLines(prepared) : [prepared];
	for (const chunk of chunks) {
		const {nodes, context} = readNodes(chunk, options);
		const beforeLast = nodes.at(-2);
		lastBreak = beforeLast?.type === 'thematicBreak' ? context.lineOf(beforeLast.line) : undefined;
		// A header and nothing else: the title slide alone.
		if (nodes.length === 0 && chunks.length === 1 && drafts.length > 0) continue;
		const source = sourceView(chunk);
		reportUnclosedFences(nodes, chunk, reading);
		const slides: SlideNodes[] = dialect.cutLines
			? [{nodes, line: trimBlankLines(chunk)[0]?.line ?? chunk[0]?.line ?? 1}]
			: dialect.split(nodes, settings, source);
		for (const slide of slides) append(drafts, slideDrafts(slide, source, context, reading));
	}

	return {deck: {format: dialect.format, slides: numberSlides(drafts), diagnostics}, lastBreak};
}

function sourceView(lines: readonly Line[]): SourceView {
	const last = lines.at(-1)?.line ?? 1;
	return {
		text: line => lines[line - 1]?.text ?? '',
		lines: (from, to) => lines.slice(from - 1, to),
		lineOf: line => lines[line - 1]?.line ?? last,
	};
}

/** A title slide from the header: title; subtitle and authors smaller; place and date smallest. */
function titleSlide(front: FrontMatter, options: ReadOptions): SlideDraft | undefined {
	const meta = metaOf(front.data);
	if (!meta.title) return undefined;
	const line = front.line;
	const text = (value: string): Inline[] =>
		trimInlines(
			readBlocks([{text: value.replace(/\s+/g, ' '), line}], options).flatMap(block =>
				block.type === 'paragraph' ? block.lines.flat() : block.type === 'heading' ? [...block.content] : [],
			),
		);
	const subtitles: Subtitle[] = [
		...(meta.subtitle ? [{depth: 2, content: text(meta.subtitle), line}] : []),
		...(meta.authors.length > 0 ? [{depth: 2, content: text(meta.authors.join(', ')), line}] : []),
		...meta.place.map(place => ({depth: 3, content: text(place), line})),
		...(meta.date ? [{depth: 3, content: text(meta.date), line}] : []),
	];
	return {body: {kind: 'title', title: text(meta.title), subtitles, body: []}, line};
}

type NotePiece = {readonly text: string; readonly blocks: readonly Block[]; readonly line: number};

/** One slide's blocks to its step slides (one draft when it has no pause). */
function slideDrafts<S extends Settings>({nodes, line: emptyLine}: SlideNodes, source: SourceView, context: BlockContext, reading: Reading<S>): SlideDraft[] {
	const {dialect, options} = reading;
	const {parts, notes, skip} = readSlide(nodes, source, context, reading);
	if (skip) return [];
	const line = nodes[0] ? context.lineOf(nodes[0].line) : emptyLine;
	const mapped = capSteps(
		parts.map(part => blocksOf(part, context)).filter(blocks => blocks.length > 0),
		line,
		options.diagnostics,
	);
	const note = joinNotes(notes);
	if (mapped.length === 0 && dialect.dropEmpty && !note) return [];
	const withNotes = note ? {notes: note} : {};
	if (mapped.length <= 1) {
		const blocks = mapped[0] ?? [];
		return [{body: bodyOf(blocks, planKind(blocks)), line, ...withNotes}];
	}

	const kind = planKind(joinParts(mapped));
	return mapped.map((_, index) => ({
		body: bodyOf(joinParts(mapped.slice(0, index + 1)), kind),
		line,
		...withNotes,
		step: {index: index + 1, of: mapped.length},
	}));
}

type SlideParts = {readonly parts: MdNode[][]; readonly notes: NotePiece[]; readonly skip: boolean};

/** A slide's blocks cut at its pauses (incremental lists item by item), its notes, and whether it is skipped. */
function readSlide<S extends Settings>(nodes: readonly MdNode[], source: SourceView, context: BlockContext, reading: Reading<S>): SlideParts {
	const {dialect, options, settings} = reading;
	const parts: MdNode[][] = [[]];
	const notes: NotePiece[] = [];
	let skip = false;
	let incremental = settings.incrementalLists;
	const pause = () => {
		if (parts.at(-1)!.length > 0) parts.push([]);
	};

	for (const node of nodes) {
		const marker = dialect.marker(node, source, settings);
		if (!marker) {
			// patat: a list alone in a quote is that list, incremental the other way round.
			const quoted = settings.quotedListsFlip === true && node.type === 'blockquote' && node.children.length === 1 && node.children[0]!.type === 'list';
			const content = quoted ? node.children[0]! : node;
			if (content.type !== 'list' || incremental === quoted || content.children.length < 2) {
				parts.at(-1)!.push(content);
				continue;
			}

			if (settings.pausesAroundLists) pause();
			for (const [at, item] of content.children.entries()) {
				if (at > 0) pause();
				parts.at(-1)!.push({...content, start: content.start + at, children: [item]});
			}

			if (settings.pausesAroundLists) pause();
			continue;
		}

		const line = context.lineOf(node.line);
		switch (marker.kind) {
			case 'pause': {
				pause();
				break;
			}

			case 'notes': {
				if (marker.text.trim() !== '') notes.push(notePiece(numberLines(marker.text, line), options));
				break;
			}

			case 'notes-rest': {
				const [first, ...more] = source.lines(node.line, nodes.at(-1)!.end - 1);
				if (first) notes.push(notePiece([{text: first.text.replace(marker.marker, ''), line: first.line}, ...more], options));
				// The rest of the slide is notes.
				return {parts, notes, skip};
			}

			case 'skip-slide': {
				skip = true;
				break;
			}

			case 'incremental-lists': {
				incremental = marker.on;
				break;
			}

			case 'hidden': {
				break;
			}

			case 'notice': {
				options.diagnostics.push({severity: 'notice', line, code: marker.code, message: marker.message});
				break;
			}
		}
	}

	return {parts, notes, skip};
}

function notePiece(lines: readonly Line[], options: ReadOptions): NotePiece {
	const trimmed = trimBlankLines(lines);
	return {text: notesText(trimmed), blocks: readBlocks(trimmed, options), line: trimmed[0]?.line ?? lines[0]?.line ?? 1};
}

function joinNotes(pieces: readonly NotePiece[]): Notes | undefined {
	const shown = pieces.filter(piece => piece.text !== '');
	if (shown.length === 0) return undefined;
	return {text: shown.map(piece => piece.text).join('\n\n'), blocks: shown.flatMap(piece => piece.blocks), line: shown[0]!.line};
}

/**
 * A line that opens an HTML comment no later line closes: CommonMark would
 * hide the rest of the deck in it. Only that line is hidden, and reported.
 */
function hideUnclosedComments(lines: readonly Line[], diagnostics: Diagnostic[]): Line[] {
	const lastClose = lines.findLastIndex(line => line.text.includes('-->'));
	const inFence = fenceTracker();
	return lines.map((line, index) => {
		if (inFence(line.text) || index < lastClose || !/^ {0,3}<!--/.test(line.text) || line.text.includes('-->', line.text.indexOf('<!--') + 4)) return line;
		diagnostics.push({
			severity: 'error',
			line: line.line,
			code: 'unclosed-comment',
			message: 'this HTML comment "<!--" is never closed and would hide the rest of the deck; lectern hides only this line',
		});
		return {text: '', line: line.line};
	});
}

/** A code fence never closed runs to the end of the deck (as in CommonMark and the tools); when it swallows slides, that is an error. */
function reportUnclosedFences<S extends Settings>(nodes: readonly MdNode[], chunk: readonly Line[], reading: Reading<S>): void {
	const last = nodes.at(-1);
	if (last?.type !== 'code' || last.fence === '') return;
	const closing = chunk[last.end - 2]?.text ?? '';
	const closed = last.end - 1 > last.line && new RegExp(`^ {0,3}\\${last.fence[0]}{${last.fence.length},}[ \\t]*$`).test(closing);
	if (closed) return;
	const swallowed = last.value.split('\n').filter(text => reading.dialect.separator(text)).length;
	const line = chunk[last.line - 1]?.line ?? 1;
	reading.options.diagnostics.push(
		swallowed > 0
			? {
					severity: 'error',
					line,
					code: 'unclosed-fence',
					message: `this code fence "${last.fence}" is never closed: the rest of the deck (${swallowed} slide ${swallowed === 1 ? 'break' : 'breaks'}) shows as code`,
				}
			: {severity: 'warning', line, code: 'unclosed-fence', message: `this code fence "${last.fence}" is never closed; it runs to the end of the deck`},
	);
}
