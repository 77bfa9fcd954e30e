/**
 * No key pressed while the player starts is lost or reordered: keys go to the player at
 * seeded random moments from the spawn on (before raw mode, while the opening slide is
 * drawn, while Ink loads, after), and the slide it ends on is the one the keys lead to.
 * Not a timing test: the moments only spread the keys over start-up; the check is the
 * final slide, whatever the machine's speed.
 *
 * Run from the repository root after `node scripts/build.mjs`.
 */
import assert from 'node:assert/strict';
import {copyFileSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import {stopAll, TmuxScreen} from '../harness/tmux.js';
import {VirtualScreen} from '../harness/xterm.js';
import {assertBuilt, cli, privateTmpdir, root, showsPosition, statusRow, type Size} from './support.js';

before(assertBuilt);
after(stopAll);

const size: Size = {columns: 80, rows: 24};
const total = 12;
const folder = mkdtempSync(join(tmpdir(), 'lectern-startup-keys-'));
after(() => {
	rmSync(folder, {recursive: true, force: true});
});

/** Plain slides: no typing animation that a key would finish instead of moving. */
const deck = join(folder, 'deck.txt');
writeFileSync(deck, Array.from({length: total}, (_, index) => `# Slide ${index + 1}\n\n- point ${index + 1}\n`).join('\n---\n\n'));
/** The same slides with long notes: over 256 KB, so the whole deck is parsed in a worker while keys arrive (read-deck.ts). */
const large = join(folder, 'large.txt');
writeFileSync(
	large,
	Array.from({length: total}, (_, index) => `# Slide ${index + 1}\n\n- point ${index + 1}\n\nNote: ${'words '.repeat(5000)}\n`).join('\n---\n\n'),
);

/** Mulberry32: a small seeded generator, so a failing round can be replayed. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d_2b_79_f5) >>> 0;
		let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
		mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
		return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
	};
}

type Key = 'Right' | 'Left' | 'Home' | 'End';

/** Where the keys lead from slide 1 (0-based), as the player's navigation moves. */
function expectedIndex(keys: readonly Key[]): number {
	let index = 0;
	for (const key of keys) {
		if (key === 'Right') index = Math.min(total - 1, index + 1);
		else if (key === 'Left') index = Math.max(0, index - 1);
		else if (key === 'Home') index = 0;
		else index = total - 1;
	}
	return index;
}

/** A seeded round: mostly Right, some Left, now and then Home or End (so order matters), over the first 1.5 s. */
function round(seed: number): Array<{key: Key; at: number}> {
	const next = random(seed);
	const count = 3 + Math.floor(next() * 6);
	const keys = Array.from({length: count}, () => {
		const pick = next();
		const key: Key = pick < 0.6 ? 'Right' : pick < 0.8 ? 'Left' : pick < 0.9 ? 'End' : 'Home';
		return {key, at: Math.floor(next() * 1500)};
	});
	return keys.sort((a, b) => a.at - b.at);
}

/** The player on `path` in a fresh terminal, without waiting for anything: keys sent at once reach it during start-up. */
const startRaw = async (path: string, recordOutput = false): Promise<TmuxScreen> =>
	TmuxScreen.start({command: [process.execPath, cli, path], columns: size.columns, rows: size.rows, cwd: root, env: {TMPDIR: privateTmpdir()}, recordOutput});

const pause = (ms: number) =>
	new Promise<void>(resolve => {
		setTimeout(resolve, ms);
	});

for (const [which, path, seed] of [
	['a small deck', deck, 18],
	['a small deck', deck, 1801],
	['a small deck', deck, 1802],
	['a small deck', deck, 1803],
	['a deck parsed in a worker', large, 1804],
	['a deck parsed in a worker', large, 1805],
] as const) {
	test(`${which}: keys pressed during start-up all arrive, in order (seed ${seed})`, async () => {
		const keys = round(seed);
		const target = expectedIndex(keys.map(({key}) => key)) + 1;
		const started = performance.now();
		const screen = await startRaw(path);
		try {
			for (const {key, at} of keys) {
				const wait = at - (performance.now() - started);
				if (wait > 0) await pause(wait);
				await screen.keys(key);
			}
			const what = `slide ${target}/${total} after ${keys.map(({key, at}) => `${key}@${at}ms`).join(' ')}`;
			const rows = await screen
				.waitFor(current => showsPosition(current, target, total), {what, timeout: 15_000})
				.catch(async (error: unknown) => {
					assert.fail(`${what}: the status bar shows ${JSON.stringify(statusRow(await screen.text()))} (${(error as Error).message})`);
				});
			// Settled: nothing more arrives later and moves it.
			await pause(300);
			assert.ok(showsPosition(await screen.text(), target, total), `${what}: moved on after showing it`);
			assert.ok(rows);
			// Keys pressed once the player reads the keyboard itself still arrive.
			const last = target === total ? 1 : total;
			await screen.keys(last === 1 ? 'Home' : 'End');
			await screen.waitFor(current => showsPosition(current, last, total), {what: `${what}, then ${last === 1 ? 'Home' : 'End'}`});
			await screen.keys('q');
			assert.equal((await screen.waitForExit({what: 'q after start-up'})).exitStatus, 0);
		} finally {
			await screen.stop();
		}
	});
}

/** The first synchronized frame of a recording is the opening screen's own redraw (takeover.ts: rows placed, then erased), not Ink's. */
const drawnBeforeInk = (bytes: Buffer): boolean => {
	const start = bytes.indexOf('\u001B[?2026h');
	return start >= 0 && /^\u001B\[\?2026h\u001B\[\d+H\u001B\[m\u001B\[2K/.test(bytes.subarray(start, start + 32).toString('latin1'));
};

/** Slide 2 a picture (one file there, one missing): on its way when drawn before the player, as the player's first frame has it. */
const pictured = join(folder, 'pictures.txt');
copyFileSync(join(root, 'fixtures', 'images', 'quadrants.png'), join(folder, 'quadrants.png'));
writeFileSync(
	pictured,
	[
		'# Slide 1\n\n- point 1\n',
		'@= quadrants.png\nvv [Quadrants]\n',
		'# Slide 3\n\n@ missing.png\n',
		...Array.from({length: total - 3}, (_, index) => `# Slide ${index + 4}\n`),
	].join('\n---\n\n'),
);

for (const [which, path] of [
	['a plain deck', deck],
	['slide 2 a picture', pictured],
] as const)
	test(`${which}: Right pressed as the player starts is drawn before the player (Ink) loads, and Ink takes over from that screen`, async () => {
		// Typed before the player reads keys (at worst it is read by Ink, and the round is tried again, up to 3 times).
		let early = 0;
		for (let attempt = 0; attempt < 3 && early === 0; attempt++) {
			const screen = await startRaw(path, true);
			try {
				await screen.keys('Right');
				await screen.waitFor(current => showsPosition(current, 2, total), {what: 'slide 2 after Right at start-up'});
				// Slide 3 is not in the opening's part of the deck: Ink draws it.
				await screen.keys('Right');
				await screen.waitFor(current => showsPosition(current, 3, total), {what: 'slide 3, drawn by Ink'});
				let bytes = await screen.waitForOutput(output => output.includes('3/12'), {what: 'the recording of slide 3'});
				if (drawnBeforeInk(bytes)) early++;
				// A picture settling (missing, drawn) can land between reading the recording and the screen: both are read again then.
				let replayed: string[] = [];
				let shown: string[] = [];
				for (let read = 0; read < 10; read++) {
					const virtual = new VirtualScreen(size.columns, size.rows, {convertEol: true});
					try {
						await virtual.write(bytes);
						replayed = virtual.text().map(row => row.trimEnd());
					} finally {
						virtual.dispose();
					}

					shown = (await screen.text()).map(row => row.trimEnd());
					if (replayed.join('\n') === shown.join('\n')) break;
					await pause(150);
					bytes = await screen.output();
				}

				assert.deepEqual(replayed, shown, "Ink's frames after the early move draw what the terminal shows");
				await screen.keys('q');
				assert.equal((await screen.waitForExit({what: 'q'})).exitStatus, 0);
			} finally {
				await screen.stop();
			}
		}

		assert.equal(early, 1, 'slide 2 was drawn before Ink in one of 3 rounds');
	});

test('keys typed before lectern runs are read, and their echo is not left on the normal screen', async () => {
	// The shell's line discipline echoes keys until lectern sets raw mode: here they are typed, and echoed, before Node even starts.
	const go = join(folder, 'go');
	const waiting = `while [ ! -e '${go}' ]; do sleep 0.05; done; exec "$0" "$@"`;
	const screen = await TmuxScreen.start({
		command: ['sh', '-c', waiting, process.execPath, cli, deck],
		columns: size.columns,
		rows: size.rows,
		cwd: root,
		env: {TMPDIR: privateTmpdir()},
	});
	try {
		await screen.keys('Right');
		await screen.keys('Right');
		await screen.waitFor(rows => rows.join('\n').includes('^[[C^[[C'), {what: 'the two Rights echoed'});
		writeFileSync(go, '');
		await screen.waitFor(current => showsPosition(current, 3, total), {what: 'slide 3: both keys read'});
		await screen.keys('q');
		assert.equal((await screen.waitForExit({what: 'q'})).exitStatus, 0);
		const rows = await screen.text();
		assert.equal(rows.join('\n').includes('^['), false, `the echo is gone:\n${rows.join('\n')}`);
		const state = await screen.state();
		assert.equal(state.cursorX, 0, 'the cursor is back at the start of the line it erased');
	} finally {
		await screen.stop();
	}
});
