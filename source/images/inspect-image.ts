/**
 * `inspectImage`: whether an image file can be drawn, for `lectern check`.
 * Synchronous and cheap: reads the file's header (and a PNG's last bytes),
 * never decodes the pixels, so a file whose pixel data is damaged past a
 * sound header passes here and fails only when drawn.
 */
import {closeSync, readSync} from 'node:fs';
import {FileRefused, openRegularFileSync} from '../files/read-regular.js';
import {fileTooLarge, readImageHeader, problem, type ImageFormat, type ImageProblemCode} from './header.js';

export type ImageInspection =
	| {readonly ok: true; readonly format: ImageFormat; readonly width: number; readonly height: number}
	| {readonly ok: false; readonly code: ImageProblemCode; readonly reason: string};

export function inspectImage(path: string): ImageInspection {
	let fd: number | undefined;
	try {
		// Any size: the header says whether it is too large; only the header is read.
		const opened = openRegularFileSync(path, Number.MAX_SAFE_INTEGER);
		fd = opened.fd;
		const stat = {size: opened.size};
		const file = fd;
		const header = readImageHeader(
			(offset, length) => {
				const buffer = new Uint8Array(Math.max(0, Math.min(length, stat.size - offset)));
				const read = readSync(file, buffer, 0, buffer.length, offset);
				return buffer.subarray(0, read);
			},
			stat.size,
			path,
		);
		return header.ok ? {ok: true, format: header.format, width: header.width, height: header.height} : header;
	} catch (error) {
		return problem('unreadable', imageFileReason(error));
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}

/** A short reason an image file could not be read. */
export function imageFileReason(error: unknown): string {
	if (error instanceof FileRefused) {
		if (error.code === 'EISDIR') return 'is a folder, not an image file';
		if (error.code === 'too-large' && error.size !== undefined) return fileTooLarge(error.size).reason;
		return error.message;
	}

	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	return `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
}
