/**
 * The player's questions and live switches, as components: Ctrl-E and `!`
 * ask before running anything without --run-code (y runs, any other key does
 * not), `!` opens the shell only on a terminal slide, and T turns through the
 * themes, drawing in each.
 */
import {EventEmitter} from 'node:events';
import {readFileSync} from 'node:fs';
import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import {cleanup, render} from 'ink-testing-library';
import {App} from '../source/app.js';
import {loadDeck} from '../source/deck/load-deck.js';
import type {Theme} from '../source/theme/themes.js';

const shellDeck = loadDeck(readFileSync('fixtures/code/shell.txt'));
const liveDeck = loadDeck(readFileSync('fixtures/code/live.md'));
const right = '\u001B[C';
const ctrlE = '\u0005';

async function settle(): Promise<void> {
	for (let turn = 0; turn < 5; turn++) await new Promise(resolve => setImmediate(resolve));
}

function start(deck: ReturnType<typeof loadDeck>, options: {runCode?: boolean; level?: 0 | 3} = {}) {
	const terminal = Object.assign(new EventEmitter(), {columns: 100, rows: 30});
	let opened = 0;
	const themes: string[] = [];
	const instance = render(
		<App
			deck={deck}
			start={0}
			ansi={{level: options.level ?? 0, hyperlinks: false}}
			stdout={terminal as unknown as NodeJS.WriteStream}
			onQuit={() => undefined}
			motion={{animate: false, charactersPerSecond: 25}}
			runCode={options.runCode ?? false}
			shell={{
				label: 'sh in /talk',
				async open() {
					opened++;
				},
			}}
			onTheme={(theme: Theme) => themes.push(theme.name)}
		/>,
	);
	const frame = () => instance.lastFrame() ?? '';
	const status = () => frame().split('\n').at(-1) ?? '';
	const press = async (...sequence: string[]) => {
		for (const key of sequence) {
			instance.stdin.write(key);
			await settle();
		}
	};

	return {frame, status, press, opened: () => opened, themes};
}

after(() => {
	cleanup();
});

test('! on a terminal slide asks first: n opens nothing, y opens the shell, and the yes holds for the session', async () => {
	const app = start(shellDeck);
	await settle();
	await app.press('!');
	assert.equal(app.opened(), 0, 'not on the first slide, which is no terminal slide');
	await app.press(right, '!');
	assert.match(app.status(), /Open a shell \(sh in \/talk\)\? y\/n/);
	await app.press('n');
	assert.equal(app.opened(), 0);
	assert.match(app.status(), /no shell/);
	await app.press('!', 'y');
	assert.equal(app.opened(), 1);
	await app.press('!');
	assert.equal(app.opened(), 2, 'no second question');
});

test('with --run-code, ! opens the shell at once', async () => {
	const app = start(shellDeck, {runCode: true});
	await settle();
	await app.press(right, '!');
	assert.equal(app.opened(), 1);
	assert.doesNotMatch(app.status(), /y\/n/);
});

test('Ctrl-E without --run-code asks, naming the language, the command and the first line; any key but y runs nothing', async () => {
	const app = start(liveDeck);
	await settle();
	await app.press(ctrlE);
	assert.match(app.status(), /Run this sh block \(sh\)\? y\/n {2}echo "ran: \$\(\(6 \* 7\)\)" > ran-marker\.txt/);
	await app.press('q');
	assert.match(app.status(), /not run \(--run-code runs code without asking\)/);
	assert.doesNotMatch(app.frame(), /output/, 'no output panel: nothing ran');
});

test('T turns through the built-in themes, drawing in each, and back', async () => {
	const app = start(shellDeck, {level: 3});
	await settle();
	const dark = app.frame();
	await app.press('T');
	assert.deepEqual(app.themes, ['light']);
	assert.notEqual(app.frame(), dark);
	// The light theme's status text colour (#424a53) where the dark one's was.
	assert.match(app.frame(), /38;2;110;119;129|38;2;66;74;83|38;2;5;80;174/);
	await app.press('T', 'T', 'T');
	assert.deepEqual(app.themes, ['light', 'high-contrast', 'projector', 'dark']);
	assert.equal(app.frame(), dark);
	// Typed faster than a frame: every press turns.
	await app.press('TT');
	assert.deepEqual(app.themes.at(-1), 'high-contrast');
});
