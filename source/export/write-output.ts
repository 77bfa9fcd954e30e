/**
 * Writing an export: all or nothing. The bytes go to a new temporary file in
 * the output's folder (created exclusively, never following a link), are
 * flushed to disk, and the file is renamed over the output. A rename replaces
 * a symbolic link at the output's name instead of writing through it, and a
 * failure at any point removes the temporary file, so no partial output is
 * ever left behind.
 */
import {randomBytes} from 'node:crypto';
import {constants} from 'node:fs';
import {open, rename, stat, unlink} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import {neutralize} from '../deck/neutralize.js';

/** Why an output could not be written, as one line naming the file. */
export class OutputError extends Error {
	override readonly name = 'OutputError';
}

export type Chunks = Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>;

/** Writes `chunks` to `path` atomically; throws OutputError with a clear reason. */
export async function writeOutput(path: string, chunks: Chunks): Promise<number> {
	const shown = neutralize(path);
	const folder = dirname(path);
	try {
		const info = await stat(path);
		if (info.isDirectory()) throw new OutputError(`${shown}: is a folder; name a file to write`);
	} catch (error) {
		if (error instanceof OutputError) throw error;
		// No such file yet: the usual case.
	}

	const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
	let handle;
	try {
		// O_EXCL with O_CREAT never follows a link at the temporary name; O_NOFOLLOW says so again.
		handle = await open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
	} catch (error) {
		throw new OutputError(`${shown}: cannot write here (${reason(error, folder)})`);
	}

	let written = 0;
	try {
		for await (const chunk of chunks) {
			const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
			await handle.write(bytes);
			written += bytes.length;
		}

		await handle.sync();
		await handle.close();
		handle = undefined;
		await rename(temporary, path);
	} catch (error) {
		await handle?.close().catch(() => {});
		await unlink(temporary).catch(() => {});
		// Anything but a file system error (a fault while drawing) is not the output's fault.
		if (error instanceof OutputError || (error as NodeJS.ErrnoException | undefined)?.code === undefined) throw error;
		throw new OutputError(`${shown}: could not be written (${reason(error, folder)})`);
	}

	return written;
}

function reason(error: unknown, folder: string): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	switch (code) {
		case 'ENOENT': {
			return `no folder ${neutralize(folder)}`;
		}

		case 'ENOTDIR': {
			return `${neutralize(folder)} is not a folder`;
		}

		case 'EACCES':
		case 'EPERM': {
			return 'permission denied';
		}

		case 'EROFS': {
			return 'read-only file system';
		}

		case 'ENOSPC':
		case 'EDQUOT': {
			return 'no space left on the disk';
		}

		case 'EISDIR': {
			return 'is a folder';
		}

		default: {
			return neutralize(error instanceof Error ? error.message : String(error));
		}
	}
}
