/**
 * Every output path, scanned for control sequences that came from outside:
 * file names and option values carrying ESC sequences, C1 controls, a newline
 * and bidi controls go through `check`, `print`, errors, argument errors,
 * `export` (its file names), `rehearse` (its report, saved and not saved) and
 * the player (slide, alt text, the status bar's reload error). Nothing lectern
 * prints may hold one but its own SGR colours and OSC 8 links
 * (`foreignControl`); in the player's byte stream, where lectern's own cursor
 * and mode sequences are, the payload's own sequences must not appear.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {stopAll, TmuxScreen} from '../harness/tmux.js';
import {foreignControl} from '../support/output-scan.js';
import {assertBuilt, cli, plainEnv, privateTmpdir, statusRow, waitForRawMode} from './support.js';

before(assertBuilt);
after(stopAll);

/** What hostile names and values carry: OSC (title), DCS, a CSI of its own, C1 CSI and NEL, BEL, a newline, bidi controls. */
const payload = '\u001B]0;pwned\u0007\u001BP1$qm\u001B\\\u001B[9999X\u009B31m\u0085\n\u202E\u2066x';
/** Sequences only the payload has: in the player's stream (where lectern's own CSI sequences are) none may appear. */
const payloadSequences = ['\u001B]0;', '\u0007', '\u001BP', '\u001B[9999X', '\u009B', '\u0085', '\u202E', '\u2066'];

const folder = mkdtempSync(join(tmpdir(), 'lectern-scan-'));
after(() => {
	rmSync(folder, {recursive: true, force: true});
});

const name = `talk${payload}.txt`;
const deck = join(folder, name);
const image = `pic${payload}.png`;
const deckText = `# Scan\n\nA slide.\n\n@ ${image.replace('\n', '')}\n\nNote: notes\n---\n# Two\n`;
writeFileSync(deck, deckText);

/** The player in tmux, in the deck's folder, its output recorded. */
async function rehearse(): Promise<TmuxScreen> {
	const screen = await TmuxScreen.start({
		command: [process.execPath, cli, 'rehearse', name],
		columns: 100,
		rows: 30,
		cwd: folder,
		env: {TMPDIR: privateTmpdir()},
		recordOutput: true,
	});
	await waitForRawMode(screen);
	return screen;
}

/** What the player printed once it gave the terminal back, without its own restoring sequences (modes, cursor). */
function afterPlayer(output: string): string {
	return output.slice(output.lastIndexOf('\u001B[?1049l')).replaceAll(/\u001B\[\??[\d;]*[hlm]/g, '');
}

function run(args: readonly string[], env: NodeJS.ProcessEnv = plainEnv()) {
	return spawnSync(process.execPath, [cli, ...args], {cwd: folder, env, encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe']});
}

function assertClean(label: string, text: string): void {
	// A terminal's own line ends (the pty turns \n into \r\n) are not lectern's output.
	const found = foreignControl(text.replaceAll('\r\n', '\n'));
	assert.equal(found, undefined, `${label}: a foreign control sequence reached the output: ${found}`);
	for (const sequence of payloadSequences) assert.equal(text.includes(sequence), false, `${label}: ${JSON.stringify(sequence)} reached the output`);
}

/** Stderr is one line, and shows the payload neutralised (␛ for ESC, ␤ for the newline). */
function assertOneLine(label: string, stderr: string): void {
	assert.match(stderr, /^lectern: [^\n]+\n$/, `${label}: not one line: ${JSON.stringify(stderr)}`);
	assertClean(label, stderr);
}

describe('hostile file names and option values never bring a control sequence to the output', () => {
	test('check: the deck and image names', () => {
		const result = run(['check', name]);
		assert.equal(result.status, 1, result.stderr);
		assertClean('check', result.stdout + result.stderr);
		assert.match(result.stdout, /talk␛\]0;pwned␇/, 'the name shows neutralised');
		for (const line of result.stdout.trimEnd().split('\n').slice(0, -1))
			assert.match(line, /^talk.*\.txt:\d+: /, `a diagnostic split over lines: ${JSON.stringify(line)}`);
	});

	test('print, with and without colour', () => {
		for (const env of [plainEnv(), {...plainEnv(), FORCE_COLOR: '3', NO_COLOR: undefined}]) {
			const result = run(['print', name, '--width', '80', '--height', '24'], env);
			assert.equal(result.status, 0, result.stderr);
			assertClean('print', result.stdout + result.stderr);
			assert.match(result.stdout, /pic␛/, 'the alt text names the image, neutralised');
		}
	});

	test('a deck that cannot be read: one line', () => {
		assertOneLine('missing deck', run(['print', `missing${payload}.txt`]).stderr);
		assertOneLine('a folder', run(['check', folder + '/']).stderr);
		mkdirSync(join(folder, `dir${payload}`));
		assertOneLine('a folder with a hostile name', run(['print', `dir${payload}`]).stderr);
	});

	const optionValues: Array<readonly string[]> = [
		['print', name, '--width', payload],
		['print', name, '--height', payload],
		['print', name, '--format', payload],
		['print', name, '--theme', payload],
		['print', name, '--images', payload],
		['print', name, '--start', payload],
		['print', name, '--typing-speed', payload],
		['rehearse', name, '--target', payload],
		['export', name, '--to', payload],
		['export', name, '--to', 'cast', '--pause', payload],
		['serve', name, '--port', payload],
		['serve', name, '--host', payload],
		['serve', name, '--authorized-keys', payload],
		['print', name, `--${payload}`],
		[`--theme=${payload}`, name],
	];
	for (const args of optionValues) {
		test(`argument error: ${JSON.stringify(args.slice(2).join(' ') || args.join(' ')).slice(0, 40)}`, () => {
			const result = run(args);
			assert.equal(result.status, 2, `${JSON.stringify(args)}: ${result.stderr}`);
			assertOneLine(args.join(' '), result.stderr);
		});
	}

	test('export: the written file named, neutralised (default name and -o)', () => {
		const byDefault = run(['export', name, '--to', 'cast']);
		assert.equal(byDefault.status, 0, byDefault.stderr);
		assertClean('export', byDefault.stdout + byDefault.stderr);
		assert.ok(readdirSync(folder).some(file => file.endsWith('.cast')));
		const named = run(['export', name, '--to', 'html', '-o', `out${payload}.html`]);
		assert.equal(named.status, 0, named.stderr);
		assertClean('export -o', named.stdout + named.stderr);
		const refused = run(['export', name, '--to', 'html', '-o', join(`nowhere${payload}`, 'out.html')]);
		assert.equal(refused.status, 2);
		assertOneLine('export to a missing folder', refused.stderr);
	});
});

test('rehearse and the player: the report saved and not saved, the status bar reload error, the alt text', async () => {
	const screen = await rehearse();
	try {
		await screen.waitFor(rows => statusRow(rows).includes('1/2'), {what: 'the first slide'});
		// The deck turns binary: the reload fails, and the status bar says so, naming the file.
		writeFileSync(deck, Buffer.from([0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 0]));
		await screen.waitFor(rows => /binary|cannot|could not/i.test(rows.join('\n')), {what: 'the reload error in the status bar'});
		writeFileSync(deck, deckText);
		await screen.keys('q');
		await screen.waitForExit({what: 'rehearse to quit'});
		const output = (await screen.finalOutput()).toString('utf8');
		for (const sequence of payloadSequences) assert.equal(output.includes(sequence), false, `${JSON.stringify(sequence)} reached the terminal`);
		const report = afterPlayer(output);
		assertClean('the rehearsal table', report);
		assert.match(report, /talk␛/, 'the report file named, neutralised');
	} finally {
		await screen.stop();
	}

	// The report cannot be written (a folder is in its place): "Could not save", one neutralised line.
	rmSync(`${deck}.rehearsal.json`, {force: true});
	mkdirSync(`${deck}.rehearsal.json`);
	const again = await rehearse();
	try {
		await again.waitFor(rows => statusRow(rows).includes('1/2'), {what: 'the first slide'});
		await again.keys('q');
		await again.waitForExit({what: 'rehearse to quit'});
		const output = (await again.finalOutput()).toString('utf8');
		const report = afterPlayer(output);
		assert.match(report, /Could not save talk␛[^\n]*\n/);
		assertClean('could not save', report);
	} finally {
		await again.stop();
	}
});
