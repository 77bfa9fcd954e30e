import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {test} from 'node:test';
import {setImmediate as turn} from 'node:timers/promises';
import {keysWhile, quitsBeforePlayer} from '../../source/terminal/keys-before-player.js';

test('the keys that quit the player before it reads the keyboard: q, Ctrl-C, a lone Esc', () => {
	for (const read of ['q', '\u0003', '\u001B', 'jjq', '\u001B[Cq']) assert.equal(quitsBeforePlayer(read), true, JSON.stringify(read));
	for (const read of ['', ' ', 'j', '\u001B[C', '\u001B[A\u001B[B', '\u001BOP', '\r', 'Q']) assert.equal(quitsBeforePlayer(read), false, JSON.stringify(read));
});

const keyboard = () => new PassThrough() as unknown as NodeJS.ReadStream & PassThrough;

test('keys typed while the deck is parsed are handed to the player afterwards, in order; q quits at once', async () => {
	const input = keyboard();
	let release!: (value: string) => void;
	let quits = 0;
	const work = keysWhile(
		input,
		new Promise<string>(resolve => {
			release = resolve;
		}),
		{quit: () => quits++},
	);
	input.write('\u001B[C');
	input.write(' ');
	await turn();
	assert.equal(quits, 0);
	release('deck');
	assert.equal(await work, 'deck');
	assert.equal(input.listenerCount('data'), 0);
	assert.equal(input.read()?.toString(), '\u001B[C ');

	const again = keyboard();
	const waiting = keysWhile(again, new Promise<void>(() => {}), {quit: () => quits++});
	again.write('q');
	await turn();
	assert.equal(quits, 1);
	void waiting;
});

test('when something else reads the keyboard too, keys are only looked at: it gets them all', async () => {
	const input = keyboard();
	const seen: string[] = [];
	input.on('data', (chunk: Buffer) => seen.push(chunk.toString()));
	let quits = 0;
	const work = keysWhile(
		input,
		turn().then(() => 'deck'),
		{quit: () => quits++},
	);
	input.write('j');
	input.write('\u0003');
	assert.equal(await work, 'deck');
	assert.equal(seen.join(''), 'j\u0003');
	assert.equal(quits, 1);
	assert.equal(input.listenerCount('data'), 1);
});
