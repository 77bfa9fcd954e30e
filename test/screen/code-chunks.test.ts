/**
 * A deck without code loads none of the highlighter: in a copy of the bundle
 * whose highlighter chunk throws when it is loaded, a deck without code prints
 * and a deck with code fails.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {assertBuilt, plainEnv, root} from './support.js';

const copy = mkdtempSync(join(tmpdir(), 'lectern-chunks-'));
after(() => rmSync(copy, {recursive: true, force: true}));

function trappedBundle(): {cli: string; trapped: string[]} {
	assertBuilt();
	cpSync(join(root, 'dist'), join(copy, 'dist'), {recursive: true});
	const chunks = join(copy, 'dist', 'chunks');
	// Shiki's core (its tokenizer) and the Python grammar.
	const trapped = readdirSync(chunks).filter(name => {
		const text = readFileSync(join(chunks, name), 'utf8');
		return text.includes('codeToTokensBase') || text.includes('source.python');
	});
	for (const name of trapped) writeFileSync(join(chunks, name), 'throw new Error("the highlighter was loaded");\n');
	return {cli: join(copy, 'dist', 'cli.js'), trapped};
}

test('a deck without code never imports the highlighter or a grammar; a deck with code does', () => {
	const {cli, trapped} = trappedBundle();
	assert.ok(trapped.length >= 2, `found the highlighter chunks (${trapped.join(', ')})`);
	assert.ok(!readFileSync(join(root, 'dist', 'cli.js'), 'utf8').includes('codeToTokensBase'), 'the start-up file has none of it');
	const print = (deck: string) =>
		spawnSync(process.execPath, [cli, 'print', deck, '--width', '80', '--height', '24'], {cwd: root, env: plainEnv(), encoding: 'utf8'});
	for (const deck of ['fixtures/demo.txt', 'fixtures/code/no-code.md']) {
		const result = print(deck);
		assert.equal(result.status, 0, `${deck}: ${result.stderr}`);
	}

	const withCode = print('fixtures/code/languages.md');
	assert.notEqual(withCode.status, 0);
	assert.match(withCode.stderr, /the highlighter was loaded/);
});
