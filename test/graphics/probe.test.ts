import assert from 'node:assert/strict';
import {describe, it, mock} from 'node:test';
import {askRound, cellOf, probeTerminal, type TerminalLine} from '../../source/graphics/probe.js';
import type {Reply} from '../../source/graphics/replies.js';
import {fakeTimeouts} from '../support/fake-timeouts.js';

/** A terminal line whose answers the test gives by hand. */
function line() {
	const written: string[] = [];
	const listeners = new Set<(reply: Reply) => void>();
	let due = 0;
	const terminal: TerminalLine = {
		write(text) {
			written.push(text);
		},
		onReply(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		expect(on) {
			due += on ? 1 : -1;
		},
	};
	const answer = (...replies: Reply[]) => {
		for (const reply of replies) for (const listener of [...listeners]) listener(reply);
	};

	return {terminal, written, answer, due: () => due, listening: () => listeners.size};
}

/** Lets promise callbacks run. */
/** Lets the code under test run: a turn of the event loop (a round's timeout ends it from setImmediate), then promise callbacks. */
const turn = async () => {
	await new Promise(resolve => {
		setImmediate(resolve);
	});
	for (let index = 0; index < 5; index++) await Promise.resolve();
};

fakeTimeouts();

describe('a round of questions', () => {
	it('ends with the device attributes, whatever came before', async () => {
		const {terminal, written, answer, due, listening} = line();
		const round = askRound(terminal, 'Q');
		assert.deepEqual(written, ['Q\u001B[c']);
		assert.equal(due(), 1, 'answers are due: an Esc at the end of a read is held');
		answer({kind: 'cell-pixels', width: 9, height: 18}, {kind: 'attributes'}, {kind: 'version', text: 'late'});
		assert.deepEqual(await round, {replies: [{kind: 'cell-pixels', width: 9, height: 18}], answered: true});
		assert.equal(due(), 0);
		assert.equal(listening(), 0, 'nothing listens after the round');
	});

	it('a terminal that does not answer: the round ends after the timeout', async () => {
		const {terminal} = line();
		let result: unknown;
		void askRound(terminal, 'Q', 250).then(round => {
			result = round;
		});
		mock.timers.tick(249);
		await turn();
		assert.equal(result, undefined, 'still waiting at 249 ms');
		mock.timers.tick(1);
		await turn();
		assert.deepEqual(result, {replies: [], answered: false});
	});
});

describe('the probe', () => {
	const size = {columns: 100, rows: 40};

	it('kitty by its answer: name unknown, so the kitty query follows in a second round', async () => {
		const {terminal, written, answer} = line();
		const probe = probeTerminal(terminal, size, {protocol: true});
		assert.deepEqual(written, ['\u001B[>0q\u001B[16t\u001B[14t\u001B[c']);
		answer({kind: 'cell-pixels', width: 10, height: 21}, {kind: 'attributes'});
		await turn();
		assert.deepEqual(written.slice(1), ['\u001B_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\u001B\\\u001B[c']);
		answer({kind: 'kitty', id: 31, ok: true, message: 'OK'}, {kind: 'attributes'});
		assert.deepEqual(await probe, {cell: {width: 10, height: 21}, answered: true, kittyOk: true});
	});

	it('no OK before the attributes: no kitty', async () => {
		const {terminal, answer} = line();
		const probe = probeTerminal(terminal, size, {protocol: true});
		answer({kind: 'attributes'});
		await turn();
		answer({kind: 'attributes'});
		assert.deepEqual(await probe, {answered: true, kittyOk: false});
	});

	it('a multiplexer that says its name is never sent the kitty query', async () => {
		const {terminal, written, answer} = line();
		const probe = probeTerminal(terminal, size, {protocol: true});
		answer({kind: 'version', text: 'tmux 3.3a'}, {kind: 'attributes'});
		assert.deepEqual(await probe, {version: 'tmux 3.3a', answered: true, kittyOk: false});
		assert.equal(written.length, 1);
	});

	it('a terminal that answers nothing: one timeout, no second round', async () => {
		const {terminal, written} = line();
		let result: unknown;
		void probeTerminal(terminal, size, {protocol: true, timeoutMs: 200}).then(answer => {
			result = answer;
		});
		mock.timers.tick(200);
		await turn();
		assert.deepEqual(result, {answered: false, kittyOk: false});
		assert.equal(written.length, 1);
	});

	it('the kitty query unanswered in time: no kitty', async () => {
		const {terminal, answer} = line();
		let result: unknown;
		void probeTerminal(terminal, size, {protocol: true}).then(found => {
			result = found;
		});
		answer({kind: 'attributes'});
		await turn();
		mock.timers.tick(250);
		await turn();
		assert.deepEqual(result, {answered: true, kittyOk: false});
	});

	it('with the protocol known, only the cell size is asked', async () => {
		const {terminal, written, answer} = line();
		const probe = probeTerminal(terminal, size, {protocol: false});
		assert.deepEqual(written, ['\u001B[16t\u001B[14t\u001B[c']);
		answer({kind: 'window-pixels', width: 1000, height: 800}, {kind: 'attributes'});
		assert.deepEqual(await probe, {cell: {width: 10, height: 20}, answered: true, kittyOk: false});
	});
});

describe('the cell size', () => {
	it('said, or the text area’s divided by the cells, else unknown', () => {
		const size = {columns: 80, rows: 24};
		assert.deepEqual(
			cellOf(
				[
					{kind: 'window-pixels', width: 800, height: 480},
					{kind: 'cell-pixels', width: 9, height: 19},
				],
				size,
			),
			{width: 9, height: 19},
		);
		assert.deepEqual(cellOf([{kind: 'window-pixels', width: 800, height: 480}], size), {width: 10, height: 20});
		assert.equal(cellOf([{kind: 'cell-pixels', width: 0, height: 0}], size), undefined);
		assert.equal(cellOf([], size), undefined);
	});
});
