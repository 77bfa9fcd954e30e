/**
 * Inline `@ FILE` pictures on a terminal that draws pictures itself (#15): whether the
 * terminal answers the graphics probe with kitty, is known as iTerm2, or answers
 * nothing, the picture between the words finishes drawing (by the terminal, or as
 * half-blocks) and "loading…" is gone. The terminal is test/harness/fake_terminal.py.
 */
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {runInFakeTerminal, terminalAnswers, type Answer, type FakeTerminalResult} from '../harness/fake-terminal.js';
import {stopAll} from '../harness/tmux.js';
import {VirtualScreen} from '../harness/xterm.js';
import {assertBuilt, cli, plainEnv, privateTmpdir} from './support.js';

before(assertBuilt);
after(stopAll);

const deck = 'fixtures/inline/deck.txt';
const leaveAlternateScreen = '\u001B[?1049l';
const latin1 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

async function run(
	size: {columns: number; rows: number},
	answers: Answer[],
	drawn: string,
	env: Record<string, string> = {},
): Promise<{result: FakeTerminalResult; screen: string[]}> {
	const environment: NodeJS.ProcessEnv = {...plainEnv(), TERM: 'xterm-256color', COLORTERM: 'truecolor', LANG: 'C.UTF-8', TMPDIR: privateTmpdir(), ...env};
	for (const name of ['NO_COLOR', 'TMUX', 'TMUX_PANE', 'TERM_PROGRAM', 'LC_TERMINAL', 'KITTY_WINDOW_ID', 'STY']) if (!(name in env)) delete environment[name];
	const result = await runInFakeTerminal({
		command: [process.execPath, cli, '--start', '3', deck],
		env: environment,
		...size,
		answers,
		// Quit once the picture is drawn; the frame of "Words after it." came before it.
		steps: [{wait: drawn, send: 'q'}],
	});
	assert.equal(result.error, null, `the run: ${result.error}; output tail: ${JSON.stringify(result.output.slice(-400))}`);
	assert.equal(result.status, 0);
	const screen = new VirtualScreen(size.columns, size.rows);
	await screen.write(Buffer.from(result.output.slice(0, result.output.lastIndexOf(leaveAlternateScreen)), 'latin1'));
	return {result, screen: screen.text()};
}

const kittyTerminal: Answer[] = [terminalAnswers.version('qqterm(1.0)'), terminalAnswers.attributes, terminalAnswers.cell(10, 20), terminalAnswers.kittyOk];

for (const size of [
	{columns: 80, rows: 24},
	{columns: 120, rows: 40},
	{columns: 200, rows: 50},
]) {
	test(`${size.columns}x${size.rows}: a terminal that answers the kitty query draws the inline PNG; "loading…" is gone`, async () => {
		const {result, screen} = await run(size, kittyTerminal, 'a=p,');
		assert.ok(result.output.includes('\u001B_Ga=t,f=100,'), 'the PNG sent');
		const placed = /\u001B7\u001B\[(\d+);(\d+)H\u001B_Ga=p,[^\u001B]*\u001B\\/.exec(result.output);
		assert.ok(placed, 'placed');
		const row = Number(placed[1]) - 1;
		const words = screen.findIndex(line => line.includes('Words first'));
		const after = screen.findIndex(line => line.includes('Words after it.'));
		assert.ok(words < row && row < after, `placed between the words (row ${row}, words at ${words} and ${after})`);
		assert.ok(!screen.join('\n').includes('loading'), `no "loading…" left:\n${screen.join('\n')}`);
	});

	test(`${size.columns}x${size.rows}: a terminal that answers no graphics query: half-blocks between the words; "loading…" is gone`, async () => {
		const {screen} = await run(size, [terminalAnswers.attributes], latin1('▀'));
		const words = screen.findIndex(line => line.includes('Words first'));
		const after = screen.findIndex(line => line.includes('Words after it.'));
		const pixels = screen.flatMap((line, y) => (/[▀▄]/.test(line) ? [y] : []));
		assert.ok(pixels.length >= 3 && pixels[0]! > words && pixels.at(-1)! < after, `a picture between the words:\n${screen.join('\n')}`);
		assert.ok(!screen.join('\n').includes('loading'));
	});
}

test('iTerm2 (by its environment): the inline PNG is drawn with OSC 1337; "loading…" is gone', async () => {
	const {result, screen} = await run({columns: 80, rows: 24}, [terminalAnswers.attributes, terminalAnswers.cell(10, 20)], '1337;File=', {
		TERM_PROGRAM: 'iTerm.app',
	});
	assert.match(result.output, /\u001B\]1337;File=inline=1;[^\u0007]*\u0007/);
	assert.ok(!screen.join('\n').includes('loading'));
});
