/**
 * Runs every test file compiled to build/test/ with Node's own test runner.
 * (Node 20's `--test` takes no globs, so the files are listed here.)
 */
import {spawnSync} from 'node:child_process';
import {readdirSync} from 'node:fs';
import {join} from 'node:path';

function testFiles(dir) {
	return readdirSync(dir, {withFileTypes: true}).flatMap(entry => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return testFiles(path);
		return entry.name.endsWith('.test.js') ? [path] : [];
	});
}

const only = process.argv.slice(2);
const files = testFiles('build/test').filter(file => only.length === 0 || only.some(part => file.includes(part)));
const env = {...process.env};
// A test that hangs fails after two minutes instead of stalling the run.
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=2', '--test-timeout=120000', ...files], {stdio: 'inherit', env});
process.exit(result.status ?? 1);
