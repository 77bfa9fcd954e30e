/**
 * Tests of the screen-test harness itself (tmux.ts, xterm.ts). They drive a small raw-mode
 * program (fixtures/echo-keys.mjs) in a real terminal and cross-check what tmux shows with
 * what xterm.js makes of the very same bytes.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {stopAll, TmuxScreen} from './tmux.js';
import {VirtualScreen} from './xterm.js';

/** Fixtures are not copied to build/: find them from the compiled file's location up to the repo root. */
function fixture(name: string): string {
	let dir = dirname(fileURLToPath(import.meta.url));
	for (;;) {
		const candidate = join(dir, 'test', 'harness', 'fixtures', name);
		if (existsSync(candidate)) return candidate;
		const parent = dirname(dir);
		if (parent === dir) throw new Error(`fixture ${name} not found above ${fileURLToPath(import.meta.url)}`);
		dir = parent;
	}
}

const ECHO_KEYS = fixture('echo-keys.mjs');
const COLUMNS = 60;
const ROWS = 12;

function startEchoKeys(options: {recordOutput?: boolean} = {}): Promise<TmuxScreen> {
	return TmuxScreen.start({command: [process.execPath, ECHO_KEYS], columns: COLUMNS, rows: ROWS, ...options});
}

after(stopAll);

describe('TmuxScreen driving echo-keys', () => {
	let screen: TmuxScreen;
	const saved = {CI: process.env.CI, FORCE_COLOR: process.env.FORCE_COLOR};

	before(async () => {
		// Whatever the outer environment says, the program must see neither.
		process.env.CI = 'true';
		process.env.FORCE_COLOR = '1';
		try {
			screen = await startEchoKeys({recordOutput: true});
		} finally {
			for (const [name, value] of Object.entries(saved)) {
				if (value === undefined) delete process.env[name];
				else process.env[name] = value;
			}
		}
	});
	after(() => screen?.stop());

	it('waits for the first frame and sees the cleaned environment', async () => {
		const rows = await screen.waitForText('RGB orange on navy');
		assert.equal(rows.length, ROWS);
		assert.equal(rows[0], 'RGB orange on navy');
		assert.equal(rows[1], `size: ${COLUMNS}x${ROWS}`);
		assert.equal(rows[2], 'env: CI=- TMUX=- FORCE_COLOR=-');
		assert.equal(rows[3], 'term: xterm-256color truecolor');
		assert.equal(rows[4], 'wide: \u6f22\u5b57|');
	});

	it('reports alternate screen on and cursor hidden while running', async () => {
		const state = await screen.state();
		assert.equal(state.alternateOn, true);
		assert.equal(state.cursorVisible, false);
		assert.equal(state.dead, false);
		assert.equal(state.exitStatus, undefined);
		assert.deepEqual([state.columns, state.rows], [COLUMNS, ROWS]);
	});

	it('reads 24-bit colours back from ansi() and cells()', async () => {
		const ansi = await screen.ansi();
		const first = ansi.split('\n')[0]!;
		// The SGR parameters before the text, however tmux groups them.
		const sgr =
			first
				.slice(0, first.indexOf('RGB'))
				.match(/\x1b\[([\d;:]*)m/g)
				?.join('') ?? '';
		assert.match(sgr, /38;2;255;136;0/);
		assert.match(sgr, /48;2;0;51;102/);

		const cells = await screen.cells();
		const cell = cells.cell(0, 0);
		assert.equal(cell.char, 'R');
		assert.equal(cell.fg, '#ff8800');
		assert.equal(cell.bg, '#003366');
		assert.equal(cell.bold, true);
		assert.equal(cells.cell(18, 0).bg, undefined, 'the colour ends with the text');
		// Columns, not string indices: the two wide characters take two cells each.
		assert.deepEqual(cells.find('|'), {x: 10, y: 4});
		assert.equal(cells.cell(6, 4).width, 2);
		assert.equal(cells.cell(7, 4).width, 0);
	});

	it('feeds the recorded bytes to a VirtualScreen that agrees with tmux', async () => {
		const bytes = await screen.waitForOutput(output => output.includes('wide: \u6f22\u5b57|'));
		const virtual = new VirtualScreen(COLUMNS, ROWS);
		await virtual.write(bytes);
		assert.equal(virtual.isAlternate(), true);
		assert.equal(virtual.cursorVisible(), false);
		assert.deepEqual(virtual.cell(0, 0), {...virtual.cell(0, 0), char: 'R', fg: '#ff8800', bg: '#003366', bold: true});
		assert.deepEqual(virtual.text(), await screen.text());
		const state = await screen.state();
		assert.deepEqual(virtual.cursor(), {x: state.cursorX, y: state.cursorY});
		virtual.dispose();
	});

	it('delivers keys and literal text', async () => {
		await screen.keys('Right');
		await screen.waitForText('key: "\\u001b[C"');
		await screen.type('hi;');
		await screen.waitForText('key: "hi;"');
		await screen.keys('Space');
		await screen.waitForText('key: " "');
		await screen.keys('Enter');
		await screen.waitForText('key: "\\r"');
	});

	it('resizes the terminal the program sees', async () => {
		await screen.resize(40, 9);
		const rows = await screen.waitForText('size: 40x9');
		assert.equal(rows.length, 9);
		const state = await screen.state();
		assert.deepEqual([state.columns, state.rows], [40, 9]);
	});

	it('puts the last screen dump in timeout errors', async () => {
		await assert.rejects(screen.waitForText('this never appears', {timeout: 150, what: 'the impossible text'}), (error: Error) => {
			assert.match(error.message, /Timed out after 150 ms waiting for the impossible text/);
			assert.match(error.message, /^ +0 \|RGB orange on navy$/m);
			assert.match(error.message, /size: 40x9/);
			return true;
		});
	});

	it('shows the terminal restored after the program quits', async () => {
		await screen.keys('q');
		const state = await screen.waitForExit({timeout: 5000});
		assert.equal(state.dead, true);
		assert.equal(state.exitStatus, 0);
		assert.equal(state.alternateOn, false);
		assert.equal(state.cursorVisible, true);
		// Exactly what the program left: the main screen, nothing scrolled or added by tmux.
		const rows = await screen.text();
		assert.equal(rows[0], 'echo-keys: bye');
		assert.deepEqual(
			rows.slice(1),
			Array.from({length: 8}, () => ''),
		);
		assert.deepEqual([state.cursorX, state.cursorY], [0, 1]);
		await assert.rejects(screen.signal('SIGTERM'), /already exited/);

		const bytes = await screen.finalOutput();
		const virtual = new VirtualScreen(40, 9);
		await virtual.write(bytes);
		assert.equal(virtual.isAlternate(), false);
		assert.equal(virtual.cursorVisible(), true);
		assert.deepEqual(virtual.text(), rows);
		virtual.dispose();
	});
});

describe('TmuxScreen process control', () => {
	it('signals the program itself and reports its exit status', async () => {
		const screen = await startEchoKeys();
		try {
			await screen.waitForText('RGB orange on navy');
			await screen.signal('SIGTERM');
			const state = await screen.waitForExit({timeout: 5000});
			assert.equal(state.exitStatus, 3, 'the SIGTERM handler ran');
			assert.equal((await screen.text())[0], 'echo-keys: terminated');
			assert.equal(state.alternateOn, false);
		} finally {
			await screen.stop();
		}
	});

	it('reports SIGKILL as 128 + 9 and leaves the screen as the program left it', async () => {
		const screen = await startEchoKeys();
		try {
			await screen.waitForText('RGB orange on navy');
			await screen.signal('SIGKILL');
			const state = await screen.waitForExit({timeout: 5000});
			assert.equal(state.exitStatus, 137);
			assert.equal(state.alternateOn, true, 'nobody restored the terminal');
			assert.equal(state.cursorVisible, false);
			assert.equal((await screen.text())[0], 'RGB orange on navy');
		} finally {
			await screen.stop();
		}
	});

	it('lets Ctrl-C interrupt a cooked-mode program without killing the pane', async () => {
		const screen = await TmuxScreen.start({
			command: [process.execPath, '-e', 'console.log("ready"); setInterval(() => {}, 1000)'],
			columns: 30,
			rows: 5,
		});
		try {
			await screen.waitForText('ready');
			await screen.keys('C-c');
			const state = await screen.waitForExit({timeout: 5000});
			assert.equal(state.exitStatus, 130);
		} finally {
			await screen.stop();
		}
	});

	it('passes arguments and environment through literally', async () => {
		const screen = await TmuxScreen.start({
			command: [
				process.execPath,
				'-e',
				'console.log([...process.argv.slice(1), process.env.LECTERN_X, process.env.TERM, process.cwd()].join("|"))',
				'a;',
				'b\\;',
				'#{pane_id}',
				'$HOME',
				';',
			],
			columns: 80,
			rows: 4,
			env: {LECTERN_X: 'x y', TERM: 'dumb'},
			cwd: '/',
		});
		try {
			const state = await screen.waitForExit({timeout: 5000});
			assert.equal(state.exitStatus, 0);
			assert.equal((await screen.text())[0], 'a;|b\\;|#{pane_id}|$HOME|;|x y|dumb|/');
		} finally {
			await screen.stop();
		}
	});

	it('stops idempotently and leaves no server or socket behind', async () => {
		const screen = await TmuxScreen.start({command: ['cat'], columns: 20, rows: 3});
		const {socketName} = screen;
		const socketPath = (await screen.tmux(['display', '-p', '#{socket_path}'])).trim();
		assert.ok(existsSync(socketPath));
		await Promise.all([screen.stop(), screen.stop()]);
		await screen.stop();
		assert.equal(existsSync(socketPath), false);
		const probe = spawnSync('tmux', ['-L', socketName, 'has-session'], {encoding: 'utf8'});
		assert.notEqual(probe.status, 0);
	});
});

describe('VirtualScreen', () => {
	it('converts lone line feeds only when asked', async () => {
		const raw = new VirtualScreen(10, 3);
		await raw.write('ab\ncd');
		assert.deepEqual(raw.text(), ['ab', '  cd', '']);
		const converted = new VirtualScreen(10, 3, {convertEol: true});
		await converted.write(Buffer.from('ab\ncd\r\nef'));
		assert.deepEqual(converted.text(), ['ab', 'cd', 'ef']);
		await raw.write('\nxy', {convertEol: true});
		assert.deepEqual(raw.text(), ['ab', '  cd', 'xy']);
	});

	it('measures wide characters and emoji with Unicode 11', async () => {
		const screen = new VirtualScreen(20, 2);
		await screen.write('a\u{1F600}b\u6f22c');
		assert.deepEqual(
			[0, 1, 2, 3, 4, 5, 6].map(x => [screen.cell(x, 0).char, screen.cell(x, 0).width]),
			[
				['a', 1],
				['\u{1F600}', 2],
				['', 0],
				['b', 1],
				['\u6f22', 2],
				['', 0],
				['c', 1],
			],
		);
		assert.deepEqual(screen.cursor(), {x: 7, y: 0});
		assert.deepEqual(screen.find('c'), {x: 6, y: 0});
	});

	it('reports palette colours as indices, RGB as hex, and attributes', async () => {
		const screen = new VirtualScreen(20, 2);
		await screen.write('\x1b[31mA\x1b[91mB\x1b[38;5;196mC\x1b[38;2;1;2;3;48;5;17mD\x1b[0;7;3;4mE\x1b[0mF');
		const cells = screen.cells(0);
		assert.deepEqual(
			cells.slice(0, 6).map(cell => [cell.fg, cell.bg]),
			[
				[1, undefined],
				[9, undefined],
				[196, undefined],
				['#010203', 17],
				[undefined, undefined],
				[undefined, undefined],
			],
		);
		assert.deepEqual([cells[4]!.inverse, cells[4]!.italic, cells[4]!.underline, cells[5]!.inverse], [true, true, true, false]);
	});

	it('tracks the alternate screen, cursor visibility and resizes', async () => {
		const screen = new VirtualScreen(10, 4);
		await screen.write('main');
		await screen.write('\x1b[?1049h\x1b[?25l\x1b[2;3Halt');
		assert.equal(screen.isAlternate(), true);
		assert.equal(screen.cursorVisible(), false);
		assert.deepEqual(screen.text(), ['', '  alt', '', '']);
		assert.deepEqual(screen.cursor(), {x: 5, y: 1});
		await screen.write('\x1b[?1049l\x1b[?25h');
		assert.equal(screen.isAlternate(), false);
		assert.equal(screen.cursorVisible(), true);
		assert.deepEqual(screen.text(), ['main', '', '', '']);
		screen.resize(6, 2);
		assert.deepEqual([screen.columns, screen.rows], [6, 2]);
		assert.throws(() => screen.cell(6, 0), RangeError);
	});
});
