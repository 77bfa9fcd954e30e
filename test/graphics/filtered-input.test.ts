import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {describe, it, mock} from 'node:test';
import {FilteredInput} from '../../source/graphics/filtered-input.js';
import type {Reply} from '../../source/graphics/replies.js';
import {fakeTimeouts} from '../support/fake-timeouts.js';

class FakeKeyboard extends PassThrough {
	rawModes: boolean[] = [];
	setRawMode(mode: boolean) {
		this.rawModes.push(mode);
		return this;
	}
}

function start() {
	const keyboard = new FakeKeyboard();
	const input = new FilteredInput(keyboard as unknown as NodeJS.ReadStream);
	input.setEncoding('utf8');
	const replies: Reply[] = [];
	input.onReply(reply => replies.push(reply));
	const read = () => {
		let text = '';
		let chunk: string | null;
		while ((chunk = input.read() as string | null) !== null) text += chunk;
		return text;
	};

	return {keyboard, input, replies, read};
}

const turn = () => new Promise(resolve => setImmediate(resolve));

fakeTimeouts();

describe('the keyboard as Ink reads it', () => {
	it('keys go on, answers do not: keys typed while the terminal answers are kept, in order', async () => {
		const {keyboard, replies, read} = start();
		keyboard.write(Buffer.from('1\u001B_Gi=31;OK\u001B\\2\u001B[?62;22c\u001B[Cé', 'utf8'));
		await turn();
		assert.equal(read(), '12\u001B[Cé');
		assert.deepEqual(replies, [{kind: 'kitty', id: 31, ok: true, message: 'OK'}, {kind: 'attributes'}]);
	});

	it('tells of keys as they arrive, before they can be read, unless keys before them wait unread', async () => {
		const {keyboard, input, read} = start();
		const told: Array<{keys: string; readable: number}> = [];
		input.on('keys', (keys: string) => told.push({keys, readable: input.readableLength}));
		keyboard.write('\u001B[C');
		await turn();
		assert.deepEqual(told, [{keys: '\u001B[C', readable: 0}]);
		keyboard.write('\u001B[?62;22c');
		await turn();
		assert.equal(told.length, 1, 'an answer alone is no key');
		// Ink has not read the first key yet: the second is not told of (drawn ahead, it would pass the first).
		keyboard.write(' ');
		await turn();
		assert.equal(told.length, 1);
		assert.equal(read(), '\u001B[C ');
		keyboard.write('\u001B[D');
		await turn();
		assert.deepEqual(told.at(-1), {keys: '\u001B[D', readable: 0});
	});

	it('the start of an answer is held a moment, then goes on as keys if nothing follows', async () => {
		const {keyboard, read} = start();
		keyboard.write('\u001BP');
		await turn();
		assert.equal(read(), '');
		mock.timers.tick(50);
		await turn();
		assert.equal(read(), '\u001BP');
	});

	it('an Esc is held only while answers are due', async () => {
		const {keyboard, input, replies, read} = start();
		keyboard.write('\u001B');
		await turn();
		assert.equal(read(), '\u001B', 'the Esc key at once');
		input.expect(true);
		keyboard.write('\u001B');
		await turn();
		assert.equal(read(), '');
		keyboard.write('[?1;2c');
		await turn();
		assert.equal(read(), '');
		assert.deepEqual(replies, [{kind: 'attributes'}]);
	});

	it('raw mode goes to the terminal', () => {
		const {keyboard, input} = start();
		assert.equal(input.isTTY, true);
		input.setRawMode(true);
		input.setRawMode(false);
		assert.deepEqual(keyboard.rawModes, [true, false]);
	});
});
