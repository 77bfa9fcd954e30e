/**
 * Big emoji in a real terminal: each emoji slide shows a coloured picture many rows
 * tall, centered, within the screen, its colours those of the emoji.
 */
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {stopAll} from '../harness/tmux.js';
import {drawnColour} from '../harness/xterm.js';
import {assertBuilt, startPlayer, atPosition, statusRow} from './support.js';

before(assertBuilt);
after(stopAll);

type Box = {top: number; bottom: number; left: number; right: number};

/** The rows and columns that hold half-block picture cells. */
function pictureBox(rows: readonly string[]): Box | undefined {
	let box: Box | undefined;
	rows.slice(0, -2).forEach((row, y) => {
		[...row].forEach((character, x) => {
			if (character !== '▀' && character !== '▄') return;
			box = box
				? {top: Math.min(box.top, y), bottom: Math.max(box.bottom, y), left: Math.min(box.left, x), right: Math.max(box.right, x)}
				: {top: y, bottom: y, left: x, right: x};
		});
	});
	return box;
}

for (const size of [
	{columns: 80, rows: 24},
	{columns: 120, rows: 40},
	{columns: 200, rows: 50},
]) {
	test(`an emoji slide at ${size.columns}x${size.rows} is a big picture in the emoji's colours`, async () => {
		const screen = await startPlayer(['--start', '3', 'fixtures/screen/presenter.txt'], {size});
		try {
			const rows = await screen.waitFor(current => atPosition(statusRow(current), ' 3/5') && pictureBox(current) !== undefined, {what: 'the 🍎 picture'});
			const box = pictureBox(rows)!;
			const height = box.bottom - box.top + 1;
			assert.ok(height >= (size.rows >= 50 ? 30 : size.rows >= 40 ? 26 : 14), `${height} rows tall`);
			assert.ok(box.right < size.columns && box.bottom < size.rows - 2, 'within the slide area');
			const centre = (box.left + box.right) / 2;
			assert.ok(Math.abs(centre - (size.columns - 1) / 2) <= 2, `centered (${centre})`);
			const cells = await screen.cells();
			const y = Math.round((box.top + box.bottom) / 2);
			const x = Math.round(centre);
			const cell = cells.cell(x, y);
			// In its own colours: 24-bit, or the palette entry that is exactly the colour (never one of the 16 a terminal theme sets).
			const drawn = String(drawnColour(cell.fg));
			assert.match(drawn, /^#[\da-f]{6}$/, 'a colour of its own');
			const [r, g, b] = [1, 3, 5].map(index => Number.parseInt(drawn.slice(index, index + 2), 16));
			assert.ok(r! > 150 && g! < 100 && b! < 100, `the apple's middle is red: ${String(cell.fg)}`);
			const corner = cells.cell(box.left, box.top);
			assert.equal(corner.bg, undefined, 'transparent pixels show the terminal background');
		} finally {
			await screen.stop();
		}
	});
}

for (const size of [
	{columns: 80, rows: 24},
	{columns: 120, rows: 40},
	{columns: 200, rows: 50},
]) {
	test(`three stacked emoji at ${size.columns}x${size.rows}: three pictures at least 8 rows tall (side by side when stacking would make them smaller)`, async () => {
		const screen = await startPlayer(['--start', '5', 'fixtures/reference-style.txt'], {size});
		try {
			const rows = await screen.waitFor(current => /^ 5\/\d+(?: |$)/.test(statusRow(current)) && pictureBox(current) !== undefined, {
				what: 'the stacked emoji',
			});
			const box = pictureBox(rows)!;
			assert.ok(box.right < size.columns && box.bottom < size.rows - 2, 'within the slide area');
			// Runs of rows with picture cells: three stacked groups, or one group of three side by side.
			const pictureRows = rows.slice(box.top, box.bottom + 1).map(row => /[▀▄]/.test(row));
			const groups = pictureRows.reduce((count, filled, index) => count + (filled && !pictureRows[index - 1] ? 1 : 0), 0);
			const height = groups === 3 ? (pictureRows.length - 2) / 3 : pictureRows.length;
			if (groups === 1) {
				// Three pictures in the row: blank columns between them.
				const middle = rows[Math.round((box.top + box.bottom) / 2)]!;
				const runs = [...middle.slice(box.left, box.right + 1).matchAll(/[^ ]+(?: [^ ]+)*/g)].length;
				assert.ok(runs >= 3, `three pictures side by side: ${JSON.stringify(middle)}`);
			} else {
				assert.equal(groups, 3);
			}

			assert.ok(height >= 8, `each picture ${height} rows tall (groups: ${groups})`);
		} finally {
			await screen.stop();
		}
	});
}
