/**
 * Live code in the player, in tmux: without --run-code, Ctrl-E asks first and
 * runs nothing unless the answer is y (no process is spawned: the block's
 * marker file never appears); with --run-code, the block runs at once and its
 * output is on the slide.
 */
import assert from 'node:assert/strict';
import {copyFileSync, existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {assertBuilt, startPlayer} from './support.js';

const size = {columns: 80, rows: 24};
const folders: string[] = [];
after(() => {
	for (const folder of folders) rmSync(folder, {recursive: true, force: true});
});

function deckCopy(): {deck: string; marker: string} {
	const folder = mkdtempSync(join(tmpdir(), 'lectern-live-'));
	folders.push(folder);
	copyFileSync(join(process.cwd(), 'fixtures', 'code', 'live.md'), join(folder, 'live.md'));
	return {deck: join(folder, 'live.md'), marker: join(folder, 'ran-marker.txt')};
}

test('without --run-code, Ctrl-E asks first: n spawns nothing, y runs the block', async () => {
	assertBuilt();
	const {deck, marker} = deckCopy();
	const screen = await startPlayer([deck], {size});
	try {
		await screen.waitForText('Live code');
		await screen.keys('C-e');
		// The question names the language, the command and the block's first line.
		const asked = await screen.waitForText('y/n', {what: 'the question'});
		const question = asked.at(-2) ?? '';
		assert.ok(question.includes('Run this sh block (sh)?') && question.includes('echo "ran: $((6 * 7))"'), question);
		await screen.keys('n');
		await screen.waitForText('--run-code', {what: 'the refusal, saying how to run code without asking'});
		// Give a process that should not exist time to show itself.
		await new Promise(resolve => setTimeout(resolve, 500));
		assert.equal(existsSync(marker), false, 'the block did not run');
		assert.ok(!(await screen.text()).some(row => row.includes('ran: 42')));

		await screen.keys('C-e');
		await screen.waitForText('y/n', {what: 'the question again'});
		await screen.keys('y');
		await screen.waitForText('ran: 42', {what: 'the output once the presenter said yes'});
		assert.equal(existsSync(marker), true);
	} finally {
		await screen.stop();
	}
});

test('with --run-code, Ctrl-E runs the block and its output shows under it; a +pty block runs in a terminal', async () => {
	assertBuilt();
	const {deck, marker} = deckCopy();
	const screen = await startPlayer(['--run-code', deck], {size});
	try {
		await screen.waitForText('Live code');
		await screen.keys('C-e');
		await screen.waitForText('ran: 42');
		assert.equal(existsSync(marker), true);
		await screen.keys('Right');
		await screen.waitForText('In a terminal');
		await screen.keys('C-e');
		// `tput cols` in the pseudo-terminal: the width lectern gave it.
		await screen.waitFor(rows => rows.some(row => row.includes('red and plain')) && rows.some(row => row.trim() === '72'), {what: 'the +pty output'});
	} finally {
		await screen.stop();
	}
});
