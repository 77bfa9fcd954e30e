/**
 * The block structure of Markdown (CommonMark with GFM tables and
 * strikethrough), parsed by markdown-it and turned into a small tree of
 * blocks with the source lines of each. Inline content stays as markdown-it's
 * inline tokens, for the one inline pipeline (`inline-tokens.ts`) to map.
 * markdown-it parses in linear time and bounds the nesting of blocks itself
 * (`maxNesting`).
 */
import type {Token} from 'markdown-it';
import type {Markdown} from '../../inline-markdown.js';
import type {Align} from '../blocks.js';
import type {TableShape} from '../../bounded-table.js';

/** 1-based first line and the line after the last, in the parsed text. */
type Range = {readonly line: number; readonly end: number};

type TableRow = {readonly line: number; readonly cells: Token[][]};

export type MdNode =
	| (Range & {readonly type: 'paragraph'; readonly inline: readonly Token[]})
	/** `setext` for a heading underlined with `===` or `---`. */
	| (Range & {readonly type: 'heading'; readonly depth: number; readonly setext: boolean; readonly inline: readonly Token[]})
	| (Range & {readonly type: 'blockquote' | 'listItem'; readonly children: MdNode[]})
	| (Range & {readonly type: 'list'; readonly ordered: boolean; readonly start: number; readonly children: MdNode[]})
	/** `shape`: the table's real width and the rows past the cap, when it is larger than what was read (bounded-table.ts). */
	| (Range & {readonly type: 'table'; readonly align: Align[]; readonly rows: TableRow[]; readonly shape?: TableShape})
	/** A fenced (`fence` is its opening run) or indented code block. */
	| (Range & {readonly type: 'code'; readonly value: string; readonly info: string; readonly fence: string})
	| (Range & {readonly type: 'html'; readonly value: string})
	| (Range & {readonly type: 'thematicBreak'; readonly markup: string});

export type Root = {readonly children: MdNode[]};

type Container = {readonly children: MdNode[]};
type Open = {readonly node: Container | MdNode; readonly close: string};

/** The block tree of `text`; lines are 1-based in `text`. `env` carries link reference definitions across parses. */
export function parseTree(markdown: Markdown, text: string, env: Record<string, unknown> = {}): Root {
	return treeOf(markdown.parse(text, env));
}

function treeOf(tokens: readonly Token[]): Root {
	const root: Root = {children: []};
	const stack: Open[] = [{node: root, close: ''}];
	const parent = (): Container => {
		for (let index = stack.length - 1; index >= 0; index--) {
			const node = stack[index]!.node;
			if ('children' in node) return node;
		}

		return root;
	};

	const open = (node: MdNode, close: string) => {
		parent().children.push(node);
		stack.push({node, close});
	};

	let table: Extract<MdNode, {type: 'table'}> | undefined;
	let row: TableRow | undefined;
	for (const token of tokens) {
		const line = token.map ? token.map[0] + 1 : 1;
		const end = token.map ? token.map[1] + 1 : line + 1;
		switch (token.type) {
			case 'paragraph_open': {
				open({type: 'paragraph', line, end, inline: []}, 'paragraph_close');
				break;
			}

			case 'heading_open': {
				const setext = token.markup === '=' || token.markup === '-';
				open({type: 'heading', depth: Number(token.tag.slice(1)) || 1, setext, line, end, inline: []}, 'heading_close');
				break;
			}

			case 'blockquote_open': {
				open({type: 'blockquote', line, end, children: []}, 'blockquote_close');
				break;
			}

			case 'bullet_list_open':
			case 'ordered_list_open': {
				const ordered = token.type === 'ordered_list_open';
				const start = Number(token.attrGet('start') ?? 1);
				open({type: 'list', ordered, start: Number.isFinite(start) ? start : 1, line, end, children: []}, ordered ? 'ordered_list_close' : 'bullet_list_close');
				break;
			}

			case 'list_item_open': {
				open({type: 'listItem', line, end, children: []}, 'list_item_close');
				break;
			}

			case 'table_open': {
				const shape = token.meta as TableShape | null;
				table = {type: 'table', align: [], rows: [], line, end, ...(shape ? {shape} : {})};
				parent().children.push(table);
				break;
			}

			case 'tr_open': {
				row = {line, cells: []};
				table?.rows.push(row);
				break;
			}

			case 'th_open': {
				table?.align.push(alignOf(token));
				break;
			}

			case 'inline': {
				const top = stack.at(-1)!.node;
				const children = token.children ?? [];
				if (row && table) row.cells.push(children);
				// A loop, not a spread: a paragraph of many lines has more tokens than a call has arguments.
				else if ('inline' in top) for (const child of children) (top.inline as Token[]).push(child);
				break;
			}

			case 'fence':
			case 'code_block': {
				const fence = token.type === 'fence' ? token.markup : '';
				parent().children.push({type: 'code', value: token.content.replace(/\n$/, ''), info: token.info, fence, line, end});
				break;
			}

			case 'html_block': {
				parent().children.push({type: 'html', value: token.content, line, end});
				break;
			}

			case 'hr': {
				parent().children.push({type: 'thematicBreak', markup: token.markup, line, end});
				break;
			}

			case 'table_close': {
				table = undefined;
				row = undefined;
				break;
			}

			default: {
				if (stack.length > 1 && token.type === stack.at(-1)!.close) stack.pop();
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
