import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseDeck} from '../../source/deck/parse-deck.js';
import {planPresenter} from '../../source/layout/plan-presenter.js';
import {planStatus} from '../../source/layout/plan-status.js';

const deck = parseDeck('#= One\nNote: a note\n---\n# Two\n');
const text = (line: readonly {text: string}[]) => line.map(segment => segment.text).join('');

test('while serving, the status bar and the notes pane say how many watch', () => {
	const status = text(planStatus({slides: deck.slides, index: 0, columns: 80, viewers: 3}));
	assert.match(status, /3 watching {2}\? help $/);
	assert.doesNotMatch(text(planStatus({slides: deck.slides, index: 0, columns: 80})), /watching/);
	const pane = planPresenter({slides: deck.slides, index: 0, area: {columns: 200, rows: 20}, layout: {showUrls: true}, clock: {elapsedMs: 0, slideMs: 0, now: 0}, scroll: 0, viewers: 12});
	assert.ok(pane.some(line => text(line).includes('1/2  12 watching')));
});

test('a viewer\'s status bar shows their keys instead of ? help', () => {
	const status = text(planStatus({slides: deck.slides, index: 1, columns: 60, hint: 'q leaves'}));
	assert.match(status, /^ 2\/2 .* q leaves $/);
	assert.equal(status.length, 60);
});
