/**
 * Block content (text slides, draft bodies, text under images, notes) to
 * wrapped lines of a given width.
 */
import {cellWidth} from '../text/cell-width.js';
import {assertNever, type Block, type Image} from '../deck/model.js';
import {readableImageName} from '../deck/slide-title.js';
import type {Line, Segment, Style} from '../frame/frame.js';
import {styledSegments, type TextOptions} from './styled-text.js';
import {wrapLine} from '../text/wrap.js';

export type BlockOptions = TextOptions & {
	/** Leave out the blank line between blocks (to make a long slide fit). */
	readonly compact?: boolean;
};

const headingStyles: readonly Style[] = [{fg: 'heading', bold: true}, {fg: 'accent', bold: true}, {bold: true}];

export function planBlocks(blocks: readonly Block[], width: number, options: BlockOptions = {}): Line[] {
	const lines: Line[] = [];
	for (const [index, block] of blocks.entries()) {
		if (index > 0 && !options.compact) lines.push([]);
		lines.push(...planBlock(block, width, options));
	}

	return lines;
}

function planBlock(block: Block, width: number, options: BlockOptions): Line[] {
	switch (block.type) {
		case 'heading': {
			const style = headingStyles[Math.min(block.depth, headingStyles.length) - 1]!;
			return wrapLine(styledSegments(block.content, style, options), width);
		}

		case 'paragraph': {
			return block.lines.flatMap(line => wrapLine(styledSegments(line, {}, options), width));
		}

		case 'code': {
			return block.code.lines.flatMap(line => (line === '' ? [[]] : wrapLine([{text: line, style: {fg: 'code'}}], width)));
		}

		case 'list': {
			return block.items.flatMap((item, index) => {
				const marker = block.ordered ? `${block.start + index}. ` : '• ';
				return hangingIndent(marker, styledSegments(item, {}, options), width);
			});
		}

		case 'image': {
			return wrapLine(inlineImageLine(block.image), width);
		}

		case 'caption': {
			return wrapLine(styledSegments(block.content, {fg: 'muted'}, options), width);
		}

		default: {
			return assertNever(block);
		}
	}
}

/** An image shown in the flow of text: one line with a picture mark, its name and file. */
export function inlineImageLine(image: Image): Segment[] {
	return [
		{text: '📷 ', style: {fg: 'muted'}},
		{text: readableImageName(image.src), style: {italic: true}},
		{text: ` ${image.src}`, style: {dim: true}},
	];
}

function hangingIndent(marker: string, content: Segment[], width: number): Line[] {
	const indent = cellWidth(marker);
	if (width <= indent + 1) return wrapLine([{text: marker, style: {fg: 'accent'}}, ...content], width);
	return wrapLine(content, width - indent).map((line, index) => [
		index === 0 ? {text: marker, style: {fg: 'accent'}} : {text: ' '.repeat(indent)},
		...line,
	]);
}
