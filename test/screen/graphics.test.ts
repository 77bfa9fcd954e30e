/**
 * Pictures drawn by the terminal (kitty graphics protocol, iTerm2 inline images), through
 * the built CLI in a pseudo-terminal. No test terminal shows those pixels, so these tests
 * read the byte stream: what is sent, where it is placed, when it is taken off, and that
 * the questions lectern asks the terminal are answered without a trace on the screen or
 * in the keys. The terminal is played by test/harness/fake_terminal.py, which answers as
 * the test says; tmux is the real one.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {after, before, describe, it} from 'node:test';
import {runInFakeTerminal, terminalAnswers, type Answer, type FakeTerminalResult, type Step} from '../harness/fake-terminal.js';
import {stopAll} from '../harness/tmux.js';
import {VirtualScreen} from '../harness/xterm.js';
import {assertBuilt, cli, plainEnv, privateTmpdir, startPlayer, statusRow} from './support.js';

before(assertBuilt);
after(stopAll);

const deck = 'fixtures/images/deck.txt';
const size = {columns: 80, rows: 24};
const bsu = '\u001B[?2026h';
const esu = '\u001B[?2026l';
const leaveAlternateScreen = '\u001B[?1049l';
const latin1 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

function run(args: string[], answers: Answer[], steps: Step[], env: Record<string, string> = {}): Promise<FakeTerminalResult> {
	const environment: NodeJS.ProcessEnv = {...plainEnv(), TERM: 'xterm-256color', COLORTERM: 'truecolor', LANG: 'C.UTF-8', TMPDIR: privateTmpdir(), ...env};
	for (const name of ['NO_COLOR', 'TMUX', 'TMUX_PANE', 'TERM_PROGRAM', 'LC_TERMINAL', 'KITTY_WINDOW_ID', 'STY']) if (!(name in env)) delete environment[name];
	return runInFakeTerminal({command: [process.execPath, cli, ...args, deck], env: environment, ...size, answers, steps});
}

/** The output with tmux's passthrough taken off: what reaches the terminal outside. */
const unwrapped = (output: string) =>
	output.replaceAll(/\u001BPtmux;((?:[^\u001B]|\u001B\u001B)*)\u001B\\/g, (_, inner: string) => inner.replaceAll('\u001B\u001B', '\u001B'));

type Code = {readonly keys: Record<string, string>; readonly payload: string; readonly at: number};

/** Every kitty graphics code in the output, with its keys. */
function kittyCodes(output: string): Code[] {
	return [...output.matchAll(/\u001B_G([^;\u001B]*)(?:;([^\u001B]*))?\u001B\\/g)].map(match => ({
		keys: Object.fromEntries(match[1]!.split(',').map(pair => pair.split('=') as [string, string])),
		payload: match[2] ?? '',
		at: match.index,
	}));
}

/** Placements: the cell the cursor was moved to (1-based in the escape, 0-based here) and the code's keys. */
function placements(output: string) {
	return [...output.matchAll(/\u001B7\u001B\[(\d+);(\d+)H\u001B_G(a=p,[^\u001B]*)\u001B\\\u001B8/g)].map(match => ({
		row: Number(match[1]) - 1,
		column: Number(match[2]) - 1,
		keys: Object.fromEntries(match[3]!.split(',').map(pair => pair.split('=') as [string, string])),
		at: match.index,
	}));
}

/** The screen the output leaves before the player gives the terminal back. */
async function screenBefore(output: string, end: number): Promise<VirtualScreen> {
	const screen = new VirtualScreen(size.columns, size.rows);
	await screen.write(Buffer.from(output.slice(0, end), 'latin1'));
	return screen;
}

/** The alt-text frame ("loading…") of the image: its top left cell, width and height. */
function frameBox(screen: VirtualScreen) {
	const corner = screen.find('╭');
	assert.ok(corner, `a frame on the screen:\n${screen.text().join('\n')}`);
	const row = screen.text()[corner.y]!;
	const width = [...row].lastIndexOf('╮') - [...row].indexOf('╭') + 1;
	let height = 1;
	while (corner.y + height < size.rows && screen.cell(corner.x, corner.y + height).char !== '╰') height++;
	return {row: corner.y, column: corner.x, width, height: height + 1};
}

const assertSucceeded = (result: FakeTerminalResult) => {
	assert.equal(result.error, null, `the run: ${result.error}; output tail: ${JSON.stringify(result.output.slice(-400))}`);
	assert.equal(result.status, 0);
};

describe('--images=kitty', () => {
	it('sent once, placed over the picture’s cells, taken off for the next slide, and freed on quit', async () => {
		const result = await run(
			['--images=kitty', '--start', '2'],
			[terminalAnswers.attributes, terminalAnswers.cell(10, 20)],
			[
				{wait: 'a=p,', send: '\u001B[C'},
				{wait: 'a=p,', send: 'q'},
			],
		);
		assertSucceeded(result);
		const {output} = result;
		assert.ok(!output.includes('\u001B_Gi=31'), 'forced: the protocol is not asked about');
		assert.ok(output.includes('\u001B[16t'), 'the cell size is');
		const codes = kittyCodes(output);
		const sent = codes.filter(code => code.keys['a'] === 't');
		assert.equal(sent.length, 2, 'two pictures, each sent once');
		const [quadrants, wide] = sent;
		assert.deepEqual(
			[quadrants!.keys['f'], quadrants!.keys['q'], quadrants!.keys['m']],
			['100', '2', '0'],
			'the 138-byte PNG, as it is, quietly, in one chunk',
		);
		assert.deepEqual([...Buffer.from(quadrants!.payload, 'base64')], [...readFileSync('fixtures/images/quadrants.png')]);

		const [first, second] = placements(output);
		assert.ok(first && second, 'two placements');
		assert.equal(first.keys['i'], quadrants!.keys['i']);
		assert.equal(first.keys['C'], '1', 'the cursor does not move');
		// Where the frame of "loading…" was (the first frame): a 2:1 picture on cells of 10x20 pixels fills it.
		const box = frameBox(await screenBefore(output, output.indexOf(esu) + esu.length));
		assert.deepEqual(
			{row: first.row, column: first.column, columns: Number(first.keys['c']), rows: Number(first.keys['r'])},
			{row: box.row, column: box.column, columns: box.width, rows: box.height},
		);
		const onScreen = await screenBefore(output, output.indexOf(leaveAlternateScreen));
		for (let row = box.row; row < box.row + box.height; row++)
			assert.equal(onScreen.text()[row]!.trim(), '', `the picture's cells are blank text (row ${row})`);

		// Slide 3: the first picture is taken off inside the frame that draws slide 3, before its text.
		const takenOff = codes.find(code => code.keys['a'] === 'd' && code.keys['d'] === 'i' && code.keys['i'] === first.keys['i']);
		assert.ok(takenOff, 'taken off');
		const frameStart = output.lastIndexOf(bsu, takenOff.at);
		const frameEnd = output.indexOf(esu, takenOff.at);
		assert.ok(output.slice(frameStart, frameEnd).includes('3/10'), 'in the frame of slide 3');
		assert.ok(output.slice(frameStart, takenOff.at).length <= bsu.length + 2, 'first thing in that frame');
		assert.equal(second.keys['i'], wide!.keys['i']);
		assert.ok(Number(second.keys['c']) / Number(second.keys['r']) > 3, `the wide picture is wide: ${second.keys['c']}x${second.keys['r']} cells`);

		// Quit: both freed, then the alternate screen is left.
		const leave = output.lastIndexOf(leaveAlternateScreen);
		for (const picture of [quadrants!, wide!]) {
			const freed = codes.find(code => code.keys['a'] === 'd' && code.keys['d'] === 'I' && code.keys['i'] === picture.keys['i']);
			assert.ok(freed && freed.at < leave, `picture ${picture.keys['i']} freed before the terminal is given back`);
		}
	});

	it('blacked out: taken off; back: placed again without sending it again', async () => {
		const result = await run(
			['--images=kitty', '--start', '2'],
			[terminalAnswers.attributes, terminalAnswers.cell(10, 20)],
			[
				{wait: 'a=p,', send: 'b'},
				{wait: 'a=d,d=i,', send: ' '},
				{wait: 'a=p,', send: 'q'},
			],
		);
		assertSucceeded(result);
		const codes = kittyCodes(result.output);
		assert.deepEqual(
			codes.map(code => `${code.keys['a']}${code.keys['d'] ?? ''}`),
			['t', 'p', 'di', 'p', 'dI'],
			'sent, placed, taken off for the black screen, placed again, freed on quit',
		);
	});

	it('a clock ticking in the notes pane never touches the picture', async () => {
		const result = await run(
			['--images=kitty', '--start', '2', '--notes'],
			[terminalAnswers.attributes, terminalAnswers.cell(10, 20)],
			[
				{wait: 'a=p,', send: ''},
				{wait: '00:02', send: 'q'},
			],
		);
		assertSucceeded(result);
		const codes = kittyCodes(result.output);
		assert.equal(codes.filter(code => code.keys['a'] === 'p').length, 1, 'placed once');
		assert.equal(codes.filter(code => code.keys['a'] === 't').length, 1, 'sent once');
		assert.equal(codes.filter(code => code.keys['a'] === 'd' && code.keys['d'] === 'i').length, 0, 'never taken off (freed on quit)');
	});
});

describe('--images=auto asks the terminal', () => {
	it('a terminal that answers the kitty query: kitty pictures; its answers never reach the keys or the screen, keys typed with them do', async () => {
		// An unknown name (so the kitty query follows), with a "q" in it that would quit if it leaked into the keys.
		const answers: Answer[] = [
			terminalAnswers.version('qqterm(1.0)'),
			{query: '\\x1b\\[14t\\x1b\\[c', reply: '\u001B[6;20;10t\u001B[?62;22c'},
			// The kitty query's answer, the attributes, and a Right arrow the presenter typed meanwhile.
			{query: '\\x1b_Gi=31,[^\\x1b]*\\x1b\\\\\\x1b\\[c', reply: '\u001B_Gi=31;OK\u001B\\\u001B[?62;22c\u001B[C'},
		];
		const result = await run(['--start', '2'], answers, [
			{wait: '3/10', send: ''},
			{wait: 'a=p,', send: 'q'},
		]);
		assertSucceeded(result);
		const {output} = result;
		// The opening slide is a picture, so the player draws it (no early paint): the terminal is asked while
		// the player loads, name and cell size first, the kitty query only once the name settled nothing.
		assert.ok(output.startsWith('\r\u001B[K\u001B[?1049h\u001B[?25l\u001B[2J\u001B[H\u001B[>0q\u001B[16t\u001B[14t\u001B[c'), 'name and cell size asked first');
		assert.ok(output.indexOf('\u001B_Gi=31,') > output.indexOf('\u001B[c'), 'the kitty query in the second round');
		const placed = placements(output);
		assert.equal(placed.length, 1);
		assert.ok(output.lastIndexOf('3/10', placed[0]!.at) !== -1, 'the Right arrow typed with the answer moved to slide 3');
		const screen = await screenBefore(output, output.indexOf(leaveAlternateScreen));
		const text = screen.text().join('\n');
		for (const trace of ['qqterm', 'Gi=31', 'OK', '62;22', ';20;10t']) assert.ok(!text.includes(trace), `no ${JSON.stringify(trace)} on the screen`);
		assert.match(statusRow(screen.text()), /^ 3\/10(?: |$)/);
	});

	it('no answer to the kitty query in time: half-blocks, and the first frame came before the wait was over', async () => {
		// Only the first round is answered.
		const result = await run(['--start', '2'], [{query: '\\x1b\\[14t\\x1b\\[c', reply: '\u001B[?62;22c'}], [{wait: latin1('▀'), send: 'q'}]);
		assertSucceeded(result);
		const {output} = result;
		assert.ok(output.includes('\u001B_Gi=31,'), 'asked');
		assert.equal(kittyCodes(output).filter(code => code.keys['a'] !== 'q').length, 0, 'no kitty code but the query');
		assert.ok(output.indexOf(latin1('loading…')) < output.indexOf(latin1('▀')), 'the first frame ("loading…") did not wait for the answer');
	});

	it('a terminal that answers nothing: one round, then half-blocks', async () => {
		const result = await run(['--start', '2'], [], [{wait: latin1('▀'), send: 'q'}]);
		assertSucceeded(result);
		assert.ok(!result.output.includes('\u001B_G'), 'no kitty query after an unanswered round');
	});

	it('a multiplexer that says its name (tmux over ssh): half-blocks, and never an APC, which it would take for a title', async () => {
		const result = await run(['--start', '2'], [terminalAnswers.version('tmux 3.3a'), terminalAnswers.attributes], [{wait: latin1('▀'), send: 'q'}]);
		assertSucceeded(result);
		assert.ok(!result.output.includes('\u001B_G'));
	});

	it('iTerm2 (by its environment): the picture is the OSC 1337 file, drawn once, in the frame that blanks its cells', async () => {
		const result = await run(
			['--start', '2', '--notes'],
			[terminalAnswers.attributes, terminalAnswers.cell(10, 20)],
			[
				{wait: '1337;File=', send: ''},
				{wait: '00:02', send: 'q'},
			],
			{
				TERM_PROGRAM: 'iTerm.app',
			},
		);
		assertSucceeded(result);
		const {output} = result;
		const drawn = [
			...output.matchAll(
				/\u001B7\u001B\[(\d+);(\d+)H\u001B\]1337;File=inline=1;width=(\d+);height=(\d+);preserveAspectRatio=1;size=(\d+):([A-Za-z\d+/=]+)\u0007\u001B8/g,
			),
		];
		assert.equal(drawn.length, 1, 'drawn once: the ticking clock beside it never wrote over it');
		const [, , , , , bytes, data] = drawn[0]!;
		assert.deepEqual([...Buffer.from(data!, 'base64')], [...readFileSync('fixtures/images/quadrants.png')], 'the PNG as it is');
		assert.equal(Number(bytes), 138);
		assert.ok(!output.includes('\u001B_G'), 'no kitty code');
	});
});

describe('never a graphics sequence', () => {
	it('without colour (NO_COLOR), even when forced: alt text, and the terminal is not asked anything', async () => {
		const result = await run(['--images=kitty', '--start', '2'], [terminalAnswers.attributes], [{wait: latin1('📷'), send: 'q'}], {NO_COLOR: '1'});
		assertSucceeded(result);
		assert.ok(!result.output.includes('\u001B_G') && !result.output.includes('\u001B[c') && !result.output.includes('1337;'));
	});

	it('print: half-blocks, whatever --images asks', () => {
		for (const mode of ['kitty', 'iterm']) {
			const printed = spawnSync(process.execPath, [cli, 'print', deck, `--images=${mode}`, '--width', '80', '--height', '24'], {
				env: {...plainEnv(), NO_COLOR: '', FORCE_COLOR: '3'},
				encoding: 'latin1',
			});
			assert.equal(printed.status, 0, printed.stderr);
			assert.ok(printed.stdout.includes(latin1('▀')), 'half-block pictures');
			assert.ok(!printed.stdout.includes('\u001B_G') && !printed.stdout.includes('1337;'), mode);
		}
	});
});

describe('inside tmux', () => {
	it('auto: half-blocks, and the terminal is never asked anything (tmux answers with its own command)', async () => {
		const result = await run(['--start', '2'], [terminalAnswers.attributes], [{wait: latin1('▀'), send: 'q'}], {
			TMUX: '/nonexistent/tmux-socket,1,0',
			TERM: 'tmux-256color',
		});
		assertSucceeded(result);
		assert.ok(!result.output.includes('\u001B[c') && !result.output.includes('\u001B_G') && !result.output.includes('\u001BPtmux'));
	});

	it('--images=kitty: through tmux’s passthrough, every code wrapped', async () => {
		const result = await run(['--images=kitty', '--start', '2'], [], [{wait: 'a=p,', send: 'q'}], {
			TMUX: '/nonexistent/tmux-socket,1,0',
			TERM: 'tmux-256color',
		});
		assertSucceeded(result);
		const {output} = result;
		const outside = output.replaceAll(/\u001BPtmux;(?:[^\u001B]|\u001B\u001B)*\u001B\\/g, '');
		assert.ok(!outside.includes('\u001B_G'), 'no kitty code reaches tmux itself');
		const codes = kittyCodes(unwrapped(output));
		assert.ok(codes.some(code => code.keys['a'] === 't'));
		assert.equal(placements(unwrapped(output)).length, 1);
		assert.ok(
			codes.some(code => code.keys['a'] === 'd' && code.keys['d'] === 'I'),
			'freed on quit',
		);
	});

	it('a real tmux, passthrough off: half-blocks, no kitty code, the pane title untouched', async () => {
		const screen = await startPlayer(['--start', '2', deck], {size, recordOutput: true, insideTmux: true, env: {KITTY_WINDOW_ID: '1'}});
		try {
			await screen.waitFor(rows => rows.some(row => row.includes('▀')), {what: 'half-block picture'});
			const output = (await screen.output()).toString('latin1');
			assert.ok(!output.includes('\u001B_G') && !output.includes('\u001BPtmux'));
			assert.ok(!(await screen.paneTitle()).includes('Gi='));
		} finally {
			await screen.stop();
		}
	});

	it('a real tmux with allow-passthrough on and kitty outside: kitty pictures through passthrough, placed in the pane', async () => {
		const screen = await startPlayer(['--start', '2', deck], {
			size,
			recordOutput: true,
			insideTmux: true,
			tmuxCommands: [['set', '-g', 'allow-passthrough', 'on']],
			env: {KITTY_WINDOW_ID: '1'},
		});
		try {
			const output = unwrapped((await screen.waitForOutput(bytes => bytes.includes('a=p,'), {what: 'a placement through passthrough'})).toString('latin1'));
			const [placed] = placements(output);
			assert.ok(placed);
			const rows = await screen.text();
			assert.ok(!rows.some(row => row.includes('▀')), 'no half-blocks');
			assert.match(statusRow(rows), /^ 2\/10(?: |$)/);
			await screen.keys('q');
			const final = unwrapped((await screen.finalOutput()).toString('latin1'));
			assert.ok(
				kittyCodes(final).some(code => code.keys['a'] === 'd' && code.keys['d'] === 'I' && code.keys['i'] === placed.keys['i']),
				'freed on quit',
			);
		} finally {
			await screen.stop();
		}
	});
});
