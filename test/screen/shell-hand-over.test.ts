/**
 * `!` on a `$$terminal` slide hands the terminal over to the presenter's
 * shell, in tmux: without --run-code only after a yes; the shell runs in the
 * deck's folder in cooked mode on the normal screen, Ctrl-C is the shell's, a
 * resize meanwhile is drawn on return, `exit` brings the slide back with the
 * keys working, and SIGTERM ends the shell and restores the terminal.
 */
import assert from 'node:assert/strict';
import {readFileSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import type {TmuxScreen} from '../harness/tmux.js';
import {assertBuilt, privateTmpdir, startPlayer, statusRow} from './support.js';

before(assertBuilt);
const deck = join(process.cwd(), 'fixtures', 'code', 'shell.txt');
const env = {SHELL: '/bin/sh', PS1: 'demo$ ', ENV: ''};
const folder = privateTmpdir();
after(() => rmSync(folder, {recursive: true, force: true}));

async function onTerminalSlide(args: readonly string[]): Promise<TmuxScreen> {
	const screen = await startPlayer([...args, '--no-animation', deck], {size: {columns: 80, rows: 24}, env});
	await screen.keys('Right');
	await screen.waitForText('scripted', {what: 'the terminal slide'});
	return screen;
}

const shellPrompt = (rows: readonly string[]) => rows.some(row => row.startsWith('demo$'));

test('without --run-code, ! asks first: n opens nothing, y opens the shell, exit brings the slide back and the keys work', async () => {
	const screen = await onTerminalSlide([]);
	try {
		await screen.keys('!');
		await screen.waitFor(rows => statusRow(rows).includes('Open a shell (sh in') && statusRow(rows).includes('y/n'), {what: 'the question'});
		await screen.keys('n');
		await screen.waitFor(rows => statusRow(rows).includes('no shell'), {what: 'the refusal'});
		assert.equal((await screen.state()).alternateOn, true, 'still presenting');
		assert.ok(!shellPrompt(await screen.text()));

		await screen.keys('!');
		await screen.waitFor(rows => statusRow(rows).includes('y/n'), {what: 'the question again'});
		await screen.keys('y');
		await screen.waitFor(shellPrompt, {what: 'the shell prompt'});
		const handed = await screen.state();
		assert.equal(handed.alternateOn, false, 'the shell is on the normal screen');
		assert.equal(handed.cursorVisible, true, 'the cursor shows in the shell');
		await screen.type('echo hand-over-$((6*7)); pwd\n');
		await screen.waitForText('hand-over-42', {what: 'the command output'});
		assert.ok((await screen.text()).includes(join(process.cwd(), 'fixtures', 'code')), 'the shell runs in the deck folder');

		await screen.type('exit\n');
		await screen.waitFor(rows => rows.some(row => row.includes('scripted')) && !shellPrompt(rows), {what: 'the slide back'});
		assert.equal((await screen.state()).alternateOn, true, 'back on the alternate screen');
		assert.equal((await screen.state()).cursorVisible, false, 'the cursor hidden again');
		await screen.keys('Right');
		await screen.waitFor(rows => statusRow(rows).includes('3/3'), {what: 'the next slide after the hand-over'});
		// The yes holds for the session: `!` opens the shell at once now.
		await screen.keys('Left');
		await screen.waitForText('scripted');
		await screen.keys('!');
		await screen.waitFor(shellPrompt, {what: 'the shell again, without a question'});
		await screen.type('exit\n');
		await screen.waitForText('scripted', {what: 'the slide back again'});
		await screen.keys('q');
		const state = await screen.waitForExit({what: 'the player to quit'});
		assert.equal(state.exitStatus, 0);
		assert.equal(state.alternateOn, false);
		assert.equal(state.cursorVisible, true);
	} finally {
		await screen.stop();
	}
});

test('with --run-code: Ctrl-C is the shell’s, a resize in the shell is drawn on return', async () => {
	const screen = await onTerminalSlide(['--run-code']);
	try {
		await screen.keys('!');
		await screen.waitFor(shellPrompt, {what: 'the shell, no question asked'});
		await screen.type('sleep 30\n');
		await screen.keys('C-c');
		await screen.type('echo still-$((40+2))\n');
		await screen.waitForText('still-42', {what: 'the shell after Ctrl-C'});
		assert.equal((await screen.state()).dead, false, 'Ctrl-C did not reach lectern');

		await screen.resize(100, 30);
		await screen.type('exit\n');
		const rows = await screen.waitFor(shown => shown.length === 30 && shown.some(row => row.includes('scripted')), {what: 'the slide at 100x30'});
		// The window is centred for the new width: the slide is drawn whole at the new size.
		assert.ok(statusRow(rows).trim().startsWith('2/3') || statusRow(rows).includes('2/3'), statusRow(rows));
		await screen.keys('Right');
		await screen.waitFor(shown => statusRow(shown).includes('3/3'), {what: 'the keys after the resize'});
	} finally {
		await screen.stop();
	}
});

test('SIGTERM while the shell runs ends the shell, then lectern, and restores the terminal', async () => {
	const screen = await onTerminalSlide(['--run-code']);
	try {
		await screen.keys('!');
		await screen.waitFor(shellPrompt, {what: 'the shell'});
		const pidFile = join(folder, 'shell.pid');
		await screen.type(`echo $$ > ${pidFile}; echo written\n`);
		await screen.waitForText('written');
		const pid = Number(readFileSync(pidFile, 'utf8').trim());
		assert.ok(pid > 0);
		await screen.signal('SIGTERM');
		const state = await screen.waitForExit({what: 'lectern to exit after SIGTERM'});
		assert.equal(state.exitStatus, 143);
		assert.equal(state.alternateOn, false);
		assert.equal(state.cursorVisible, true);
		assert.throws(() => process.kill(pid, 0), 'the shell is gone');
	} finally {
		await screen.stop();
	}
});
