/**
 * The question asked before running code without --run-code: it names the
 * language and the command, and quotes the block's first line, neutralised
 * and short enough for a status bar.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {firstLine, runQuestion, runnerFor} from '../../source/code/runners.js';

test('one block: its language, its command and its first line', () => {
	assert.equal(runQuestion([{language: 'python', lines: ['', 'print("hi")', 'x = 1']}]), 'Run this python block (python3)? y/n · print("hi")');
	assert.equal(runQuestion([{language: 'js', lines: ['console.log(1)']}]), 'Run this js block (node)? y/n · console.log(1)');
});

test('several blocks: how many, their languages and commands, the first one quoted', () => {
	assert.equal(
		runQuestion([
			{language: 'sh', lines: ['ls']},
			{language: 'python', lines: ['pass']},
		]),
		'Run 2 sh and python blocks (sh, python3)? y/n · ls',
	);
});

test("a block's first line never carries an escape sequence and is cut to fit", () => {
	const line = firstLine(['printf "\u001B]0;owned\u0007\u001B[2J"']);
	assert.ok(!line.includes('\u001B') && !line.includes('\u0007'), JSON.stringify(line));
	const long = firstLine(['x'.repeat(200)]);
	assert.equal(Array.from(long).length, 48);
	assert.ok(long.endsWith('…'));
});

test('a language lectern cannot run is named as it is', () => {
	assert.equal(runnerFor('rust', 'fn main() {}'), undefined);
	assert.equal(runQuestion([{language: 'rust', lines: ['fn main() {}']}]), 'Run this rust block (rust)? y/n · fn main() {}');
});
