/**
 * Images in a real terminal: pictures as half-block cells in the image's colours,
 * alt text where a file is missing, captions with hyperlinks, at 80x24, 120x40 and 200x50.
 */
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {stopAll} from '../harness/tmux.js';
import {drawnColour, type CellColour} from '../harness/xterm.js';
import {assertBuilt, startPlayer, atPosition, statusRow} from './support.js';

before(assertBuilt);
after(stopAll);

const deck = 'fixtures/images/deck.txt';

/** The rows and columns that hold half-block picture cells. */
function pictureBox(rows: readonly string[]) {
	let top = -1;
	let bottom = -1;
	let left = Number.POSITIVE_INFINITY;
	let right = -1;
	rows.slice(0, -2).forEach((row, y) => {
		const cells = [...row];
		cells.forEach((character, x) => {
			if (character !== '▀' && character !== '▄') return;
			if (top === -1) top = y;
			bottom = y;
			left = Math.min(left, x);
			right = Math.max(right, x);
		});
	});
	return top === -1 ? undefined : {top, bottom, left, right};
}

/** Two pixels a cell: a 2:1 picture is about four times as many columns as rows. */
const keepsShape = (box: ReturnType<typeof pictureBox>) =>
	box !== undefined && Math.abs((box.right - box.left + 1) / ((box.bottom - box.top + 1) * 2) - 2) < 0.3;

const hex = (colour: CellColour) => String(drawnColour(colour));
const rgb = (colour: CellColour) => [1, 3, 5].map(index => Number.parseInt(hex(colour).slice(index, index + 2), 16));
const near = (colour: CellColour, [r, g, b]: number[]) => {
	const [cr, cg, cb] = rgb(colour);
	return Math.abs(cr! - r!) < 40 && Math.abs(cg! - g!) < 40 && Math.abs(cb! - b!) < 40;
};

for (const size of [
	{columns: 80, rows: 24},
	{columns: 120, rows: 40},
	{columns: 200, rows: 50},
]) {
	test(`at ${size.columns}x${size.rows}: a PNG is drawn in its colours, with its caption as a hyperlink`, async () => {
		const screen = await startPlayer(['--start', '2', deck], {size, recordOutput: true});
		try {
			// A large frame reaches tmux in pieces: wait for the whole picture (a 2:1 picture keeps its shape), not its first rows.
			const rows = await screen.waitFor(current => atPosition(statusRow(current), ' 2/10') && keepsShape(pictureBox(current)), {
				what: 'the whole quadrants picture, 2:1',
			});
			const box = pictureBox(rows)!;
			const width = box.right - box.left + 1;
			const height = box.bottom - box.top + 1;
			const cells = await screen.cells();
			const at = (fx: number, fy: number) => cells.cell(Math.round(box.left + fx * (width - 1)), Math.round(box.top + fy * (height - 1)));
			assert.ok(near(at(0.25, 0.25).fg, [255, 0, 0]), `top left red: ${hex(at(0.25, 0.25).fg)}`);
			assert.ok(near(at(0.75, 0.25).fg, [0, 255, 0]), `top right green: ${hex(at(0.75, 0.25).fg)}`);
			assert.ok(near(at(0.25, 0.75).fg, [0, 0, 255]), `bottom left blue: ${hex(at(0.25, 0.75).fg)}`);
			assert.ok(near(at(0.75, 0.75).fg, [255, 255, 0]), `bottom right yellow: ${hex(at(0.75, 0.75).fg)}`);
			assert.ok(
				rows.some(row => row.includes('Four colours in four corners')),
				'the caption under the picture',
			);
			const output = (await screen.output()).toString('utf8');
			assert.match(output, /\u001B\]8;;https:\/\/example\.org\u001B\\/, 'the caption link is a terminal hyperlink');
		} finally {
			await screen.stop();
		}
	});

	test(`at ${size.columns}x${size.rows}: a missing image is a frame with its readable name`, async () => {
		const screen = await startPlayer(['--start', '7', deck], {size});
		try {
			const rows = await screen.waitFor(current => atPosition(statusRow(current), ' 7/10') && current.some(row => row.includes('📷 not here')), {
				what: 'the alt text',
			});
			assert.ok(
				rows.some(row => row.includes('not-here.png')),
				'the file name',
			);
			assert.ok(
				rows.some(row => row.trim().startsWith('╭') && row.trim().endsWith('╮')),
				'a frame',
			);
			assert.ok(
				rows.some(row => row.includes('Missing on purpose')),
				'the caption',
			);
		} finally {
			await screen.stop();
		}
	});
}
