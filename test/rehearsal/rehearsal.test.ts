import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import {finishRehearsal} from '../../source/commands/rehearse.js';
import {parseDeck} from '../../source/deck/parse-deck.js';
import {
	buildReport,
	checkpointOf,
	formatDuration,
	formatReport,
	paceAt,
	pacePlan,
	parseDuration,
	readReport,
	SlideTimes,
} from '../../source/rehearsal/rehearsal.js';
import {needsPager, pagerFor} from '../../source/terminal/page-text.js';
import {cellWidth} from '../../source/text/cell-width.js';

const deck = parseDeck(`#= Intro
Note: hello
---
Middle
Note: ⏰ 01:00
remember the demo
---
#= End
Note: ⏰ 2:30
`);
const folder = mkdtempSync(join(tmpdir(), 'lectern-rehearsal-'));
after(() => {
	rmSync(folder, {recursive: true, force: true});
});

test('checkpoints and durations', () => {
	assert.equal(checkpointOf(deck.slides[0]), undefined);
	assert.equal(checkpointOf(deck.slides[1]), 60_000);
	assert.equal(checkpointOf(deck.slides[2]), 150_000);
	assert.equal(parseDuration('25m'), 1_500_000);
	assert.equal(parseDuration('1h10m'), 4_200_000);
	assert.equal(parseDuration('25:00'), 1_500_000);
	assert.equal(parseDuration('90s'), 90_000);
	assert.equal(parseDuration('20'), 1_200_000);
	assert.equal(parseDuration('soon'), undefined);
	assert.equal(parseDuration('5m later'), undefined);
});

test('durations', () => {
	assert.equal(formatDuration(0), '00:00');
	assert.equal(formatDuration(61_999), '01:01');
	assert.equal(formatDuration(3_600_000 + 62_000), '1:01:02');
});

test('time per slide adds up over visits', () => {
	const times = new SlideTimes(3, 0);
	times.visit(0, 0);
	times.visit(1, 40_000);
	times.visit(0, 50_000);
	times.visit(1, 55_000);
	times.visit(2, 80_000);
	assert.deepEqual(times.snapshot(100_000), {perSlide: [45_000, 35_000, 20_000], totalMs: 100_000});
});

test('pace against checkpoints and the target', () => {
	const plan = pacePlan(deck.slides);
	assert.deepEqual(paceAt(plan, 1, 75_000), {behindMs: 15_000}, 'reached the ⏰ 01:00 slide at 01:15');
	assert.deepEqual(paceAt(plan, 2, 120_000), {behindMs: -30_000});
	assert.equal(pacePlan(parseDeck('a\n---\nb').slides), undefined, 'no plan, no pace');
	assert.equal(paceAt(undefined, 1, 10_000), undefined);
	assert.deepEqual(paceAt(pacePlan(parseDeck('a\n---\nb').slides, 60_000), 1, 40_000), {behindMs: 10_000}, 'half the slides at half the target');
});

test("pace between, on and past the plan's checkpoints", () => {
	const slides = parseDeck(['a', 'b\nNote: ⏰ 01:00', 'c', 'd', 'e\nNote: ⏰ 04:00', 'f'].join('\n---\n')).slides;
	const plan = pacePlan(slides, 6 * 60_000);
	assert.deepEqual(paceAt(plan, 0, 0), {behindMs: 0});
	assert.deepEqual(paceAt(plan, 1, 60_000), {behindMs: 0}, 'on a checkpoint');
	assert.deepEqual(paceAt(plan, 2, 120_000), {behindMs: 0}, 'a third of the way from 01:00 (slide 2) to 04:00 (slide 5)');
	assert.deepEqual(paceAt(plan, 5, 300_000), {behindMs: 0}, 'half way from the last checkpoint to the target');
	assert.deepEqual(paceAt(plan, 9, 400_000), {behindMs: 40_000}, 'past the end: the target');
});

test('the report and its table, with the difference to the last rehearsal', () => {
	const report = buildReport(deck.slides, [45_000, 35_000, 20_000], {deck: 'talk.txt', date: '2026-11-26T12:00:00.000Z', totalMs: 100_000, targetMs: 90_000});
	assert.deepEqual(
		report.slides.map(row => [row.slide, row.title, row.ms, row.cumulativeMs, row.deltaMs]),
		[
			[1, 'Intro', 45_000, 45_000, undefined],
			[2, 'Middle', 35_000, 80_000, -15_000],
			[3, 'End', 20_000, 100_000, -70_000],
		],
	);
	const previous = {...report, totalMs: 110_000, slides: report.slides.map(row => ({...row, ms: row.ms + 5000}))};
	const table = formatReport(report, previous);
	assert.match(table[0]!, /#\s+slide\s+time\s+total\s+⏰ delta\s+vs last/);
	assert.match(table[2]!, /^ {2}2 {2}Middle\s+00:35\s+01:20\s+-00:15\s+-00:05$/);
	assert.equal(table.at(-1), 'Total 01:40, target 01:30 (00:10 over), last rehearsal 01:50 (-00:10)');
});

test('finishing writes the report next to the deck and compares with the last one', () => {
	const file = join(folder, 'talk.txt');
	writeFileSync(file, 'deck');
	const run = (perSlide: number[]) => {
		const times = new SlideTimes(3, 0);
		let at = 0;
		perSlide.forEach((ms, index) => {
			times.visit(index, at);
			at += ms;
		});
		return finishRehearsal(deck, file, times, 150_000, at).lines;
	};

	const first = run([30_000, 30_000, 30_000]);
	assert.ok(first.some(line => line.startsWith('Saved to ')));
	const saved = readReport(readFileSync(`${file}.rehearsal.json`, 'utf8'))!;
	assert.equal(saved.totalMs, 90_000);
	assert.equal(saved.targetMs, 150_000);
	const second = run([20_000, 30_000, 30_000]);
	assert.ok(
		second.some(line => / {2}1 {2}Intro\s+00:20\s+00:20\s+-00:10$/.test(line)),
		second.join('\n'),
	);
	assert.match(second.join('\n'), /last rehearsal 01:30 \(-00:10\)/);
});

test('the table lists only the slides visited, and counts the others', () => {
	const report = buildReport(deck.slides, [30_000, 0, 5000], {deck: 'talk.txt', date: '2026-12-02', totalMs: 35_000});
	const table = formatReport(report);
	assert.equal(table.filter(line => /^ {2}\d {2}.*\d\d:\d\d/.test(line)).length, 2);
	assert.ok(!table.some(line => line.includes('Middle')), 'the slide skipped is not listed');
	assert.ok(table.includes('  1  slide not visited'));
});

test('the table fits the width it is given: the titles are cut, never the times', () => {
	const long = parseDeck('# A title far too long to fit in a narrow terminal window\n---\n# Two\n');
	const report = buildReport(long.slides, [30_000, 5000], {deck: 'talk.txt', date: '2026-12-02', totalMs: 35_000});
	for (const [width, previous] of [
		[80, undefined],
		[60, undefined],
		[56, report],
		[80, report],
	] as const) {
		const table = formatReport(report, previous, width);
		const widest = Math.max(...table.map(line => cellWidth(line)));
		assert.ok(widest <= width, `${width} columns${previous ? ' with the last rehearsal' : ''}: ${widest}`);
		assert.match(table[1]!, /00:30\s+00:30/, 'the times are whole');
	}

	assert.ok(formatReport(report, undefined, 60)[1]!.includes('…'), 'the long title is cut, and says so');
});

test('a report taller than the terminal goes through the pager; PAGER=cat or empty means none', () => {
	const lines = Array.from({length: 30}, (_, index) => String(index));
	assert.equal(needsPager(lines, 24, true), true);
	assert.equal(needsPager(lines, 50, true), false, 'it fits');
	assert.equal(needsPager(lines, 24, false), false, 'not a terminal');
	assert.deepEqual(pagerFor({}), {command: 'less', env: {LESS: 'FRXK'}});
	assert.equal(pagerFor({PAGER: 'most', LESS: 'R'})?.command, 'most');
	assert.equal(pagerFor({PAGER: 'less', LESS: 'R'})?.env['LESS'], 'R', "the user's LESS is kept");
	assert.equal(pagerFor({PAGER: 'cat'}), undefined);
	assert.equal(pagerFor({PAGER: ''}), undefined);
});
