/**
 * Block content (text slides, draft bodies, text under images, notes) to
 * wrapped lines of a given width.
 */
import {cellWidth} from '../text/cell-width.js';
import {splitAtBreaks} from '../deck/inline-tree.js';
import {assertNever, type Block, type Inline} from '../deck/model.js';
import type {Line, Segment, Style} from '../frame/frame.js';
import {planCode, type CodeOutput} from './plan-code.js';
import {inlinePictureRows, planInlineImage, type PictureSource} from './plan-inline-image.js';
import {styledSegments, type TextOptions} from './styled-text.js';
import {wrapLine} from '../text/wrap.js';

export type BlockOptions = TextOptions & {
	/** With `showUrls`: a caption's link as its host or a short URL, dimmed (the player's screen). */
	readonly shortCaptionUrls?: boolean;
	/** Leave out the blank line between blocks (to make a long slide fit). */
	readonly compact?: boolean;
	/** What live code blocks printed, by the block's source line. */
	readonly codeOutput?: CodeOutput;
	/** Draws pictures; without it every image shows as alt text. */
	readonly pictures?: PictureSource;
	/** How tall a picture in the flow of the text is drawn at most (rows); default 3. */
	readonly inlineImageRows?: number;
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
			return wrapLines(block.content, style, width, options);
		}

		case 'paragraph': {
			return block.lines.flatMap(line => wrapLines(line, {}, width, options));
		}

		case 'code': {
			return planCode(block.code, width, options.codeOutput?.get(block.line));
		}

		case 'list': {
			return block.items.flatMap((item, index) => {
				const marker = block.ordered ? `${block.start + index}. ` : '• ';
				return splitAtBreaks(item).flatMap((line, at) => hangingIndent(at === 0 ? marker : ' '.repeat(cellWidth(marker)), styledSegments(line, {}, options), width));
			});
		}

		case 'image': {
			return planInlineImage(block.image, width, options.inlineImageRows ?? inlinePictureRows(0), options.pictures);
		}

		case 'caption': {
			// On the player's screen a caption's link, where it cannot be clicked, is followed by its host (or a short URL), dimmed.
			return wrapLines(block.content, {fg: 'muted'}, width, {...options, shortUrls: options.shortCaptionUrls === true});
		}

		default: {
			return assertNever(block);
		}
	}
}

/** Inline content as wrapped lines, a `<br>` starting a new one. */
function wrapLines(inlines: readonly Inline[], style: Style, width: number, options: BlockOptions): Line[] {
	return splitAtBreaks(inlines).flatMap(line => wrapLine(styledSegments(line, style, options), width));
}

function hangingIndent(marker: string, content: Segment[], width: number): Line[] {
	const indent = cellWidth(marker);
	if (width <= indent + 1) return wrapLine([{text: marker, style: {fg: 'accent'}}, ...content], width);
	return wrapLine(content, width - indent).map((line, index) => [
		index === 0 ? {text: marker, style: {fg: 'accent'}} : {text: ' '.repeat(indent)},
		...line,
	]);
}
