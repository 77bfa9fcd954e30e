/**
 * The one block reader of remark and Markdown decks: numbered lines in, model
 * blocks out, through markdown-it (`tree.ts`) and the one inline pipeline.
 */
import type {Block, Diagnostic} from '../../model.js';
import {markdownFor, type InlineProfile} from '../../inline-markdown.js';
import type {InlineOptions} from '../../inline-tokens.js';
import type {Line} from '../blocks.js';
import {blocksOf, type BlockContext} from './blocks-of.js';
import {parseTree, type MdNode} from './tree.js';

export type ReadOptions = {
	readonly profile: InlineProfile;
	readonly inline: InlineOptions;
	readonly diagnostics: Diagnostic[];
	/** markdown-it's environment, shared by the pieces of one deck: link reference definitions. */
	readonly env: Record<string, unknown>;
	/** remark's `highlightLines` (see BlockContext). */
	readonly markedLines?: boolean;
};

/** The blocks of numbered lines. */
export function readBlocks(lines: readonly Line[], options: ReadOptions): Block[] {
	const {nodes, context} = readNodes(lines, options);
	return blocksOf(nodes, context);
}

/** The top-level Markdown blocks of numbered lines, and what maps them to model blocks. */
export function readNodes(lines: readonly Line[], options: ReadOptions): {nodes: readonly MdNode[]; context: BlockContext} {
	const text = lines.map(line => line.text).join('\n');
	const tree = parseTree(markdownFor(options.profile), text, options.env);
	const last = lines.at(-1)?.line ?? 1;
	return {
		nodes: tree.children,
		context: {
			diagnostics: options.diagnostics,
			lineOf: line => lines[line - 1]?.line ?? last,
			inline: options.inline,
			...(options.markedLines ? {markedLines: true} : {}),
		},
	};
}
