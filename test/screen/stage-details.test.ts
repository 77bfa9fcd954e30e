/**
 * Small things on stage (#15, point 10) in a real terminal at 80x24, 120x40 and 200x50:
 * a comma in a big title reads as a comma (not as a full stop), and a terminal window
 * taller than the screen keeps its highlighted line in view.
 */
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {stopAll} from '../harness/tmux.js';
import {assertBuilt, atPosition, startPlayer, statusRow} from './support.js';

before(assertBuilt);
after(stopAll);

const sizes = [
	{columns: 80, rows: 24},
	{columns: 120, rows: 40},
	{columns: 200, rows: 50},
];

/** The slide area's rows with big-text ink (blocks, or ANSI Shadow's box lines). */
const inkRows = (rows: readonly string[]) => rows.slice(0, -2).flatMap((row, y) => (/[█▀▄▌▐▖▗▘▝▙▚▛▜▞▟╔╗╚╝═║]/.test(row) ? [y] : []));

async function slideRows(
	start: number,
	size: {columns: number; rows: number},
	deck: string,
	total: number,
	ready: (rows: string[]) => boolean,
): Promise<string[]> {
	const screen = await startPlayer(['--start', String(start), deck], {size});
	try {
		return await screen.waitFor(current => atPosition(statusRow(current), ` ${start}/${total}`) && ready(current), {what: `slide ${start}`});
	} finally {
		await screen.stop();
	}
}

for (const size of sizes) {
	test(`${size.columns}x${size.rows}: "DEPLOYMENT," and "DEPLOYMENT." are told apart; in the ANSI fonts the comma's tail goes below the letters`, async () => {
		const comma = await slideRows(1, size, 'fixtures/comma.txt', 2, rows => inkRows(rows).length >= 4);
		const stop = await slideRows(2, size, 'fixtures/comma.txt', 2, rows => inkRows(rows).length >= 4);
		const ink = (rows: string[]) => inkRows(rows).map(y => rows[y]!.trimEnd());
		assert.notDeepEqual(ink(comma), ink(stop), 'the two titles differ');
		if (comma.some(row => row.includes('╗'))) {
			// ANSI Shadow: one row more, the tail's, under the last letter.
			assert.equal(inkRows(comma).length, inkRows(stop).length + 1, `the comma's tail:\n${ink(comma).join('\n')}`);
		}
	});

	test(`${size.columns}x${size.rows}: a terminal window taller than the screen keeps the highlighted command in view`, async () => {
		const rows = await slideRows(2, size, 'fixtures/tall-terminal.txt', 3, current => current.some(row => row.includes('Log line')));
		const command = rows.findIndex(row => row.includes('kettle --boil'));
		assert.notEqual(command, -1, `the highlighted command is on the screen:\n${rows.join('\n')}`);
		assert.ok(
			rows.some(row => row.includes('Log line 01')),
			'with the log under it',
		);
	});
}
