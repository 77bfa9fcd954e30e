/**
 * `inspectImage`: whether an image file can be drawn, for `lectern check`.
 * Synchronous and cheap: reads the file's header (and a PNG's last bytes),
 * never decodes the pixels, so a file whose pixel data is damaged past a
 * sound header passes here and fails only when drawn.
 */
import {closeSync, fstatSync, openSync, readSync} from 'node:fs';
import {readImageHeader, problem, type ImageFormat, type ImageProblemCode} from './header.js';

export type ImageInspection =
	| {readonly ok: true; readonly format: ImageFormat; readonly width: number; readonly height: number}
	| {readonly ok: false; readonly code: ImageProblemCode; readonly reason: string};

export function inspectImage(path: string): ImageInspection {
	let fd: number | undefined;
	try {
		fd = openSync(path, 'r');
		const stat = fstatSync(fd);
		if (stat.isDirectory()) return problem('unreadable', 'is a folder, not an image file');
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
		return problem('unreadable', fileErrorReason(error));
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}

/** A short reason for a failed file read. */
export function fileErrorReason(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	if (code === 'ENOENT' || code === 'ENOTDIR') return 'not found';
	if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
	if (code === 'EISDIR') return 'is a folder, not an image file';
	return `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
}
