/**
 * Writing a small file lectern owns (a rehearsal report) so that it is never
 * lost: the bytes go to a new temporary file in the same folder (created
 * exclusively, never through a link), are flushed to disk, and the file is
 * renamed over the old one. A rename replaces a symbolic link at the name
 * instead of writing through it, so a deck from an untrusted repository
 * cannot make lectern overwrite another file; a full disk leaves the previous
 * file whole.
 */
import {randomBytes} from 'node:crypto';
import {closeSync, constants, fsyncSync, lstatSync, openSync, renameSync, unlinkSync, writeSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';

/** Why a file could not be written: a short reason (the caller names the file). */
export class WriteFailed extends Error {
	override readonly name = 'WriteFailed';
}

export function writeFileAtomically(path: string, data: string | Uint8Array): void {
	try {
		if (lstatSync(path).isDirectory()) throw new WriteFailed('is a folder');
	} catch (error) {
		if (error instanceof WriteFailed) throw error;
		// No such file yet: the usual case.
	}

	const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
	let fd: number | undefined;
	try {
		fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
		const bytes = typeof data === 'string' ? Buffer.from(data) : data;
		let written = 0;
		while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
		fsyncSync(fd);
		closeSync(fd);
		fd = undefined;
		renameSync(temporary, path);
	} catch (error) {
		if (fd !== undefined) closeSync(fd);
		try {
			unlinkSync(temporary);
		} catch {
			// Never created, or already renamed.
		}

		throw new WriteFailed(writeReason(error));
	}
}

function writeReason(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
	if (code === 'EROFS') return 'read-only file system';
	if (code === 'ENOSPC' || code === 'EDQUOT') return 'no space left on the disk';
	if (code === 'EISDIR') return 'is a folder';
	if (code === 'ENOENT') return 'no such folder';
	return code ?? 'the write failed';
}
