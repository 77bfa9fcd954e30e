/**
 * Runs every test file compiled to build/test/ with Node's own test runner,
 * against the patched Ink the bundle ships (scripts/patched-ink.mjs).
 * (Node 20's `--test` takes no globs, so the files are listed here.)
 *
 * Usage: node scripts/test.mjs [--unit | --screen] [PART...]
 *   --unit    everything but the screen tests (no tmux needed)
 *   --screen  the screen tests only (build/test/screen/: the built CLI in tmux)
 *   PART      only the files whose path contains PART
 */
import {spawnSync} from 'node:child_process';
import {readdirSync} from 'node:fs';
import {join, sep} from 'node:path';

function testFiles(dir) {
	return readdirSync(dir, {withFileTypes: true}).flatMap(entry => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return testFiles(path);
		return entry.name.endsWith('.test.js') ? [path] : [];
	});
}

const args = process.argv.slice(2);
const only = args.filter(arg => !arg.startsWith('--'));
const screen = file => file.startsWith(join('build', 'test', 'screen') + sep);
const kind = args.includes('--unit') ? file => !screen(file) : args.includes('--screen') ? screen : () => true;
const files = testFiles('build/test').filter(file => kind(file) && (only.length === 0 || only.some(part => file.includes(part))));
const env = {...process.env};
// In a terminal, Node's own spec reporter (it lists the failures at its end); in a log, TAP, then the failures again at the end (scripts/test-failures.mjs).
const reporters = process.stdout.isTTY
	? []
	: ['--test-reporter=tap', '--test-reporter-destination=stdout', '--test-reporter=./scripts/test-failures.mjs', '--test-reporter-destination=stdout'];
// A test that hangs fails after ten minutes instead of stalling the run (a guard, not a
// budget: Chromium's export test took over two minutes under a load of 14 on 2 cores).
const result = spawnSync(
	process.execPath,
	['--import', './scripts/patched-ink.mjs', '--test', '--test-concurrency=2', '--test-timeout=600000', ...reporters, ...files],
	{
		stdio: 'inherit',
		env,
	},
);
process.exit(result.status ?? 1);
