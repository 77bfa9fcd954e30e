/**
 * Pieces shared by the remark and Markdown parsers: code blocks, tables and
 * blockquotes expressed in the block types of the model, the slide kind a
 * list of blocks makes, and incremental steps.
 */
import {cellWidth} from '../../text/cell-width.js';
import type {Block, Diagnostic, Image, Inline, Notes, Slide, SlideBody, Subtitle} from '../model.js';
import {inlineText} from '../inline-tree.js';
import {neutralize} from '../neutralize.js';
import {append} from '../../frame/lists.js';
import {thousands} from '../../text/thousands.js';

/** A source line and its 1-based line number in the deck file. */
export type Line = {readonly text: string; readonly line: number};

/** The smallest of the values (no spread: a deck may have more lines than a call has arguments), or `fallback`. */
export function minOf(values: Iterable<number>, fallback: number): number {
	let least = Number.POSITIVE_INFINITY;
	for (const value of values) if (value < least) least = value;
	return least === Number.POSITIVE_INFINITY ? fallback : least;
}

/** The largest of the values, or `fallback`. */
function maxOf(values: Iterable<number>, fallback: number): number {
	let most = Number.NEGATIVE_INFINITY;
	for (const value of values) if (value > most) most = value;
	return most === Number.NEGATIVE_INFINITY ? fallback : most;
}

/**
 * Merges adjacent text nodes and drops empty ones, at this level only: the
 * children of containers are merged when they are built (deep merging at
 * every level would cost depth² on nested markup).
 */
export function mergeText(inlines: readonly Inline[]): Inline[] {
	const out: Inline[] = [];
	let pending = '';
	for (const node of inlines) {
		if (node.type === 'text') {
			pending += node.text;
			continue;
		}

		if (pending !== '') out.push({type: 'text', text: pending});
		pending = '';
		out.push(node);
	}

	if (pending !== '') out.push({type: 'text', text: pending});
	return out;
}

/** Removes leading and trailing whitespace of inline content (not inside code). */
export function trimInlines(inlines: readonly Inline[]): Inline[] {
	const out = mergeText(inlines);
	const first = out[0];
	if (first?.type === 'text') {
		const text = trimSpaceStart(first.text);
		if (text === '') out.shift();
		else out[0] = {type: 'text', text};
	}

	const last = out.at(-1);
	if (last?.type === 'text') {
		const text = trimSpaceEnd(last.text);
		if (text === '') out.pop();
		else out[out.length - 1] = {type: 'text', text};
	}

	return out;
}

const isSpace = (char: string | undefined) => char === ' ' || char === '\t' || char === '\n';

/** Without leading spaces, tabs and newlines (not nbsp, which is meant). */
function trimSpaceStart(text: string): string {
	let start = 0;
	while (isSpace(text[start])) start++;
	return start === 0 ? text : text.slice(start);
}

/** Without trailing spaces, tabs and newlines, in linear time (a `/[ \t]+$/` search is quadratic in a long run of spaces). */
export function trimSpaceEnd(text: string): string {
	let end = text.length;
	while (end > 0 && isSpace(text[end - 1])) end--;
	return end === text.length ? text : text.slice(0, end);
}

/**
 * A fenced or indented code block: its lines with indentation kept (tabs
 * expanded by `neutralize`) and trailing spaces dropped; `info` is the text
 * after the opening fence (`python +line_numbers`).
 */
export function codeBlock(lines: readonly string[], line: number, info = '', options: {readonly markedLines?: boolean} = {}): Block {
	const clean = lines.map(text => neutralize(text.trimEnd()));
	const code = {...codeInfo(neutralize(info).trim()), lines: clean};
	if (!options.markedLines || !clean.some(text => text.startsWith('*'))) return {type: 'code', code, line};
	// remark's `highlightLines`: a leading `*` marks the line and goes, with the space after it kept as two (`* x` is `  x`).
	const marked = clean.flatMap((text, index) => (text.startsWith('*') ? [index] : []));
	return {type: 'code', code: {...code, lines: clean.map(text => (text.startsWith('*') ? text.replace(/^\*( )?/, '$1$1') : text)), marked}, line};
}

/**
 * The language (first word, lower-cased) and the rest of a fence's info, as
 * written: `rust +line_numbers {1-4|all}` (presenterm). In pandoc's and R
 * Markdown's braces the language is the first class or word:
 * `{.haskell .numberLines}`, `{r, echo=FALSE}`.
 */
function codeInfo(info: string): {language: string; attributes: string} {
	const braces = /^\{(.*)\}$/.exec(info);
	if (braces) {
		const inside = braces[1]!.trim();
		const first = /^\.?([\w+#-]+)(?![\w+#=-])[ \t,]*/.exec(inside);
		if (!first) return {language: '', attributes: inside};
		return {language: first[1]!.toLowerCase(), attributes: inside.slice(first[0].length)};
	}

	const [language = '', ...attributes] = info.split(/[ \t]+/);
	return {language: language.toLowerCase(), attributes: attributes.join(' ')};
}

/** The lines of a code block as inline content: one `code` inline per line, empty lines empty. */
export function codeLines(lines: readonly string[]): Inline[][] {
	return lines.map(text => (text === '' ? [] : [{type: 'code', text}]));
}

export type Align = 'left' | 'right' | 'center' | undefined;

const columnGap = ' │ ';

/**
 * A table as aligned text lines: a bold header row, a rule, then the rows,
 * each cell padded to its column's width (terminal cells) and alignment.
 */
export function tableBlock(
	header: readonly (readonly Inline[])[],
	rows: readonly (readonly (readonly Inline[])[])[],
	align: readonly Align[],
	line: number,
	cut: {readonly rows: number; readonly columns: number} = {rows: 0, columns: 0},
): Block {
	const all = [header, ...rows];
	const columns = maxOf(
		all.map(row => row.length),
		0,
	);
	// Each cell measured once.
	const cellWidths = all.map(row => row.map(cell => cellWidth(inlineText(cell).replace(/\n/g, ' '))));
	const widths = Array.from({length: columns}, () => 1);
	for (const row of cellWidths) for (const [column, width] of row.entries()) widths[column] = Math.max(widths[column]!, width);
	const render = (row: readonly (readonly Inline[])[], rowWidths: readonly number[], bold: boolean): Inline[] => {
		const out: Inline[] = [];
		for (let column = 0; column < columns; column++) {
			const cell = row[column] ?? [];
			const free = widths[column]! - (rowWidths[column] ?? 0);
			const alignment = align[column];
			const left = alignment === 'right' ? free : alignment === 'center' ? Math.floor(free / 2) : 0;
			if (column > 0) out.push({type: 'text', text: columnGap});
			if (left > 0) out.push({type: 'text', text: ' '.repeat(left)});
			if (cell.length > 0 && bold) out.push({type: 'strong', children: cell});
			else append(out, cell);
			if (free - left > 0 && (column < columns - 1 || cut.columns > 0)) out.push({type: 'text', text: ' '.repeat(free - left)});
		}

		// Columns left out: a last column that says how many (in the header) or just `…`.
		if (cut.columns > 0) out.push({type: 'text', text: `${columnGap}${bold ? `… ${thousands(cut.columns)} more columns` : '…'}`});
		return mergeText(out);
	};

	const rule: Inline[] = [{type: 'text', text: [...widths.map(width => '─'.repeat(width)), ...(cut.columns > 0 ? ['─'] : [])].join('─┼─')}];
	const lines = [render(header, cellWidths[0] ?? [], true), rule, ...rows.map((row, index) => render(row, cellWidths[index + 1] ?? [], false))];
	if (cut.rows > 0) lines.push([{type: 'text', text: `… ${thousands(cut.rows)} more rows`}]);
	return {type: 'paragraph', lines, line};
}

const quoteBar: Inline = {type: 'text', text: '│ '};

/** A blockquote: its blocks flattened into one paragraph, every line behind a quote bar. */
export function quoteBlock(blocks: readonly Block[], line: number): Block {
	const lines: Inline[][] = [];
	for (const [index, block] of blocks.entries()) {
		if (index > 0) lines.push([{type: 'text', text: '│'}]);
		for (const content of blockLines(block)) lines.push(mergeText([quoteBar, ...content]));
	}

	return {type: 'paragraph', lines, line};
}

/** The lines a block shows, as inline content (for flattening into a quote). */
function blockLines(block: Block): Inline[][] {
	switch (block.type) {
		case 'heading':
		case 'caption': {
			return [[{type: 'strong', children: block.content}]];
		}

		case 'paragraph': {
			return block.lines.map(line => [...line]);
		}

		case 'code': {
			return codeLines(block.code.lines);
		}

		case 'list': {
			return block.items.map((item, index) => [{type: 'text', text: block.ordered ? `${block.start + index}. ` : '• '}, ...item]);
		}

		case 'image': {
			return [[{type: 'text', text: `📷 ${block.image.alt ?? block.image.src}`}]];
		}
	}
}

/** A list item with what the model's flat list cannot hold: more lines, nested lists. */
export type ListItem = {
	readonly content: readonly Inline[];
	/** Further lines (paragraphs, code) of the item, each a line of its own. */
	readonly more: readonly (readonly Inline[])[];
	readonly nested: readonly ListTree[];
};

export type ListTree = {readonly ordered: boolean; readonly start: number; readonly items: readonly ListItem[]};

/**
 * A list block when every item is one piece of inline content; otherwise (an
 * item with more paragraphs or a nested list) a paragraph of marked lines,
 * nested items indented under their parent.
 */
export function listBlock(list: ListTree, line: number): Block {
	const simple = list.items.every(item => item.more.length === 0 && item.nested.length === 0);
	if (simple) return {type: 'list', ordered: list.ordered, start: list.start, items: list.items.map(item => item.content), line};
	return {type: 'paragraph', lines: listLines(list, 0), line};
}

const bullets = ['• ', '◦ ', '▪ '];

function listLines(list: ListTree, depth: number): Inline[][] {
	const indent = '  '.repeat(depth);
	const lines: Inline[][] = [];
	for (const [index, item] of list.items.entries()) {
		const marker = list.ordered ? `${list.start + index}. ` : bullets[depth % bullets.length]!;
		lines.push(mergeText([{type: 'text', text: indent + marker}, ...item.content]));
		const hang = indent + ' '.repeat(cellWidth(marker));
		for (const more of item.more) lines.push(more.length === 0 ? [] : mergeText([{type: 'text', text: hang}, ...more]));
		for (const nested of item.nested) append(lines, listLines(nested, depth + 1));
	}

	return lines;
}

// ---------------------------------------------------------------------------
// Slide kinds

export type KindHints = {
	/** remark's `class: title`: a title slide even with a body. */
	readonly title?: boolean;
	/** remark's `class: image`: an image slide when there is an image anywhere. */
	readonly image?: boolean;
};

export type PlannedKind = 'title' | 'image' | 'text' | 'blank';

/**
 * The kind a slide's (final) content makes: blank when empty; a title slide
 * when it is only headings (or hinted); an image slide when it has one image,
 * which keeps its place among the other blocks; otherwise text.
 */
export function planKind(blocks: readonly Block[], hints: KindHints = {}): PlannedKind {
	if (blocks.length === 0) return 'blank';
	if (blocks.every(block => block.type === 'heading')) return 'title';
	if (hints.title && blocks[0]!.type === 'heading' && !blocks.some(block => block.type === 'image')) return 'title';
	const images = blocks.filter(block => block.type === 'image').length;
	if (images === 1 || (images > 1 && hints.image)) return 'image';
	return 'text';
}

/**
 * A slide body of the planned kind from blocks; when the blocks of an early
 * step cannot make that kind (no image yet), a text slide.
 */
export function bodyOf(blocks: readonly Block[], kind: PlannedKind): SlideBody {
	if (blocks.length === 0) return {kind: 'blank'};
	if (kind === 'title' && blocks[0]!.type === 'heading') {
		const [first, ...rest] = blocks as [Extract<Block, {type: 'heading'}>, ...Block[]];
		const subtitles: Subtitle[] = [];
		let index = 0;
		while (index < rest.length && rest[index]!.type === 'heading') {
			const heading = rest[index] as Extract<Block, {type: 'heading'}>;
			subtitles.push({depth: heading.depth - first.depth <= 1 ? 2 : 3, content: heading.content, line: heading.line});
			index++;
		}

		return {kind: 'title', title: first.content, subtitles, body: rest.slice(index)};
	}

	if (kind === 'image') {
		const at = blocks.findIndex(block => block.type === 'image');
		if (at !== -1) {
			const image: Image = {...(blocks[at] as Extract<Block, {type: 'image'}>).image, mode: 'full'};
			const before = blocks.slice(0, at);
			return {kind: 'image', image, body: blocks.slice(at + 1), ...(before.length > 0 ? {before} : {})};
		}
	}

	return {kind: 'text', body: blocks};
}

/**
 * At most this many steps per slide: every step repeats the ones before it,
 * so a slide of n steps costs n² (a pathological deck, never a real one).
 * The parts after the last step all show in it.
 */
/** A slide's steps past this show together. */
export const maxSteps = 64;

/** Parts beyond `maxSteps` joined into the last one; reports when it happens. */
export function capSteps<T>(parts: readonly (readonly T[])[], line: number, diagnostics: Diagnostic[]): T[][] {
	if (parts.length <= maxSteps) return parts.map(part => [...part]);
	diagnostics.push({
		severity: 'warning',
		line,
		code: 'too-many-steps',
		message: `a slide of ${parts.length} steps; the steps after step ${maxSteps} show together`,
	});
	return [...parts.slice(0, maxSteps - 1).map(part => [...part]), parts.slice(maxSteps - 1).flat()];
}

/**
 * Blocks of consecutive steps: when a step ends in a list and the next part
 * starts with one of the same kind (a pause between list items), the items
 * join one list.
 */
export function joinParts(parts: readonly (readonly Block[])[]): Block[] {
	const out: Block[] = [];
	for (const part of parts) {
		const [first, ...rest] = part;
		const last = out.at(-1);
		if (first?.type === 'list' && last?.type === 'list' && last.ordered === first.ordered) {
			out[out.length - 1] = {...last, items: [...last.items, ...first.items]};
			for (const block of rest) out.push(block);
		} else {
			for (const block of part) out.push(block);
		}
	}

	return out;
}

/** Slides before numbering: the body, the first source line, notes, step. */
export type SlideDraft = {
	readonly body: SlideBody;
	readonly line: number;
	readonly notes?: Notes;
	readonly step?: Slide['step'];
};

/** Numbers drafts into slides; an empty deck is one blank slide. */
export function numberSlides(drafts: readonly SlideDraft[]): Slide[] {
	if (drafts.length === 0) return [{kind: 'blank', index: 0, line: 1}];
	return drafts.map((draft, index) => ({
		...draft.body,
		index,
		line: draft.line,
		...(draft.notes ? {notes: draft.notes} : {}),
		...(draft.step ? {step: draft.step} : {}),
	}));
}

/** Lines without their leading and trailing blank lines. */
export function trimBlankLines<T extends Line>(lines: readonly T[]): T[] {
	let start = 0;
	let end = lines.length;
	while (start < end && lines[start]!.text.trim() === '') start++;
	while (end > start && lines[end - 1]!.text.trim() === '') end--;
	return lines.slice(start, end);
}

/** Notes text as written: trimmed lines joined, neutralised. */
export function notesText(lines: readonly Line[]): string {
	return neutralize(
		trimBlankLines(lines)
			.map(({text}) => text.trimEnd())
			.join('\n'),
	);
}

/** Splits text into numbered lines starting at `first`. */
export function numberLines(text: string, first = 1): Line[] {
	return text.split('\n').map((line, index) => ({text: line, line: first + index}));
}

const fence = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Tracks fenced code blocks line by line, so that separators inside code are
 * not taken as separators. `inside` tells whether a line belongs to a fence
 * (its opening and closing lines included).
 */
export function fenceTracker(): (text: string) => boolean {
	let open: string | undefined;
	return text => {
		const match = fence.exec(text);
		if (open === undefined) {
			if (match && !(match[1]!.startsWith('`') && text.slice(match[0].length).includes('`'))) open = match[1]!;
			return open !== undefined;
		}

		if (match && match[1]![0] === open[0] && match[1]!.length >= open.length && text.trim() === match[1]) open = undefined;
		return true;
	};
}
