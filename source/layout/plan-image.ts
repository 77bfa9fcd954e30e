/**
 * Image slides: the picture as half-block pixel art where the caller can draw
 * it (`pictures`, see source/images/image-store.ts), or blank cells the
 * terminal draws the picture over (its own image protocol, see
 * source/images/graphic-store.ts and source/graphics/), else a framed placeholder
 * of the size the image would take, with a picture mark, a readable name and
 * the file name ("loading…" while the picture is on its way, the reason when
 * it cannot be drawn). The slide's text and caption go under it; an inline
 * `@` image is one line.
 */
import type {Block, Image} from '../deck/model.js';
import {readableImageName} from '../deck/slide-title.js';
import {centerBlock, centerEach} from './compose.js';
import type {Line, Size, Style} from '../frame/frame.js';
import {planBlocks, type BlockOptions} from './plan-blocks.js';
import {graphicRows, inlineImageLine, inlinePictureRows, planInlineImage, type Picture} from './plan-inline-image.js';
import {alignLine, clipLine, lineWidth, wrapLine} from '../text/wrap.js';

export type {Picture, PictureSource} from './plan-inline-image.js';

type ImageOptions = BlockOptions;

const frame: Style = {fg: 'frame'};

/** The picture between the blocks `before` it (a heading, say) and `body` after it, in their order. */
export function planImage(image: Image, body: readonly Block[], box: Size, options: ImageOptions, before: readonly Block[] = []): Line[] {
	let below = planBlocks(body, box.columns, options);
	let above = planBlocks(before, box.columns, options);
	if (below.length + above.length > box.rows / 3) {
		below = planBlocks(body, box.columns, {...options, compact: true});
		above = planBlocks(before, box.columns, {...options, compact: true});
	}

	const gap = below.length > 0 ? 1 : 0;
	const gapAbove = above.length > 0 ? 1 : 0;
	const available = {columns: box.columns, rows: Math.max(1, box.rows - below.length - gap - above.length - gapAbove)};
	// The blocks before the picture read as a block (a list keeps its left edge); the picture and what is under it are centred.
	const around = (shown: readonly Line[]): Line[] => [
		...centerBlock(above, box.columns),
		...(gapAbove ? [[]] : []),
		...centerEach([...shown, ...(gap ? [[]] : []), ...below], box.columns),
	];

	// An inline picture alone (or nearly) on its slide takes the room it has, up to 60 % of the height; among text, a quarter of it.
	const inlineRows = Math.min(
		available.rows,
		below.length + above.length > box.rows / 4 ? inlinePictureRows(box.rows) : Math.max(3, Math.floor(box.rows * 0.6)),
	);
	if (image.mode === 'inline') return around(planInlineImage(image, available.columns, inlineRows, options.pictures));
	if (available.rows < 3 || available.columns < 8) return around(wrapLine(inlineImageLine(image), box.columns));

	const {columns, rows} = placeholderSize(image, available);
	const picture = options.pictures?.(image.src, {columns, rows});
	const shown =
		picture?.state === 'ready'
			? pictureLines(picture.glyph.lines, columns, rows)
			: picture?.state === 'graphic'
				? pictureLines(graphicRows(picture.graphic), columns, rows)
				: altBox(image, columns, rows, pictureNote(picture));
	return around(shown);
}

/** The picture in the middle of the placeholder's box: as many rows as the placeholder, so nothing moves when it arrives. */
function pictureLines(picture: readonly Line[], columns: number, rows: number): Line[] {
	const height = Math.min(rows, picture.length);
	const above = Math.floor((rows - height) / 2);
	const lines: Line[] = [];
	for (let row = 0; row < rows; row++) lines.push(row >= above && row < above + height ? clipLine(picture[row - above]!, columns) : []);
	return lines;
}

function pictureNote(picture: Picture | undefined): Line | undefined {
	if (picture?.state === 'pending') return [{text: 'loading…', style: {dim: true}}];
	if (picture?.state === 'failed') return [{text: picture.reason, style: {dim: true}}];
	return undefined;
}

/** `@=` fills the area; `~@` is 16:9 in pixels, which is about 32:9 in cells. */
function placeholderSize(image: Image, area: Size): Size {
	if (image.mode !== 'wide') return area;
	let columns = area.columns;
	let rows = Math.round((columns * 9) / 32);
	if (rows > area.rows) {
		rows = area.rows;
		columns = Math.min(area.columns, Math.round((rows * 32) / 9));
	}

	return {columns, rows: Math.max(3, rows)};
}

function altBox(image: Image, columns: number, rows: number, note?: Line): Line[] {
	const inner = columns - 2;
	const name = image.alt ?? readableImageName(image.src);
	const label: Line[] = [
		[
			{text: '📷 ', style: {fg: 'muted'}},
			{text: name, style: {bold: true}},
		],
		[{text: image.src, style: {dim: true}}],
		...(note ? [note] : []),
	];
	const room = rows - 2;
	// Blank lines between the entries when there is room, else as many entries as fit (the note before the file name).
	let content: Line[];
	if (room >= 2 * label.length - 1) content = label.flatMap((line, index) => (index === 0 ? [line] : [[], line]));
	else if (room >= label.length) content = label;
	else content = (note ? [label[0]!, note] : label).slice(0, Math.max(1, room));
	const top = Math.max(0, Math.floor((rows - 2 - content.length) / 2));
	const lines: Line[] = [[{text: `╭${'─'.repeat(inner)}╮`, style: frame}]];
	for (let row = 0; row < rows - 2; row++) {
		const text = content[row - top];
		const middle = text ? alignLine(clipLine(text, inner - 2), inner, 'center') : [];
		const pad = inner - lineWidth(middle);
		lines.push([{text: '│', style: frame}, ...middle, {text: ' '.repeat(Math.max(0, pad))}, {text: '│', style: frame}]);
	}

	lines.push([{text: `╰${'─'.repeat(inner)}╯`, style: frame}]);
	return lines;
}
