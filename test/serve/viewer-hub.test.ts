/**
 * The viewers' side without SSH: fake sessions that record what they are sent
 * (and a slow one that takes its time), driven by the presenter's moves.
 */
import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import {after, test} from 'node:test';
import {parseDeck} from '../../source/deck/parse-deck.js';
import type {Size} from '../../source/frame/frame.js';
import type {ViewerSession, ViewerSessionEvents} from '../../source/serve/ssh-server.js';
import type {Talk} from '../../source/serve/talk.js';
import {ViewerHub} from '../../source/serve/viewer-hub.js';
import {VirtualScreen} from '../harness/xterm.js';

const deck = parseDeck(Array.from({length: 12}, (_, index) => `#= Slide ${index + 1}\n## subtitle ${index + 1}`).join('\n---\n'));
const hubs: ViewerHub[] = [];
after(async () => {
	await Promise.all(hubs.map(hub => hub.close('bye')));
});

class FakeSession extends EventEmitter<ViewerSessionEvents> implements ViewerSession {
	readonly address = '192.0.2.1';
	readonly env = {};
	written: string[] = [];
	closedWith: string | undefined;
	/** A slow reader holds each write until `release()`. */
	held: Array<() => void> = [];

	constructor(
		public size: Size,
		readonly term = 'xterm-256color',
		private readonly slow = false,
	) {
		super();
	}

	write(text: string, done: () => void): void {
		this.written.push(text);
		if (this.slow) this.held.push(done);
		else queueMicrotask(done);
	}

	release(): void {
		const held = this.held;
		this.held = [];
		for (const done of held) done();
	}

	backlog(): number {
		return 0;
	}

	whenSent(then: () => void): void {
		then();
	}

	close(farewell?: string): void {
		this.closedWith = farewell ?? '';
		this.emit('close');
	}

	get bytes(): number {
		return this.written.reduce((sum, text) => sum + text.length, 0);
	}

	async screen(): Promise<string[]> {
		const screen = new VirtualScreen(this.size.columns, this.size.rows);
		await screen.write(this.written.join(''));
		return screen.text();
	}
}

const settle = () => new Promise(resolve => setImmediate(resolve));
const talkAt = (index: number, moves: number): Talk => ({index, from: index - 1, moves, since: Date.now(), finished: true, blackout: false});

function newHub(options: Partial<ConstructorParameters<typeof ViewerHub>[0]> = {}): ViewerHub {
	const hub = new ViewerHub({canBrowse: false, motion: undefined, maxViewers: 10, stallMs: 60_000, ...options});
	hub.setDeck(deck.slides);
	hubs.push(hub);
	return hub;
}

test("each viewer sees the presenter's slide at their own size", async () => {
	const hub = newHub();
	const small = new FakeSession({columns: 80, rows: 24});
	const large = new FakeSession({columns: 200, rows: 50});
	hub.add(small);
	hub.add(large);
	hub.setTalk(talkAt(4, 1));
	await settle();
	for (const viewer of [small, large]) {
		const rows = await viewer.screen();
		assert.match(rows.at(-2)!, /^ 5\/12 /, `${viewer.size.columns} columns: the status bar`);
		assert.ok(rows.some(row => row.includes('subtitle 5')));
	}
});

test('a slow viewer is sent the latest frame when it catches up, never a backlog', async () => {
	const hub = newHub();
	const slow = new FakeSession({columns: 80, rows: 24}, 'xterm-256color', true);
	const quick = new FakeSession({columns: 80, rows: 24});
	hub.add(slow);
	hub.add(quick);
	for (let move = 1; move <= 11; move++) {
		hub.setTalk(talkAt(move, move));
		await settle();
	}

	assert.equal(slow.written.length, 1, 'one write on its way, the rest waits');
	assert.ok(quick.written.length >= 11, 'the quick viewer saw every slide');
	slow.release();
	await settle();
	assert.equal(slow.written.length, 2, 'then one difference, to the latest frame');
	slow.release();
	const rows = await slow.screen();
	assert.match(rows.at(-2)!, /^ 12\/12 /);
	assert.ok(slow.bytes < quick.bytes, 'fewer bytes than seeing every slide');
});

test('a resize lays out that viewer again, and no one else is sent anything', async () => {
	const hub = newHub();
	const one = new FakeSession({columns: 80, rows: 24});
	const two = new FakeSession({columns: 80, rows: 24});
	hub.add(one);
	hub.add(two);
	hub.setTalk(talkAt(2, 1));
	// The next slide is laid out ahead, 40 ms after a move.
	await new Promise(resolve => setTimeout(resolve, 150));
	const before = two.written.length;
	const laidOut = hub.frames.laidOut;
	one.size = {columns: 120, rows: 40};
	one.emit('resize', one.size);
	await new Promise(resolve => setTimeout(resolve, 100));
	assert.equal(two.written.length, before, 'the other viewer got nothing');
	assert.equal(hub.frames.laidOut, laidOut + 1, 'one new layout, for the new size');
	const rows = await one.screen();
	assert.equal(rows.length, 40);
	assert.match(rows.at(-2)!, /^ 3\/12 /);
});

test("the next slide is laid out ahead at every viewer's size, so a move costs a lookup", async () => {
	let clock = Date.now();
	const hub = newHub({now: () => clock});
	const sizes = [
		{columns: 80, rows: 24},
		{columns: 100, rows: 30},
		{columns: 80, rows: 24},
	];
	for (const size of sizes) hub.add(new FakeSession(size));
	// Past the newcomers' "watching live" notice.
	clock += 10_000;
	hub.setTalk(talkAt(5, 1));
	await new Promise(resolve => setTimeout(resolve, 200));
	const laidOut = hub.frames.laidOut;
	hub.setTalk({...talkAt(6, 2), finished: false});
	await settle();
	assert.equal(hub.frames.laidOut, laidOut, "every viewer's frame was there already");
});

test('viewers beyond the cap, and terminals that cannot draw, are turned away with a message', async () => {
	const hub = newHub({maxViewers: 1});
	const counts: number[] = [];
	const counted = newHub({maxViewers: 1, onCount: count => counts.push(count)});
	const first = new FakeSession({columns: 80, rows: 24});
	const second = new FakeSession({columns: 80, rows: 24});
	counted.add(first);
	counted.add(second);
	assert.match(second.closedWith ?? '', /1 viewers already/);
	first.emit('input', Buffer.from('q'));
	assert.deepEqual(counts, [1, 0]);
	assert.ok(first.closedWith !== undefined, 'q leaves');
	const dumb = new FakeSession({columns: 80, rows: 24}, 'dumb');
	hub.add(dumb);
	assert.match(dumb.closedWith ?? '', /cannot show slides/);
	assert.equal(hub.count, 0);
});

test("the end of the talk leaves every viewer's terminal as it was", async () => {
	const hub = newHub();
	const viewer = new FakeSession({columns: 80, rows: 24});
	hub.add(viewer);
	await settle();
	await hub.close('the talk is over');
	assert.ok(viewer.closedWith?.includes('\u001B[?1049l'), 'the alternate screen left');
	assert.ok(viewer.closedWith?.includes('\u001B[?25h'), 'the cursor shown');
	assert.ok(viewer.closedWith?.includes('the talk is over'));
});
