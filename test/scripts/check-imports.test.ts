import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {after, test} from 'node:test';

const script = new URL('../../../scripts/check-imports.mjs', import.meta.url).pathname;
const trees: string[] = [];
after(() => {
	for (const tree of trees) rmSync(tree, {recursive: true, force: true});
});

/** A source tree of the given files (path -> text), checked; the exit code and what it printed. */
function check(files: Record<string, string>): {status: number | null; output: string} {
	const root = mkdtempSync(join(tmpdir(), 'lectern-imports-'));
	trees.push(root);
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(root, path)), {recursive: true});
		writeFileSync(join(root, path), text);
	}

	const result = spawnSync(process.execPath, [script, root], {encoding: 'utf8'});
	return {status: result.status, output: result.stdout + result.stderr};
}

test('a tree without cycles passes', () => {
	const {status, output} = check({
		'cli.tsx': "import {a} from './deck/a.js';\nimport('./layout/b.js');\n",
		'deck/a.ts': 'export const a = 1;\n',
		'deck/formats/c.ts': "import {a} from '../a.js';\n",
		'layout/b.ts': "import type {a} from '../deck/a.js';\n",
	});
	assert.equal(status, 0, output);
	assert.match(output, /no import cycles among the 4 files and 2 folders/);
});

test('a folder cycle fails, through type-only imports too, with the imports that make it', () => {
	const {status, output} = check({
		'layout/plan.ts': "import {pace} from '../rehearsal/pace.js';\n",
		'rehearsal/pace.ts': "import type {Line} from '../layout/frame.js';\nexport const pace = 1;\n",
		'layout/frame.ts': 'export type Line = string;\n',
	});
	assert.equal(status, 1);
	assert.match(output, /folder cycle between layout\/, rehearsal\//);
	assert.match(output, /layout\/plan\.ts -> rehearsal\/pace\.ts/);
	assert.match(output, /rehearsal\/pace\.ts -> layout\/frame\.ts/);
	assert.doesNotMatch(output, /file cycle/);
});

test('a file cycle fails, through a dynamic import too', () => {
	const {status, output} = check({
		'commands/present.ts': "export async function present() {\n\tawait import('./play.js');\n}\n",
		'commands/play.tsx': "import type {Options} from './present.js';\n",
	});
	assert.equal(status, 1);
	assert.match(output, /file cycle between commands\/play\.tsx, commands\/present\.ts/);
});

test('a subfolder belongs to its top-level folder, and a file in the root stands for itself', () => {
	const {status, output} = check({
		'deck/load.ts': "import {read} from './formats/read.js';\n",
		'deck/formats/read.ts': "import type {Deck} from '../model.js';\nexport const read = 1;\n",
		'deck/model.ts': 'export type Deck = string;\n',
		'app.tsx': "import {hook} from './hooks/use-x.js';\n",
		'hooks/use-x.ts': "import {readDeck} from '../read-deck.js';\nexport const hook = 1;\n",
		'read-deck.ts': 'export const readDeck = 1;\n',
	});
	assert.equal(status, 0, output);
});

test('an import of a file that does not exist fails', () => {
	const {status, output} = check({'a/x.ts': "import {y} from '../b/y.js';\n"});
	assert.equal(status, 1);
	assert.match(output, /import of a file that does not exist: a\/x\.ts: \.\.\/b\/y\.js/);
});
