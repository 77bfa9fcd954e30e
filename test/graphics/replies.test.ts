import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {ReplySplitter} from '../../source/graphics/replies.js';

const kittyOk = '\u001B_Gi=31;OK\u001B\\';
const attributes = '\u001B[?62;22c';
const version = '\u001BP>|kitty(0.35.2)\u001B\\';
const cell = '\u001B[6;20;10t';

describe('answers and keys', () => {
	it('answers are taken out, keys stay in order around them', () => {
		const split = new ReplySplitter().push(`j${kittyOk}k${version}${cell}\u001B[C${attributes}q`);
		assert.equal(split.keys, 'jk\u001B[Cq');
		assert.deepEqual(split.replies, [
			{kind: 'kitty', id: 31, ok: true, message: 'OK'},
			{kind: 'version', text: 'kitty(0.35.2)'},
			{kind: 'cell-pixels', width: 10, height: 20},
			{kind: 'attributes'},
		]);
		assert.equal(split.holding, false);
	});

	it('an error answer of kitty, and the text area in pixels', () => {
		const split = new ReplySplitter().push('\u001B_Gi=7,p=2;ENOENT:no such image\u001B\\\u001B[4;800;1200t');
		assert.deepEqual(split.replies, [
			{kind: 'kitty', id: 7, ok: false, message: 'ENOENT:no such image'},
			{kind: 'window-pixels', width: 1200, height: 800},
		]);
	});

	it('keys that look alike stay keys: Ctrl-PgDn, PgDn, arrows, Meta-P, Meta-_', () => {
		const keys = '\u001B[6;5~\u001B[6~\u001B[A\u001BPx\u001B_x\u001B[1;5C';
		const split = new ReplySplitter().push(keys);
		assert.equal(split.keys, keys);
		assert.deepEqual(split.replies, []);
	});

	it('an answer cut in two is held until the rest comes', () => {
		const splitter = new ReplySplitter();
		const first = splitter.push(`a\u001B_Gi=31;O`);
		assert.equal(first.keys, 'a');
		assert.equal(first.holding, true);
		const second = splitter.push(`K\u001B\\b\u001B[?6`);
		assert.equal(second.keys, 'b');
		assert.deepEqual(second.replies, [{kind: 'kitty', id: 31, ok: true, message: 'OK'}]);
		assert.equal(second.holding, true);
		const third = splitter.push('2c');
		assert.deepEqual(third, {keys: '', replies: [{kind: 'attributes'}], holding: false});
	});

	it('a held start that never turns into an answer goes on as keys', () => {
		const splitter = new ReplySplitter();
		assert.deepEqual(splitter.push('\u001BP'), {keys: '', replies: [], holding: true});
		assert.equal(splitter.flush(), '\u001BP');
		assert.equal(splitter.flush(), '');
	});

	it('a lone Esc is the Esc key, unless an answer is due', () => {
		assert.deepEqual(new ReplySplitter().push('\u001B'), {keys: '\u001B', replies: [], holding: false});
		const splitter = new ReplySplitter();
		assert.deepEqual(splitter.push('\u001B', true), {keys: '', replies: [], holding: true});
		assert.deepEqual(splitter.push('[?1;2c'), {keys: '', replies: [{kind: 'attributes'}], holding: false});
	});

	it('an endless string is not held for ever', () => {
		const split = new ReplySplitter().push(`\u001B_G${'A'.repeat(5000)}`);
		assert.equal(split.holding, false);
		assert.equal(split.keys.length, 5003);
	});

	it('multi-byte keys go on byte for byte', () => {
		const bytes = Buffer.from('é😀', 'utf8').toString('latin1');
		assert.equal(new ReplySplitter().push(bytes + attributes).keys, bytes);
	});
});
