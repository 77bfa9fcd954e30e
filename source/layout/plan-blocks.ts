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
import {thousands} from '../text/thousands.js';

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

/**
 * The most lines a slide's blocks are laid out to: a screen shows a few dozen,
 * and laying out 200,000 (a 16 MB slide at width 1) takes seconds and
 * gigabytes. Past it the slide ends with `cutMark`, which `check` reports.
 */
export const slideLineCap = 10_000;

/** The style of `cutMark`, known by its identity: clipping and centring keep a segment's style object. */
const cutStyle: Style = {fg: 'muted', italic: true};
/** The last line of a slide cut at `slideLineCap` lines. */
const cutMark: Line = [{text: `… cut: the slide is longer than ${thousands(slideLineCap)} lines`, style: cutStyle}];

/** Whether laid-out lines (centred, clipped or not) end at the cap, with `cutMark`. */
export function isCut(lines: readonly Line[]): boolean {
	return lines.length > slideLineCap && (lines.at(-1)?.some(segment => segment.style === cutStyle) ?? false);
}

export function planBlocks(blocks: readonly Block[], width: number, options: BlockOptions = {}): Line[] {
	const lines: Line[] = [];
	for (const [index, block] of blocks.entries()) {
		if (index > 0 && !options.compact) lines.push([]);
		for (const line of planBlock(block, width, options)) {
			if (lines.length >= slideLineCap) {
				lines.push(cutMark);
				return lines;
			}

			lines.push(line);
		}
	}

	return lines;
}

/** A block's lines, made as they are taken (a cut slide stops early). */
function* planBlock(block: Block, width: number, options: BlockOptions): Generator<Line> {
	switch (block.type) {
		case 'heading': {
			const style = headingStyles[Math.min(block.depth, headingStyles.length) - 1]!;
			yield* wrapLines(block.content, style, width, options);
			return;
		}

		case 'paragraph': {
			for (const line of block.lines) yield* wrapLines(line, {}, width, options);
			return;
		}

		case 'code': {
			yield* planCode(block.code, width, options.codeOutput?.get(block.line));
			return;
		}

		case 'list': {
			for (const [index, item] of block.items.entries()) {
				const marker = block.ordered ? `${block.start + index}. ` : '• ';
				for (const [at, line] of splitAtBreaks(item).entries()) {
					yield* hangingIndent(at === 0 ? marker : ' '.repeat(cellWidth(marker)), styledSegments(line, {}, options), width);
				}
			}

			return;
		}

		case 'image': {
			yield* planInlineImage(block.image, width, options.inlineImageRows ?? inlinePictureRows(0), options.pictures);
			return;
		}

		case 'caption': {
			// On the player's screen a caption's link, where it cannot be clicked, is followed by its host (or a short URL), dimmed.
			yield* wrapLines(block.content, {fg: 'muted'}, width, {...options, shortUrls: options.shortCaptionUrls === true});
			return;
		}

		default: {
			assertNever(block);
		}
	}
}

/** Inline content as wrapped lines, a `<br>` starting a new one. */
function* wrapLines(inlines: readonly Inline[], style: Style, width: number, options: BlockOptions): Generator<Line> {
	for (const line of splitAtBreaks(inlines)) yield* wrapLine(styledSegments(line, style, options), width);
}

function hangingIndent(marker: string, content: Segment[], width: number): Line[] {
	const indent = cellWidth(marker);
	if (width <= indent + 1) return wrapLine([{text: marker, style: {fg: 'accent'}}, ...content], width);
	return wrapLine(content, width - indent).map((line, index) => [index === 0 ? {text: marker, style: {fg: 'accent'}} : {text: ' '.repeat(indent)}, ...line]);
}
