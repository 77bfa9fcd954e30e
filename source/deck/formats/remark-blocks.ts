/**
 * Block structure of a remark.js slide, read line by line as remark's
 * Markdown (marked) reads it: headings (ATX, `#Title` too, and setext),
 * paragraphs (every source line a line on the slide, as in lectern's own
 * format), nested lists, fenced code, blockquotes, GFM tables, images
 * (`![alt](src)`, `<img src>`) and multi-line `.class[` ... `]` blocks, whose
 * wrapper lines are dropped. Inline content goes through `parseInline`, so
 * `.class[...]` spans, `<br>` and entities work as in the shorthand. Other
 * HTML tags are not shown; their text is.
 */
import type {Block, Diagnostic, Inline} from '../model.js';
import {parseInline} from '../parse-inline.js';
import {neutralize} from '../neutralize.js';
import {codeBlock, fenceTracker, listBlock, quoteBlock, tableBlock, type Align, type Line, type ListItem, type ListTree} from './blocks.js';

const fenceOpen = /^ {0,3}(`{3,}|~{3,})/;
const heading = /^ {0,3}(#{1,6})(?!#)(.*)$/;
const setextH1 = /^ {0,3}=+[ \t]*$/;
const setextH2 = /^ {0,3}-{2,}[ \t]*$/;
const quote = /^ {0,3}>[ \t]?(.*)$/;
const listItem = /^([ \t]*)(?:([-*+])|(\d{1,9})[.)])[ \t]+(.*)$/;
const spanOpenLine = /^[ \t]*((?:\.[A-Za-z][\w-]*)+)\[(.*)$/;
const closeLine = /^[ \t]*\][ \t]*$/;
const wrappedInSpan = /^[ \t]*(?:\.[A-Za-z][\w-]*)+\[(.*)\][ \t]*$/;
// Lengths are bounded, so that a line full of unclosed images or tags cannot make matching quadratic.
const markdownImage = /!\[([^\]\n]{0,500})\]\( {0,8}<?([^)\s>]{0,2000})>?(?: {1,8}(?:"[^"]{0,500}"|'[^']{0,500}'))? {0,8}\)/g;
const imageTag = /<img\b[^<>]{0,1000}?\bsrc\s*=\s*(?:"([^"<>]{0,2000})"|'([^'<>]{0,2000})'|([^\s<>]{1,2000}))[^<>]{0,1000}>/gi;
/** Blockquotes nested deeper than this keep their inner `>` as text. */
const maxQuoteDepth = 16;
const htmlTag = /<(?!br\s*\/?>)\/?[A-Za-z][\w-]{0,63}(?:\s(?:[^<>"']|"[^"<>]{0,500}"|'[^'<>]{0,500}'){0,1000})?\/?>/gi;
/** Unwrapping `.a[.b[...]]` around an image stops at this depth. */
const maxSpanUnwrap = 8;

/** The blocks of slide (or notes) lines. */
export function remarkBlocks(lines: readonly Line[], diagnostics: Diagnostic[]): Block[] {
	return new BlockReader(diagnostics).read(unwrap(lines, diagnostics));
}

/**
 * Drops HTML comments, and the wrapper lines of multi-line spans
 * (`.left-column[` ... `]`), keeping what is inside. Fenced code is kept as
 * it is.
 */
function unwrap(lines: readonly Line[], diagnostics: Diagnostic[]): Line[] {
	const out: Line[] = [];
	const inFence = fenceTracker();
	let open = 0;
	let comment = false;
	for (const line of lines) {
		let text = line.text;
		if (inFence(text)) {
			out.push(line);
			continue;
		}

		if (comment) {
			const end = text.indexOf('-->');
			if (end === -1) continue;
			comment = false;
			text = text.slice(end + 3);
		}

		text = text.replace(/<!--[\s\S]*?-->/g, '');
		const start = text.indexOf('<!--');
		if (start !== -1) {
			comment = true;
			text = text.slice(0, start);
		}

		const opener = spanOpenLine.exec(text);
		if (opener && bracketBalance(opener[2]!) >= 0 && !wrappedInSpan.test(text)) {
			open++;
			if (opener[2]!.trim() !== '') out.push({text: opener[2]!, line: line.line});
			continue;
		}

		if (open > 0 && closeLine.test(text)) {
			open--;
			continue;
		}

		if (open > 0 && bracketBalance(text) < 0 && text.trimEnd().endsWith(']')) {
			open--;
			text = text.trimEnd().slice(0, -1);
			if (text.trim() === '') continue;
		}

		out.push(text === line.text ? line : {text, line: line.line});
	}

	if (open > 0) {
		diagnostics.push({
			severity: 'warning',
			line: lines.at(-1)?.line ?? 1,
			code: 'unbalanced-span',
			message: 'a multi-line ".class[" block has no closing "]" line',
		});
	}

	return out;
}

/** `[` minus `]`, backslash escapes skipped. */
function bracketBalance(text: string): number {
	let balance = 0;
	for (let index = 0; index < text.length; index++) {
		const char = text[index];
		if (char === '\\') index++;
		else if (char === '[') balance++;
		else if (char === ']') balance--;
	}

	return balance;
}

type ListFrame = {indent: number; ordered: boolean; start: number; items: Array<{content: Inline[]; more: Inline[][]; nested: ListTree[]}>};

class BlockReader {
	private readonly blocks: Block[] = [];
	private paragraph: {lines: Inline[][]; sources: string[]; line: number} | undefined;
	private lists: ListFrame[] = [];
	private listLine = 0;
	private afterBlank = false;

	constructor(
		private readonly diagnostics: Diagnostic[],
		private readonly depth = 0,
	) {}

	read(lines: readonly Line[]): Block[] {
		for (let index = 0; index < lines.length; index++) {
			const {text, line} = lines[index]!;
			if (text.trim() === '') {
				this.closeParagraph();
				this.afterBlank = true;
				continue;
			}

			const afterBlank = this.afterBlank;
			this.afterBlank = false;

			const fence = fenceOpen.exec(text);
			if (fence && !(fence[1]!.startsWith('`') && text.slice(fence[0].length).includes('`'))) {
				this.close();
				const code: string[] = [];
				const indent = /^ */.exec(text)![0].length;
				let end = index + 1;
				while (end < lines.length && !isFenceClose(lines[end]!.text, fence[1]!)) {
					code.push(stripIndent(lines[end]!.text, indent));
					end++;
				}

				this.blocks.push(codeBlock(code, line, text.slice(fence[0].length)));
				index = end;
				continue;
			}

			if (this.paragraph?.lines.length === 1 && (setextH1.test(text) || setextH2.test(text))) {
				const source = this.paragraph.sources[0]!;
				const at = this.paragraph.line;
				this.paragraph = undefined;
				this.blocks.push({type: 'heading', depth: setextH1.test(text) ? 1 : 2, content: this.inline(source, at), line: at});
				continue;
			}

			const headingMatch = heading.exec(text);
			const headingText = headingMatch ? headingContent(headingMatch[2]!) : '';
			if (headingMatch && headingText !== '') {
				this.close();
				this.blocks.push({type: 'heading', depth: headingMatch[1]!.length, content: this.inline(headingText, line), line});
				continue;
			}

			if (quote.test(text) && this.depth < maxQuoteDepth) {
				this.close();
				const inner: Line[] = [];
				while (index < lines.length && quote.test(lines[index]!.text)) {
					inner.push({text: quote.exec(lines[index]!.text)![1]!, line: lines[index]!.line});
					index++;
				}

				index--;
				this.blocks.push(quoteBlock(new BlockReader(this.diagnostics, this.depth + 1).read(inner), line));
				continue;
			}

			const next = lines[index + 1];
			if (text.includes('|') && next && isTableDelimiter(next.text)) {
				this.close();
				const rows: Line[] = [];
				let end = index + 2;
				while (end < lines.length && lines[end]!.text.includes('|') && lines[end]!.text.trim() !== '') rows.push(lines[end++]!);
				this.blocks.push(this.table({text, line}, next.text, rows));
				index = end - 1;
				continue;
			}

			const item = listItem.exec(text);
			if (item && !(this.paragraph && this.lists.length === 0 && item[3] !== undefined && item[3] !== '1')) {
				this.closeParagraph();
				this.listItem(indentOf(item[1]!), item[3] === undefined ? undefined : Number(item[3]), item[4]!, line);
				continue;
			}

			if (this.lists.length > 0 && afterBlank && !/^[ \t]/.test(text)) this.closeList();
			if (this.lists.length > 0 && !this.paragraph) {
				// A continuation line of the last item (indented, or lazy).
				const frame = this.lists.at(-1)!;
				frame.items.at(-1)!.more.push(this.inline(text.trim(), line));
				continue;
			}

			const images = imageLine(text);
			if (images) {
				this.close();
				for (const src of images) this.blocks.push({type: 'image', image: {src: neutralize(src), mode: 'inline', line}, line});
				continue;
			}

			const shown = showable(text);
			if (shown.trim() === '') continue;
			this.closeList();
			this.paragraph ??= {lines: [], sources: [], line};
			this.paragraph.lines.push(this.inline(shown, line));
			this.paragraph.sources.push(shown);
		}

		this.close();
		return this.blocks;
	}

	private inline(text: string, line: number): Inline[] {
		return parseInline(showable(text), {line, diagnostics: this.diagnostics});
	}

	private listItem(indent: number, number: number | undefined, content: string, line: number): void {
		const ordered = number !== undefined;
		while (this.lists.length > 0 && indent < this.lists.at(-1)!.indent) this.lists.pop();
		let frame = this.lists.at(-1);
		if (frame && indent > frame.indent + 1 && frame.items.length > 0) {
			const nested: ListFrame = {indent, ordered, start: number ?? 1, items: []};
			frame.items.at(-1)!.nested.push(nested);
			this.lists.push(nested);
			frame = nested;
		} else if (!frame || frame.ordered !== ordered) {
			if (this.lists.length <= 1) {
				this.closeList();
				frame = {indent, ordered, start: number ?? 1, items: []};
				this.lists = [frame];
				this.listLine = line;
			} else {
				const parent = this.lists.at(-2)!;
				frame = {indent, ordered, start: number ?? 1, items: []};
				parent.items.at(-1)!.nested.push(frame);
				this.lists[this.lists.length - 1] = frame;
			}
		}

		frame.items.push({content: this.inline(content, line), more: [], nested: []});
	}

	private table(header: Line, delimiter: string, rows: readonly Line[]): Block {
		const align: Align[] = cells(delimiter).map(cell => {
			const left = cell.startsWith(':');
			const right = cell.endsWith(':');
			return left && right ? 'center' : right ? 'right' : left ? 'left' : undefined;
		});
		const row = (line: Line) => cells(line.text).map(cell => this.inline(cell, line.line));
		return tableBlock(row(header), rows.map(each => row(each)), align, header.line);
	}

	private closeParagraph(): void {
		if (this.paragraph) this.blocks.push({type: 'paragraph', lines: this.paragraph.lines, line: this.paragraph.line});
		this.paragraph = undefined;
	}

	private closeList(): void {
		const root = this.lists[0];
		if (root) this.blocks.push(listBlock(freeze(root), this.listLine));
		this.lists = [];
	}

	private close(): void {
		this.closeParagraph();
		this.closeList();
	}
}

function freeze(frame: ListFrame): ListTree {
	return {ordered: frame.ordered, start: frame.start, items: frame.items.map((item): ListItem => item)};
}

/** A heading's text: trimmed, without a closing run of `#` (ATX), in linear time. */
function headingContent(text: string): string {
	let content = text.trim();
	let end = content.length;
	while (end > 0 && content[end - 1] === '#') end--;
	if (end < content.length && (end === 0 || content[end - 1] === ' ' || content[end - 1] === '\t')) content = content.slice(0, end).trimEnd();
	return content;
}

/** A GFM table's delimiter row (`| :--- | ---: |`). */
function isTableDelimiter(text: string): boolean {
	if (!text.includes('-')) return false;
	const row = cells(text);
	return row.length > 0 && row.every(cell => /^:?-+:?$/.test(cell));
}

function isFenceClose(text: string, open: string): boolean {
	const match = fenceOpen.exec(text);
	return match !== null && match[1]![0] === open[0] && match[1]!.length >= open.length && text.trim() === match[1];
}

function stripIndent(text: string, indent: number): string {
	let index = 0;
	while (index < indent && text[index] === ' ') index++;
	return text.slice(index);
}

function indentOf(whitespace: string): number {
	return whitespace.replace(/\t/g, '    ').length;
}

/** The cells of a table row: split at `|` outside code spans, outer pipes dropped. */
function cells(text: string): string[] {
	let row = text.trim();
	if (row.startsWith('|')) row = row.slice(1);
	if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
	const out: string[] = [];
	let current = '';
	let ticks = 0;
	for (let index = 0; index < row.length; index++) {
		const char = row[index]!;
		if (char === '\\' && row[index + 1] === '|') {
			current += '|';
			index++;
		} else if (char === '`') {
			ticks = ticks === 0 ? 1 : 0;
			current += char;
		} else if (char === '|' && ticks === 0) {
			out.push(current.trim());
			current = '';
		} else {
			current += char;
		}
	}

	out.push(current.trim());
	return out;
}

/** The image sources of a line that holds nothing but images (maybe inside one span), or undefined. */
function imageLine(text: string): string[] | undefined {
	let inner = text;
	for (let depth = 0, match = wrappedInSpan.exec(inner); match && depth < maxSpanUnwrap; depth++, match = wrappedInSpan.exec(inner)) inner = match[1]!;
	const sources = [...inner.matchAll(markdownImage)].map(match => match[2]!);
	const tags = [...inner.matchAll(imageTag)].map(match => match[1] ?? match[2] ?? match[3] ?? '');
	const rest = inner.replace(markdownImage, '').replace(htmlTag, '').trim();
	const all = [...sources, ...tags].filter(src => src.trim() !== '');
	return all.length > 0 && rest === '' ? all : undefined;
}

/**
 * A line as the slide shows it: HTML tags other than `<br>` dropped (outside
 * code spans), an inline image as its alt text.
 */
function showable(text: string): string {
	return text
		.split(/(`+[^`]*`+)/)
		.map((part, index) => (index % 2 === 1 ? part : part.replace(markdownImage, (_, alt: string) => alt).replace(htmlTag, '')))
		.join('');
}
