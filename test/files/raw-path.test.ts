/**
 * File names that are not valid UTF-8: opened by their bytes (unit), and the built CLI
 * given such a name by a shell plays, checks and prints the deck and finds its pictures.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {after, test} from 'node:test';
import {fsPath, openableName} from '../../source/files/raw-path.js';

const folder = mkdtempSync(join(tmpdir(), 'lectern-raw-path-'));
after(() => {
	rmSync(folder, {recursive: true, force: true});
});

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const bytes = (...parts: Array<string | Buffer>) => Buffer.concat(parts.map(part => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part)));
/** caf\xe9.txt in `folder`, and d\xe9ck/caf\xe9.txt beside it. */
const deckName = bytes(folder, '/', latin1('café.txt'));
const innerFolder = bytes(folder, '/', latin1('déck'));
const innerDeck = bytes(innerFolder, '/', latin1('café.txt'));
const deckText = '#= Café\n---\n@= pic.png\n';
writeFileSync(deckName, deckText);
mkdirSync(innerFolder);
writeFileSync(innerDeck, deckText);
writeFileSync(bytes(innerFolder, '/pic.png'), readFileSync('fixtures/images/quadrants.png'));

test('a name whose bytes are not UTF-8 opens its file; its folder too, through /proc/self/fd', {skip: process.platform !== 'linux' && 'needs /proc'}, () => {
	const lossy = deckName.toString('utf8');
	assert.ok(lossy.includes('\uFFFD'));
	const name = openableName(lossy, [latin1('--notes'), deckName]);
	assert.equal(name, lossy, 'shown as given');
	assert.equal(readFileSync(fsPath(name), 'utf8'), deckText);

	const inner = openableName(innerDeck.toString('utf8'), [innerDeck]);
	assert.match(inner, /^\/proc\/self\/fd\/\d+\/caf\uFFFD\.txt$/);
	assert.equal(readFileSync(fsPath(inner), 'utf8'), deckText);
	// Paths built on its folder as strings (pictures, reports, reload) reach the real folder.
	assert.deepEqual(readdirSync(dirname(inner)).sort(), ['caf\uFFFD.txt', 'pic.png']);
});

test('a valid name, or one whose bytes are not among the arguments, is left as it is', () => {
	assert.equal(openableName('talk.txt', []), 'talk.txt');
	assert.equal(fsPath(join(folder, 'talk.txt')), join(folder, 'talk.txt'));
	assert.equal(openableName('caf\uFFFD.txt', [latin1('other\xff.txt')]), 'caf\uFFFD.txt');
	// A name that really has U+FFFD in it, as UTF-8: nothing to recover.
	assert.equal(openableName('caf\uFFFD.txt', [Buffer.from('caf\uFFFD.txt')]), 'caf\uFFFD.txt');
});

test('the CLI given such names by a shell checks and prints the decks, pictures found', {skip: process.platform !== 'linux' && 'needs /proc'}, () => {
	const cli = join(process.cwd(), 'dist', 'cli.js');
	for (const [what, shellName] of [
		['the name', 'caf\\351.txt'],
		['the folder and the name', 'd\\351ck/caf\\351.txt'],
	] as const) {
		const run = (command: string) =>
			spawnSync('/bin/sh', ['-c', `"$0" "$1" ${command} "$(printf '${shellName}')"`, process.execPath, cli], {cwd: folder, encoding: 'utf8', timeout: 60_000});
		const check = run('check');
		// Only the deck in d\xe9ck has its picture next to it: check warns (exit 1) for the other.
		const missing = shellName.startsWith('caf');
		assert.equal(check.status, missing ? 1 : 0, `${what}: ${check.stderr}${check.stdout}`);
		assert.match(check.stdout, /2 slides/);
		assert.equal(/missing-image/.test(check.stdout), missing, `${what}: the picture next to the deck`);
		const print = run('print --width 40 --height 12');
		assert.equal(print.status, 0, `${what}: ${print.stderr}`);
		assert.match(print.stdout, /Café|C a f é|█/);
	}
});
