/**
 * The readme's key table against the key map (source/navigation/keymap.ts),
 * which the input handling and the help overlay read: every key the player
 * answers to is in the table, and the table names no key the player ignores.
 */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {keymap, otherKeys} from '../../source/navigation/keymap.js';

const readme = readFileSync(new URL('../../../readme.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('\n## Keys\n') + 1);
/** The first table of the section: its lines up to the first that is not a table row. */
const table = section.slice(section.indexOf('\n|') + 1).split('\n');
const rows = table
	.slice(
		0,
		table.findIndex(line => !line.startsWith('|')),
	)
	.filter(line => line.startsWith('| ') && !line.startsWith('| keys ') && !line.startsWith('| ---'))
	.map(line => line.split(' | ')[0]!.slice(2));
const tokens = (label: string) => label.split(/\s+/).filter(Boolean);
/** Words of the table that join keys rather than name one. */
const connectives = new Set(['or', 'a', 'number,', 'then', '/']);

test('the readme has a key table', () => {
	assert.ok(rows.length >= 10, `${rows.length} rows`);
});

test("every key in the key map is in the readme's key table", () => {
	const shown = new Set(rows.flatMap(row => tokens(row)));
	for (const binding of keymap) {
		for (const key of tokens(binding.label)) assert.ok(shown.has(key), `${key} (${binding.command}) is missing from the readme's key table`);
	}
});

test("the readme's key table names only keys the key map has", () => {
	const known = new Set([...keymap, ...otherKeys].flatMap(entry => tokens(entry.label)));
	for (const row of rows) {
		for (const key of tokens(row)) {
			if (connectives.has(key) && !(key === '/' && row === '/')) continue;
			assert.ok(known.has(key), `the readme's key table names ${key} (row "${row}"), which is in no binding of source/navigation/keymap.ts`);
		}
	}
});
