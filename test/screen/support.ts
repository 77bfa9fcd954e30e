/**
 * Shared helpers for the screen tests: run the built player (`dist/cli.js`) in a real
 * terminal (tmux, via test/harness/tmux.ts) and compare what it shows with what
 * `lectern print` produces for the same size, which is drawn by the same layout code.
 *
 * Everything runs from the repository root (process.cwd()), after `node scripts/build.mjs`.
 */
import assert from 'node:assert/strict';
import {execFile, spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {isDeepStrictEqual} from 'node:util';
import stringWidth from 'string-width';
import {TmuxScreen} from '../harness/tmux.js';

export const root = process.cwd();
export const cli = join(root, 'dist', 'cli.js');

/** Fails early, and clearly, when the tests are not run from a built repository root. */
export function assertBuilt(): void {
	assert.ok(existsSync(cli), `${cli} not found: run the screen tests from the repository root after \`node scripts/build.mjs\``);
}

export type Size = {readonly columns: number; readonly rows: number};

/** The environment for `lectern print` and other direct runs: no colours, nothing forced. */
export function plainEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1', ...extra};
	for (const name of ['FORCE_COLOR', 'CI', 'CONTINUOUS_INTEGRATION', 'NODE_TEST_CONTEXT']) delete env[name];
	return env;
}

export type PrintedSlide = {
	readonly position: number;
	readonly total: number;
	/** The slide area's lines as `print` writes them (trailing spaces and trailing blank lines trimmed). */
	readonly lines: readonly string[];
};

const printCache = new Map<string, PrintedSlide[]>();

/**
 * `node dist/cli.js print DECK --width W --height H`, split into slides, as text. By default
 * in truecolor with the colours stripped, as the player in the test terminal draws it (big
 * emoji are pictures of half blocks then); with `plain`, with NO_COLOR=1. Cached.
 */
export function printSlides(deck: string, size: Size, options: {plain?: boolean} = {}): PrintedSlide[] {
	const key = `${deck}@${size.columns}x${size.rows}${options.plain ? ' plain' : ''}`;
	const cached = printCache.get(key);
	if (cached) return cached;
	const env = options.plain ? plainEnv() : {...plainEnv(), FORCE_COLOR: '3', COLORTERM: 'truecolor'};
	if (!options.plain) delete env['NO_COLOR'];
	const result = spawnSync(process.execPath, [cli, 'print', deck, '--width', String(size.columns), '--height', String(size.rows)], {
		cwd: root,
		env,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	if (!options.plain) result.stdout = result.stdout.replaceAll(/\u001B\[[\d;]*m/g, '');
	assert.equal(result.status, 0, `lectern print ${deck} failed (${result.status}): ${result.stderr}`);
	const slides: Array<{position: number; total: number; lines: string[]}> = [];
	const output = result.stdout.endsWith('\n') ? result.stdout.slice(0, -1) : result.stdout;
	for (const line of output.split('\n')) {
		const header = /^-- slide (\d+)\/(\d+) --$/.exec(line);
		if (header) {
			slides.push({position: Number(header[1]), total: Number(header[2]), lines: []});
		} else {
			const current = slides.at(-1);
			assert.ok(current, `print output for ${deck} does not start with a slide header: ${JSON.stringify(line)}`);
			current.lines.push(line);
		}
	}
	assert.ok(slides.length > 0, `print ${deck} printed no slides`);
	slides.forEach((slide, index) => {
		assert.equal(slide.position, index + 1, `print ${deck}: slide headers out of order`);
		assert.equal(slide.total, slides.length, `print ${deck}: slide headers disagree about the total`);
	});
	printCache.set(key, slides);
	return slides;
}

/**
 * Players on the same deck find each other (presenter sync, a Unix socket in a folder under
 * the temporary directory) and follow each other's slides, so tests running at the same time
 * would drive each other's players. Each player gets its own TMPDIR, removed at exit.
 */
let privateTemp: string | undefined;
let players = 0;
export function privateTmpdir(): string {
	if (privateTemp === undefined) {
		const folder = mkdtempSync(join(tmpdir(), 'lectern-screen-'));
		process.on('exit', () => {
			rmSync(folder, {recursive: true, force: true});
		});
		privateTemp = folder;
	}
	const folder = join(privateTemp, `player-${++players}`);
	mkdirSync(folder);
	return folder;
}

export type PlayerOptions = {
	readonly size: Size;
	readonly env?: Record<string, string>;
	readonly recordOutput?: boolean;
	/** Let the player know it runs inside tmux (TMUX, TMUX_PANE of the test server). */
	readonly insideTmux?: boolean;
	/** tmux commands before the player starts (see TmuxStartOptions). */
	readonly tmuxCommands?: string[][];
};

/**
 * Starts `node dist/cli.js ...args` in a fresh tmux terminal with cwd = repository root and
 * resolves once the player takes keys (its terminal is in raw mode): keys typed earlier are
 * echoed by the terminal onto the slide (see the start-up test in session.test.ts).
 */
export async function startPlayer(args: readonly string[], options: PlayerOptions): Promise<TmuxScreen> {
	const screen = await TmuxScreen.start({
		command: [process.execPath, cli, ...args],
		columns: options.size.columns,
		rows: options.size.rows,
		cwd: root,
		env: {TMPDIR: privateTmpdir(), ...options.env},
		...(options.recordOutput ? {recordOutput: true} : {}),
		...(options.insideTmux ? {insideTmux: true} : {}),
		...(options.tmuxCommands ? {tmuxCommands: options.tmuxCommands} : {}),
	});
	await waitForRawMode(screen);
	return screen;
}

const pause = (ms: number) =>
	new Promise<void>(resolve => {
		setTimeout(resolve, ms);
	});

/** The terminal's echo flag, read with `stty -a -F` on the pane's tty. */
async function terminalEchoes(screen: TmuxScreen): Promise<boolean> {
	const tty = (await screen.tmux(['display', '-p', '-t', 'lectern:', '#{pane_tty}'])).trim();
	const settings = await new Promise<string>((resolve, reject) => {
		execFile('stty', ['-a', '-F', tty], (error, stdout) => {
			if (error) reject(error);
			else resolve(stdout);
		});
	});
	return !/(?:^|\s)-echo(?:\s|$)/.test(settings);
}

/** Polls until the program has turned the terminal's echo off (raw mode), or the timeout. */
export async function waitForRawMode(screen: TmuxScreen, timeout = 60_000): Promise<void> {
	const deadline = performance.now() + timeout;
	while (await terminalEchoes(screen)) {
		if (performance.now() > deadline) {
			throw new Error(`the player did not put the terminal in raw mode within ${timeout} ms; screen:\n${(await screen.text()).join('\n')}`);
		}
		await pause(20);
	}
}

/** Trailing whitespace of any kind (print uses trimEnd, which also trims no-break spaces). */
const trimRow = (row: string): string => row.trimEnd();

/** The status bar row: second to last. */
export const statusRow = (rows: readonly string[]): string => rows[rows.length - 2] ?? '';

/** The slide area: every row above the status bar. */
export const bodyRows = (rows: readonly string[]): string[] => rows.slice(0, -2).map(trimRow);

/** A status row starts with `counter` (" 3/10"), then a space or nothing (the audience's counter stands alone, its row trimmed). */
export function atPosition(row: string, counter: string): boolean {
	return row.startsWith(counter) && (row.length === counter.length || row[counter.length] === ' ');
}

/** The status bar shows `K/N` at its start. */
export function showsPosition(rows: readonly string[], position: number, total: number): boolean {
	return atPosition(statusRow(rows), ` ${position}/${total}`);
}

/** What the slide area should hold: print's lines, then blank rows down to the status bar. */
export function expectedBody(lines: readonly string[], size: Size): string[] {
	const area = size.rows - 2;
	assert.ok(lines.length <= area, `print gave ${lines.length} lines for a ${area}-row slide area`);
	return Array.from({length: area}, (_, row) => trimRow(lines[row] ?? ''));
}

/** ZWJ emoji sequences: tmux 3.3a gives them other widths than string-width (see xterm.ts notes). */
export const hasZwjSequence = (lines: readonly string[]): boolean => lines.some(line => line.includes('\u200D'));

/**
 * The start of a URL shown as text after a link, ` <https://...>` (print, or a player without
 * clickable hyperlinks); a long URL may wrap onto the next lines.
 */
export const shownUrl = /<(?:https?|mailto|file):/;
export const hasShownUrl = (lines: readonly string[]): boolean => lines.some(line => shownUrl.test(line));

/** The words of `lines` that are not part of a shown URL (nor of a `… N more lines` mark, whose count may differ). */
export function wordsBesideUrls(lines: readonly string[]): string[] {
	const text = lines
		.filter(line => !/^\s*… \d+ more lines?$/.test(line))
		.join('\n')
		.replace(/<(?:https?|mailto|file):[^>]*>/g, ' ');
	return text.split(/\s+/).filter(word => word !== '' && !/[<>]/.test(word));
}

/** Rows (or lines) wider than `columns` cells, as `row: width` strings; ZWJ rows are not measured. */
export function tooWide(rows: readonly string[], columns: number): string[] {
	return rows.flatMap((row, index) => {
		if (row.includes('\u200D')) return [];
		const width = stringWidth(row);
		return width > columns ? [`row ${index}: ${width} cells > ${columns}: ${JSON.stringify(row)}`] : [];
	});
}

export type SlideExpectation = {
	readonly position: number;
	readonly total: number;
	readonly size: Size;
	/** print's lines for the slide; undefined checks the status bar only. */
	readonly lines?: readonly string[];
	/** Extra condition on the whole screen. */
	readonly also?: (rows: string[]) => boolean;
	readonly what?: string;
	readonly timeout?: number;
};

function view(rows: readonly string[], expectation: SlideExpectation) {
	return {
		rows: rows.length,
		position: showsPosition(rows, expectation.position, expectation.total) ? `${expectation.position}/${expectation.total}` : statusRow(rows),
		...(expectation.lines ? {body: bodyRows(rows)} : {}),
		lastRow: rows.at(-1) ?? '',
		...(expectation.also ? {also: expectation.also([...rows])} : {}),
	};
}

function wanted(expectation: SlideExpectation) {
	return {
		rows: expectation.size.rows,
		position: `${expectation.position}/${expectation.total}`,
		...(expectation.lines ? {body: expectedBody(expectation.lines, expectation.size)} : {}),
		lastRow: '',
		...(expectation.also ? {also: true} : {}),
	};
}

/**
 * Waits until the screen shows slide `position/total` in the status bar and, when `lines`
 * is given, exactly print's lines above it (all other rows blank, last row blank). On a
 * timeout, fails with a diff of the last screen against the expectation.
 */
export async function waitForSlide(screen: TmuxScreen, expectation: SlideExpectation): Promise<string[]> {
	const target = wanted(expectation);
	const what = expectation.what ?? `slide ${expectation.position}/${expectation.total}`;
	let rows: string[];
	try {
		rows = await screen.waitFor(current => isDeepStrictEqual(view(current, expectation), target), {
			what,
			...(expectation.timeout === undefined ? {} : {timeout: expectation.timeout}),
		});
	} catch (error) {
		const last = await screen.text();
		assert.deepEqual(view(last, expectation), target, `${what}: the screen does not match\n${(error as Error).message}`);
		throw error;
	}
	const wide = tooWide(rows, expectation.size.columns);
	assert.deepEqual(wide, [], `${what}: rows wider than the screen`);
	return rows;
}

/** The decks to step through: demo.txt always, reference-style.txt when someone has written it. */
export function stepDecks(): string[] {
	return ['fixtures/demo.txt', 'fixtures/reference-style.txt'].filter(deck => existsSync(join(root, deck)));
}

/**
 * Presses Right on slide `from` and waits until the status bar shows `from + 1`; resolves to
 * how many presses it took. A key during a terminal slide's typing animation only finishes
 * the animation ("finishes an animation first"), and the last typed frame stays on screen
 * for a moment (one output-line delay) before the animation counts as done, so a press that
 * leaves the status bar at `from` for over a second is repeated, once (and undone with Left
 * when the first press was only slow).
 */
export async function pressRight(screen: TmuxScreen, from: number, total: number): Promise<number> {
	await screen.keys('Right');
	const moved = await screen
		.waitFor(rows => showsPosition(rows, from + 1, total), {timeout: 1500})
		.then(() => true)
		.catch(() => false);
	if (moved) return 1;
	// Still at `from`, or caught between two frames on a loaded machine (no status bar in
	// the capture): wait, with the harness's hang guard, for a screen that says which.
	const settled = await screen.waitFor(rows => showsPosition(rows, from, total) || showsPosition(rows, from + 1, total), {
		what: `slide ${from}/${total} or ${from + 1}/${total}`,
	});
	if (showsPosition(settled, from + 1, total)) return 1;
	await screen.keys('Right');
	// On a loaded machine the first press may only have been slow, and this one moves on
	// again: then one step back. Either way, the wait ends on what the screen shows.
	await screen.waitFor(after => showsPosition(after, from + 1, total) || showsPosition(after, from + 2, total), {
		what: `slide ${from + 1} or ${from + 2} of ${total}`,
	});
	if (showsPosition(await screen.text(), from + 2, total)) {
		await screen.keys('Left');
		await screen.waitFor(after => showsPosition(after, from + 1, total), {what: `slide ${from + 1}/${total} again`});
	}

	return 2;
}
