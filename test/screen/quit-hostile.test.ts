/**
 * Always quittable: with the worst case of each construct on screen (runs of
 * emoji clusters without a space, slides of lists and tables past the line cap),
 * `q`, Ctrl-C and SIGTERM end the player within a bound and give the terminal
 * back. Keys are pressed as soon as the terminal is raw, while the deck may
 * still be read and laid out.
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

const folder = mkdtempSync(join(tmpdir(), 'lectern-quit-'));
after(() => {
	rmSync(folder, {recursive: true, force: true});
});

function deck(name: string, text: string): string {
	const path = join(folder, name);
	writeFileSync(path, text);
	return path;
}

const zwj = deck('zwj.md', `# Emoji\n\n${'👩🏻‍🔧'.repeat(24_000)}\n`);
const keycaps = deck('keycaps.md', `# Keys\n\n${'1️⃣'.repeat(30_000)}\n`);
const flags = deck('flags.md', `# Flags\n\n${'🇫🇷'.repeat(24_000)}\n`);
const list = deck('list.md', `# List\n\n${'- item\n'.repeat(50_000)}`);
const table = deck('table.md', `# Table\n\n| a | b |\n|---|---|\n${'| x | y |\n'.repeat(30_000)}`);
// 14 MB of slides: parsed whole in a worker while the first one is up (on the player's thread it took a minute).
const slides = deck('slides.md', '# Slide\n\nText\n\n---\n\n'.repeat(600_000));

type Way = 'q' | 'C-c' | 'SIGTERM';
/** Ctrl-C is a key of the player's (quit), as `q`; SIGTERM exits 128 + 15. */
const exitStatus: Record<Way, number> = {q: 0, 'C-c': 0, SIGTERM: 143};
/** A bound, not a budget: each of these used to run for a minute or never end. */
const bound = 30_000;

const runs: Array<[string, string, Way]> = [
	['a 24,000-cluster ZWJ run', zwj, 'q'],
	['a 24,000-cluster ZWJ run', zwj, 'C-c'],
	['a 24,000-cluster ZWJ run', zwj, 'SIGTERM'],
	['30,000 keycaps', keycaps, 'C-c'],
	['24,000 flags', flags, 'SIGTERM'],
	['a 50,000-item list', list, 'q'],
	['a 30,000-row table', table, 'SIGTERM'],
	['600,000 slides', slides, 'q'],
	['600,000 slides', slides, 'C-c'],
];

for (const [name, path, way] of runs) {
	test(`${name}: ${way} quits and restores the terminal`, async () => {
		const screen = await TmuxScreen.start({command: [process.execPath, cli, path], columns: 80, rows: 24, cwd: root, env: {TMPDIR: privateTmpdir()}});
		try {
			// Reading a deck of megabytes may take a while on a loaded machine; the terminal is raw before the layout starts.
			await waitForRawMode(screen, bound);
			if (way === 'SIGTERM') await screen.signal('SIGTERM');
			else await screen.keys(way);
			const exit = await screen.waitForExit({timeout: bound, what: `the player to quit on ${way}`});
			assert.equal(exit.exitStatus, exitStatus[way]);
			assert.equal(exit.alternateOn, false);
			assert.equal(exit.cursorVisible, true);
		} finally {
			await screen.stop();
		}
	});
}
