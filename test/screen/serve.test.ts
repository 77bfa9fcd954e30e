/**
 * `lectern serve` as people use it: the presenter's player in one terminal, real
 * OpenSSH clients (`ssh`) in others at their own sizes. Each viewer follows the
 * presenter, laid out for their terminal exactly as `print` lays it out at that
 * size; a viewer's keys do not move the talk; a resize lays out that viewer
 * again and nobody else; anything but a terminal session is refused.
 */
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import {isDeepStrictEqual} from 'node:util';
import {stopAll, TmuxScreen} from '../harness/tmux.js';
import {drawnColour} from '../harness/xterm.js';
import {assertBuilt, bodyRows, expectedBody, printSlides, startPlayer, atPosition, statusRow, type Size} from './support.js';

const home = mkdtempSync(join(tmpdir(), 'lectern-serve-home-'));
before(assertBuilt);
after(async () => {
	await stopAll();
	rmSync(home, {recursive: true, force: true});
});

const deck = 'fixtures/screen/presenter.txt';
const total = 5;
const notes = /SPEAKER-NOTE/;
/** No user config, no known-hosts file, no questions: a fresh viewer every time. */
const sshOptions = ['-F', '/dev/null', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR', '-o', 'BatchMode=yes'];
const env = {HOME: home, XDG_CONFIG_HOME: join(home, 'config')};

/** Starts the presenter's `lectern serve` on a free loopback port; resolves to its terminal and the port. */
async function presenter(args: string[]): Promise<{screen: TmuxScreen; port: number}> {
	const screen = await startPlayer(['serve', '--port', '0', ...args, deck], {size: {columns: 100, rows: 30}, env, recordOutput: true});
	const output = await screen.waitForOutput(bytes => /ssh -p \d+ 127\.0\.0\.1/.test(bytes.toString()), {what: 'the connect command'});
	return {screen, port: Number(/ssh -p (\d+) 127\.0\.0\.1/.exec(output.toString())![1])};
}

/** A viewer's ssh in a terminal of `size` (`ssh ... -o SendEnv=COLORTERM` with `sendColorterm`: truecolor). */
function viewer(port: number, size: Size, recordOutput = false, sendColorterm = false): Promise<TmuxScreen> {
	const extra = sendColorterm ? ['-o', 'SendEnv=COLORTERM'] : [];
	return TmuxScreen.start({
		command: ['ssh', ...sshOptions, ...extra, '-p', String(port), 'viewer@127.0.0.1'],
		columns: size.columns,
		rows: size.rows,
		env,
		recordOutput,
	});
}

/** Waits until a viewer shows slide `position` as print lays it out at their size. */
async function follows(screen: TmuxScreen, position: number, size: Size, also: (rows: string[]) => boolean = () => true): Promise<string[]> {
	const body = expectedBody(printSlides(deck, size)[position - 1]!.lines, size);
	const shows = (rows: string[]) => atPosition(statusRow(rows), ` ${position}/${total}`) && isDeepStrictEqual(bodyRows(rows), body) && also(rows);
	try {
		return await screen.waitFor(shows, {what: `slide ${position} at ${size.columns}x${size.rows}`});
	} catch (error) {
		assert.deepEqual(bodyRows(await screen.text()), body, `slide ${position} at ${size.columns}x${size.rows}`);
		throw error;
	}
}

const settled = (rows: string[]) => !statusRow(rows).includes('watching live') && !statusRow(rows).includes('following');

test('viewers at 80x24 and 200x50 follow the presenter; their keys move nothing; a resize re-lays out that viewer only', async () => {
	const {screen: talk, port} = await presenter(['--no-animation', '--presenter']);
	const small = {columns: 80, rows: 24};
	const large = {columns: 200, rows: 50};
	const one = await viewer(port, small, true);
	const two = await viewer(port, large, false, true);
	try {
		await follows(one, 1, small);
		await follows(two, 1, large);
		await talk.waitFor(rows => statusRow(rows).includes('2 watching'), {what: 'the presenter sees two viewers'});

		for (let position = 2; position <= 3; position++) {
			await talk.keys('Right');
			await follows(one, position, small);
			const rows = await follows(two, position, large);
			assert.doesNotMatch(rows.join('\n'), notes, "never the speaker's notes");
		}

		// Slide 3 is a big emoji: 24-bit colours for the viewer whose ssh sends COLORTERM=truecolor, the 256-colour palette for the other.
		const colours = async (screen: TmuxScreen) => {
			const cells = await screen.cells();
			return new Set(cells.text().flatMap((_, y) => cells.cells(y).map(cell => typeof cell.fg)));
		};

		assert.ok((await colours(two)).has('string'), 'truecolor');
		assert.ok(!(await colours(one)).has('string'), '256 colours');

		// A viewer's keys: a reminder on their screen, nothing else anywhere.
		await one.keys('Right', 'Space', 'p', 'Escape');
		await one.waitFor(rows => statusRow(rows).includes('read-only: following the speaker'), {what: 'the reminder'});
		await talk.keys('Right');
		await follows(one, 4, small);
		await follows(two, 4, large);
		assert.match((await talk.text()).join('\n'), /SPEAKER-NOTE-FOUR/, 'the presenter is where they went, not further');

		// A resize: the viewer who resized gets their slide at the new size; the other is sent nothing.
		await follows(one, 4, small, settled);
		await follows(two, 4, large, settled);
		const quiet = (await one.output()).length;
		await two.resize(150, 40);
		await follows(two, 4, {columns: 150, rows: 40}, settled);
		await talk.keys('Left');
		await talk.keys('Right');
		await follows(one, 4, small);
		const [before] = [quiet];
		assert.ok((await one.output()).length > before, 'the other viewer still follows');
	} finally {
		await Promise.all([one.stop(), two.stop(), talk.stop()]);
	}
});

test('a viewer sees a command type itself in step with the presenter, and the end of the talk gives their terminal back', async () => {
	const {screen: talk, port} = await presenter(['--typing-speed', '4', '--start', '3']);
	const size = {columns: 80, rows: 24};
	const one = await viewer(port, size);
	try {
		await one.waitFor(rows => atPosition(statusRow(rows), ' 3/5'), {what: 'the viewer on slide 3'});
		await talk.keys('Right');
		// Part of the command typed, the cursor after it (4 characters a second: some 6 s of typing).
		const halfTyped = (rows: string[]) => bodyRows(rows).some(row => /~\/talk \$ e[\w-]*█/.test(row) && !row.includes('typing-in-progress'));
		await one.waitFor(halfTyped, {what: 'the viewer sees the command half typed'});
		await talk.waitFor(halfTyped, {what: 'as the presenter does'});
		await talk.keys('Space');
		await follows(one, 4, size);
		await talk.keys('q');
		await talk.waitForExit();
		const state = await one.waitForExit({what: 'ssh ends with the talk'});
		assert.equal(state.exitStatus, 0);
		assert.equal(state.alternateOn, false, "the viewer's terminal is back on its main screen");
		assert.equal(state.cursorVisible, true);
		assert.match((await one.text()).join('\n'), /the talk is over/);
	} finally {
		await Promise.all([one.stop(), talk.stop()]);
	}
});

test("viewers see the presenter's theme: its background on every cell, and the next one when the presenter presses T", async () => {
	const {screen: talk, port} = await presenter(['--no-animation', '--theme', 'light']);
	const size = {columns: 80, rows: 24};
	const one = await viewer(port, size, false, true);
	try {
		await one.waitFor(rows => atPosition(statusRow(rows), ' 1/5'), {what: 'the viewer on slide 1'});
		/** The background colours of a viewer's screen: corners, middle, below the status bar (which has its own). */
		const backgrounds = async () => {
			const cells = await one.cells();
			const places: Array<[number, number]> = [
				[0, 0],
				[79, 0],
				[40, 12],
				[0, size.rows - 1],
				[79, size.rows - 1],
			];
			// As drawn: white is the palette's entry 231, which truecolor writes as its short code.
			return new Set(places.map(([x, y]) => drawnColour(cells.cell(x, y).bg)));
		};

		assert.deepEqual(await backgrounds(), new Set(['#ffffff']), "the light theme's background");
		await talk.keys('T');
		// light, then high-contrast: white on black.
		await one.waitFor(() => true);
		const deadline = Date.now() + 20_000;
		while (!isDeepStrictEqual(await backgrounds(), new Set(['#000000']))) {
			assert.ok(Date.now() < deadline, `the viewer never turned to high-contrast: ${[...(await backgrounds())].join(', ')}`);
			await new Promise(resolve => setTimeout(resolve, 50));
		}

		await talk.keys('T', 'T');
		// projector, then dark: the viewer's own terminal background again.
		while (!isDeepStrictEqual(await backgrounds(), new Set([undefined]))) {
			assert.ok(Date.now() < deadline, `the viewer never turned to dark: ${[...(await backgrounds())].join(', ')}`);
			await new Promise(resolve => setTimeout(resolve, 50));
		}
	} finally {
		await Promise.all([one.stop(), talk.stop()]);
	}
});

test('a command, SFTP or a terminal-less session is refused', async () => {
	const {screen: talk, port} = await presenter(['--no-animation']);
	const run = (program: string, args: string[], input = '') =>
		new Promise<{code: number | null; stderr: string}>(resolve => {
			const child = execFile(program, args, {env: {...process.env, ...env}, timeout: 30_000}, (error, _stdout, stderr) =>
				resolve({code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr}),
			);
			child.stdin?.end(input);
		});
	try {
		const exec = await run('ssh', [...sshOptions, '-p', String(port), 'viewer@127.0.0.1', 'id']);
		assert.equal(exec.code, 255);
		assert.match(exec.stderr, /exec request failed/);
		const noTerminal = await run('ssh', [...sshOptions, '-T', '-p', String(port), 'viewer@127.0.0.1']);
		assert.equal(noTerminal.code, 255);
		assert.match(noTerminal.stderr, /shell request failed/);
		const sftp = await run('sftp', ['-b', '-', '-P', String(port), ...sshOptions, 'viewer@127.0.0.1'], 'ls\n');
		assert.notEqual(sftp.code, 0);
		const forward = await run('ssh', [...sshOptions, '-p', String(port), '-W', '127.0.0.1:22', 'viewer@127.0.0.1']);
		assert.equal(forward.code, 255);
		assert.match((await talk.text()).join('\n'), /0 watching/, 'none of them counts as a viewer');

		// A presenter stopped by SIGTERM still gives every viewer their terminal back.
		const one = await viewer(port, {columns: 80, rows: 24});
		try {
			await talk.waitFor(rows => statusRow(rows).includes('1 watching'), {what: 'one viewer'});
			await talk.signal('SIGTERM');
			const state = await one.waitForExit({what: 'ssh ends with the presenter'});
			assert.equal(state.exitStatus, 0);
			assert.equal(state.alternateOn, false);
			assert.match((await one.text()).join('\n'), /the talk is over/);
		} finally {
			await one.stop();
		}
	} finally {
		await talk.stop();
	}
});
