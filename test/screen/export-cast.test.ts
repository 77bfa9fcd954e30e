/**
 * `lectern export --to cast`: the recording read back line by line as asciicast v2, then
 * replayed through a real terminal emulator (xterm.js, headless); the last screen of each
 * slide must be what `lectern print` shows for it.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {VirtualScreen} from '../harness/xterm.js';
import {assertBuilt, cli, plainEnv, printSlides, root, type Size} from './support.js';

const folder = mkdtempSync(join(tmpdir(), 'lectern-cast-'));
after(() => {
	rmSync(folder, {recursive: true, force: true});
});

type Event = {readonly time: number; readonly data: string};
type Cast = {readonly header: Record<string, unknown>; readonly events: readonly Event[]};

function exportCast(deck: string, size: Size, extra: string[] = []): {cast: Cast; stderr: string} {
	assertBuilt();
	const output = join(folder, `${deck.replaceAll(/\W/g, '-')}-${extra.join('-').replaceAll(/\W/g, '-')}.cast`);
	const result = spawnSync(
		process.execPath,
		[cli, 'export', deck, '--to', 'cast', '-o', output, '--width', String(size.columns), '--height', String(size.rows), ...extra],
		{cwd: root, env: plainEnv(), encoding: 'utf8'},
	);
	assert.equal(result.status, 0, result.stderr);
	return {cast: readCast(readFileSync(output, 'utf8')), stderr: result.stderr};
}

/** Checks every line of an asciicast v2 file and returns it parsed. */
function readCast(text: string): Cast {
	assert.ok(text.endsWith('\n'), 'the file ends with a newline');
	const lines = text.slice(0, -1).split('\n');
	const header = JSON.parse(lines[0]!) as Record<string, unknown>;
	assert.equal(header['version'], 2);
	assert.ok(Number.isInteger(header['width']) && Number.isInteger(header['height']));
	let last = 0;
	const events = lines.slice(1).map((line, index) => {
		const event = JSON.parse(line) as unknown;
		assert.ok(Array.isArray(event) && event.length === 3, `line ${index + 2} is [time, code, data]`);
		const [time, code, data] = event as [unknown, unknown, unknown];
		assert.equal(typeof time, 'number', `line ${index + 2}: time`);
		assert.ok((time as number) >= last, `line ${index + 2}: time never goes back`);
		assert.equal(code, 'o', `line ${index + 2}: output`);
		assert.equal(typeof data, 'string', `line ${index + 2}: data`);
		last = time as number;
		return {time: time as number, data: data as string};
	});
	return {header, events};
}

type Replayed = {
	/** The last screen of each slide (by the status bar's position), 1-based. */
	readonly finals: Map<number, string[]>;
	/** Every screen, in order. */
	readonly screens: Array<{time: number; rows: string[]}>;
	/** When each slide first showed. */
	readonly arrivals: Map<number, number>;
};

async function replay(cast: Cast): Promise<Replayed> {
	const screen = new VirtualScreen(cast.header['width'] as number, cast.header['height'] as number);
	const finals = new Map<number, string[]>();
	const arrivals = new Map<number, number>();
	const screens: Replayed['screens'] = [];
	for (const event of cast.events) {
		await screen.write(event.data);
		const rows = screen.text();
		screens.push({time: event.time, rows});
		const position = / (\d+)\/\d+(?: |$)/.exec(rows[rows.length - 2] ?? '');
		if (position) {
			const number = Number(position[1]);
			finals.set(number, rows);
			if (!arrivals.has(number)) arrivals.set(number, event.time);
		}
	}

	return {finals, screens, arrivals};
}

const body = (rows: readonly string[]) => {
	const lines = rows.slice(0, -2).map(row => row.trimEnd());
	while (lines.length > 0 && lines.at(-1) === '') lines.pop();
	return lines;
};

describe('export --to cast', () => {
	for (const [deck, size] of [
		['fixtures/export/talk.txt', {columns: 80, rows: 24}],
		['fixtures/demo.txt', {columns: 100, rows: 30}],
		['fixtures/formats/remark-deck.md', {columns: 80, rows: 24}],
	] as const) {
		test(`${deck} at ${size.columns}x${size.rows}: every slide's last screen is what print shows`, async () => {
			const {cast, stderr} = exportCast(deck, size, ['--pause', '0.5']);
			assert.equal(cast.header['width'], size.columns);
			assert.equal(cast.header['height'], size.rows);
			assert.match(stderr, /^Wrote .*\.cast: \d+ slides, [\d.]+ (?:KB|bytes|MB) in [\d.]+ s\n$/);
			const printed = printSlides(deck, size);
			const {finals} = await replay(cast);
			assert.equal(finals.size, printed.length, 'every slide was shown');
			// Trailing spaces count only as cells (a badge's coloured space): rows are compared trimmed.
			for (const slide of printed) assert.deepEqual(body(finals.get(slide.position)!), body([...slide.lines, '', '']), `slide ${slide.position}`);
		});
	}

	test("a terminal slide types at the player's cadence, and the recording ends with the cursor back", async () => {
		const {cast} = exportCast('fixtures/export/talk.txt', {columns: 80, rows: 24}, ['--pause', '2']);
		const {screens, arrivals} = await replay(cast);
		const typing = screens.filter(
			screen => screen.rows.some(row => /~\/talk \$ e?c?h?o? ?h?e?l?l?█/.test(row)) && !screens.at(-1)!.rows.includes(screen.rows.join()),
		);
		const partial = screens.filter(screen => screen.rows.some(row => row.includes('~/talk $ ech█')));
		assert.ok(partial.length === 1, 'a half-typed command shows');
		assert.ok(typing.length >= 'echo hello'.length, 'every character is a frame of its own');
		const start = arrivals.get(4)!;
		const next = arrivals.get(5)!;
		// Typing takes 300 ms to start and 25 characters a second (with jitter), then the slide stays 2 s.
		assert.ok(next - start > 2 + 0.3 + 0.2 && next - start < 2 + 0.3 + 1, `slide 4 lasted ${next - start} s`);
		assert.ok(cast.events.at(-1)!.data.endsWith('\u001B[?25h'), 'the cursor is shown again at the end');
	});

	test("--pause rehearsal takes each slide's time from the last rehearsal", async () => {
		const deck = join(folder, 'rehearsed.txt');
		copyFileSync(join(root, 'fixtures/export/talk.txt'), deck);
		const times = [1500, 2500, 3500, 0, 4500, 5500, 6500];
		const report = {
			deck,
			date: '2024-01-01T00:00:00.000Z',
			totalMs: 24_000,
			slides: times.map((ms, index) => ({slide: index + 1, title: '', ms, cumulativeMs: 0})),
		};
		writeFileSync(`${deck}.rehearsal.json`, JSON.stringify(report));
		const {cast} = exportCast(deck, {columns: 80, rows: 24}, ['--pause', 'rehearsal']);
		const {arrivals} = await replay(cast);
		assert.equal(arrivals.get(2), 1.5);
		assert.equal(arrivals.get(3), 4);
		assert.equal(arrivals.get(4), 7.5);
		assert.ok(arrivals.get(5)! > 7.5, 'a slide rehearsed in no time still types out');
	});

	test('a bad pause and a missing rehearsal are one line each', () => {
		const bad = spawnSync(process.execPath, [cli, 'export', 'fixtures/export/talk.txt', '--to', 'cast', '-o', join(folder, 'x.cast'), '--pause', 'soon'], {
			cwd: root,
			env: plainEnv(),
			encoding: 'utf8',
		});
		assert.equal(bad.status, 2);
		assert.equal(bad.stderr, 'lectern: --pause soon: not a length of time (try 3, 2.5s, 1m or rehearsal)\n');
		const deck = join(folder, 'never-rehearsed.txt');
		copyFileSync(join(root, 'fixtures/export/talk.txt'), deck);
		const missing = spawnSync(process.execPath, [cli, 'export', deck, '--to', 'cast', '-o', join(folder, 'y.cast'), '--pause', 'rehearsal'], {
			cwd: root,
			env: plainEnv(),
			encoding: 'utf8',
		});
		assert.equal(missing.status, 2);
		assert.match(
			missing.stderr,
			/^lectern: --pause rehearsal: no rehearsal report .*never-rehearsed\.txt\.rehearsal\.json \(make one with: lectern rehearse DECK\)\n$/,
		);
	});
});
