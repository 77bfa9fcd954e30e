/**
 * remark's `.footnote[...]`: remark's themes place it at the bottom of the slide
 * (`position: absolute; bottom`), out of the flow. In remark's own order a footnote from
 * the layout template comes before the content that `--` adds, so left in the flow it
 * would sit between a slide's steps. Here it is pinned to the bottom of the area, on the
 * same row at every step, and the rest is laid out above it.
 */
import type {Block} from '../deck/model.js';
import type {Line, Size} from '../frame/frame.js';
import {centerBlock, fitRows} from './compose.js';
import {planBlocks, type BlockOptions} from './plan-blocks.js';

/** The slide's footnote paragraphs apart from the rest of its blocks. */
export function splitFootnotes(body: readonly Block[]): {flow: Block[]; footnotes: Block[]} {
	const flow: Block[] = [];
	const footnotes: Block[] = [];
	for (const block of body) (isFootnote(block) ? footnotes : flow).push(block);
	return {flow, footnotes};
}

/**
 * The lines laid out above the footnotes (`layOut`, given the rows left), centred in them,
 * then a blank line and the footnotes on the last rows; undefined when they do not fit
 * (the footnotes then stay in the flow).
 */
export function pinFootnotes(footnotes: readonly Block[], box: Size, options: BlockOptions, layOut: (box: Size) => Line[]): Line[] | undefined {
	const foot = centerBlock(planBlocks(footnotes, box.columns, options), box.columns);
	const rows = box.rows - foot.length - 1;
	if (rows < 1) return undefined;
	const lines = layOut({...box, rows});
	if (lines.length > rows) return undefined;
	return [...fitRows(lines, rows, box.columns), [], ...foot];
}

/** A paragraph that is only a `.footnote[...]` span (a span has one class: `.a.b[...]` is two spans). */
function isFootnote(block: Block): boolean {
	if (block.type !== 'paragraph' || block.lines.length !== 1) return false;
	const inlines = block.lines[0]!.filter(inline => !(inline.type === 'text' && inline.text.trim() === ''));
	const only = inlines[0];
	return inlines.length === 1 && only?.type === 'span' && only.className === 'footnote';
}
