/**
 * Decks that cannot be presented: the built CLI prints one line to stderr, naming the
 * problem, and exits 2, without a stack trace. No terminal needed.
 *
 * Run from the repository root after `node scripts/build.mjs`.
 */
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {assertBuilt, cli, plainEnv, root} from './support.js';

before(assertBuilt);

const folder = mkdtempSync(join(tmpdir(), 'lectern-errors-'));
after(() => {
	rmSync(folder, {recursive: true, force: true});
});

const empty = join(folder, 'empty.txt');
const binary = join(folder, 'binary.txt');
writeFileSync(empty, '');
writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));

function run(args: readonly string[], input?: string) {
	return spawnSync(process.execPath, [cli, ...args], {
		cwd: root,
		env: plainEnv(),
		encoding: 'utf8',
		timeout: 20_000,
		...(input === undefined ? {stdio: ['ignore', 'pipe', 'pipe']} : {input}),
	});
}

function assertOneLineError(result: ReturnType<typeof run>, pattern: RegExp): void {
	assert.equal(result.error, undefined);
	assert.equal(result.signal, null);
	assert.equal(result.stdout, '', 'nothing on stdout');
	assert.equal(result.status, 2, `exit status (stderr: ${result.stderr})`);
	assert.match(result.stderr, /^lectern: [^\n]+\n$/, `not exactly one "lectern: ..." line on stderr: ${JSON.stringify(result.stderr)}`);
	assert.doesNotMatch(result.stderr, /\bat .*:\d+:\d+|Error:|node:internal/, 'a stack trace on stderr');
	assert.match(result.stderr, pattern);
}

const cases: Array<{name: string; file: string; pattern: RegExp}> = [
	{name: 'a missing file', file: 'fixtures/screen/no-such-deck.txt', pattern: /^lectern: fixtures\/screen\/no-such-deck\.txt: no such file\n$/},
	{name: 'a directory', file: 'fixtures', pattern: /^lectern: fixtures: is a directory/},
	{name: 'an empty file', file: empty, pattern: /: the deck is empty\n$/},
	{name: 'a binary file', file: binary, pattern: /: looks like a binary file/},
];

describe('a deck that cannot be read: one line on stderr, exit 2', () => {
	for (const {name, file, pattern} of cases) {
		test(`presenting ${name}`, () => {
			const result = run([file]);
			assertOneLineError(result, pattern);
			assert.ok(result.stderr.includes(file), 'the message names the file');
		});

		test(`printing ${name}`, () => {
			assertOneLineError(run(['print', file]), pattern);
		});
	}

	test('an empty deck from standard input', () => {
		assertOneLineError(run(['-'], ''), /^lectern: standard input: the deck is empty\n$/);
	});

	test('presenting when standard output is not a terminal', () => {
		assertOneLineError(run(['fixtures/demo.txt']), /standard output is not a terminal/);
	});
});

describe('special files', () => {
	test('a symlink loop is one clear line and exit 2', () => {
		const loop = join(folder, 'loop-a');
		symlinkSync(join(folder, 'loop-b'), loop);
		symlinkSync(loop, join(folder, 'loop-b'));
		const result = run(['print', loop]);
		assert.equal(result.status, 2);
		assert.match(result.stderr, /^lectern: .*loop-a: too many levels of symbolic links\n$/);
	});

	test('a FIFO with a writer is read like a file', () => {
		const fifo = join(folder, 'deck.fifo');
		execFileSync('mkfifo', [fifo]);
		const result = spawnSync(
			'/bin/sh',
			['-c', `cat fixtures/demo.txt > "${fifo}" & exec "$0" "$1" print "${fifo}" --width 60 --height 12`, process.execPath, cli],
			{
				cwd: root,
				env: plainEnv(),
				encoding: 'utf8',
				timeout: 20_000,
			},
		);
		assert.equal(result.status, 0, result.stderr);
		assert.match(result.stdout, /-- slide 10\/10 --/);
	});

	test('a FIFO nobody writes to gives up with a clear line instead of hanging', () => {
		const fifo = join(folder, 'silent.fifo');
		execFileSync('mkfifo', [fifo]);
		const result = spawnSync(process.execPath, [cli, 'print', fifo], {
			cwd: root,
			env: plainEnv({LECTERN_PIPE_TIMEOUT: '1'}),
			encoding: 'utf8',
			timeout: 20_000,
		});
		assert.equal(result.status, 2);
		assert.match(result.stderr, /^lectern: .*silent\.fifo: nothing arrived for 1 seconds; is anything writing to it\?\n$/);
	});

	test('a file name with a newline and escape sequences is one neutralised line', () => {
		const name = join(folder, 'bad\u001B[31m\nname.txt');
		const result = run(['print', name]);
		assertOneLineError(result, /bad␛\[31m␤name\.txt: no such file\n$/);
	});

	test('a full standard output (> /dev/full) is one line and a non-zero exit', () => {
		for (const command of ['print', 'check']) {
			const result = spawnSync('/bin/sh', ['-c', `exec "$0" "$1" ${command} fixtures/demo.txt > /dev/full`, process.execPath, cli], {
				cwd: root,
				env: plainEnv(),
				encoding: 'utf8',
				timeout: 20_000,
			});
			assert.equal(result.status, 2, command);
			assert.equal(result.stderr, 'lectern: cannot write to standard output: ENOSPC\n');
		}
	});

	test('images that are a FIFO nobody writes to or /dev/zero: check and print finish, naming them', () => {
		const images = join(folder, 'images');
		execFileSync('mkdir', [images]);
		execFileSync('mkfifo', [join(images, 'pic.png')]);
		const deck = join(images, 'deck.md');
		writeFileSync(deck, '# t\n\n![x](pic.png)\n\n---\n\n![z](/dev/zero)\n');
		const check = run(['check', deck]);
		assert.equal(check.status, 1, check.stderr);
		assert.equal(
			(check.stdout.match(/is not a regular file \(a pipe, a device or a socket\); alt text is shown \[unreadable-image\]/g) ?? []).length,
			2,
			check.stdout,
		);
		const print = spawnSync(process.execPath, [cli, 'print', '--images', 'blocks', deck], {
			cwd: root,
			env: {...plainEnv(), FORCE_COLOR: '3'},
			encoding: 'utf8',
			timeout: 20_000,
		});
		assert.equal(print.status, 0, print.stderr);
		assert.match(print.stdout, /-- slide 2\/2 --/);
	});

	test('a deck over the size limit is refused with a clear line', () => {
		const big = join(folder, 'big.txt');
		writeFileSync(big, 'x\n'.repeat(9 * 1024 * 1024));
		const result = run(['print', big]);
		assert.equal(result.status, 2);
		assert.match(result.stderr, /^lectern: .*big\.txt: is 18 MB; decks up to 16 MB are supported\n$/);
	});
});

describe('a command line that is not right: one line on stderr, exit 2', () => {
	const lines: Array<{args: string[]; pattern: RegExp}> = [
		{args: ['--bogus', 'fixtures/demo.txt'], pattern: /unknown option --bogus/},
		{args: ['--no-colour', 'fixtures/demo.txt'], pattern: /unknown option --no-colour/},
		{args: ['--images', 'sixel', 'fixtures/demo.txt'], pattern: /`--images`: `sixel`/},
		{args: ['--start', 'abc', 'fixtures/demo.txt'], pattern: /--start abc: not a whole number/},
		{args: ['--start', '0', 'fixtures/demo.txt'], pattern: /--start 0: not a whole number/},
		{args: ['print', '--width', '1.5', 'fixtures/demo.txt'], pattern: /--width 1\.5: not a whole number/},
		{args: ['--typing-speed', '0', 'fixtures/demo.txt'], pattern: /--typing-speed 0: not a number/},
		{args: ['print', '--width', '2000000000', 'fixtures/demo.txt'], pattern: /--width 2000000000: at most 2,000/},
		{args: ['print', '--height', '1000000', 'fixtures/demo.txt'], pattern: /--height 1000000: at most 1,000/},
		{args: ['print', '--width', '\u001B]0;owned\u0007\n', 'fixtures/demo.txt'], pattern: /--width ␛\]0;owned␇␤: not a whole number/},
		{args: ['serve', '--port', '70000', 'fixtures/demo.txt'], pattern: /--port 70000: not a port number/},
		{args: ['serve', '--max-viewers', '0', 'fixtures/demo.txt'], pattern: /--max-viewers 0: not a whole number/},
		{args: ['serve', '--authorized-keys', 'fixtures/no-such-keys', 'fixtures/demo.txt'], pattern: /--authorized-keys fixtures\/no-such-keys: cannot read it/},
	];
	for (const {args, pattern} of lines) {
		test(args.join(' '), () => {
			assertOneLineError(run(args), pattern);
		});
	}

	test('no deck, or a command without one: the usage on stderr', () => {
		for (const args of [[], ['print'], ['check'], ['serve']]) {
			const result = run(args);
			assert.equal(result.status, 2, args.join(' '));
			assert.equal(result.stdout, '');
			assert.match(result.stderr, /Usage\n\s+\$ lectern DECK/);
		}
	});
});
