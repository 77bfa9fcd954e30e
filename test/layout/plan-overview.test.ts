import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseDeck} from '../../source/deck/parse-deck.js';
import {planOverview} from '../../source/layout/plan-overview.js';
import {lineWidth} from '../../source/text/wrap.js';

const text = (line: ReadonlyArray<{text: string}>) => line.map(segment => segment.text).join('');

test('overview titles too long for their cell end in "…"; short ones stay whole', () => {
	const deck = parseDeck('# What is deployment, anyway? A very long title indeed\n---\n# Short\n');
	const lines = planOverview(deck.slides, 0, 1, {columns: 60, rows: 10});
	const grid = text(lines[2]!);
	assert.match(grid, /What is deployment, an…/);
	assert.match(grid, /Short/);
	for (const line of lines) assert.ok(lineWidth(line) <= 60);
});
