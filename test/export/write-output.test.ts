import assert from 'node:assert/strict';
import {chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, lstatSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {OutputError, writeOutput} from '../../source/export/write-output.js';

const folder = mkdtempSync(join(tmpdir(), 'lectern-write-'));
after(() => {
	chmodSync(folder, 0o755);
	rmSync(folder, {recursive: true, force: true});
});

test('writes every chunk and leaves no temporary file', async () => {
	const path = join(folder, 'out.html');
	const written = await writeOutput(path, ['<p>', Buffer.from('hello'), '</p>']);
	assert.equal(readFileSync(path, 'utf8'), '<p>hello</p>');
	assert.equal(written, 12);
	assert.deepEqual(readdirSync(folder), ['out.html']);
});

test('a symbolic link at the output is replaced, and what it pointed to is left alone', async () => {
	const target = join(folder, 'precious.txt');
	writeFileSync(target, 'keep me');
	const link = join(folder, 'link.pdf');
	symlinkSync(target, link);
	await writeOutput(link, ['new']);
	assert.equal(readFileSync(target, 'utf8'), 'keep me');
	assert.ok(!lstatSync(link).isSymbolicLink());
	assert.equal(readFileSync(link, 'utf8'), 'new');
});

test('a failure while drawing leaves neither the output nor a temporary file', async () => {
	const sub = join(folder, 'failing');
	mkdirSync(sub);
	const path = join(sub, 'out.cast');
	writeFileSync(path, 'the old recording');
	function* chunks() {
		yield 'half of it';
		throw new Error('drawing failed');
	}

	await assert.rejects(writeOutput(path, chunks()), /drawing failed/);
	assert.deepEqual(readdirSync(sub), ['out.cast']);
	assert.equal(readFileSync(path, 'utf8'), 'the old recording');
});

test('an unwritable place is one clear error naming the file, with nothing written', async () => {
	await assert.rejects(writeOutput(join(folder, 'no-such-folder', 'x.pdf'), ['x']), (error: unknown) => {
		assert.ok(error instanceof OutputError);
		assert.match(error.message, /x\.pdf: cannot write here \(no folder .*no-such-folder\)$/);
		return true;
	});
	await assert.rejects(writeOutput(folder, ['x']), /is a folder/);
	const file = join(folder, 'plain-file');
	writeFileSync(file, '');
	await assert.rejects(writeOutput(join(file, 'x.pdf'), ['x']), /cannot write here \(.*plain-file is not a folder\)/);
	if (process.getuid?.() !== 0) {
		const locked = join(folder, 'locked');
		mkdirSync(locked);
		chmodSync(locked, 0o555);
		await assert.rejects(writeOutput(join(locked, 'x.pdf'), ['x']), /permission denied/);
		assert.deepEqual(readdirSync(locked), []);
	}
});

test('control characters in the name are neutralised in the message', async () => {
	await assert.rejects(writeOutput(join(folder, 'missing', 'evil\u001B[2Jname.html'), ['x']), (error: unknown) => {
		assert.ok(error instanceof Error);
		assert.ok(!error.message.includes('\u001B'), JSON.stringify(error.message));
		return true;
	});
});
