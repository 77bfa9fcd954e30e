import assert from 'node:assert/strict';
import {test} from 'node:test';
import {codeAttributes} from '../../source/deck/code-attributes.js';
import {loadDeck} from '../../source/deck/load-deck.js';
import type {Block, Deck} from '../../source/deck/model.js';
import {slideBlocks} from '../../source/deck/slide-blocks.js';
import {planCode} from '../../source/layout/plan-code.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const codeOf = (deck: Deck, slide: number) => slideBlocks(deck.slides[slide]!).find(block => block.type === 'code') as Extract<Block, {type: 'code'}>;

test('attributes: line numbers, ranges (all, lists, out of range), live code', () => {
	assert.deepEqual(codeAttributes('+line_numbers {1-2|4,6|all}', 6), {lineNumbers: true, steps: [[0, 1], [3, 5], undefined]});
	assert.deepEqual(codeAttributes('{2-99}', 3), {lineNumbers: false, steps: [[1, 2]]});
	assert.deepEqual(codeAttributes('+exec', 1), {lineNumbers: false, run: 'exec'});
	assert.deepEqual(codeAttributes('+exec_replace', 1).run, 'exec_replace');
	assert.deepEqual(codeAttributes('+pty', 1).run, 'pty');
	assert.deepEqual(codeAttributes('', 3), {lineNumbers: false});
});

test('each range of {1-2|3|all} is a step of its own, with a pause before it counted in', () => {
	const deck = loadDeck(bytes('Intro\n\n<!-- pause -->\n\n```python {1-2|3|all}\na = 1\nb = 2\nc = a + b\n```\n\n<!-- end_slide -->\n\nNext\n'), {
		format: 'presenterm',
	});
	const steps = deck.slides.filter(slide => slide.step).map(slide => [slide.step!.index, slide.step!.of]);
	assert.deepEqual(steps, [
		[1, 4],
		[2, 4],
		[3, 4],
		[4, 4],
	]);
	assert.equal(codeOf(deck, 0), undefined);
	assert.deepEqual(codeOf(deck, 1).code.focus, [0, 1]);
	assert.deepEqual(codeOf(deck, 2).code.focus, [2]);
	assert.equal(codeOf(deck, 3).code.focus, undefined);
	assert.deepEqual(
		deck.slides.map(slide => slide.index),
		[0, 1, 2, 3, 4],
	);
});

test('a single range is a fixed highlight, not a step', () => {
	const deck = loadDeck(bytes('# One\n\n```rust {2}\nfn a() {}\nfn b() {}\n```\n'), {format: 'markdown'});
	assert.equal(deck.slides.length, 1);
	assert.deepEqual(codeOf(deck, 0).code.focus, [1]);
});

test("remark's leading * marks a line, and the * goes (its space kept as two)", () => {
	const deck = loadDeck(bytes('class: center\n\n```js\nlet a = 1;\n* let b = 2;\n*let c = 3;\n```\n'), {format: 'remark'});
	const code = codeOf(deck, 0).code;
	assert.deepEqual(code.lines, ['let a = 1;', '  let b = 2;', 'let c = 3;']);
	assert.deepEqual(code.marked, [1, 2]);
	const markdown = loadDeck(bytes('# x\n\n```js\n* not marked\n```\n'), {format: 'markdown'});
	assert.deepEqual(codeOf(markdown, 0).code.lines, ['* not marked']);
});

test('the panel: marked lines on their own background, lines outside the step dimmed, the rest not', () => {
	const rows = planCode({language: 'js', attributes: '', lines: ['a', 'b', 'c'], marked: [1], focus: [0, 1]}, 40);
	assert.equal(rows.length, 5, 'a padding row above and below');
	const style = (row: number) => rows[row]!.find(segment => segment.text.trim() !== '')!.style;
	assert.equal(style(1)?.bg, 'codeBg');
	assert.equal(style(2)?.bg, 'codeMark');
	assert.equal(style(3)?.dim, true);
	assert.equal(style(1)?.dim, undefined);
	assert.ok(
		rows.every(row => row.reduce((width, segment) => width + segment.text.length, 0) === 3),
		'fitted: one column each side of the longest line',
	);
});
