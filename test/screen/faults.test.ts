/**
 * Terminal faults in a real terminal: resize storms (mid-animation, down to 1x1),
 * Ctrl-Z and fg (with a resize while stopped), and a closed stdout.
 */
import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import {after, before, test} from 'node:test';
import {stopAll, TmuxScreen} from '../harness/tmux.js';
import {writeFileSync} from 'node:fs';
import {assertBuilt, cli, plainEnv, printSlides, privateTmpdir, root, startPlayer, waitForRawMode, waitForSlide} from './support.js';

before(assertBuilt);
after(stopAll);

const demo = 'fixtures/demo.txt';

test('a resize storm mid-animation, down to 1x1 and back, ends on a clean slide', async () => {
	const screen = await startPlayer(['--typing-speed', '5', demo], {size: {columns: 80, rows: 24}});
	try {
		await screen.keys('4', 'Enter');
		await waitForSlide(screen, {position: 4, total: 10, size: {columns: 80, rows: 24}});
		await screen.keys('Left', 'Right');
		// Typing at 5 characters a second: the storm lands while the command types.
		const sizes = [
			[120, 40],
			[1, 1],
			[7, 3],
			[200, 50],
			[20, 6],
			[2, 30],
			[150, 10],
			[1, 1],
			[100, 30],
		] as const;
		for (const [columns, rows] of sizes) await screen.resize(columns, rows);
		const size = {columns: 100, rows: 30};
		await screen.keys('Space');
		const [expected] = printSlides(demo, size).slice(3, 4);
		await waitForSlide(screen, {position: 4, total: 10, size, lines: expected!.lines, what: 'slide 4, final state, after the storm'});
		const state = await screen.state();
		assert.equal(state.dead, false, 'still running');
		await screen.keys('q');
		const exit = await screen.waitForExit();
		assert.equal(exit.exitStatus, 0);
		assert.equal(exit.alternateOn, false);
		assert.equal(exit.cursorVisible, true);
	} finally {
		await screen.stop();
	}
});

test('Ctrl-Z gives the terminal back; fg redraws the slide whole at a size changed while stopped, and follows a resize after', async () => {
	const screen = await TmuxScreen.start({command: ['/bin/sh'], columns: 80, rows: 24, cwd: root, env: {TMPDIR: privateTmpdir(), PS1: '$ '}});
	try {
		await screen.type(`"${process.execPath}" "${cli}" ${demo}\n`);
		await waitForSlide(screen, {position: 1, total: 10, size: {columns: 80, rows: 24}});
		await screen.keys('Right');
		await waitForSlide(screen, {position: 2, total: 10, size: {columns: 80, rows: 24}});
		await screen.keys('C-z');
		await screen.waitFor(rows => rows.some(row => /Stopped|suspended/i.test(row)), {what: 'the shell reports the stopped job'});
		let state = await screen.state();
		assert.equal(state.alternateOn, false, 'back on the main screen while stopped');
		assert.equal(state.cursorVisible, true);
		// A resize while stopped goes to the shell, the terminal's foreground job: lectern
		// asks the terminal for its size when it runs again.
		await screen.resize(100, 30);
		await screen.type('fg\n');
		let size = {columns: 100, rows: 30};
		await waitForSlide(screen, {
			position: 2,
			total: 10,
			size,
			lines: printSlides(demo, size)[1]!.lines,
			what: 'slide 2 redrawn whole at the new size after fg',
		});
		await screen.resize(90, 26);
		size = {columns: 90, rows: 26};
		await waitForSlide(screen, {position: 2, total: 10, size, lines: printSlides(demo, size)[1]!.lines, what: 'slide 2 at the size after that'});
		state = await screen.state();
		assert.equal(state.alternateOn, true);
		assert.equal(state.cursorVisible, false);
		await screen.keys('Right');
		await waitForSlide(screen, {position: 3, total: 10, size, lines: printSlides(demo, size)[2]!.lines, what: 'keys work after fg'});
		await screen.keys('q');
		await screen.waitFor(rows => rows.some(row => row.startsWith('$')), {what: 'the shell prompt'});
		state = await screen.state();
		assert.equal(state.alternateOn, false);
		assert.equal(state.cursorVisible, true);
	} finally {
		await screen.stop();
	}
});

test('SIGSTOP and SIGCONT from elsewhere: raw mode comes back and the slide is redrawn whole', async () => {
	const size = {columns: 80, rows: 24};
	const screen = await startPlayer([demo], {size});
	try {
		await screen.keys('Right');
		await waitForSlide(screen, {position: 2, total: 10, size});
		const tty = (await screen.tmux(['display', '-p', '-t', 'lectern:', '#{pane_tty}'])).trim();
		await screen.signal('SIGSTOP');
		// What a shell does when its job stops: the terminal back in cooked mode; and something written over the slide.
		spawnSync('stty', ['sane', '-F', tty]);
		writeFileSync(tty, '\u001B[2J\u001B[Hthe shell wrote here\r\n');
		await screen.signal('SIGCONT');
		await waitForRawMode(screen);
		await waitForSlide(screen, {position: 2, total: 10, size, lines: printSlides(demo, size)[1]!.lines, what: 'slide 2 redrawn whole after SIGCONT'});
		await screen.keys('Right');
		await waitForSlide(screen, {position: 3, total: 10, size, what: 'keys work after SIGCONT'});
		await screen.keys('q');
		const exit = await screen.waitForExit();
		assert.equal(exit.exitStatus, 0);
		assert.equal(exit.alternateOn, false);
	} finally {
		await screen.stop();
	}
});

test('a closed stdout (EPIPE) ends print quietly', async () => {
	const child = spawn(process.execPath, [cli, 'print', demo], {cwd: root, env: plainEnv(), stdio: ['ignore', 'pipe', 'pipe']});
	let stderr = '';
	child.stderr.on('data', chunk => {
		stderr += String(chunk);
	});
	child.stdout.once('data', () => {
		child.stdout.destroy();
	});
	const code = await new Promise<number | null>(resolve => {
		child.on('close', resolve);
	});
	assert.equal(code, 0);
	assert.equal(stderr, '');
});

test('TERM=dumb cannot present full screen: one clear line, exit 2, the terminal untouched', async () => {
	const screen = await TmuxScreen.start({
		command: [process.execPath, cli, demo],
		columns: 80,
		rows: 24,
		cwd: root,
		env: {TMPDIR: privateTmpdir(), TERM: 'dumb'},
	});
	try {
		const state = await screen.waitForExit();
		assert.equal(state.exitStatus, 2);
		assert.equal(state.alternateOn, false);
		assert.equal(state.cursorVisible, true);
		const text = (await screen.text()).join('');
		assert.match(text, /lectern: TERM=dumb cannot draw full-screen slides; to see them as text, use: lectern print DECK/);
	} finally {
		await screen.stop();
	}
});
