/**
 * Saving a pathological deck while presenting: the talk keeps running (the
 * long deck is shown cut, a binary file is an error in the status bar and the
 * last good deck stays), and `q` still quits.
 */
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import {stopAll, TmuxScreen} from '../harness/tmux.js';
import {assertBuilt, cli, privateTmpdir, root, waitForRawMode} from './support.js';

before(assertBuilt);
after(stopAll);

const folder = mkdtempSync(join(tmpdir(), 'lectern-reload-'));
after(() => {
	rmSync(folder, {recursive: true, force: true});
});

/** A bound, not a budget. */
const bound = 20_000;

test('saving a pathological deck while presenting keeps the talk running, and q still quits', async () => {
	const path = join(folder, 'talk.md');
	writeFileSync(path, '# Talk\n\nhello\n');
	const screen = await TmuxScreen.start({command: [process.execPath, cli, path], columns: 80, rows: 24, cwd: root, env: {TMPDIR: privateTmpdir()}});
	try {
		await waitForRawMode(screen, bound);
		await screen.waitFor(rows => rows.some(row => row.includes('hello')), {what: 'the first deck', timeout: bound});
		// The player watches the deck once it is up: the first save may come before that, so it is made again until seen.
		const long = `# Talk\n\n${'- item\n'.repeat(20_000)}`;
		await saveUntilShown(screen, path, long, rows => rows.some(row => row.includes('cut at 10,000')));
		const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
		await saveUntilShown(screen, path, binary, rows => rows.some(row => row.includes('looks like a binary file')));
		await screen.keys('q');
		const exit = await screen.waitForExit({timeout: bound});
		assert.equal(exit.exitStatus, 0);
		assert.equal(exit.alternateOn, false);
	} finally {
		await screen.stop();
	}
});

async function saveUntilShown(screen: TmuxScreen, path: string, content: string | Uint8Array, shown: (rows: string[]) => boolean): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		writeFileSync(path, content);
		try {
			await screen.waitFor(shown, {what: 'the saved deck', timeout: bound});
			return;
		} catch (error) {
			if (attempt >= 3) throw error;
		}
	}
}
