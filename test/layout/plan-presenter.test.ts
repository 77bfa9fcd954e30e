import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseDeck} from '../../source/deck/parse-deck.js';
import type {Line} from '../../source/frame/frame.js';
import {notesScrollLimit, planPresenter} from '../../source/layout/plan-presenter.js';
import {lineWidth} from '../../source/text/wrap.js';

const longNotes = Array.from({length: 40}, (_, index) => `point ${index + 1}`).join('\n\n');
const deck = parseDeck(`#= Hello
Note: # 💪
breathe, **then** speak
---
Second slide
Note: ${longNotes}
---
#= Last
`);
const text = (lines: readonly Line[]) =>
	lines.map(line =>
		line
			.map(segment => segment.text)
			.join('')
			.trimEnd(),
	);
const clock = {elapsedMs: 65_000, slideMs: 5000, now: new Date(2026, 10, 26, 14, 5).getTime()};

test('wide terminals: slide on the left, notes, timers, clock and next slide on the right', () => {
	const lines = planPresenter({slides: deck.slides, index: 0, area: {columns: 120, rows: 30}, layout: {showUrls: true}, clock, scroll: 0});
	const shown = text(lines);
	assert.equal(lines.length, 30);
	assert.ok(lines.every(line => lineWidth(line) <= 120));
	assert.ok(
		shown.every(line => line.length < 73 || line.charAt(73) === '│'),
		'a divider at 60 %',
	);
	const pane = shown.map(line => line.slice(75)).join('\n');
	assert.match(pane, /01:05 talk {2}1\/3 {2}00:05 slide {2}14:05/);
	assert.match(pane, /💪/);
	assert.match(pane, /breathe, then speak/);
	assert.match(pane, /Next: 2 Second slide/);
});

test('narrow terminals stack the pane under the slide', () => {
	const lines = text(planPresenter({slides: deck.slides, index: 0, area: {columns: 80, rows: 22}, layout: {showUrls: true}, clock, scroll: 0}));
	const divider = lines.findIndex(line => /^─{80}$/.test(line));
	assert.ok(divider > 5 && divider < 18, String(divider));
	assert.match(lines.slice(divider).join('\n'), /breathe, then speak/);
});

test('long notes scroll, with a hint of how much is left', () => {
	const area = {columns: 120, rows: 30};
	const limit = notesScrollLimit(deck.slides, 1, area);
	assert.ok(limit > 0);
	const top = text(planPresenter({slides: deck.slides, index: 1, area, layout: {showUrls: true}, clock, scroll: 0})).join('\n');
	assert.match(top, /point 1\b/);
	assert.match(top, /↓ \d+ more lines/);
	const bottom = text(planPresenter({slides: deck.slides, index: 1, area, layout: {showUrls: true}, clock, scroll: limit})).join('\n');
	assert.match(bottom, /point 40/);
	assert.doesNotMatch(bottom, /point 1\b/);
});

test('slides without notes say so quietly; the last slide says it is last', () => {
	const lines = text(planPresenter({slides: deck.slides, index: 2, area: {columns: 120, rows: 30}, layout: {showUrls: true}, clock, scroll: 0})).join('\n');
	assert.match(lines, /No notes for this slide\./);
	assert.match(lines, /Last slide\./);
});

test('the hint of more notes is worded to fit the pane, never cut', () => {
	for (const columns of [100, 80, 60]) {
		const lines = text(planPresenter({slides: deck.slides, index: 1, area: {columns, rows: 30}, layout: {showUrls: true}, clock, scroll: 0}));
		const hint = lines.map(line => /↓ \d+ more[^│]*/.exec(line)?.[0].trimEnd()).find(Boolean);
		assert.ok(hint, `a hint at ${columns} columns`);
		assert.match(hint, /^↓ \d+ more( lines \(d scrolls, u goes back\)| lines \(d, u\))?$/, `${columns} columns: ${hint}`);
	}
});

test('at 80x24 the notes come first: every note of the reference-style fixture that fits the rows shows whole, stacked pane and notes-only view alike', async () => {
	const {readDeck} = await import('../../source/read-deck.js');
	const reference = await readDeck('fixtures/reference-style.txt');
	const area = {columns: 80, rows: 22};
	let whole = 0;
	for (const slide of reference.slides) {
		const paragraphs = slide.notes?.blocks.length ?? 0;
		if (paragraphs === 0 || paragraphs > area.rows - 4) continue;
		for (const paneOnly of [false, true]) {
			const lines = text(planPresenter({slides: reference.slides, index: slide.index, area, layout: {showUrls: true}, clock, scroll: 0, paneOnly}));
			assert.equal(lines.length, area.rows);
			assert.ok(!lines.some(line => line.startsWith('↓ ')), `slide ${slide.index + 1}${paneOnly ? ' (notes only)' : ''}: the notes scroll`);
			assert.equal(notesScrollLimit(reference.slides, slide.index, area, paneOnly), 0);
			for (const block of slide
				.notes!.text.split(/\n\s*\n/)
				.map(part => part.trim())
				.filter(Boolean)) {
				const first = block
					.split('\n')[0]!
					.replace(/^#+\s*/, '')
					.replaceAll(/[*_`]/g, '')
					.slice(0, 30);
				assert.ok(
					lines.some(line => line.includes(first)),
					`slide ${slide.index + 1}: "${first}" is not shown`,
				);
			}
		}

		whole++;
	}

	assert.ok(whole >= 10, `${whole} slides with notes`);
});

test('at 80x24 a short note keeps the slide thumbnail above the pane; a long one makes it go', () => {
	const area = {columns: 80, rows: 22};
	const short = text(planPresenter({slides: deck.slides, index: 0, area, layout: {showUrls: true}, clock, scroll: 0}));
	assert.ok(short.findIndex(line => /talk/.test(line)) >= 5, 'the thumbnail is there');
	const long = text(planPresenter({slides: deck.slides, index: 1, area, layout: {showUrls: true}, clock, scroll: 0}));
	assert.match(long[0]!, /talk/, 'the pane takes the whole area');
});

test('the pace reads "01:35 ahead" or "00:20 behind", never with a sign; a narrow pane keeps N/M and cuts the clock', () => {
	const ahead = text(
		planPresenter({
			slides: deck.slides,
			index: 0,
			area: {columns: 120, rows: 30},
			layout: {showUrls: true},
			clock: {...clock, pace: {behindMs: -95_000}},
			scroll: 0,
		}),
	);
	assert.ok(
		ahead.some(line => /1\/3 {2}01:35 ahead /.test(line)),
		ahead.join('\n'),
	);
	assert.ok(!ahead.some(line => /-\d\d:\d\d ahead/.test(line)));
	const behind = text(
		planPresenter({
			slides: deck.slides,
			index: 0,
			area: {columns: 120, rows: 30},
			layout: {showUrls: true},
			clock: {...clock, pace: {behindMs: 20_000}},
			scroll: 0,
		}),
	);
	assert.ok(behind.some(line => / 00:20 behind /.test(line)));
	const narrow = text(
		planPresenter({
			slides: deck.slides,
			index: 0,
			area: {columns: 24, rows: 20},
			layout: {showUrls: true},
			clock: {...clock, pace: {behindMs: 20_000}},
			scroll: 0,
			paneOnly: true,
		}),
	);
	assert.match(narrow[0]!, /^01:05 talk {2}1\/3/);
});
