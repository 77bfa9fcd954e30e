/**
 * The overview in a real terminal, at 80x24, 120x40 and 200x50, on the reference-style
 * fixture: it reads top to bottom in talk order, uses the screen's rows, names
 * emoji slides by the first words of their notes, and Down then Enter opens
 * the next slide.
 */
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {stopAll} from '../harness/tmux.js';
import {assertBuilt, atPosition, startPlayer, statusRow} from './support.js';

before(assertBuilt);
after(stopAll);

const deck = 'fixtures/reference-style.txt';

// 23 slides: in two columns of 12 where 21 rows are free, in one column of 23 at 200x50.
for (const [size, columns] of [
	[{columns: 80, rows: 24}, 2],
	[{columns: 120, rows: 40}, 1],
	[{columns: 200, rows: 50}, 1],
] as const) {
	test(`at ${size.columns}x${size.rows}: the overview reads top to bottom in talk order and tells emoji slides apart`, async () => {
		const screen = await startPlayer([deck], {size});
		try {
			await screen.waitFor(current => atPosition(statusRow(current), ' 1/23'), {what: 'slide 1'});
			await screen.keys('o');
			// The whole grid, not a frame half drawn.
			const rows = await screen.waitFor(current => (current[0] ?? '').startsWith('Overview') && current.some(row => row.includes('23 T Thanks!')), {
				what: 'the overview',
			});
			const grid = rows.slice(2, -2).filter(row => /^\s*\d+ /.test(row));
			const firstColumn = grid.map(row => Number(/^\s*(\d+) /.exec(row)?.[1]));
			assert.deepEqual(
				firstColumn,
				firstColumn.map((_, index) => index + 1),
				'the first column is slides 1, 2, 3… from the top',
			);
			assert.equal(grid.length, Math.ceil(23 / columns), `${columns} column(s), the rows of the screen used`);
			if (columns > 1) assert.match(grid[0]!, /\s13 I teapot logos/, 'the second column goes on where the first ends');

			assert.ok(
				rows.some(row => row.includes('· for the last ten years')),
				'the 👩🏽‍🍳 slide named by its notes',
			);
			await screen.keys('Down');
			await screen.keys('Enter');
			await screen.waitFor(current => atPosition(statusRow(current), ' 2/23'), {what: 'slide 2, opened from the overview'});
		} finally {
			await screen.stop();
		}
	});
}
