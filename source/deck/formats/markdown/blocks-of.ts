/**
 * Markdown blocks (see `tree.ts`) to the blocks of the deck model, their
 * inline content through the one inline pipeline (`inline-tokens.ts`). Shared
 * by remark.js decks and every Markdown dialect.
 */
import {decodeHTML} from 'entities';
import type {Token} from 'markdown-it';
import type {Block, Diagnostic, Image, Inline} from '../../model.js';
import {splitAtBreaks} from '../../inline-tree.js';
import {imageAlt, inlinesOf, type InlineOptions} from '../../inline-tokens.js';
import {reporter} from '../../parse-inline.js';
import {neutralize} from '../../neutralize.js';
import {codeBlock, codeLines, listBlock, mergeText, quoteBlock, tableBlock, trimInlines, type ListItem, type ListTree} from '../blocks.js';
import type {MdNode} from './tree.js';
import {maxTableColumns, maxTableRows} from '../../bounded-table.js';
import {append} from '../../../frame/lists.js';
import {thousands} from '../../../text/thousands.js';

export type BlockContext = {
	readonly diagnostics: Diagnostic[];
	/** The deck line of a 1-based line of the parsed text. */
	readonly lineOf: (line: number) => number;
	/** How inline content reads (line ends, span classes). */
	readonly inline: InlineOptions;
	/** remark's `highlightLines`: a code line that starts with `*` is marked. */
	readonly markedLines?: boolean;
};

export function blocksOf(nodes: readonly MdNode[], context: BlockContext): Block[] {
	const blocks: Block[] = [];
	for (const node of nodes) for (const block of blockOf(node, context)) blocks.push(block);
	return blocks;
}

/** Inline tokens of a block that starts at (parsed) line `line`. */
function inlineOf(tokens: readonly Token[], line: number, context: BlockContext): Inline[] {
	return inlinesOf(tokens, reporter(context.lineOf(line), context.diagnostics), context.inline);
}

function blockOf(node: MdNode, context: BlockContext): Block[] {
	const line = context.lineOf(node.line);
	switch (node.type) {
		case 'heading': {
			return [{type: 'heading', depth: node.depth, content: trimInlines(inlineOf(node.inline, node.line, context)), line}];
		}

		case 'paragraph': {
			return paragraphBlocks(node.inline, node.line, context);
		}

		case 'list': {
			return [listBlock(listTree(node, context), line)];
		}

		case 'code': {
			return [codeBlock(node.value.split('\n'), line, node.info, context.markedLines ? {markedLines: true} : {})];
		}

		case 'blockquote': {
			return [quoteBlock(blocksOf(node.children, context), line)];
		}

		case 'table': {
			return [tableOf(node, line, context)];
		}

		case 'html': {
			return htmlBlocks(node.value, node.line, context);
		}

		case 'listItem':
		case 'thematicBreak': {
			// A thematic break inside a slide: nothing to show.
			return [];
		}
	}
}

/** Tokens that only wrap or space images: a paragraph of nothing else is its images. */
const wrapping = new Set(['span_open', 'span_close', 'softbreak', 'hardbreak']);

/** A paragraph of images only (maybe inside spans: remark's `.center[![x](y)]`) is image blocks; otherwise one line per line. */
function paragraphBlocks(tokens: readonly Token[], first: number, context: BlockContext): Block[] {
	const images = imagesOnly(tokens, first, context);
	if (images) return images.map(image => ({type: 'image', image, line: image.line}));
	const lines = splitAtBreaks(inlineOf(tokens, first, context)).map(part => trimInlines(part));
	const shown = lines.filter((line, index) => line.length > 0 || (index > 0 && index < lines.length - 1));
	return shown.length === 0 ? [] : [{type: 'paragraph', lines: shown, line: context.lineOf(first)}];
}

function imagesOnly(tokens: readonly Token[], first: number, context: BlockContext): Image[] | undefined {
	const images: Image[] = [];
	let line = first;
	for (const token of tokens) {
		if (token.type === 'softbreak' || token.type === 'hardbreak') line++;
		if (token.type === 'image') {
			images.push(imageOf(String(token.attrGet('src') ?? ''), imageAlt(token), context.lineOf(line)));
		} else if (token.type === 'html_inline' && /^<img\b/i.test(token.content)) {
			append(images, tagImages(token.content, context.lineOf(line)));
		} else if (!wrapping.has(token.type) && !(token.type === 'text' && token.content.trim() === '')) {
			return undefined;
		}
	}

	return images.length > 0 ? images : undefined;
}

function imageOf(src: string, alt: string, line: number): Image {
	const shown = neutralize(alt.replace(/\s+/g, ' ').trim());
	return {src: neutralize(src.trim()), mode: 'inline', line, ...(shown === '' ? {} : {alt: shown})};
}

/**
 * A table, at most `maxTableRows` rows and `maxTableColumns` columns of it:
 * no slide shows more (at 2,000 columns a column of one character takes
 * four), and a table of a million cells took 13 s and 1.2 GB. What is left
 * out is said in the table (`… N more rows`, a last column of `…`) and by
 * `check`; its cells are never read.
 */
function tableOf({rows, align, shape}: Extract<MdNode, {type: 'table'}>, line: number, context: BlockContext): Block {
	const columns = shape?.columns ?? maxOf(rows.map(row => row.cells.length));
	const kept = rows.slice(0, maxTableRows + 1);
	const [header, ...body] = kept.map(row => row.cells.slice(0, maxTableColumns).map(cell => trimInlines(inlineOf(cell, row.line, context))));
	const allRows = rows.length + (shape?.moreRows ?? 0);
	const cut = {rows: allRows - kept.length, columns: Math.max(0, columns - maxTableColumns)};
	if (cut.rows > 0 || cut.columns > 0) {
		const shape = `${thousands(allRows - 1)} rows and ${thousands(columns)} columns`;
		const message = `a table of ${shape}: only the first ${thousands(maxTableRows)} rows and ${maxTableColumns} columns are shown, and the table says what is left out`;
		context.diagnostics.push({severity: 'warning', line, code: 'table-cut', message});
	}

	return tableBlock(header ?? [], body, align.slice(0, maxTableColumns), line, cut);
}

function maxOf(values: readonly number[]): number {
	let max = 0;
	for (const value of values) if (value > max) max = value;
	return max;
}

function listTree(node: Extract<MdNode, {type: 'list'}>, context: BlockContext): ListTree {
	return {ordered: node.ordered, start: node.start, items: node.children.map(item => listItem('children' in item ? item.children : [], context))};
}

function listItem(children: readonly MdNode[], context: BlockContext): ListItem {
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
			const [head, ...rest] = lines;
			content = head!;
			append(more, rest);
		} else {
			append(more, lines);
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
			return [[{type: 'text', text: `📷 ${block.image.alt ?? block.image.src}`}]];
		}
	}
}

const imageTag = /<img\b[^<>]{0,1000}?\bsrc\s*=\s*(?:"([^"<>]{0,2000})"|'([^'<>]{0,2000})'|([^\s<>]{1,2000}))[^<>]{0,1000}>/gi;
const altAttribute = /\balt\s*=\s*(?:"([^"<>]{0,500})"|'([^'<>]{0,500})')/i;

function tagImages(html: string, line: number): Image[] {
	const images: Image[] = [];
	for (const match of html.matchAll(imageTag)) {
		const src = match[1] ?? match[2] ?? match[3] ?? '';
		const alt = altAttribute.exec(match[0]);
		if (src.trim() !== '') images.push(imageOf(decodeHTML(src), decodeHTML(alt?.[1] ?? alt?.[2] ?? ''), line));
	}

	return images;
}

/** Elements whose content is never shown: styles, scripts, comments. */
const hiddenElement = /<(style|script|template)\b[\s\S]*?(?:<\/\1\s*>|$)|<!--[\s\S]*?(?:-->|$)/gi;
const anyTag = /<\/?[A-Za-z][^<>]{0,2000}>/g;

/**
 * An HTML block: its `<img>` tags are images, in order, and its text (tags
 * dropped, entities decoded) shows as lines; styles, scripts and comments
 * show nothing.
 */
function htmlBlocks(html: string, first: number, context: BlockContext): Block[] {
	if (/^\s*<pre\b/i.test(html)) return preBlock(html, first, context);
	const blocks: Block[] = [];
	const lines = html.replace(hiddenElement, match => '\n'.repeat(countLines(match))).split('\n');
	let paragraph: Inline[][] = [];
	let paragraphLine = 0;
	const flush = () => {
		if (paragraph.length > 0) blocks.push({type: 'paragraph', lines: paragraph, line: context.lineOf(paragraphLine)});
		paragraph = [];
	};

	for (const [index, source] of lines.entries()) {
		const line = first + index;
		const images = tagImages(source, context.lineOf(line));
		if (images.length > 0) {
			flush();
			for (const image of images) blocks.push({type: 'image', image, line: image.line});
		}

		const text = neutralize(
			decodeHTML(source.replace(imageTag, '').replace(anyTag, ' '))
				.replace(/[ \t]+/g, ' ')
				.trim(),
		);
		if (text === '') {
			flush();
			continue;
		}

		if (paragraph.length === 0) paragraphLine = line;
		paragraph.push([{type: 'text', text}]);
	}

	flush();
	return blocks;
}

/** A `<pre>` block is code: its text as written, tags dropped, entities decoded. */
function preBlock(html: string, first: number, context: BlockContext): Block[] {
	const text = decodeHTML(html.replace(hiddenElement, '').replace(anyTag, '')).replace(/^\n+|\s+$/g, '');
	return text === '' ? [] : [codeBlock(text.split('\n'), context.lineOf(first))];
}

function countLines(text: string): number {
	let count = 0;
	for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
	return count;
}
