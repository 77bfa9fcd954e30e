import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseDeck} from '../../source/deck/parse-deck.js';
import {overviewShape, planOverview} from '../../source/layout/plan-overview.js';
import {buildReport} from '../../source/rehearsal/rehearsal.js';
import {stableText} from '../../source/text/stable-width.js';
import {lineWidth} from '../../source/text/wrap.js';

const text = (line: ReadonlyArray<{text: string}>) => line.map(segment => segment.text).join('');

test('overview titles too long for their cell end in "…"; short ones stay whole', () => {
	const deck = parseDeck('# What is deployment, anyway? A very long title indeed\n---\n# Short\n');
	const lines = planOverview(deck.slides, 0, 1, {columns: 60, rows: 3}); // One row: two columns of 30.
	const grid = text(lines[2]!);
	assert.match(grid, /What is deployment, an…/);
	assert.match(grid, /Short/);
	for (const line of lines) assert.ok(lineWidth(line) <= 60);
});

test('the overview reads top to bottom in talk order, column after column, using the rows it needs', () => {
	const deck = parseDeck(Array.from({length: 12}, (_, index) => `# Slide ${index + 1}`).join('\n---\n'));
	const box = {columns: 90, rows: 6};
	const lines = planOverview(deck.slides, 0, 0, box);
	const grid = lines.slice(2).map(line => text(line));
	assert.deepEqual(overviewShape(12, box), {columns: 3, rows: 4, page: 12}, 'three columns of 30, four rows');
	assert.deepEqual(
		overviewShape(12, {columns: 90, rows: 20}),
		{columns: 1, rows: 12, page: 12},
		'room for all in one column: one, its cells as wide as the screen',
	);
	assert.equal(grid.length, 4);
	assert.match(grid[0]!, /^ {2}1 ¶ Slide 1\s+5 ¶ Slide 5\s+9 ¶ Slide 9\s*$/);
	assert.match(grid[3]!, /^ {2}4 ¶ Slide 4\s+8 ¶ Slide 8\s+12 ¶ Slide 12\s*$/);
});

test('a deck longer than a screenful is paged, the page with the cursor shown', () => {
	const deck = parseDeck(Array.from({length: 50}, (_, index) => `# Slide ${index + 1}`).join('\n---\n'));
	const box = {columns: 60, rows: 12};
	assert.deepEqual(overviewShape(50, box), {columns: 2, rows: 10, page: 20});
	const second = planOverview(deck.slides, 0, 25, box).map(line => text(line));
	assert.match(second[0]!, /page 2\/3/);
	assert.match(second[2]!, /^ 21 ¶ Slide 21\s+31 ¶ Slide 31/);
});

test('emoji slides are told apart by their notes; blank and untitled slides are named as the rehearsal report names them', () => {
	const deck = parseDeck(
		'#= .e[👩🏻‍🔧]\nNote: for the last 8 years, on and off, I worked as a\n---\n#= .e[👩🏼‍💻]\nNote: now I am a developer advocate\n---\n\n---\n#= .e[👋]\n',
	);
	const lines = planOverview(deck.slides, 0, 3, {columns: 200, rows: 20})
		.slice(2)
		.map(line => text(line));
	assert.equal(lines.length, 4, 'one column, top to bottom');
	const cells = lines.join('\n');
	assert.match(cells, /👩 · for the last 8 years, on…/);
	assert.match(cells, /now I am a developer advocate/);
	const report = buildReport(deck.slides, [1000, 1000, 1000, 1000], {deck: 'talk.txt', date: '2026-12-02', totalMs: 4000});
	for (const row of report.slides)
		assert.ok(cells.includes(stableText(row.title).slice(0, 20)), `the overview names slide ${row.slide} as the report does: ${row.title}`);
	assert.ok(report.slides.some(row => row.title === '(blank)'));
});
