/**
 * Reading only regular files, and writing so that nothing is lost: a FIFO,
 * a device, a folder or a too-large file is refused before a byte is read; a
 * report is written through a temporary file and a rename, never through a
 * symbolic link, and a failed write leaves the previous file whole.
 */
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {FileRefused, readRegularFile, readRegularFileSync} from '../../source/files/read-regular.js';
import {WriteFailed, writeFileAtomically} from '../../source/files/write-atomically.js';

const folder = mkdtempSync(join(tmpdir(), 'lectern-files-'));
after(() => {
	chmodSync(folder, 0o700);
	for (const entry of readdirSync(folder)) if (lstatSync(join(folder, entry)).isDirectory()) chmodSync(join(folder, entry), 0o700);
	rmSync(folder, {recursive: true, force: true});
});

const fifo = join(folder, 'pic.png');
execFileSync('mkfifo', [fifo]);
const refusals: Array<[string, string, RegExp]> = [
	['a FIFO nobody writes to', fifo, /not a regular file/],
	['/dev/zero', '/dev/zero', /not a regular file/],
	['/dev/null', '/dev/null', /not a regular file/],
	['a folder', folder, /is a folder/],
	['a missing file', join(folder, 'none.png'), /not found/],
];

for (const [name, path, reason] of refusals) {
	test(`${name} is refused, synchronously and not`, async () => {
		assert.throws(
			() => readRegularFileSync(path, 1024),
			(error: unknown) => error instanceof FileRefused && reason.test(error.message),
		);
		await assert.rejects(readRegularFile(path, 1024), (error: unknown) => error instanceof FileRefused && reason.test(error.message));
	});
}

test('a file over the limit is refused; one at the limit is read whole', async () => {
	const file = join(folder, 'big.bin');
	writeFileSync(file, Buffer.alloc(2048, 7));
	assert.throws(() => readRegularFileSync(file, 2047), /over the/);
	assert.equal(readRegularFileSync(file, 2048).length, 2048);
	assert.equal((await readRegularFile(file, 2048)).length, 2048);
});

test('a symbolic link to a regular file is read; one to /dev/zero is refused', () => {
	const target = join(folder, 'target.txt');
	writeFileSync(target, 'hello');
	symlinkSync(target, join(folder, 'link.txt'));
	symlinkSync('/dev/zero', join(folder, 'zero.txt'));
	assert.equal(readRegularFileSync(join(folder, 'link.txt'), 100).toString(), 'hello');
	assert.throws(() => readRegularFileSync(join(folder, 'zero.txt'), 100), /not a regular file/);
});

test('an atomic write replaces a symbolic link instead of writing through it', () => {
	const victim = join(folder, 'victim.txt');
	writeFileSync(victim, 'precious');
	const report = join(folder, 'talk.txt.rehearsal.json');
	symlinkSync(victim, report);
	writeFileAtomically(report, '{"new": true}\n');
	assert.equal(readFileSync(victim, 'utf8'), 'precious');
	assert.equal(lstatSync(report).isSymbolicLink(), false);
	assert.equal(readFileSync(report, 'utf8'), '{"new": true}\n');
});

test('a write to a folder name, or into a read-only folder, fails with a reason and leaves no temporary file', () => {
	const asFolder = join(folder, 'is-a-folder.json');
	mkdirSync(asFolder);
	assert.throws(
		() => writeFileAtomically(asFolder, 'x'),
		(error: unknown) => error instanceof WriteFailed && /is a folder/.test(error.message),
	);
	const readOnly = join(folder, 'read-only');
	mkdirSync(readOnly);
	writeFileSync(join(readOnly, 'report.json'), 'previous');
	chmodSync(readOnly, 0o500);
	if (process.getuid?.() === 0) {
		// root writes anywhere: the read-only case cannot fail here.
		chmodSync(readOnly, 0o700);
		return;
	}

	assert.throws(() => writeFileAtomically(join(readOnly, 'report.json'), 'new'), /permission denied/);
	assert.equal(readFileSync(join(readOnly, 'report.json'), 'utf8'), 'previous');
	assert.deepEqual(readdirSync(readOnly), ['report.json']);
});

test('a full disk (ENOSPC on a small tmpfs) leaves the previous report whole', t => {
	if (process.getuid?.() !== 0) {
		t.skip('mounting a small tmpfs needs root');
		return;
	}

	const mount = join(folder, 'full');
	mkdirSync(mount);
	const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount]);
	if (mounted.status !== 0) {
		t.skip(`cannot mount a tmpfs here: ${String(mounted.stderr).trim()}`);
		return;
	}

	try {
		const report = join(mount, 'report.json');
		writeFileSync(report, 'previous');
		assert.throws(() => writeFileAtomically(report, Buffer.alloc(200 * 1024, 1)), /no space left/);
		assert.equal(readFileSync(report, 'utf8'), 'previous');
		assert.deepEqual(readdirSync(mount), ['report.json']);
	} finally {
		spawnSync('umount', [mount]);
	}
});
