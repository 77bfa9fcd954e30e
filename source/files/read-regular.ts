/**
 * Reading a file a deck names (an image, a rehearsal report): only a regular
 * file, only up to a size limit, opened without blocking. A named pipe nobody
 * writes to would block `open` and `read` for ever, and `/dev/zero` never
 * ends: both are refused before a byte is read.
 */
import {closeSync, constants, fstatSync, openSync, readSync} from 'node:fs';
import {open} from 'node:fs/promises';

/** Why a file was not read, as a short reason (the caller names the file). */
export class FileRefused extends Error {
	override readonly name = 'FileRefused';
	constructor(
		message: string,
		/** 'missing' when there is no such file, 'too-large' over the limit; the Node error code otherwise, or 'refused'. */
		readonly code: string,
		/** The file's size, for a file over the limit. */
		readonly size?: number,
	) {
		super(message);
	}
}

/** O_NONBLOCK: opening a FIFO returns at once; O_NOCTTY: a terminal device never becomes ours. */
const readFlags = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY;

function refuseUnlessRegular(info: {isFile(): boolean; isDirectory(): boolean; size: number}, limit: number): void {
	if (info.isDirectory()) throw new FileRefused('is a folder, not a file', 'EISDIR');
	if (!info.isFile()) throw new FileRefused('is not a regular file (a pipe, a device or a socket)', 'refused');
	if (info.size > limit) throw new FileRefused(`is ${megabytes(info.size)} MB, over the ${megabytes(limit)} MB limit`, 'too-large', info.size);
}

const megabytes = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(1));

/** A file error as a FileRefused with a short reason. */
function refusal(error: unknown): FileRefused {
	if (error instanceof FileRefused) return error;
	const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'refused';
	if (code === 'ENOENT' || code === 'ENOTDIR') return new FileRefused('not found', 'missing');
	if (code === 'EACCES' || code === 'EPERM') return new FileRefused('cannot be read (permission denied)', code);
	if (code === 'ELOOP') return new FileRefused('too many levels of symbolic links', code);
	if (code === 'EISDIR') return new FileRefused('is a folder, not a file', code);
	return new FileRefused(`cannot be read (${code})`, code);
}

/** The whole of a regular file of at most `limit` bytes; throws FileRefused. */
export function readRegularFileSync(path: string, limit: number): Buffer {
	let fd: number | undefined;
	try {
		fd = openSync(path, readFlags);
		const info = fstatSync(fd);
		refuseUnlessRegular(info, limit);
		// One byte more than the limit is asked for: a file that grew since fstat is refused too.
		const buffer = Buffer.alloc(Math.min(limit + 1, info.size + 1));
		let length = 0;
		for (;;) {
			const read = readSync(fd, buffer, length, buffer.length - length, length);
			if (read === 0) break;
			length += read;
			if (length === buffer.length) break;
		}

		if (length > limit) throw new FileRefused(`is over the ${megabytes(limit)} MB limit`, 'too-large');
		return buffer.subarray(0, length);
	} catch (error) {
		throw refusal(error);
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}

/** As `readRegularFileSync`, without blocking the event loop. */
export async function readRegularFile(path: string, limit: number): Promise<Buffer> {
	let handle;
	try {
		handle = await open(path, readFlags);
		const info = await handle.stat();
		refuseUnlessRegular(info, limit);
		// A regular file ends; one that grew past the limit since fstat is refused.
		const bytes = await handle.readFile();
		if (bytes.length > limit) throw new FileRefused(`is over the ${megabytes(limit)} MB limit`, 'too-large', bytes.length);
		return bytes;
	} catch (error) {
		throw refusal(error);
	} finally {
		await handle?.close();
	}
}

/**
 * Opens a regular file for reading a part of it (an image's header), without
 * blocking on a pipe; throws FileRefused for anything else. The caller closes it.
 */
export function openRegularFileSync(path: string, limit: number): {fd: number; size: number} {
	let fd: number | undefined;
	try {
		fd = openSync(path, readFlags);
		const info = fstatSync(fd);
		refuseUnlessRegular(info, limit);
		return {fd, size: info.size};
	} catch (error) {
		if (fd !== undefined) closeSync(fd);
		throw refusal(error);
	}
}
