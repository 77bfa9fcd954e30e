import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseDeck} from '../../source/deck/parse-deck.js';
import {planPresenter} from '../../source/layout/plan-presenter.js';
import {planScreen} from '../../source/layout/plan-screen.js';
import {planQuietStatus, planStatus} from '../../source/layout/plan-status.js';
import {initialState} from '../../source/navigation/navigation.js';

const deck = parseDeck('#= One\nNote: a note\n---\n# Two\n');
const text = (line: readonly {text: string}[]) => line.map(segment => segment.text).join('');

test('while serving, the status bar and the notes pane say how many watch', () => {
	const status = text(planStatus({slides: deck.slides, index: 0, columns: 80, viewers: 3}));
	assert.match(status, /3 watching {2}\? help $/);
	assert.doesNotMatch(text(planStatus({slides: deck.slides, index: 0, columns: 80})), /watching/);
	const pane = planPresenter({
		slides: deck.slides,
		index: 0,
		area: {columns: 200, rows: 20},
		layout: {showUrls: true},
		clock: {elapsedMs: 0, slideMs: 0, now: 0},
		scroll: 0,
		viewers: 12,
	});
	assert.ok(pane.some(line => /1\/2 .*12 watching/.test(text(line))));
});

test("a viewer's status bar shows their keys instead of ? help", () => {
	const status = text(planStatus({slides: deck.slides, index: 1, columns: 60, hint: 'q leaves'}));
	assert.match(status, /^ 2\/2 .* q leaves $/);
	assert.equal(status.length, 60);
});

test('the audience sees a dim counter without a bar; a notice for the speaker and the draft mark stay off the projector', () => {
	const drafts = parseDeck('# One\n---\n#! Draft\n').slides;
	const quiet = planQuietStatus({slides: drafts, index: 1, columns: 80, counter: true, notice: {text: 'mojibake repaired', tone: 'info', speaker: true}});
	assert.equal(text(quiet), ' 2/2 ');
	assert.ok(quiet.every(segment => segment.style?.bg === undefined && segment.style?.fg === 'muted'));
	assert.equal(text(planQuietStatus({slides: drafts, index: 1, columns: 80, counter: false})), '');
	assert.equal(
		text(planQuietStatus({slides: drafts, index: 1, columns: 80, counter: false, notice: {text: 'no match for "x"', tone: 'error'}})),
		' no match for "x" ',
		'what the keyboard asked for still shows',
	);
	assert.equal(text(planQuietStatus({slides: drafts, index: 0, columns: 80, counter: true, right: 'go to 2'})), ' 1/2  go to 2 ');
});

test('planScreen: the quiet bar for the audience, the full one in the presenter view, the notes-only view and for a remote viewer', () => {
	const nav = {...initialState(2, 0), notice: {text: 'mojibake repaired', tone: 'info' as const, speaker: true}};
	const last = (lines: readonly (readonly {text: string}[])[]) => text(lines.at(-1)!);
	const size = {columns: 100, rows: 20};
	const layout = {showUrls: true};
	assert.equal(last(planScreen({slides: deck.slides, nav, size, layout})), ' 1/2 ');
	assert.equal(last(planScreen({slides: deck.slides, nav: {...nav, counter: false}, size, layout})), '');
	assert.match(last(planScreen({slides: deck.slides, nav: {...nav, presenter: true}, size, layout})), /^ 1\/2  One +mojibake repaired {2}\? help $/);
	assert.match(last(planScreen({slides: deck.slides, nav, size, layout, paneOnly: true})), /mojibake repaired/);
	assert.match(last(planScreen({slides: deck.slides, nav, size, layout, hint: 'q leaves'})), /q leaves $/);
});
