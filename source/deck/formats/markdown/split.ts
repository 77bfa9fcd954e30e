/**
 * The ways Markdown deck tools cut a document's top-level blocks into
 * slides: at a kind of block (a thematic break, `<!-- end_slide -->`), before
 * a heading (lookatme's smart splitting), or at the slide level (pandoc,
 * patat). And the comments most dialects share.
 */
import {minOf} from '../blocks.js';
import {blockScalar, commentCommand, commentText, layoutCommands} from './comments.js';
import type {Marker, SlideNodes, SourceView} from './dialect.js';
import type {MdNode} from './tree.js';

/**
 * Slides between the blocks `separates` picks (they show nothing). A
 * separator first or last makes no slide; two in a row make a blank slide.
 */
export function splitAt(nodes: readonly MdNode[], separates: (node: MdNode) => boolean, source: SourceView): SlideNodes[] {
	const slides: Array<{nodes: MdNode[]; line: number}> = [{nodes: [], line: source.lineOf(1)}];
	for (const node of nodes) {
		if (separates(node)) slides.push({nodes: [], line: source.lineOf(node.end)});
		else slides.at(-1)!.nodes.push(node);
	}

	if (slides.length > 1 && !slides[0]!.nodes.some(node => shows(node))) slides.shift();
	if (slides.length > 1 && !slides.at(-1)!.nodes.some(node => shows(node))) slides.pop();
	return slides;
}

/** Slides that start at each block `starts` picks (which belongs to the slide it starts). */
export function splitBefore(nodes: readonly MdNode[], starts: (node: MdNode, current: readonly MdNode[]) => boolean, source: SourceView): SlideNodes[] {
	const slides: Array<{nodes: MdNode[]; line: number}> = [{nodes: [], line: source.lineOf(1)}];
	for (const node of nodes) {
		const current = slides.at(-1)!.nodes;
		if (current.some(each => shows(each)) && starts(node, current)) slides.push({nodes: [], line: source.lineOf(node.line)});
		slides.at(-1)!.nodes.push(node);
	}

	return slides;
}

/** A block that shows something (not a comment). */
function shows(node: MdNode): boolean {
	return !(node.type === 'html' && commentText(node.value) !== undefined);
}

/**
 * lookatme's smart splitting, for a deck with no thematic breaks: the first
 * heading is the deck's title when its level occurs once; slides start at
 * the highest level of the other headings.
 */
export function smartSplit(nodes: readonly MdNode[], source: SourceView): SlideNodes[] {
	const headings = nodes.flatMap(node => (node.type === 'heading' ? [node.depth] : []));
	if (headings.length === 0) return [{nodes, line: source.lineOf(1)}];
	const first = headings[0]!;
	const others = headings.filter(depth => depth === first).length === 1 ? headings.slice(1) : headings;
	if (others.length === 0) return [{nodes, line: source.lineOf(1)}];
	const level = minOf(others, 1);
	return splitBefore(nodes, node => node.type === 'heading' && node.depth === level, source);
}

/**
 * pandoc's slide level: the highest heading level that is followed directly
 * by content (not by another heading) somewhere; 6 when none is. Comments
 * do not count as content.
 */
export function slideLevel(nodes: readonly MdNode[]): number {
	const blocks = nodes.filter(node => shows(node));
	let level = 6;
	for (let index = 0; index < blocks.length - 1; index++) {
		const node = blocks[index]!;
		if (node.type === 'heading' && node.depth < level && blocks[index + 1]!.type !== 'heading') level = node.depth;
	}

	return level;
}

/**
 * pandoc's (and patat's) slides by headings: a heading of the slide level
 * starts a slide; a heading above it is a title slide of its own (with the
 * comments right after it).
 */
export function splitAtLevel(nodes: readonly MdNode[], level: number, source: SourceView): SlideNodes[] {
	const slides: Array<{nodes: MdNode[]; line: number}> = [];
	let current: {nodes: MdNode[]; line: number} = {nodes: [], line: source.lineOf(1)};
	let title = false;
	const close = () => {
		if (current.nodes.length > 0) slides.push(current);
	};

	for (const node of nodes) {
		if (node.type === 'heading' && node.depth <= level) {
			close();
			current = {nodes: [node], line: source.lineOf(node.line)};
			title = node.depth < level;
			continue;
		}

		if (title && shows(node)) {
			close();
			current = {nodes: [], line: source.lineOf(node.line)};
			title = false;
		}

		current.nodes.push(node);
	}

	close();
	return slides;
}

/**
 * The comments of presenterm-like decks: `pause`/`stop`, `speaker_note`
 * (`notes` too), `skip_slide`, `incremental_lists`, layout commands (no
 * effect here); `end_slide` is a separator, left to the dialect. A prose
 * comment shows nothing; an unknown command is a notice.
 */
export function commandMarker(node: MdNode, options: {readonly pauses: readonly string[]; readonly notes: readonly string[]}): Marker | undefined {
	if (node.type !== 'html' || commentText(node.value) === undefined) return undefined;
	const command = commentCommand(node.value);
	if (!command) return {kind: 'hidden'};
	const {name, argument} = command;
	if (options.pauses.includes(name)) return {kind: 'pause'};
	if (options.notes.includes(name)) return {kind: 'notes', text: blockScalar(argument)};
	// `vim:` modelines are the editor's, as presenterm knows.
	if (name === 'end_slide' || name === 'vim' || layoutCommands.has(name)) return {kind: 'hidden'};
	if (name === 'skip_slide') return {kind: 'skip-slide'};
	if (name === 'incremental_lists') return {kind: 'incremental-lists', on: blockScalar(argument).trim() === 'true'};
	if (name === 'include') return {kind: 'notice', code: 'unsupported-comment', message: '"include" comments are not supported; the included file is not shown'};
	return {kind: 'notice', code: 'unknown-comment', message: `unknown comment command "${name.replace(/[^\w-]/g, '')}"; ignored`};
}

/** True for an `<!-- end_slide -->` block. */
export function isEndSlide(node: MdNode): boolean {
	return node.type === 'html' && commentCommand(node.value)?.name === 'end_slide';
}

/** A line that is a thematic break (`---`, `***`, `- - -`, `___`). */
export function isRuleLine(text: string): boolean {
	return /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/.test(text);
}
