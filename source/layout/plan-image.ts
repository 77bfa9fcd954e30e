/**
 * Image slides where the picture cannot be drawn: a framed placeholder of the
 * size the image would take, with a picture mark, a readable name and the file
 * name, and the slide's text and caption under it.
 */
import type {Block, Image} from '../deck/model.js';
import {readableImageName} from '../deck/slide-title.js';
import {centerEach} from './compose.js';
import type {Line, Size, Style} from './frame.js';
import {inlineImageLine, planBlocks, type BlockOptions} from './plan-blocks.js';
import {alignLine, clipLine, lineWidth, wrapLine} from './wrap.js';

const frame: Style = {fg: 'frame'};

export function planImage(image: Image, body: readonly Block[], box: Size, options: BlockOptions): Line[] {
	let below = planBlocks(body, box.columns, options);
	if (below.length > box.rows / 3) below = planBlocks(body, box.columns, {...options, compact: true});
	const gap = below.length > 0 ? 1 : 0;
	const available = {columns: box.columns, rows: Math.max(1, box.rows - below.length - gap)};

	if (image.mode === 'inline' || available.rows < 3 || available.columns < 8) {
		return centerEach([...wrapLine(inlineImageLine(image), box.columns), ...(gap ? [[]] : []), ...below], box.columns);
	}

	const {columns, rows} = placeholderSize(image, available);
	const lines = [...altBox(image, columns, rows), ...(gap ? [[]] : []), ...below];
	return centerEach(lines, box.columns);
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

function altBox(image: Image, columns: number, rows: number): Line[] {
	const inner = columns - 2;
	const name = readableImageName(image.src);
	const label: Line[] = [
		[{text: '📷 ', style: {fg: 'muted'}}, {text: name, style: {bold: true}}],
		[{text: image.src, style: {dim: true}}],
	];
	const content = rows - 2 >= 3 ? [label[0]!, [], label[1]!] : label.slice(0, Math.max(1, rows - 2));
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
