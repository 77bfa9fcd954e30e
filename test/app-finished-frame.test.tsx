/**
 * A plain move is handed to Ink as a finished frame (source/hooks/use-finished-frame.ts,
 * the `onFinishedFrames` patch): for every fixture deck, moving through it (forward,
 * back, jumps, with typing animations on, so keys also finish animations), every key
 * that moved was written by the finished frame, and the render that followed, the same
 * frame, wrote nothing. Run against the patched Ink (npm test does). The player's
 * timers are stopped, so what is written after a key is the key's; an animation, not
 * advancing, is finished by the key after it.
 */
import assert from 'node:assert/strict';
import {PassThrough, Writable} from 'node:stream';
import {mock, test} from 'node:test';
import {render, useInput, type RenderOptions} from 'ink';
import {App} from '../source/app.js';
import type {Deck} from '../source/deck/model.js';
import {keysAhead, type FinishedFrames} from '../source/hooks/use-finished-frame.js';
import {keyName} from '../source/navigation/keymap.js';
import {fixtureDecks} from './support/fixture-decks.js';
import {VirtualScreen} from './harness/xterm.js';
import {loadDeck} from '../source/deck/load-deck.js';
import {readFileSync} from 'node:fs';

type Tally = {changes: number; finished: number; afterFinished: number};

const columns = 100;
const rows = 30;
const keys = [
	...['\u001B[C', '\u001B[C', '\u001B[C', '\u001B[D', '\u001B[C', '\u001B[C', '5', '\r', '\u001B[F', '\u001B[H', '\u001B[C'],
	// The overview (its cursor, opened with Enter), help, search (typed, closed), the counter, a blackout and the key that ends it.
	...['o', '\u001B[B', '\u001B[C', '\r', '?', '\u001B', '/', 'e', '\u001B', 'c', 'c', 'b', 'x', 'o', '\u001B'],
	// The presenter view: moves, the notes scrolled, the timer restarted, and back.
	...['p', '\u001B[C', '\u001B[C', 'd', 'u', 't', '\u001B[D', 'p'],
];

/** The stdout of a fake 100x30 terminal, each write handed to `record`. */
function fakeStdout(record: (chunk: Buffer) => void = () => undefined) {
	const stream = new Writable({
		write(chunk: Buffer, _encoding, done) {
			record(chunk);
			done();
		},
	});
	return Object.assign(stream, {isTTY: true, columns, rows});
}

/** Ink handles the key and renders: a few turns of the event loop. */
async function settle(): Promise<void> {
	for (let turn = 0; turn < 4; turn++) await new Promise(resolve => setImmediate(resolve));
}

type InkFrames = {write?: (output: string) => boolean; plan?: FinishedFrames['plan']};

/** The player on a fake 100x30 terminal, Ink patched as in the bundle: `ink` receives Ink's frame functions, the player gets `frames`. */
function renderPlayer(deck: Deck, stdout: Writable, frames: FinishedFrames, ink: InkFrames, {animate, maxFps}: {animate: boolean; maxFps: number}) {
	const stdin = Object.assign(new PassThrough(), {isTTY: true, setRawMode() {}, ref() {}, unref() {}});
	const instance = render(
		<App
			deck={deck}
			start={0}
			ansi={{level: 3, hyperlinks: true}}
			stdout={stdout as unknown as NodeJS.WriteStream}
			onQuit={() => {}}
			motion={{animate, charactersPerSecond: 25}}
			finishedFrames={frames}
		/>,
		{
			stdout: stdout as unknown as NodeJS.WriteStream,
			stdin: stdin as unknown as NodeJS.ReadStream,
			exitOnCtrlC: false,
			patchConsole: false,
			incrementalRendering: true,
			maxFps,
			onFinishedFrames(write: InkFrames['write'], plan: InkFrames['plan']) {
				ink.write = write;
				ink.plan = plan;
			},
		} as RenderOptions,
	);
	return {instance, stdin};
}

async function playThrough(
	deck: Deck,
	animate: boolean,
	presses = keys,
	count = Math.min(deck.slides.length + 2, 40) + 23,
	ahead = false,
): Promise<Tally & {screen: string; ahead: number}> {
	// No timer of the player's fires (an animation's steps, the cursor's blink) and the clock stands still: what is written after a key is the key's.
	mock.timers.enable({apis: ['setTimeout', 'setInterval', 'Date'], now: Date.UTC(2026, 11, 2, 20, 0, 0)});
	let written = '';
	let inFinished = false;
	let keyBytes = {finished: 0, after: 0};
	const stdout = fakeStdout(chunk => {
		written += chunk.toString();
		if (inFinished) keyBytes.finished += chunk.length;
		else keyBytes.after += chunk.length;
	});
	const ink: InkFrames = {};
	let drawnAhead = 0;
	const frames: FinishedFrames = {
		get plan() {
			const plan = ink.plan;
			return ahead && plan
				? (frame: () => string | undefined) => {
						const write = plan(frame);
						return typeof write === 'function'
							? () => {
									inFinished = true;
									try {
										const wrote = write();
										if (wrote) drawnAhead++;
										return wrote;
									} finally {
										inFinished = false;
									}
								}
							: write;
					}
				: undefined;
		},
		get write() {
			const write = ink.write;
			return write
				? (output: string) => {
						inFinished = true;
						try {
							return write(output);
						} finally {
							inFinished = false;
						}
					}
				: undefined;
		},
	};
	// Unthrottled, so that the render after a key writes within the key's handling (the player's 60 frames a second would put it on a timer).
	const {instance, stdin} = renderPlayer(deck, stdout, frames, ink, {animate, maxFps: 0});
	const tally: Tally = {changes: 0, finished: 0, afterFinished: 0};
	await settle();
	for (let press = 0; press < count; press++) {
		const position = written.length;
		keyBytes = {finished: 0, after: 0};
		stdin.write(presses[press % presses.length]!);
		await settle();
		if (written.length > position) tally.changes++;
		if (keyBytes.finished > 0) {
			tally.finished++;
			tally.afterFinished += keyBytes.after;
		}
	}

	instance.unmount();
	mock.timers.reset();
	const screen = new VirtualScreen(columns, rows);
	await screen.write(written);
	return {...tally, screen: screen.text().join('\n'), ahead: drawnAhead};
}

test('a plain move is written once, by the finished frame, and the render after it writes nothing', async () => {
	const decks = await fixtureDecks();
	assert.ok(decks.length > 20, 'the fixture decks');
	let finished = 0;
	let changes = 0;
	for (const {path, deck} of decks) {
		for (const animate of [false, true]) {
			const tally = await playThrough(deck, animate);
			assert.equal(tally.afterFinished, 0, `${path}${animate ? ', animated' : ''}: the render after a finished frame wrote ${tally.afterFinished} bytes`);
			finished += tally.finished;
			changes += tally.changes;
		}
	}

	// Most keys that changed the screen were plain moves (the others finished an animation or typed a digit of a jump).
	assert.ok(finished > 300 && finished >= changes * 0.8, `finished frames: ${finished} of ${changes} keys that changed the screen`);
});

test('keys that arrive together are drawn by the render, not ahead of it from a state before the first', async () => {
	const deck = loadDeck(readFileSync('fixtures/demo.txt'));
	// `T` turns the theme (drawn by the render), then Right moves: a finished frame from before the `T` would be the next slide in the old colours.
	const tally = await playThrough(deck, false, ['T\u001B[C'], 1);
	assert.equal(tally.finished, 0);
	assert.equal(tally.changes, 1);
	assert.match(tally.screen, /2\/10/);
});

test("a key drawn ahead is written as Ink reads it, the render after it writes nothing, and every screen is the render's", async () => {
	const decks = await fixtureDecks();
	let ahead = 0;
	let finished = 0;
	for (const {path, deck} of decks) {
		for (const animate of [false, true]) {
			const count = Math.min(deck.slides.length + 2, 40) + 23;
			const plain = await playThrough(deck, animate, keys, count);
			const early = await playThrough(deck, animate, keys, count, true);
			const label = `${path}${animate ? ', animated' : ''}`;
			assert.equal(early.afterFinished, 0, `${label}: the render after a frame drawn ahead wrote ${early.afterFinished} bytes`);
			assert.equal(early.screen, plain.screen, `${label}: the last screen`);
			assert.equal(early.changes, plain.changes, `${label}: the keys that changed the screen`);
			ahead += early.ahead;
			finished += early.finished;
		}
	}

	// The arrows drawn ahead are most of the plain moves; the rest (jumps, overlays, the presenter view) keep the finished frame.
	assert.ok(ahead > 150 && ahead < finished, `drawn ahead: ${ahead} of ${finished} finished frames`);
});

test('each key drawn ahead is, as Ink reads it, the key the player moves by', async () => {
	const heard: string[] = [];
	function Keys() {
		useInput((input, key) => {
			heard.push(keyName(input, key));
		});
		return null;
	}

	const stdout = fakeStdout();
	const stdin = Object.assign(new PassThrough(), {isTTY: true, setRawMode() {}, ref() {}, unref() {}});
	const instance = render(<Keys />, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	await settle();
	for (const raw of keysAhead.keys()) {
		stdin.write(raw);
		await settle();
	}

	instance.unmount();
	assert.deepEqual(heard, [...keysAhead.values()]);
});

test("a key after a render that waited on Ink's throttle (60 frames a second) is drawn ahead too", async t => {
	const deck = loadDeck(readFileSync('fixtures/demo.txt'));
	const stdout = fakeStdout();
	const ink: InkFrames = {};
	const answers: string[] = [];
	const drawn: boolean[] = [];
	const frames: FinishedFrames = {
		get plan() {
			const plan = ink.plan;
			return plan
				? (frame: () => string | undefined) => {
						const write = plan(frame);
						answers.push(write === undefined ? 'none' : write === 'later' ? 'later' : 'planned');
						return typeof write === 'function'
							? () => {
									const wrote = write();
									drawn.push(wrote);
									return wrote;
								}
							: write;
					}
				: undefined;
		},
	};
	// Ink's throttle and the player's retry run on the mocked clock: the test does not depend on how fast the machine renders.
	t.mock.timers.enable({apis: ['setTimeout', 'setInterval', 'Date'], now: Date.UTC(2026, 11, 2, 20, 0, 0)});
	const {instance, stdin} = renderPlayer(deck, stdout, frames, ink, {animate: false, maxFps: 60});
	await settle();
	t.mock.timers.tick(100);
	await settle();
	// Two keys with no time between them: Ink writes the second one's render on its throttle, 17 ms on.
	stdin.write('\u001B[C');
	await settle();
	stdin.write('\u001B[C');
	await settle();
	t.mock.timers.tick(100);
	await settle();
	const before = drawn.length;
	stdin.write('\u001B[C');
	await settle();
	instance.unmount();
	assert.ok(answers.includes('later'), `Ink's answers: ${answers.join(', ')}`);
	assert.deepEqual(drawn.slice(before), [true], 'the third key drawn ahead');
});

test('the overview and help are laid out and planned once, while the player is idle on a slide, and nothing is written for them', async t => {
	const deck = loadDeck(readFileSync('fixtures/demo.txt'));
	let written = '';
	const stdout = fakeStdout(chunk => {
		written += chunk.toString();
	});
	const ink: InkFrames = {};
	const laidOut: string[] = [];
	const frames: FinishedFrames = {
		get plan() {
			const plan = ink.plan;
			return plan
				? (frame: () => string | undefined) =>
						plan(() => {
							const output = frame();
							if (output !== undefined) laidOut.push(output);
							return output;
						})
				: undefined;
		},
		get write() {
			return ink.write;
		},
	};
	const overlays = () => laidOut.filter(output => output.includes('Overview') || output.includes('this help')).length;
	t.mock.timers.enable({apis: ['setTimeout', 'setInterval', 'Date'], now: Date.UTC(2026, 11, 2, 20, 0, 0)});
	const {instance, stdin} = renderPlayer(deck, stdout, frames, ink, {animate: false, maxFps: 0});
	await settle();
	assert.ok(laidOut.length > 0, 'the slide keys are planned at once');
	assert.equal(overlays(), 0, 'the overlays wait until the player is idle');
	const before = written.length;
	t.mock.timers.tick(500);
	await settle();
	assert.equal(overlays(), 2, 'the overview and help, laid out once each');
	assert.equal(written.length, before, 'nothing is written for them');
	// Once: not again after a move and another idle time.
	stdin.write('\u001B[C');
	await settle();
	t.mock.timers.tick(2000);
	await settle();
	assert.equal(overlays(), 2);
	// The plans were dropped: `o` opens the overview as before.
	stdin.write('o');
	await settle();
	instance.unmount();
	// The screen reads what was written on real timers.
	t.mock.timers.reset();
	const screen = new VirtualScreen(columns, rows);
	await screen.write(written);
	assert.match(screen.text().join('\n'), /Overview/);
	assert.match(screen.text().join('\n'), /2\/10/);
});
