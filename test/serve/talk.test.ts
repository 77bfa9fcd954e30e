import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseDeck} from '../../source/deck/parse-deck.js';
import {animationFor, viewAt} from '../../source/layout/terminal-animation.js';
import {blinkMs, openingTalk, talkViewAt, validTalk, type Talk} from '../../source/serve/talk.js';

const deck = parseDeck(`#= Title
---
$$terminal bash
$$prompt ~/talk
$$w echo typed
---
#= After
`);
const slides = deck.slides;
const motion = {charactersPerSecond: 25};
const arrived = (since: number, overrides: Partial<Talk> = {}): Talk => ({index: 1, from: 0, moves: 1, since, finished: false, blackout: false, ...overrides});

test('a follower types a terminal slide in step with the presenter: the same schedule from the same start', () => {
	const animation = animationFor(slides, 0, 1, motion)!;
	assert.ok(animation.steps.length > 3);
	for (const step of animation.steps) {
		const view = talkViewAt(arrived(10_000), slides, motion, 10_000 + step.at);
		const expected = viewAt(animation, step.at)!;
		assert.equal(view.terminal.partialChars, expected.partialChars);
		assert.equal(view.terminal.visibleLines, expected.visibleLines);
		assert.ok(view.nextAt! > 10_000 + step.at, 'wakes up for the next step');
	}

	// A viewer who connects late joins mid-typing, not at the start.
	const late = talkViewAt(arrived(10_000), slides, motion, 10_000 + animation.steps[4]!.at);
	assert.equal(late.terminal.partialChars, viewAt(animation, animation.steps[4]!.at)!.partialChars);
});

test('after the typing the cursor blinks; a presenter who cut it short shows the final state', () => {
	const animation = animationFor(slides, 0, 1, motion)!;
	const end = 10_000 + animation.duration;
	const lit = talkViewAt(arrived(10_000), slides, motion, end + 1);
	assert.deepEqual(lit.terminal, {cursorOn: true});
	assert.equal(lit.nextAt, end + blinkMs);
	assert.equal(talkViewAt(arrived(10_000), slides, motion, end + blinkMs + 1).terminal.cursorOn, false);
	const cut = talkViewAt(arrived(10_000, {finished: true}), slides, motion, 10_001);
	assert.equal(cut.terminal.partialChars, undefined, 'final state at once');
	assert.equal(talkViewAt(arrived(10_000), slides, undefined, 10_001).nextAt, undefined, 'no motion: nothing moves');
});

test('views are named by what they show', () => {
	const a = talkViewAt(openingTalk(0, 0), slides, motion, 5);
	const b = talkViewAt(openingTalk(0, 0), slides, motion, 50_000);
	assert.equal(a.key, b.key, 'a title slide does not change with time');
	assert.equal(a.nextAt, undefined);
	assert.notEqual(talkViewAt({...openingTalk(0, 0), blackout: true}, slides, motion, 5).key, a.key);
});

test('only a well-formed talk crosses between threads', () => {
	assert.ok(validTalk(arrived(1)));
	assert.ok(!validTalk({...arrived(1), index: -1}));
	assert.ok(!validTalk({...arrived(1), since: Number.NaN}));
	assert.ok(!validTalk({...arrived(1), blackout: 'yes'}));
	assert.ok(!validTalk(undefined));
});
