/**
 * Terminal windows taller than the screen (#15, point 10): the window keeps the line
 * that matters in view (the highlighted line, the line being typed), not only the
 * bottom part of the session.
 */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {parseDeck} from '../../source/deck/parse-deck.js';
import {planTerminal} from '../../source/layout/plan-terminal.js';
import type {Line} from '../../source/frame/frame.js';

const text = (line: Line) => line.map(segment => segment.text).join('');
const deck = parseDeck(readFileSync('fixtures/tall-terminal.txt', 'utf8'));
const sizes = [
	{columns: 80, rows: 24},
	{columns: 120, rows: 40},
	{columns: 200, rows: 50},
	{columns: 60, rows: 20},
	{columns: 40, rows: 9},
];

describe('a terminal window taller than the screen', () => {
	for (const size of sizes) {
		it(`${size.columns}x${size.rows}: the highlighted command at the top of a long log stays in view, with the log after it`, () => {
			const lines = planTerminal(deck.slides, 1, size, {cursorOn: true}).map(line => text(line));
			assert.ok(lines.length <= size.rows);
			const command = lines.findIndex(line => line.includes('kettle --boil'));
			assert.notEqual(command, -1, `the highlighted command is on the screen:\n${lines.join('\n')}`);
			assert.ok(
				lines.some(line => line.includes('Log line 01')),
				'the log starts under it',
			);
		});

		it(`${size.columns}x${size.rows}: the line being typed is in view while it types, and the bottom shows once played without a highlight`, () => {
			const typing = planTerminal(deck.slides, 2, size, {cursorOn: true, visibleLines: 33, partialChars: 3}).map(line => text(line));
			assert.ok(
				typing.some(line => line.includes('ste█')),
				`the line being typed:\n${typing.join('\n')}`,
			);
			const played = planTerminal(deck.slides, 2, size, {cursorOn: true}).map(line => text(line));
			assert.ok(played.some(line => line.includes('steep --minutes 4')));
			assert.ok(played.some(line => line.includes('Log line 30')));
		});
	}

	it('a session that fits shows all of it', () => {
		const lines = planTerminal(deck.slides, 1, {columns: 80, rows: 60}, {cursorOn: true}).map(line => text(line));
		for (const wanted of ['kettle --boil', 'Log line 01', 'Log line 30'])
			assert.ok(
				lines.some(line => line.includes(wanted)),
				wanted,
			);
	});
});
