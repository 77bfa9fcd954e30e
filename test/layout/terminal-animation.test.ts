import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Slide} from '../../source/deck/model.js';
import {parseDeck} from '../../source/deck/parse-deck.js';
import {animationFor, characterDelay, scheduleAnimation, sessionChange, viewAt} from '../../source/layout/terminal-animation.js';
import {planSlide} from '../../source/layout/plan-slide.js';

/** Slides 9-12 and 29-34 of the reference talk, as the format writes them. */
const deck = parseDeck(`#= .e[🦄]
---
$$terminal python3.7
$$prompt ~/my_project
.noop[python] manage.py runserver<br>
Watching for file changes with StatReloader<br>
Performing system checks...<br><br>
Starting development server at http:/.noop[/]127.0.0.1:8000/<br>Quit the server with CONTROL-C.<br>
$$w
---
$$terminal python3.7
$$prompt ~/my_project
.red[.noop[python] manage.py runserver]<br>
Watching for file changes with StatReloader<br>
Performing system checks...<br><br>
Starting development server at http:/.noop[/]127.0.0.1:8000/<br>Quit the server with CONTROL-C.<br>
$$w
---
#= WSGI
---
$$terminal bash
$$prompt ~/my_project
$$w ls my_project/
---
$$terminal bash
$$prompt ~/my_project
ls my_project/<br>
init.py<br>settings.py<br>urls.py<br>wsgi.py<br>
$$prompt ~/my_project
$$w
---
$$terminal bash
$$prompt ~/my_project
ls my_project/<br>
init.py<br>settings.py<br>urls.py<br>.red[wsgi.py]<br>
$$prompt ~/my_project
$$w
---
$$terminal bash
$$prompt ~/my_project
ls my_project/<br>
init.py<br>settings.py<br>urls.py<br>wsgi.py<br>
$$prompt ~/my_project
$$w cat wsgi.py
---
$$terminal bash
$$prompt ~/my_project
ls my_project/<br>
init.py<br>settings.py<br>urls.py<br>wsgi.py<br>
$$prompt ~/my_project
cat wsgi.py<br>
import os<br><br>application = get_wsgi_application()<br>
$$prompt ~/my_project
$$w
`);

type TerminalSlide = Extract<Slide, {kind: 'terminal'}>;
const slide = (index: number) => deck.slides[index] as TerminalSlide;
const options = {charactersPerSecond: 25};

test('a highlight-only change plays nothing and retypes nothing', () => {
	assert.deepEqual(sessionChange(slide(1), slide(2)), {kind: 'highlight'});
	assert.deepEqual(sessionChange(slide(5), slide(6)), {kind: 'highlight'});
	assert.equal(animationFor(deck.slides, 1, 2, options), undefined);
});

test('arriving at a `$$w TEXT` slide types exactly TEXT', () => {
	assert.deepEqual(sessionChange(undefined, slide(4)), {kind: 'play', keep: 0, typeLine: 0, typeFrom: 0, appendFrom: 1});
	const animation = animationFor(deck.slides, 3, 4, options)!;
	const typed = animation.steps.map(step => step.partialChars).filter(chars => chars !== undefined);
	assert.deepEqual(
		typed,
		Array.from({length: 'ls my_project/'.length + 1}, (_, index) => index),
	);
});

test('after a typed command, only the new output lines appear, one by one', () => {
	assert.deepEqual(sessionChange(slide(4), slide(5)), {kind: 'play', keep: 1, appendFrom: 1});
	const animation = animationFor(deck.slides, 4, 5, options)!;
	assert.deepEqual(
		animation.steps.map(step => step.visibleLines),
		[1, 2, 3, 4, 5, 6],
	);
	assert.ok(
		animation.steps.every(step => step.partialChars === undefined),
		'nothing is retyped',
	);
	assert.ok(animation.duration <= 6 * 16, 'output prints fast');
});

test('a command typed at the waiting prompt types only the new characters', () => {
	assert.deepEqual(sessionChange(slide(6), slide(7)), {kind: 'play', keep: 5, typeLine: 5, typeFrom: 0, appendFrom: 6});
	const steps = animationFor(deck.slides, 6, 7, options)!.steps;
	assert.equal(steps.at(-1)!.partialChars, 'cat wsgi.py'.length);
	assert.ok(steps.every(step => step.visibleLines === 6));
});

test('a command that was typing completes and its output follows', () => {
	assert.deepEqual(sessionChange(slide(7), slide(8)), {kind: 'play', keep: 6, appendFrom: 6});
	assert.equal(animationFor(deck.slides, 7, 8, options)!.steps.at(-1)!.visibleLines, slide(8).lines.length);
});

test('going backward, jumping, or opening at a slide shows its final state', () => {
	assert.equal(animationFor(deck.slides, 8, 7, options), undefined);
	assert.equal(animationFor(deck.slides, 3, 7, options), undefined);
	assert.equal(animationFor(deck.slides, -1, 7, options), undefined);
});

test('a slide that does not continue the previous screen replaces it at once', () => {
	assert.deepEqual(sessionChange(slide(8), slide(4)), {kind: 'replace'});
	assert.equal(scheduleAnimation({kind: 'replace'}, slide(4), options), undefined);
});

test('typing cadence: about 25 characters a second with bounded jitter and pauses', () => {
	const text = 'python manage.py runserver';
	const delays = Array.from(text, (character, index) => characterDelay(character, index, 25));
	const letters = delays.filter((_, index) => /[a-z]/.test(text[index]!));
	assert.ok(
		letters.every(delay => delay >= 40 * 0.65 - 1 && delay <= 40 * 1.36 + 1),
		String(letters),
	);
	assert.ok(new Set(letters).size > 3, 'varied');
	assert.deepEqual(
		delays,
		Array.from(text, (character, index) => characterDelay(character, index, 25)),
		'deterministic',
	);
	const total = delays.reduce((sum, delay) => sum + delay, 0);
	assert.ok(total > 800 && total < 1600, `${total} ms for ${text.length} characters`);
});

test('views over time end in the final state, which equals print', () => {
	const animation = animationFor(deck.slides, 6, 7, options)!;
	assert.equal(viewAt(animation, 0)!.partialChars, 0);
	assert.equal(viewAt(animation, animation.duration), undefined);
	const size = {columns: 80, rows: 22};
	const middle = viewAt(animation, animation.steps[4]!.at)!;
	const frame = planSlide(deck.slides, 7, size, {showUrls: true, terminal: {cursorOn: true, ...middle}});
	const text = frame.lines.map(line => line.map(segment => segment.text).join(''));
	assert.ok(
		text.some(line => line.includes('~/my_project $ cat █')),
		text.join('\n'),
	);
	const final = planSlide(deck.slides, 7, size, {showUrls: true, terminal: {cursorOn: true}});
	const printed = planSlide(deck.slides, 7, size, {showUrls: true});
	assert.deepEqual(final.lines, printed.lines);
});
