import {EventEmitter} from 'node:events';
import {readFileSync} from 'node:fs';
import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import {cleanup, render} from 'ink-testing-library';
import {App} from '../source/app.js';
import {loadDeck} from '../source/deck/load-deck.js';

const deck = loadDeck(readFileSync('fixtures/demo.txt'));
const keys = {right: '\u001B[C', left: '\u001B[D', escape: '\u001B', enter: '\r', home: '\u001B[H', end: '\u001B[F'};

class FakeTerminal extends EventEmitter {
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}
}

/** Lets Ink handle input and render: a few event-loop turns. */
async function settle(): Promise<void> {
	for (let turn = 0; turn < 5; turn++) await new Promise(resolve => setImmediate(resolve));
}

function start(options: {start?: number; columns?: number; rows?: number} = {}) {
	const terminal = new FakeTerminal(options.columns ?? 100, options.rows ?? 30);
	let quits = 0;
	const instance = render(
		<App
			deck={deck}
			start={options.start ?? 0}
			ansi={{level: 0, hyperlinks: false}}
			stdout={terminal as unknown as NodeJS.WriteStream}
			onQuit={() => {
				quits++;
			}}
			motion={{animate: false, charactersPerSecond: 25}}
		/>,
	);
	const screen = () => (instance.lastFrame() ?? '').split('\n');
	const status = () => screen().at(-1) ?? '';
	const press = async (...sequence: string[]) => {
		for (const key of sequence) {
			instance.stdin.write(key);
			await settle();
		}
	};

	return {instance, terminal, screen, status, press, quits: () => quits};
}

after(() => {
	cleanup();
});

test('opens at the first slide with the position in the status bar', async () => {
	const app = start();
	await settle();
	assert.match(app.status(), /^ 1\/10 {2}lectern/);
	assert.equal(app.screen().length, 29, 'one row less than the terminal, so Ink never clears the screen');
});

test('next and previous keys move through the deck and stop at its ends', async () => {
	const app = start();
	await settle();
	await app.press(keys.right, ' ', 'j', 'l');
	assert.match(app.status(), /^ 5\/10 /);
	await app.press(keys.left, 'k', 'h');
	assert.match(app.status(), /^ 2\/10 /);
	await app.press(keys.left, keys.left, keys.left);
	assert.match(app.status(), /^ 1\/10 /);
	await app.press('G');
	assert.match(app.status(), /^ 10\/10 /);
	await app.press(keys.right);
	assert.match(app.status(), /^ 10\/10 /);
	await app.press('g');
	assert.match(app.status(), /^ 1\/10 /);
});

test('a number then Enter jumps; the status bar shows the number as it is typed', async () => {
	const app = start();
	await settle();
	await app.press('7');
	assert.match(app.status(), /go to 7/);
	await app.press(keys.enter);
	assert.match(app.status(), /^ 7\/10 /);
	await app.press('9', '9', keys.enter);
	assert.match(app.status(), /^ 10\/10 /, 'clamped to the last slide');
});

test('digits typed faster than a frame still jump', async () => {
	const app = start();
	await settle();
	await app.press('12\r'.slice(0, 1), '0', keys.enter);
	assert.match(app.status(), /^ 10\/10 /);
});

test('help lists every key and closes on any key', async () => {
	const app = start();
	await settle();
	await app.press('?');
	const text = app.screen().join('\n');
	assert.match(text, /lectern keys/);
	for (const label of ['PgDn', 'Backspace', 'Home g', 'End G', 'Esc', '12 Enter']) assert.ok(text.includes(label), label);
	await app.press('x');
	assert.doesNotMatch(app.screen().join('\n'), /lectern keys/);
	assert.match(app.status(), /^ 1\/10 /, 'the closing key does not navigate');
});

test('overview picks a slide with arrows and Enter', async () => {
	const app = start();
	await settle();
	await app.press('o');
	assert.match(app.screen().join('\n'), /Overview/);
	assert.match(app.screen().join('\n'), /9 D What is still missing/);
	await app.press(keys.right, keys.right, keys.enter);
	assert.match(app.status(), /^ 3\/10 /);
	await app.press('o', keys.escape);
	assert.match(app.status(), /^ 3\/10 /);
	assert.equal(app.quits(), 0, 'Esc closes the overview, it does not quit');
});

test('search jumps as you type, Esc goes back, n finds the next match', async () => {
	const app = start();
	await settle();
	await app.press('/', ...'repaired');
	assert.match(app.status(), /^\/repaired/);
	await app.press(keys.enter);
	assert.match(app.status(), /^ 5\/10 /);
	await app.press('n');
	assert.match(app.status(), /^ 6\/10 /);
	await app.press('n');
	assert.match(app.status(), /^ 5\/10 .*search wrapped/);
	await app.press('/', 'z', 'z', 'z');
	await app.press(keys.escape);
	assert.match(app.status(), /^ 5\/10 /);
});

test('blackout hides everything until a key is pressed', async () => {
	const app = start({start: 2});
	await settle();
	await app.press('b');
	assert.equal(app.screen().join('').trim(), '');
	await app.press('x');
	assert.match(app.status(), /^ 3\/10 /);
});

test('q quits; Esc with a half-typed number only clears it', async () => {
	const app = start();
	await settle();
	await app.press('4', keys.escape);
	assert.equal(app.quits(), 0);
	assert.doesNotMatch(app.status(), /go to/);
	await app.press('q');
	assert.equal(app.quits(), 1);
});

test('a resize re-lays the slide out at once', async () => {
	const app = start({columns: 100, rows: 30});
	await settle();
	app.terminal.columns = 60;
	app.terminal.rows = 20;
	app.terminal.emit('resize');
	await settle();
	assert.equal(app.screen().length, 19);
	assert.ok(app.screen().every(line => line.length <= 60));
});

test('too small a terminal says so', async () => {
	const app = start({columns: 15, rows: 5});
	await settle();
	assert.match(app.screen().join(' ').replace(/\s+/g, ' '), /Too small: 15x5 \(need 20x6\)/);
});
