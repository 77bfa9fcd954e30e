/**
 * The pixel cells of a frame (block elements: big emoji, pictures in
 * half-blocks, big text's solid blocks) as one PNG picture, two by two pixels
 * a cell, drawn under the rows and stretched to the screen's size without
 * smoothing. A few kilobytes where a span per cell would take hundreds.
 */
import packPng from 'pngjs/lib/packer-sync.js';
import type {Line} from '../../frame/frame.js';
import {parseHex} from '../ansi.js';
import {lineRuns} from '../cells.js';
import {cellColours, type Palette} from '../palette.js';

/** The picture as a `data:` URL, or undefined when the frame has no pixel cells. */
export function pixelLayer(lines: readonly Line[], columns: number, palette: Palette): string | undefined {
	const width = columns * 2;
	const height = lines.length * 2;
	let data: Buffer | undefined;
	const paint = (x: number, y: number, colour: string) => {
		data ??= Buffer.alloc(width * height * 4);
		const [r, g, b] = parseHex(colour);
		const at = (y * width + x) * 4;
		data[at] = r;
		data[at + 1] = g;
		data[at + 2] = b;
		data[at + 3] = 255;
	};

	lines.forEach((line, row) => {
		for (const run of lineRuns(line)) {
			if (run.kind !== 'blocks') continue;
			const {fg, bg} = cellColours(run.style, palette);
			run.masks.forEach((mask, offset) => {
				const column = run.column + offset;
				if (column >= columns) return;
				for (let quarter = 0; quarter < 4; quarter++) {
					const lit = (mask & (8 >> quarter)) !== 0;
					const colour = lit ? fg : bg;
					if (colour) paint(column * 2 + (quarter % 2), row * 2 + (quarter >> 1), colour);
				}
			});
		}
	});

	if (!data) return undefined;
	return `data:image/png;base64,${packPng({width, height, data}, {}).toString('base64')}`;
}
