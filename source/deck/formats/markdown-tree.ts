/**
 * CommonMark (with GFM tables and strikethrough) parsed by markdown-it, its
 * token stream turned into a small tree with the source line of every node.
 * markdown-it parses in linear time (micromark, tried first, is quadratic in
 * the number of blocks of a document: seconds for a long README) and bounds
 * the nesting of blocks itself (`maxNesting`); emphasis it pairs after
 * parsing, so inline nesting is bounded where the tree is mapped. Link
 * references resolve across the pieces parsed with one `MarkdownParser`.
 */
import MarkdownIt from 'markdown-it';
import type {Token} from 'markdown-it';
import type {Align} from './blocks.js';

type ContainerType = 'root' | 'paragraph' | 'blockquote' | 'listItem' | 'tableRow' | 'tableCell' | 'emphasis' | 'strong' | 'delete';

export type MdNode =
	| {readonly type: ContainerType; readonly line: number; readonly children: MdNode[]}
	| {readonly type: 'heading'; readonly line: number; readonly children: MdNode[]; readonly depth: number}
	| {readonly type: 'list'; readonly line: number; readonly children: MdNode[]; readonly ordered: boolean; readonly start: number}
	| {readonly type: 'table'; readonly line: number; readonly children: MdNode[]; readonly align: Align[]}
	| {readonly type: 'link'; readonly line: number; readonly children: MdNode[]; readonly url: string}
	| {readonly type: 'code'; readonly line: number; readonly value: string; readonly info: string}
	| {readonly type: 'html' | 'text' | 'inlineCode'; readonly line: number; readonly value: string}
	| {readonly type: 'image'; readonly line: number; readonly url: string; readonly alt: string}
	| {readonly type: 'thematicBreak' | 'break'; readonly line: number};

export type Root = {readonly type: 'root'; readonly line: number; readonly children: MdNode[]};

/** Blocks and inline markup nested deeper than this are not parsed further (markdown-it's own limit). */
const maxNesting = 64;

export class MarkdownParser {
	private readonly markdown: ReturnType<typeof MarkdownIt>;
	/** Shared by every parse, so that a link reference defined on one slide works on another. */
	private readonly env: Record<string, unknown> = {};

	constructor() {
		this.markdown = new MarkdownIt('commonmark', {html: true, maxNesting}).enable(['table', 'strikethrough']);
		// Links are checked (`safeLinkTarget`) and file names shown as written, so markdown-it neither rejects nor encodes them.
		this.markdown.validateLink = () => true;
		this.markdown.normalizeLink = (url: string) => url;
		this.markdown.normalizeLinkText = (url: string) => url;
	}

	/** The tree of `text`; lines are 1-based in `text`. */
	parse(text: string): Root {
		return treeOf(this.markdown.parse(text, this.env));
	}
}

type Open = {node: {readonly children: MdNode[]}; token: string};

function treeOf(tokens: readonly Token[]): Root {
	const root: Root = {type: 'root', line: 1, children: []};
	const stack: Open[] = [{node: root, token: ''}];
	const top = () => stack.at(-1)!.node;
	const open = (node: MdNode & {readonly children: MdNode[]}, token: string) => {
		top().children.push(node);
		stack.push({node, token});
	};

	let line = 1;
	let table: {readonly align: Align[]} | undefined;
	for (const token of tokens) {
		if (token.map) line = token.map[0] + 1;
		switch (token.type) {
			case 'paragraph_open': {
				open({type: 'paragraph', line, children: []}, 'paragraph_close');
				break;
			}

			case 'heading_open': {
				open({type: 'heading', depth: Number(token.tag.slice(1)) || 1, line, children: []}, 'heading_close');
				break;
			}

			case 'blockquote_open': {
				open({type: 'blockquote', line, children: []}, 'blockquote_close');
				break;
			}

			case 'bullet_list_open':
			case 'ordered_list_open': {
				const ordered = token.type === 'ordered_list_open';
				const start = Number(token.attrGet('start') ?? 1);
				open({type: 'list', ordered, start: Number.isFinite(start) ? start : 1, line, children: []}, ordered ? 'ordered_list_close' : 'bullet_list_close');
				break;
			}

			case 'list_item_open': {
				open({type: 'listItem', line, children: []}, 'list_item_close');
				break;
			}

			case 'table_open': {
				const node = {type: 'table', align: [] as Align[], line, children: [] as MdNode[]} as const;
				table = node;
				open(node, 'table_close');
				break;
			}

			case 'tr_open': {
				open({type: 'tableRow', line, children: []}, 'tr_close');
				break;
			}

			case 'th_open':
			case 'td_open': {
				if (token.type === 'th_open' && table) table.align.push(alignOf(token));
				open({type: 'tableCell', line, children: []}, token.type === 'th_open' ? 'th_close' : 'td_close');
				break;
			}

			case 'inline': {
				// A loop, not a spread: a paragraph of many lines has more nodes than a call has arguments.
				const children = top().children;
				for (const node of inlineNodes(token.children ?? [], line)) children.push(node);
				break;
			}

			case 'fence':
			case 'code_block': {
				top().children.push({type: 'code', value: token.content.replace(/\n$/, ''), info: token.info, line});
				break;
			}

			case 'html_block': {
				top().children.push({type: 'html', value: token.content, line});
				break;
			}

			case 'hr': {
				top().children.push({type: 'thematicBreak', line});
				break;
			}

			default: {
				if (stack.length > 1 && token.type === stack.at(-1)!.token) stack.pop();
			}
		}
	}

	return root;
}

function alignOf(token: Token): Align {
	const style = String(token.attrGet('style') ?? '');
	const match = /text-align:\s*(left|right|center)/.exec(style);
	return match ? (match[1] as Align) : undefined;
}

const inlineContainers: Readonly<Record<string, 'emphasis' | 'strong' | 'delete'>> = {em_open: 'emphasis', strong_open: 'strong', s_open: 'delete'};

/** Inline tokens to nodes; a node's line counts the line breaks before it. */
function inlineNodes(tokens: readonly Token[], first: number): MdNode[] {
	const out: MdNode[] = [];
	const stack: Array<{children: MdNode[]; close: string}> = [{children: out, close: ''}];
	let line = first;
	const push = (node: MdNode) => stack.at(-1)!.children.push(node);
	for (const token of tokens) {
		const container = inlineContainers[token.type];
		if (container) {
			const children: MdNode[] = [];
			push({type: container, line, children});
			stack.push({children, close: token.type.replace('_open', '_close')});
			continue;
		}

		switch (token.type) {
			case 'text': {
				push({type: 'text', value: token.content, line});
				break;
			}

			case 'softbreak': {
				push({type: 'text', value: '\n', line});
				line++;
				break;
			}

			case 'hardbreak': {
				push({type: 'break', line});
				line++;
				break;
			}

			case 'code_inline': {
				push({type: 'inlineCode', value: token.content, line});
				break;
			}

			case 'link_open': {
				const children: MdNode[] = [];
				push({type: 'link', url: String(token.attrGet('href') ?? ''), line, children});
				stack.push({children, close: 'link_close'});
				break;
			}

			case 'image': {
				push({type: 'image', url: String(token.attrGet('src') ?? ''), alt: token.content, line});
				break;
			}

			case 'html_inline': {
				push({type: 'html', value: token.content, line});
				break;
			}

			default: {
				if (stack.length > 1 && token.type === stack.at(-1)!.close) stack.pop();
			}
		}
	}

	return out;
}
