/**
 * Screen tests of the player's terminal session (`node dist/cli.js DECK` in tmux): every way
 * out gives the terminal back, live reload, no full-screen clears between slides, and a
 * deck read from a pipe with keys from the terminal.
 *
 * Run from the repository root after `node scripts/build.mjs`.
 */
import assert from 'node:assert/strict';
import {copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {setTimeout as delay} from 'node:timers/promises';
import {isDeepStrictEqual} from 'node:util';
import {stopAll, TmuxScreen} from '../harness/tmux.js';
import {VirtualScreen} from '../harness/xterm.js';
import {
	assertBuilt,
	bodyRows,
	cli,
	hasShownUrl,
	hasZwjSequence,
	pressRight,
	printSlides,
	privateTmpdir,
	root,
	showsPosition,
	startPlayer,
	statusRow,
	waitForRawMode,
	waitForSlide,
	type Size,
} from './support.js';

before(assertBuilt);
after(stopAll);

const demo = 'fixtures/demo.txt';
const small: Size = {columns: 80, rows: 24};

async function assertRestored(screen: TmuxScreen, exitStatus: number, how: string): Promise<void> {
	const state = await screen.waitForExit({what: `the player to exit after ${how}`});
	assert.equal(state.exitStatus, exitStatus, `exit status after ${how}`);
	assert.equal(state.alternateOn, false, `still on the alternate screen after ${how}`);
	assert.equal(state.cursorVisible, true, `cursor still hidden after ${how}`);
	// Back on the normal screen, which the player never wrote to: no message, no stack trace.
	const rows = await screen.text();
	assert.deepEqual(
		rows.filter(row => row !== ''),
		[],
		`the normal screen is not empty after ${how}`,
	);
}

describe('every way out restores the terminal', () => {
	const ways: Array<{how: string; exitStatus: number; act: (screen: TmuxScreen) => Promise<void>}> = [
		{how: 'q', exitStatus: 0, act: screen => screen.keys('q')},
		{how: 'Escape', exitStatus: 0, act: screen => screen.keys('Escape')},
		{how: 'Ctrl-C', exitStatus: 0, act: screen => screen.keys('C-c')},
		// screen-session.ts exits with 128 + the signal number.
		{how: 'SIGTERM', exitStatus: 143, act: screen => screen.signal('SIGTERM')},
		{how: 'SIGHUP', exitStatus: 129, act: screen => screen.signal('SIGHUP')},
		{how: 'SIGINT (sent, not typed)', exitStatus: 130, act: screen => screen.signal('SIGINT')},
	];
	for (const {how, exitStatus, act} of ways) {
		test(`${how} exits with ${exitStatus}`, async () => {
			const screen = await startPlayer([demo], {size: small});
			try {
				await waitForSlide(screen, {position: 1, total: printSlides(demo, small).length, size: small});
				const running = await screen.state();
				assert.equal(running.alternateOn, true, 'the player presents on the alternate screen');
				assert.equal(running.cursorVisible, false, 'the player hides the cursor');
				// Not on the first slide, so a quit from anywhere is covered.
				await screen.keys('Right');
				await waitForSlide(screen, {position: 2, total: printSlides(demo, small).length, size: small});
				await act(screen);
				await assertRestored(screen, exitStatus, how);
			} finally {
				await screen.stop();
			}
		});
	}
});

test('live reload: a saved change shows on the same slide; a broken file keeps the last good deck', async () => {
	const size: Size = {columns: 120, rows: 30};
	const folder = mkdtempSync(join(tmpdir(), 'lectern-screen-'));
	const deck = join(folder, 'talk.txt');
	copyFileSync(join(root, demo), deck);
	const original = readFileSync(deck, 'utf8');
	assert.ok(original.includes('# What you get'));
	const total = printSlides(demo, size).length;
	const screen = await startPlayer([deck], {size});
	try {
		await waitForSlide(screen, {position: 1, total, size});
		await screen.keys('Right', 'Right');
		await waitForSlide(screen, {position: 3, total, size, lines: printSlides(demo, size)[2]!.lines});

		writeFileSync(deck, original.replace('# What you get', '# What you really get'));
		let rows = await waitForSlide(screen, {
			position: 3,
			total,
			size,
			also: current => bodyRows(current).some(row => row.includes('What you really get')) && statusRow(current).includes('reloaded'),
			what: 'the changed heading and the "reloaded" notice on slide 3',
		});
		assert.ok(!bodyRows(rows).some(row => /What you get/.test(row)), 'the old heading is still on screen');

		writeFileSync(deck, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]));
		rows = await screen.waitFor(current => statusRow(current).includes('looks like a binary file'), {what: 'an error notice for the binary file'});
		assert.ok(showsPosition(rows, 3, total), `no longer on slide 3/${total}: ${statusRow(rows)}`);
		assert.ok(
			bodyRows(rows).some(row => row.includes('What you really get')),
			'the last good slide is gone',
		);
		assert.ok(statusRow(rows).includes(deck), 'the error notice names the file');

		// Fixing the file brings the updates back.
		writeFileSync(deck, original.replace('# What you get', '# What you finally get'));
		await waitForSlide(screen, {
			position: 3,
			total,
			size,
			also: current => bodyRows(current).some(row => row.includes('What you finally get')) && statusRow(current).includes('reloaded'),
			what: 'the fixed deck after the broken one',
		});
		await screen.keys('q');
		await assertRestored(screen, 0, 'q after reloads');
	} finally {
		await screen.stop();
		rmSync(folder, {recursive: true, force: true});
	}
});

/** Splits recorded output after every end of a synchronized-output frame (`ESC[?2026l`). */
/** The recording split into what comes before Ink's first frame (the opening slide), then Ink's frames (ESC[?2026h ... ESC[?2026l). */
function frames(bytes: Buffer): Buffer[] {
	const end = Buffer.from('\u001B[?2026l');
	const out: Buffer[] = [];
	let start = Math.max(0, bytes.indexOf('\u001B[?2026h'));
	if (start > 0) out.push(bytes.subarray(0, start));
	for (let index = bytes.indexOf(end); index !== -1; index = bytes.indexOf(end, start)) {
		out.push(bytes.subarray(start, index + end.length));
		start = index + end.length;
	}
	if (start < bytes.length) out.push(bytes.subarray(start));
	return out;
}

const median = (values: readonly number[]): number => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
};

test('no flicker: no full-screen clear between slides', async t => {
	const total = printSlides(demo, small).length;
	const screen = await startPlayer([demo], {size: small, recordOutput: true});
	let bytes: Buffer;
	try {
		for (let position = 1; position <= total; position++) {
			if (position > 1) await pressRight(screen, position - 1, total);
			// Each slide's final state (after any typing) before the next key, as a presenter would.
			const lines = printSlides(demo, small)[position - 1]!.lines;
			await waitForSlide(screen, {position, total, size: small, ...(hasZwjSequence(lines) || hasShownUrl(lines) ? {} : {lines})});
		}
		await screen.keys('q');
		bytes = await screen.finalOutput();
		assert.equal((await screen.state()).exitStatus, 0);
	} finally {
		await screen.stop();
	}

	// Replay the recording frame by frame and note the slide each frame leaves on screen.
	const chunks = frames(bytes);
	assert.ok(chunks.length > total, `expected synchronized-output frames (ESC[?2026h ... ESC[?2026l), found ${chunks.length - 1}`);
	const virtual = new VirtualScreen(small.columns, small.rows, {convertEol: true});
	const shown: Array<{start: number; end: number; position: number | undefined}> = [];
	let offset = 0;
	try {
		for (const chunk of chunks) {
			await virtual.write(chunk);
			const match = /^ (\d+)\/\d+(?: |$)/.exec(statusRow(virtual.text()));
			shown.push({start: offset, end: offset + chunk.length, position: match ? Number(match[1]) : undefined});
			offset += chunk.length;
		}
	} finally {
		virtual.dispose();
	}

	const transitions: Array<{from: number; bytes: Buffer}> = [];
	for (let position = 1; position < total; position++) {
		const first = shown.findIndex(frame => frame.position === position + 1);
		assert.ok(first > 0, `no frame shows slide ${position + 1}`);
		let last = first - 1;
		while (last > 0 && shown[last]!.position !== position) last--;
		assert.equal(shown[last]!.position, position, `no frame shows slide ${position} before ${position + 1}`);
		transitions.push({from: position, bytes: bytes.subarray(shown[last]!.end, shown[first]!.end)});
	}

	const sizes = transitions.map(transition => transition.bytes.length);
	t.diagnostic(
		`bytes per slide transition at ${small.columns}x${small.rows}: median ${median(sizes)}, min ${Math.min(...sizes)}, max ${Math.max(...sizes)} (${sizes.join(', ')})`,
	);
	t.diagnostic(`whole session: ${bytes.length} bytes in ${chunks.length - 1} frames`);
	// After the first frame, nothing (typing, blinking, slide changes) clears the screen.
	const afterFirstFrame = bytes.subarray(chunks[0]!.length);
	assert.equal(afterFirstFrame.includes('\u001B[2J'), false, 'ESC[2J (clear screen) after the first frame');
	assert.equal(afterFirstFrame.includes('\u001B[3J'), false, 'ESC[3J (clear scrollback) after the first frame');
	for (const {from, bytes: written} of transitions) {
		assert.equal(written.includes('\u001B[2J'), false, `ESC[2J (clear screen) between slides ${from} and ${from + 1}`);
		assert.equal(written.includes('\u001B[3J'), false, `ESC[3J (clear scrollback) between slides ${from} and ${from + 1}`);
	}
});

test('keys pressed while the player starts are not echoed onto the slides', async () => {
	const total = printSlides(demo, small).length;
	const screen = await TmuxScreen.start({
		command: [process.execPath, cli, demo],
		columns: small.columns,
		rows: small.rows,
		cwd: root,
		env: {TMPDIR: privateTmpdir()},
	});
	try {
		const deadline = performance.now() + 60_000;
		while (!(await screen.state()).alternateOn) {
			assert.ok(performance.now() < deadline, 'the player never switched to the alternate screen');
		}
		// A presenter pressing a key (x does nothing) while the deck appears: keep pressing until the first frame is up.
		let typed = 0;
		for (;;) {
			await screen.type('x');
			typed++;
			if (showsPosition(await screen.text(), 1, total)) break;
			assert.ok(performance.now() < deadline, 'no first frame');
		}
		await waitForRawMode(screen);
		await screen.keys('Right');
		await waitForSlide(screen, {
			position: 2,
			total,
			size: small,
			lines: printSlides(demo, small)[1]!.lines,
			what: `slide 2 after typing x ${typed} times during start-up`,
		});
	} finally {
		await screen.stop();
	}
});

test('a deck from a pipe (-) is presented and keys come from the terminal', async () => {
	const total = printSlides(demo, small).length;
	const screen = await TmuxScreen.start({
		command: ['/bin/sh', '-c', `cat ${demo} | "$0" "$1" -`, process.execPath, cli],
		columns: small.columns,
		rows: small.rows,
		cwd: root,
		env: {TMPDIR: privateTmpdir()},
	});
	try {
		await waitForRawMode(screen);
		await waitForSlide(screen, {position: 1, total, size: small, lines: printSlides(demo, small)[0]!.lines});
		await screen.keys('Right');
		await waitForSlide(screen, {position: 2, total, size: small, lines: printSlides(demo, small)[1]!.lines});
		await screen.keys('q');
		await assertRestored(screen, 0, 'q with the deck from a pipe');
	} finally {
		await screen.stop();
	}
});

type Replayed = {
	/** Where Ink's first synchronized frame starts in the recording (-1: none). */
	inkStarts: number;
	/** The screen the recording leaves before Ink's first frame. */
	painted: string[];
	/** The screen after Ink's first frame that changes the slide (not only its first and last rows), for a still slide. */
	firstInkFrame?: string[];
	/** The screen the whole recording leaves. */
	afterInk: string[];
	/** Bytes of Ink's frames before that one (ticks of a clock: a redrawn slide would be thousands). */
	beforeKey: number;
};

/** Replays a recording in xterm.js: the screen painted before Ink, after its first frame, at the end. */
async function replay(bytes: Buffer, still: boolean): Promise<Replayed> {
	const inkStarts = bytes.indexOf('\u001B[?2026h');
	const virtual = new VirtualScreen(small.columns, small.rows, {convertEol: true});
	try {
		await virtual.write(bytes.subarray(0, Math.max(inkStarts, 0)));
		const painted = virtual.text();
		let firstInkFrame: string[] | undefined;
		let beforeKey = 0;
		let rest = Math.max(inkStarts, 0);
		// Frames that change only the first and last rows (a clock's tick, a notice that ends: on a loaded machine two at once) are not the slide's.
		const body = (rows: readonly string[]) => rows.slice(1, -1).join('\n');
		while (still && inkStarts >= 0 && firstInkFrame === undefined) {
			const starts = bytes.indexOf('\u001B[?2026h', rest);
			if (starts < 0) break;
			const ends = bytes.indexOf('\u001B[?2026l', starts);
			const next = ends < 0 ? bytes.length : ends + 8;
			await virtual.write(bytes.subarray(rest, next));
			const text = virtual.text();
			if (body(text) === body(painted)) beforeKey += next - rest;
			else firstInkFrame = text;
			rest = next;
		}
		await virtual.write(bytes.subarray(rest));
		return {inkStarts, painted, ...(firstInkFrame ? {firstInkFrame} : {}), beforeKey, afterInk: virtual.text()};
	} finally {
		virtual.dispose();
	}
}

const trimmed = (rows: readonly string[]): string[] => rows.map(row => row.trimEnd());

describe('the opening slide is drawn before the player (Ink) has loaded', () => {
	const decks = [
		{deck: demo, args: [] as string[], label: 'a big title', start: 1, still: true},
		// (Slides 1 and 2 have pictures: the player draws those itself, as its first render has them.)
		{deck: 'fixtures/reference-style.txt', args: ['--notes', '--start', '3'], label: 'the notes pane', start: 3, still: true},
		{deck: demo, args: ['--start', '2'], label: 'a big emoji', start: 2, still: true},
		// It types itself: Ink's frames play the typing before any key.
		{deck: demo, args: ['--start', '4'], label: 'a terminal slide about to type', start: 4, still: false},
	];
	for (const {deck, args, label, start, still} of decks) {
		test(`${label}: complete before Ink, which takes over writing nothing, and draws the next slide from there`, async () => {
			const total = printSlides(deck, small).length;
			const screen = await startPlayer([...args, deck], {size: small, recordOutput: true});
			let replayed: Replayed | undefined;
			let shown: string[] = [];
			try {
				await screen.waitFor(text => showsPosition(text, start, total));
				// A key Ink answers: its frame is the first Ink writes (a terminal slide's typing is finished by it first).
				for (let presses = 0; presses < 3 && !showsPosition(await screen.text(), start + 1, total); presses++) {
					await screen.keys('Right');
					await screen.waitFor(text => showsPosition(text, start + 1, total), {timeout: 1500}).catch(() => undefined);
				}
				await screen.waitFor(text => showsPosition(text, start + 1, total));
				// The next slide may type and its cursor blinks: the recording and the screen are
				// read one after the other, so a frame can fall between them; read both again then.
				for (let attempt = 0; attempt < 10; attempt++) {
					const bytes = await screen.output();
					shown = await screen.text();
					replayed = await replay(bytes, still);
					if (isDeepStrictEqual(trimmed(replayed.afterInk), trimmed(shown))) break;
					await delay(150);
				}
			} finally {
				await screen.stop();
			}

			assert.ok(replayed, 'the recording was read');
			assert.ok(replayed.inkStarts > 0, 'the recording has a painted screen, then Ink frames');
			assert.ok(showsPosition(replayed.painted, start, total), `the status bar is painted before Ink: ${JSON.stringify(statusRow(replayed.painted))}`);
			assert.ok(replayed.painted.filter(row => row.trim() !== '').length > 2, 'the slide is painted before Ink');
			// Ink wrote no frame of its own for the slide already on screen: its first frame that changes the slide is the key's.
			if (still) {
				assert.ok(replayed.firstInkFrame && showsPosition(replayed.firstInkFrame, start + 1, total), "Ink's first frame is the next slide");
				assert.ok(replayed.beforeKey < 400, `Ink wrote ${replayed.beforeKey} bytes before the key's frame`);
			}
			// Ink's frames, written where Ink believes the cursor is, draw exactly what tmux shows.
			assert.deepEqual(trimmed(replayed.afterInk), trimmed(shown), "the screen after Ink's frames");
		});
	}
});
