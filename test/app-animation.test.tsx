import {EventEmitter} from 'node:events';
import {afterEach, beforeEach, mock, test} from 'node:test';
import assert from 'node:assert/strict';
import {cleanup, render} from 'ink-testing-library';
import {App, type Motion} from '../source/app.js';
import {parseDeck} from '../source/deck/parse-deck.js';
import {blinkMs} from '../source/hooks/use-blink.js';

const deck = parseDeck(`#= Intro
---
$$terminal bash
$$prompt ~/talk
$$w ls
---
$$terminal bash
$$prompt ~/talk
ls<br>
notes.txt<br>
slides.txt<br>
$$prompt ~/talk
$$w
`);

const right = '\u001B[C';

async function settle(): Promise<void> {
	for (let turn = 0; turn < 6; turn++) await new Promise(resolve => setImmediate(resolve));
}

function start(motion: Motion = {animate: true, charactersPerSecond: 25}) {
	const terminal = Object.assign(new EventEmitter(), {columns: 80, rows: 24});
	const instance = render(
		<App deck={deck} start={0} ansi={{level: 0, hyperlinks: false}} stdout={terminal as unknown as NodeJS.WriteStream} onQuit={() => {}} motion={motion} />,
	);
	const screen = () => instance.lastFrame() ?? '';
	const press = async (key: string) => {
		instance.stdin.write(key);
		await settle();
	};

	const tick = async (ms: number) => {
		mock.timers.tick(ms);
		await settle();
	};

	return {screen, press, tick};
}

beforeEach(() => {
	mock.timers.enable({apis: ['setTimeout', 'setInterval', 'Date']});
});

afterEach(() => {
	mock.timers.reset();
	cleanup();
});

test('a command types out character by character with a solid cursor, then the cursor blinks', async () => {
	const app = start();
	await settle();
	await app.press(right);
	assert.match(app.screen(), /~\/talk \$ █/, 'the prompt shows first, cursor at the typing position');
	assert.doesNotMatch(app.screen(), /\$ l/);
	await app.tick(300 + 60);
	assert.match(app.screen(), /~\/talk \$ l█/);
	await app.tick(200);
	assert.match(app.screen(), /~\/talk \$ ls█/);
	await app.tick(100);
	assert.match(app.screen(), /~\/talk \$ ls█/, 'final state: cursor after the command');
	await app.tick(blinkMs);
	assert.match(app.screen(), /~\/talk \$ ls +│/, 'blink: the cursor goes dark');
	await app.tick(blinkMs);
	assert.match(app.screen(), /~\/talk \$ ls█/);
});

test('new output lines appear one by one; text already on screen stays', async () => {
	const app = start();
	await settle();
	await app.press(right);
	await app.press('x');
	await app.press(right);
	assert.match(app.screen(), /\$ ls/);
	assert.doesNotMatch(app.screen(), /notes\.txt/);
	await app.tick(16);
	assert.match(app.screen(), /notes\.txt/);
	assert.doesNotMatch(app.screen(), /slides\.txt/);
	await app.tick(16);
	assert.match(app.screen(), /slides\.txt/);
	await app.tick(32);
	assert.match(app.screen(), /~\/talk \$ █/);
});

test('a key during an animation finishes it; the next key navigates', async () => {
	const app = start();
	await settle();
	await app.press(right);
	assert.doesNotMatch(app.screen(), /\$ ls/);
	await app.press(right);
	assert.match(app.screen(), /~\/talk \$ ls█/);
	assert.match(app.screen(), / 2\/3 /);
	await app.press(right);
	assert.match(app.screen(), / 3\/3 /);
});

test('going back shows the final state at once', async () => {
	const app = start();
	await settle();
	await app.press('3');
	await app.press('\r');
	await app.press('\u001B[D');
	assert.match(app.screen(), / 2\/3 /);
	assert.match(app.screen(), /~\/talk \$ ls█/);
});

test('without animation every slide shows its final state and the cursor stays solid', async () => {
	const app = start({animate: false, charactersPerSecond: 25});
	await settle();
	await app.press(right);
	assert.match(app.screen(), /~\/talk \$ ls█/);
	await app.tick(blinkMs * 3);
	assert.match(app.screen(), /~\/talk \$ ls█/);
});

test('the presenter view: talk and slide timers advance with the clock, t restarts the talk timer', async () => {
	const app = start({animate: false, charactersPerSecond: 25});
	await settle();
	await app.press('p');
	assert.match(app.screen(), /00:00 talk {2}00:00 slide/);
	await app.tick(65_000);
	assert.match(app.screen(), /01:05 talk {2}01:05 slide/);
	await app.press(right);
	await app.tick(3000);
	assert.match(app.screen(), /01:08 talk {2}00:03 slide/, 'the slide timer starts again on a new slide');
	await app.press('t');
	await app.tick(2000);
	assert.match(app.screen(), /00:02 talk/);
	assert.match(app.screen(), /timer restarted/);
});
