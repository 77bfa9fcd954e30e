/**
 * Markdown decks as presenterm, slides, mdp and lookatme users write them,
 * parsed as CommonMark with GFM tables and strikethrough (markdown-it, see
 * `markdown-tree.ts`) and mapped to the deck model.
 *
 * - Slides end at `<!-- end_slide -->`; in a deck without that comment at
 *   `---` lines (raw, as `slides` does, so also right under a paragraph) and
 *   at other thematic breaks (`***`, `- - -`). A deck with no separator at all
 *   is split at its headings (lookatme's smart splitting).
 * - YAML front matter (or mdp's `%title:` lines) gives a first title slide.
 * - `<!-- pause -->` (lookatme: `<!-- stop -->`) makes steps.
 * - Notes: `<!-- speaker_note: ... -->`, `<!-- notes ... -->`, and a
 *   trailing `Note:` / `Notes:` section.
 * - Every source line of a paragraph is a line on the slide, as in lectern's
 *   own format.
 *
 * Pure and total: never throws; all text goes through `neutralize`, link
 * targets through `safeLinkTarget`.
 */
import type {Block, Deck, Diagnostic, Inline, Notes, Subtitle} from '../model.js';
import {splitAtBreaks} from '../inline-tree.js';
import {safeLinkTarget} from '../link-target.js';
import {neutralize} from '../neutralize.js';
import {
	bodyOf,
	capSteps,
	codeBlock,
	codeLines,
	fenceTracker,
	joinParts,
	listBlock,
	mergeText,
	minOf,
	notesText,
	numberLines,
	numberSlides,
	planKind,
	quoteBlock,
	tableBlock,
	trimBlankLines,
	trimInlines,
	type Line,
	type ListItem,
	type ListTree,
	type SlideDraft,
} from './blocks.js';
import {splitHeader, type DeckMeta} from './front-matter.js';
import {MarkdownParser, type MdNode, type Root} from './markdown-tree.js';

const rawSeparator = /^---[ \t]*$/;
const endSlideLine = /^[ \t]*<!--[ \t]*end_slide[ \t]*-->[ \t]*$/;
const noteSection = /^[ \t]*Notes?:/;

/** Comment commands that only change layout in the tools that define them: accepted, no effect here. */
const layoutCommands: ReadonlySet<string> = new Set([
	'jump_to_middle',
	'column_layout',
	'column',
	'reset_layout',
	'new_line',
	'newline',
	'new_lines',
	'newlines',
	'incremental_lists',
	'no_footer',
	'alignment',
	'font_size',
	'list_item_newlines',
	'snippet_output',
]);

type Context = {
	readonly diagnostics: Diagnostic[];
	/** Added to the parser's 1-based line numbers to get the deck's. */
	readonly offset: number;
	readonly parser: MarkdownParser;
};

/** The lines between two `---` separators; `start` is the line after the separator, even when there are no lines. */
type Chunk = {readonly lines: Line[]; readonly start: number};

/** A slide's top-level nodes and the last source line that belongs to it. */
type Group = {readonly nodes: readonly MdNode[]; readonly end: number};

/** Parses a Markdown deck (already decoded text). */
export function parseMarkdown(text: string): Deck {
	const diagnostics: Diagnostic[] = [];
	const parser = new MarkdownParser();
	const lines = numberLines(text);
	if (lines.length > 1 && lines.at(-1)!.text === '') lines.pop();
	const {meta, body} = splitHeader(lines);
	const drafts: SlideDraft[] = [];
	if (meta?.title) drafts.push(titleSlide(meta, {diagnostics, offset: meta.line - 1, parser}));

	const endSlideMode = hasEndSlide(body);
	const chunks = splitRaw(body, !endSlideMode, body[0]?.line ?? lines.length + 1);
	// Front matter and nothing else: the title slide alone.
	if (drafts.length > 0 && chunks.length === 1 && trimBlankLines(chunks[0]!.lines).length === 0) chunks.pop();
	const trees = chunks.map(chunk => ({chunk, tree: parser.parse(chunk.lines.map(line => line.text).join('\n'))}));
	const separated = chunks.length > 1 || endSlideMode || trees.some(({tree}) => tree.children.some(node => node.type === 'thematicBreak'));

	for (const {chunk, tree} of trees) {
		const context: Context = {diagnostics, offset: chunk.start - 1, parser};
		const end = chunk.lines.at(-1)?.line ?? chunk.start;
		const groups = separated ? splitTree(tree.children, !endSlideMode, context, end) : smartSplit(tree.children, context, end);
		for (const group of groups) drafts.push(...slideDrafts(group, chunk, context));
	}

	return {format: 'markdown', slides: numberSlides(drafts), diagnostics};
}

function titleSlide(meta: DeckMeta, context: Context): SlideDraft {
	const text = (value: string): Inline[] =>
		inlineMarkdown(
			value
				.split('\n')
				.map(part => part.trim())
				.join(' '),
			context,
		);
	const subtitles: Subtitle[] = [];
	if (meta.subtitle) subtitles.push({depth: 2, content: text(meta.subtitle), line: meta.line});
	if (meta.author) subtitles.push({depth: 2, content: text(meta.author), line: meta.line});
	if (meta.date) subtitles.push({depth: 3, content: text(meta.date), line: meta.line});
	return {body: {kind: 'title', title: text(meta.title ?? ''), subtitles, body: []}, line: meta.line};
}

/** One line of Markdown inline content (a front matter value). */
function inlineMarkdown(text: string, context: Context): Inline[] {
	const first = context.parser.parse(text).children[0];
	if (first?.type !== 'paragraph') return [{type: 'text', text: neutralize(text.trim())}];
	return trimInlines(inlinesOf(first.children, context));
}

function hasEndSlide(lines: readonly Line[]): boolean {
	const inFence = fenceTracker();
	return lines.some(line => !inFence(line.text) && endSlideLine.test(line.text));
}

/**
 * Splits at raw `---` lines outside fenced code (when `---` separates). A
 * separator at the very start or end of the file does not make an empty
 * slide; one between two others does (an intentional blank slide).
 */
function splitRaw(lines: readonly Line[], dashes: boolean, start: number): Chunk[] {
	const chunks: Chunk[] = [{lines: [], start}];
	const inFence = fenceTracker();
	for (const line of lines) {
		if (!inFence(line.text) && dashes && rawSeparator.test(line.text)) chunks.push({lines: [], start: line.line + 1});
		else chunks.at(-1)!.lines.push(line);
	}

	if (chunks.length > 1 && trimBlankLines(chunks[0]!.lines).length === 0) chunks.shift();
	if (chunks.length > 1 && trimBlankLines(chunks.at(-1)!.lines).length === 0) chunks.pop();
	return chunks;
}

/** Splits top-level nodes at `<!-- end_slide -->` and (when `---` separates) thematic breaks. */
function splitTree(nodes: readonly MdNode[], breaks: boolean, context: Context, end: number): Group[] {
	const groups: Array<{nodes: MdNode[]; end: number}> = [{nodes: [], end}];
	for (const node of nodes) {
		const command = node.type === 'html' ? commentCommand(node.value) : undefined;
		if ((node.type === 'thematicBreak' && breaks) || command?.name === 'end_slide') {
			groups.at(-1)!.end = lineOf(node, context) - 1;
			groups.push({nodes: [], end});
		} else {
			groups.at(-1)!.nodes.push(node);
		}
	}

	if (groups.length > 1 && groups.at(-1)!.nodes.length === 0) groups.pop();
	return groups;
}

/**
 * lookatme's smart splitting, for a deck with no separators: when the top
 * heading level occurs once, that heading is the deck's title and the next
 * level splits slides; otherwise the top level splits slides.
 */
function smartSplit(nodes: readonly MdNode[], context: Context, end: number): Group[] {
	const depths = nodes.flatMap(node => (node.type === 'heading' ? [node.depth] : []));
	if (depths.length < 2) return [{nodes, end}];
	const top = minOf(depths, 1);
	const deeper = depths.filter(depth => depth > top);
	const level = depths.filter(depth => depth === top).length === 1 && deeper.length > 0 ? minOf(deeper, top) : top;
	const groups: Array<{nodes: MdNode[]; end: number}> = [{nodes: [], end}];
	for (const node of nodes) {
		if (node.type === 'heading' && node.depth === level && groups.at(-1)!.nodes.length > 0) {
			groups.at(-1)!.end = lineOf(node, context) - 1;
			groups.push({nodes: [], end});
		}

		groups.at(-1)!.nodes.push(node);
	}

	return groups;
}

// ---------------------------------------------------------------------------
// Slides

type NotePiece = {readonly text: string; readonly blocks: readonly Block[]; readonly line: number};

/** One slide's nodes to its step slides (one draft when it has no pause). */
function slideDrafts({nodes, end}: Group, {lines: chunk, start}: Chunk, context: Context): SlideDraft[] {
	const parts: MdNode[][] = [[]];
	const notes: NotePiece[] = [];
	let skip = false;
	for (const node of nodes) {
		const line = lineOf(node, context);
		if (node.type === 'paragraph' && noteSection.test(sourceLine(chunk, line))) {
			notes.push(noteSectionOf(chunk.filter(each => each.line >= line && each.line <= end), context));
			break;
		}

		if (node.type !== 'html') {
			parts.at(-1)!.push(node);
			continue;
		}

		const comment = /^<!--([\s\S]*?)-->\s*$/.exec(node.value.trim());
		if (!comment) {
			parts.at(-1)!.push(node);
			continue;
		}

		const command = commentCommand(node.value);
		if (!command) continue;
		switch (command.name) {
			case 'pause':
			case 'stop': {
				parts.push([]);
				break;
			}

			case 'speaker_note':
			case 'notes':
			case 'note': {
				const text = blockScalar(command.argument);
				if (text.trim() !== '') notes.push(notePiece(text, line, context));
				break;
			}

			case 'skip_slide': {
				skip = true;
				break;
			}

			case 'end_slide': {
				break;
			}

			case 'include': {
				context.diagnostics.push({
					severity: 'notice',
					line,
					code: 'unsupported-comment',
					message: `"${neutralize(command.name)}" comments are not supported; the included file is not shown`,
				});
				break;
			}

			default: {
				if (!layoutCommands.has(command.name)) {
					context.diagnostics.push({
						severity: 'notice',
						line,
						code: 'unknown-comment',
						message: `unknown comment command "${neutralize(command.name)}"; ignored`,
					});
				}
			}
		}
	}

	if (skip) return [];
	const first = nodes[0];
	const line = first ? lineOf(first, context) : (trimBlankLines(chunk)[0]?.line ?? start);
	const mapped = capSteps(
		parts.map(part => blocksOf(part, context)).filter(blocks => blocks.length > 0),
		line,
		context.diagnostics,
	);
	const note = joinNotes(notes);
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

function lineOf(node: MdNode, context: Context): number {
	return node.line + context.offset;
}

function sourceLine(chunk: readonly Line[], line: number): string {
	return chunk.find(each => each.line === line)?.text ?? '';
}

/** `Note:` / `Notes:` and the rest of the slide's lines. */
function noteSectionOf(lines: readonly Line[], context: Context): NotePiece {
	const first = lines[0]!;
	const section = trimBlankLines([{text: first.text.replace(noteSection, '').trim(), line: first.line}, ...lines.slice(1)]);
	return notePiece(section.map(each => each.text).join('\n'), section[0]?.line ?? first.line, context);
}

function notePiece(text: string, line: number, context: Context): NotePiece {
	const lines = numberLines(text, line);
	const tree: Root = context.parser.parse(text);
	return {text: notesText(lines), blocks: blocksOf(tree.children, {...context, offset: line - 1}), line};
}

function joinNotes(pieces: readonly NotePiece[]): Notes | undefined {
	if (pieces.length === 0) return undefined;
	return {text: pieces.map(piece => piece.text).join('\n\n'), blocks: pieces.flatMap(piece => piece.blocks), line: pieces[0]!.line};
}

/** A comment's command name (lower case) and argument, or undefined when it is prose. */
export function commentCommand(html: string): {name: string; argument: string} | undefined {
	const comment = /^\s*<!--([\s\S]*?)-->\s*$/.exec(html);
	if (!comment) return undefined;
	const content = comment[1]!.trim();
	const match = /^([A-Za-z_][\w-]*)(?:[ \t]*:[ \t]*|[ \t]*(?=\n)|[ \t]+(?=\S)|$)([\s\S]*)$/.exec(content);
	if (!match) return undefined;
	const name = match[1]!.toLowerCase();
	const argument = match[2] ?? '';
	// A word then prose (`<!-- TODO fix this -->`) is a remark, not a command; `notes` takes prose.
	const separator = content.slice(match[1]!.length, content.length - argument.length);
	if (!separator.includes(':') && argument.trim() !== '' && !separator.includes('\n') && name !== 'notes' && name !== 'note') return undefined;
	return {name, argument};
}

/** A YAML-ish value: a `|` / `>` block scalar's dedented lines, or the text with quotes removed. */
function blockScalar(value: string): string {
	const trimmed = value.trim();
	const scalar = /^([|>])[+-]?[ \t]*\n([\s\S]*)$/.exec(trimmed);
	if (scalar) {
		const lines = scalar[2]!.split('\n');
		const indent = minOf(lines.filter(line => line.trim() !== '').map(line => /^[ \t]*/.exec(line)![0].length), 0);
		const dedented = lines.map(line => line.slice(indent));
		return scalar[1] === '>' ? dedented.join(' ').replace(/\s+/g, ' ').trim() : dedented.join('\n').trim();
	}

	if (trimmed.length >= 2 && (trimmed[0] === '"' || trimmed[0] === "'") && trimmed.at(-1) === trimmed[0]) return trimmed.slice(1, -1);
	const lines = trimmed.split('\n');
	const indent = minOf(lines.slice(1).filter(line => line.trim() !== '').map(line => /^[ \t]*/.exec(line)![0].length), 0);
	return lines.map((line, index) => (index > 0 ? line.slice(indent) : line)).join('\n');
}

// ---------------------------------------------------------------------------
// Blocks

function blocksOf(nodes: readonly MdNode[], context: Context): Block[] {
	const blocks: Block[] = [];
	for (const node of nodes) blocks.push(...blockOf(node, context));
	return blocks;
}

type Of<T extends MdNode['type']> = Extract<MdNode, {type: T}>;

function blockOf(node: MdNode, context: Context): Block[] {
	const line = lineOf(node, context);
	switch (node.type) {
		case 'heading': {
			return [{type: 'heading', depth: node.depth, content: trimInlines(inlinesOf(node.children, context)), line}];
		}

		case 'paragraph': {
			return paragraphBlocks(node, line, context);
		}

		case 'list': {
			return [listBlock(listTree(node, context), line)];
		}

		case 'code': {
			return [codeBlock(node.value.split('\n'), line, node.info)];
		}

		case 'blockquote': {
			return [quoteBlock(blocksOf(node.children, context), line)];
		}

		case 'table': {
			return [tableOf(node, line, context)];
		}

		case 'html': {
			return htmlBlocks(node.value, line);
		}

		default: {
			// Thematic breaks inside a slide: nothing to show.
			return [];
		}
	}
}

/** A paragraph of images only is image blocks; otherwise one line per source line. */
function paragraphBlocks(node: {readonly children: readonly MdNode[]}, line: number, context: Context): Block[] {
	const visible = node.children.filter(child => !(child.type === 'text' && child.value.trim() === '') && child.type !== 'break');
	if (visible.length > 0 && visible.every(child => child.type === 'image')) {
		return visible.map(child => ({
			type: 'image',
			image: {src: neutralize(child.type === 'image' ? child.url : ''), mode: 'inline', line: lineOf(child, context)},
			line: lineOf(child, context),
		}));
	}

	const lines = splitAtBreaks(inlinesOf(node.children, context)).map(part => trimInlines(part));
	return [{type: 'paragraph', lines, line}];
}

function tableOf(node: Of<'table'>, line: number, context: Context): Block {
	const [header, ...rows] = node.children.map(row => ('children' in row ? row.children : []).map(cell => trimInlines(inlinesOf('children' in cell ? cell.children : [], context))));
	return tableBlock(header ?? [], rows, node.align, line);
}

function listTree(node: Of<'list'>, context: Context): ListTree {
	return {ordered: node.ordered, start: node.start, items: node.children.map(item => listItem('children' in item ? item.children : [], context))};
}

function listItem(children: readonly MdNode[], context: Context): ListItem {
	let content: Inline[] | undefined;
	const more: Inline[][] = [];
	const nested: ListTree[] = [];
	for (const child of children) {
		if (child.type === 'list') {
			nested.push(listTree(child, context));
			continue;
		}

		const lines = blockOf(child, context).flatMap(block => flatLines(block));
		if (content === undefined && lines.length > 0) {
			const [first, ...rest] = lines;
			content = first!;
			more.push(...rest);
		} else {
			more.push(...lines);
		}
	}

	return {content: taskItem(content ?? []), more, nested};
}

/** A GFM task list item (`[ ]`, `[x]`) shows a box. */
function taskItem(content: Inline[]): Inline[] {
	const first = content[0];
	const match = first?.type === 'text' ? /^\[([ xX])\][ \t]+/.exec(first.text) : null;
	if (!match || first?.type !== 'text') return content;
	const box = match[1] === ' ' ? '☐ ' : '☑ ';
	return mergeText([{type: 'text', text: box + first.text.slice(match[0].length)}, ...content.slice(1)]);
}

/** The lines of a block inside a list item. */
function flatLines(block: Block): Inline[][] {
	switch (block.type) {
		case 'paragraph': {
			return block.lines.map(line => [...line]);
		}

		case 'code': {
			return codeLines(block.code.lines);
		}

		case 'heading':
		case 'caption': {
			return [[{type: 'strong', children: block.content}]];
		}

		case 'list': {
			return block.items.map((item, index) => [{type: 'text', text: block.ordered ? `${block.start + index}. ` : '◦ '}, ...item]);
		}

		case 'image': {
			return [[{type: 'text', text: `📷 ${block.image.src}`}]];
		}
	}
}

const imageTag = /<img\b[^<>]{0,1000}?\bsrc\s*=\s*(?:"([^"<>]{0,2000})"|'([^'<>]{0,2000})'|([^\s<>]{1,2000}))[^<>]{0,1000}>/gi;

/** HTML blocks: `<img src>` tags become images; the rest is not shown. */
function htmlBlocks(html: string, line: number): Block[] {
	const blocks: Block[] = [];
	for (const match of html.matchAll(imageTag)) {
		const src = match[1] ?? match[2] ?? match[3] ?? '';
		if (src.trim() !== '') blocks.push({type: 'image', image: {src: neutralize(src.trim()), mode: 'inline', line}, line});
	}

	return blocks;
}

// ---------------------------------------------------------------------------
// Inline content

const breakTag = /^<br\s*\/?>$/i;

/**
 * Inline markup nested deeper than this shows as its text, as in
 * `parseInline` (markdown-it's `maxNesting` does not bound emphasis, which it
 * pairs after parsing: `***…***` nests as deep as it is long).
 */
const maxInlineDepth = 64;

function inlinesOf(nodes: readonly MdNode[], context: Context, depth = 0): Inline[] {
	if (depth >= maxInlineDepth) {
		const line = nodes[0] ? lineOf(nodes[0], context) : context.offset + 1;
		if (!context.diagnostics.some(each => each.code === 'nesting-too-deep' && each.line === line)) {
			context.diagnostics.push({severity: 'warning', line, code: 'nesting-too-deep', message: `markup nested more than ${maxInlineDepth} levels deep; the inner part is shown as its text`});
		}

		return [{type: 'text', text: neutralize(textOf(nodes))}];
	}

	const out: Inline[] = [];
	for (const node of nodes) {
		switch (node.type) {
			case 'text': {
				node.value.split('\n').forEach((part, index) => {
					if (index > 0) out.push({type: 'break'});
					if (part !== '') out.push({type: 'text', text: neutralize(part)});
				});
				break;
			}

			case 'emphasis': {
				out.push({type: 'emphasis', children: inlinesOf(node.children, context, depth + 1)});
				break;
			}

			case 'strong': {
				out.push({type: 'strong', children: inlinesOf(node.children, context, depth + 1)});
				break;
			}

			case 'delete': {
				out.push({type: 'strike', children: inlinesOf(node.children, context, depth + 1)});
				break;
			}

			case 'inlineCode': {
				out.push({type: 'code', text: neutralize(node.value.replace(/\n/g, ' '))});
				break;
			}

			case 'break': {
				out.push({type: 'break'});
				break;
			}

			case 'link': {
				out.push(...linkOf(node.url, inlinesOf(node.children, context, depth + 1), lineOf(node, context), context));
				break;
			}

			case 'image': {
				const alt = node.alt.replace(/\s+/g, ' ').trim();
				if (alt !== '') out.push({type: 'text', text: neutralize(alt)});
				break;
			}

			case 'html': {
				if (breakTag.test(node.value.trim())) out.push({type: 'break'});
				break;
			}

			default: {
				break;
			}
		}
	}

	return mergeText(out);
}

/** The text of inline nodes however deep they nest, without recursion; line breaks as spaces. */
function textOf(nodes: readonly MdNode[]): string {
	let text = '';
	const stack: MdNode[] = [...nodes].reverse();
	while (stack.length > 0) {
		const node = stack.pop()!;
		if (node.type === 'text' || node.type === 'inlineCode') text += node.value.replace(/\n/g, ' ');
		else if (node.type === 'image') text += node.alt;
		else if (node.type === 'break') text += ' ';
		else if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
	}

	return text;
}

function linkOf(url: string, children: Inline[], line: number, context: Context): Inline[] {
	const target = safeLinkTarget(url);
	if (target) return [{type: 'link', url: target, children}];
	context.diagnostics.push({
		severity: 'warning',
		line,
		code: 'unsafe-link',
		message: `link target "${neutralize(url)}" is not an http, https, mailto or file URL; shown as text`,
	});
	return children;
}
