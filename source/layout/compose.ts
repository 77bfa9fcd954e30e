/**
 * Putting lines on the slide area: margins, centering, and the overflow mark.
 */
import type {Line, Size} from '../frame/frame.js';
import {alignLine, clipLine, lineWidth, spaces} from '../text/wrap.js';
import {largest} from '../frame/lists.js';
import {isCut, slideLineCap} from './plan-blocks.js';
import {thousands} from '../text/thousands.js';

/** The area inside the slide's margins. */
export function contentBox(size: Size): Size & {left: number; top: number} {
	const left = size.columns >= 60 ? 4 : size.columns >= 30 ? 2 : 0;
	const top = size.rows >= 16 ? 1 : 0;
	return {columns: Math.max(1, size.columns - 2 * left), rows: Math.max(1, size.rows - 2 * top), left, top};
}

/** Centers each line on its own. */
export function centerEach(lines: readonly Line[], columns: number): Line[] {
	return lines.map(line => alignLine(line, columns, 'center'));
}

/** Centers the block as a whole (as one `width` cells wide, when given); its lines stay left-aligned to each other. */
export function centerBlock(lines: readonly Line[], columns: number, blockWidth?: number): Line[] {
	const width = Math.min(
		columns,
		blockWidth ??
			largest(
				lines.map(line => lineWidth(line)),
				0,
			),
	);
	const left = Math.floor((columns - width) / 2);
	return lines.map(line => (left > 0 && line.length > 0 ? [spaces(left), ...clipLine(line, columns - left)] : clipLine(line, columns)));
}

/**
 * Exactly `rows` lines: the content centered vertically (or from the top), or,
 * when it is too tall, its first lines and a last line saying how many more.
 */
export function fitRows(lines: readonly Line[], rows: number, columns: number, align: 'center' | 'top' = 'center'): Line[] {
	if (rows <= 0) return [];
	let content = [...lines];
	if (content.length > rows) {
		const hidden = content.length - rows + 1;
		const text = isCut(content)
			? `… over ${thousands(hidden - 1)} more lines (cut at ${thousands(slideLineCap)})`
			: `… ${hidden} more line${hidden === 1 ? '' : 's'}`;
		const more: Line = alignLine([{text, style: {fg: 'muted', italic: true}}], columns, 'center');
		content = rows > 1 ? [...content.slice(0, rows - 1), more] : [more];
	}

	const free = rows - content.length;
	const above = align === 'center' ? Math.floor(free / 2) : 0;
	return [...Array.from({length: above}, () => []), ...content, ...Array.from({length: free - above}, () => [])];
}

/** Places content lines into a full area with the given margins. */
export function placeInArea(lines: readonly Line[], size: Size, box: {left: number; top: number; rows: number}): Line[] {
	const margin = box.left > 0 ? spaces(box.left) : undefined;
	const body = lines.map(line => (margin && line.length > 0 ? [margin, ...line] : [...line]));
	const out: Line[] = [...Array.from({length: box.top}, () => []), ...body];
	while (out.length < size.rows) out.push([]);
	return out.slice(0, size.rows).map(line => clipLine(line, size.columns));
}
