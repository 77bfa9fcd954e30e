/**
 * Inline `@ FILE` pictures in a real terminal, at 80x24, 120x40 and 200x50
 * (fixtures/inline/): an SVG under a title drawn by resvg in its colours, a
 * PNG between the words of a text slide, and a broken SVG as its alt text
 * with the reason.
 */
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {stopAll} from '../harness/tmux.js';
import {drawnColour, type CellColour} from '../harness/xterm.js';
import {assertBuilt, atPosition, startPlayer, statusRow} from './support.js';

before(assertBuilt);
after(stopAll);

const deck = 'fixtures/inline/deck.txt';
const isPixel = (character: string) => character === '▀' || character === '▄';
/** The rows (of the slide area) that hold half-block picture cells. */
const pictureRows = (rows: readonly string[]) => rows.slice(0, -2).flatMap((row, y) => ([...row].some(character => isPixel(character)) ? [y] : []));
const near = (colour: CellColour, hex: string) => {
	const channels = (value: string) => [1, 3, 5].map(index => Number.parseInt(value.slice(index, index + 2), 16));
	const actual = channels(String(drawnColour(colour)));
	return channels(hex).every((value, index) => Math.abs(value - actual[index]!) < 40);
};

for (const size of [
	{columns: 80, rows: 24},
	{columns: 120, rows: 40},
	{columns: 200, rows: 50},
]) {
	test(`at ${size.columns}x${size.rows}: an SVG under a title is drawn by resvg, in its colours`, async () => {
		const screen = await startPlayer([deck], {size});
		try {
			const rows = await screen.waitFor(current => atPosition(statusRow(current), ' 1/5') && pictureRows(current).length >= 3, {what: 'the SVG drawn'});
			const drawn = pictureRows(rows);
			assert.ok(rows.findIndex(row => row.includes('drawn in the flow of the slide')) < drawn[0]!, 'under the subtitle');
			const y = drawn[Math.floor(drawn.length / 2)]!;
			const xs = [...rows[y]!].flatMap((character, x) => (isPixel(character) ? [x] : []));
			const cells = await screen.cells();
			const left = cells.cell(xs[Math.floor(xs.length / 4)]!, y);
			const right = cells.cell(xs[Math.floor((xs.length * 3) / 4)]!, y);
			assert.ok(near(left.fg, '#e0109b'), `left half magenta: ${String(left.fg)}`);
			assert.ok(near(right.fg, '#10e060'), `right half green: ${String(right.fg)}`);
			assert.ok(!rows.some(row => row.includes('📷')), 'no alt text');
		} finally {
			await screen.stop();
		}
	});

	test(`at ${size.columns}x${size.rows}: a PNG is drawn between the words of a text slide; a broken SVG shows its alt text`, async () => {
		const screen = await startPlayer(['--start', '3', deck], {size});
		try {
			const rows = await screen.waitFor(current => atPosition(statusRow(current), ' 3/5') && pictureRows(current).length >= 3, {what: 'the inline PNG'});
			const drawn = pictureRows(rows);
			assert.ok(rows.findIndex(row => row.includes('Words first')) < drawn[0]!, 'after the words before it');
			assert.ok(rows.findIndex(row => row.includes('Words after it')) > drawn.at(-1)!, 'before the words after it');
			assert.ok(drawn.length <= Math.max(3, Math.floor(size.rows / 4)), `a sensible height: ${drawn.length} rows`);
			await screen.keys('Right');
			const broken = await screen.waitFor(current => atPosition(statusRow(current), ' 4/5') && current.some(row => row.includes('📷 broken')), {
				what: 'the alt text',
			});
			assert.ok(
				broken.some(row => row.includes('broken.svg')),
				'the file name',
			);
			assert.ok(
				broken.some(row => row.includes('not a readable SVG')),
				'the reason',
			);
			assert.equal(pictureRows(broken).length, 0, 'nothing drawn');
		} finally {
			await screen.stop();
		}
	});
}
