import {once} from 'node:events';
import {existsSync, mkdtempSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import {SlideSync, socketPath, type SyncRole} from '../../source/presenter/sync.js';

const base = mkdtempSync(join(tmpdir(), 'lectern-sync-'));
const open: SlideSync[] = [];
after(() => {
	for (const sync of open) sync.close();
	rmSync(base, {recursive: true, force: true});
});

function start(path: string, index: number, role: SyncRole = 'session'): SlideSync {
	const sync = new SlideSync(path, index, role);
	open.push(sync);
	sync.start();
	return sync;
}

/** Waits until someone listens at `path` (the first side has set up). */
async function listening(path: string): Promise<void> {
	for (let attempt = 0; attempt < 500; attempt++) {
		if (existsSync(path)) return;
		await new Promise(resolve => setTimeout(resolve, 10));
	}

	throw new Error(`nobody listens at ${path}`);
}

async function nextGoto(sync: SlideSync): Promise<number> {
	const [index] = (await once(sync, 'goto')) as [number];
	return index;
}

test('the socket lives in a private folder and is private itself', async () => {
	const path = socketPath('deck:/talks/a.txt', base);
	assert.equal(statSync(join(base, `lectern-${process.getuid!()}`)).mode & 0o777, 0o700);
	const audience = start(path, 0);
	const presenter = start(path, 0);
	await once(presenter, 'peer');
	assert.equal(statSync(path).mode & 0o777, 0o600);
	audience.close();
	presenter.close();
});

test('two sides follow each other both ways; the newcomer adopts the slide of the side that was there first', async () => {
	const path = socketPath('session:both-ways', base);
	const audience = start(path, 7);
	await listening(path);
	const presenter = start(path, 0);
	assert.equal(await nextGoto(presenter), 7, 'the presenter joins at the audience slide');
	audience.send(8);
	assert.equal(await nextGoto(presenter), 8);
	presenter.send(9);
	assert.equal(await nextGoto(audience), 9);
	audience.close();
	presenter.close();
});

test('either side can quit and come back', async () => {
	const path = socketPath('session:restart', base);
	const first = start(path, 3);
	await listening(path);
	const second = start(path, 0);
	assert.equal(await nextGoto(second), 3);
	const gone = once(second, 'peer');
	first.close();
	assert.deepEqual(await gone, [false]);
	second.send(5);
	const again = start(path, 0);
	assert.equal(await nextGoto(again), 5, 'the restarted side comes back at the slide of the one that stayed');
	again.send(6);
	assert.equal(await nextGoto(second), 6);
	second.close();
	again.close();
});

test('garbage from a peer is ignored', async () => {
	const path = socketPath('session:garbage', base);
	const audience = start(path, 1);
	const {createConnection} = await import('node:net');
	await listening(path);
	const rogue = createConnection(path);
	await once(rogue, 'connect');
	rogue.write('not json\n{"type":"goto","index":-1}\n{"type":"goto","index":1.5}\n{"type":"goto","index":4}\n');
	assert.equal(await nextGoto(audience), 4);
	rogue.destroy();
	audience.close();
});

/** Resolves with the events `sync` emitted within `ms` (ms of quiet, not a budget: it waits for nothing to happen). */
async function eventsWithin(sync: SlideSync, ms: number): Promise<string[]> {
	const seen: string[] = [];
	const onGoto = (index: number) => seen.push(`goto ${index}`);
	const onPeer = (connected: boolean) => seen.push(`peer ${connected}`);
	sync.on('goto', onGoto);
	sync.on('peer', onPeer);
	await new Promise(resolve => setTimeout(resolve, ms));
	sync.off('goto', onGoto);
	sync.off('peer', onPeer);
	return seen;
}

test('by the deck, a second audience view is on its own: it neither follows nor drives the first, and nobody says connected', async () => {
	const path = socketPath('deck:/talks/peek.txt', base);
	const projector = start(path, 2, 'audience');
	await listening(path);
	const projectorEvents = eventsWithin(projector, 600);
	const peek = start(path, 19, 'audience');
	const peekEvents = eventsWithin(peek, 600);
	await new Promise(resolve => setTimeout(resolve, 150));
	peek.send(20);
	projector.send(3);
	assert.deepEqual(await projectorEvents, []);
	assert.deepEqual(await peekEvents, []);
	assert.equal(projector.connected, false);
	assert.equal(peek.connected, false);
	// A speaker still pairs with the projector, not with the peeking view.
	const speaker = start(path, 0, 'speaker');
	assert.equal(await nextGoto(speaker), 3);
	speaker.send(4);
	assert.equal(await nextGoto(projector), 4);
	assert.equal(projector.connected, true);
	for (const sync of [projector, peek, speaker]) sync.close();
});

test('by the deck, a speaker that starts first waits for the audience, and finds it again after it restarts', async () => {
	const path = socketPath('deck:/talks/wait.txt', base);
	const speaker = start(path, 5, 'speaker');
	await new Promise(resolve => setTimeout(resolve, 100));
	assert.equal(existsSync(path), false, 'a speaker never listens');
	const audience = start(path, 0, 'audience');
	assert.equal(await nextGoto(audience), 5, 'the audience joins at the slide of the speaker, who was there first');
	const gone = once(speaker, 'peer');
	audience.close();
	assert.deepEqual(await gone, [false]);
	speaker.send(6);
	const again = start(path, 0, 'audience');
	assert.equal(await nextGoto(again), 6);
	speaker.close();
	again.close();
});

test('by a session name, three views stay together: the listening side passes moves on', async () => {
	const path = socketPath('session:three', base);
	const first = start(path, 1);
	await listening(path);
	const second = start(path, 0);
	assert.equal(await nextGoto(second), 1);
	const third = start(path, 0);
	assert.equal(await nextGoto(third), 1);
	second.send(2);
	assert.deepEqual(await Promise.all([nextGoto(first), nextGoto(third)]), [2, 2]);
	for (const sync of [first, second, third]) sync.close();
});
