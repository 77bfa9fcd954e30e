/**
 * Whether an image file can be drawn, for `lectern check`, without decoding
 * it. `inspectImage` reads the header and walks the file's structure
 * (pixel-data.ts: cut short, or more pixels than the data could hold);
 * `checkImage` also inflates a PNG's pixel data, counting and dropping it, to
 * find a deflate bomb or damaged data. A file whose JPEG or GIF pixel data is
 * damaged past a sound structure passes both, and fails only when drawn.
 */
import {closeSync, readSync} from 'node:fs';
import {createInflate} from 'node:zlib';
import {FileRefused, openRegularFileSync} from '../files/read-regular.js';
import {inflateSlack, inflatesPast} from './decode-png.js';
import {fileTooLarge, maxFileBytes, readImageHeader, type ImageFormat, type ImageHeader} from './header.js';
import {problem, type ByteReader, type ImageProblem, type ImageProblemCode} from './image-problem.js';
import type {PngData} from './pixel-data.js';

export type ImageInspection =
	| {readonly ok: true; readonly format: ImageFormat; readonly width: number; readonly height: number}
	| {readonly ok: false; readonly code: ImageProblemCode; readonly reason: string};

export function inspectImage(path: string): ImageInspection {
	const header = headerOf(path);
	return header.ok ? {ok: true, format: header.format, width: header.width, height: header.height} : header;
}

/** As `inspectImage`, and a PNG's pixel data inflated (never kept) to the size its header gives. */
export async function checkImage(path: string): Promise<ImageInspection> {
	const header = headerOf(path);
	if (!header.ok) return header;
	const found = {ok: true, format: header.format, width: header.width, height: header.height} as const;
	if (!header.png) return found;
	let compressed: Uint8Array[];
	try {
		compressed = withFile(path, maxFileBytes, read => header.png!.idat.map(([offset, length]) => read(offset, length)));
	} catch (error) {
		return problem('unreadable', imageFileReason(error));
	}

	const inflated = await inflatedBytes(compressed, header.png);
	return inflated ? problem('corrupt', `corrupt PNG: ${inflated}`) : found;
}

function headerOf(path: string): ImageHeader | ImageProblem {
	try {
		// Any size: the header says whether it is too large; only the header and the file's structure are read.
		return withFile(path, Number.MAX_SAFE_INTEGER, (read, size) => readImageHeader(read, size, path));
	} catch (error) {
		return problem('unreadable', imageFileReason(error));
	}
}

/** Runs `work` with a reader of the regular file at `path` (reading a 64 KB block at a time: walking a file's structure asks for a few bytes at a time). */
function withFile<T>(path: string, limit: number, work: (reader: ByteReader, size: number) => T): T {
	const {fd, size} = openRegularFileSync(path, limit);
	const block = 64 * 1024;
	let cached: {start: number; bytes: Uint8Array} | undefined;
	const direct = (offset: number, length: number) => {
		const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
		const read = readSync(fd, buffer, 0, buffer.length, offset);
		return buffer.subarray(0, read);
	};

	try {
		return work((offset, length) => {
			if (length > block) return direct(offset, length);
			const start = offset - (offset % block);
			if (offset + length > start + block) return direct(offset, length);
			if (cached?.start !== start) cached = {start, bytes: direct(start, block)};
			return cached.bytes.slice(offset - start, offset - start + length);
		}, size);
	} finally {
		closeSync(fd);
	}
}

/** Why the pixel data does not inflate to the size the header gives, or undefined when it does. */
async function inflatedBytes(compressed: readonly Uint8Array[], png: PngData): Promise<string | undefined> {
	const inflate = createInflate();
	let bytes = 0;
	return new Promise(done => {
		inflate.on('data', (piece: Buffer) => {
			bytes += piece.length;
			if (bytes <= png.inflatedBytes + inflateSlack) return;
			inflate.destroy();
			done(inflatesPast);
		});
		inflate.on('error', error => {
			const code = (error as NodeJS.ErrnoException).code;
			done(code === 'Z_BUF_ERROR' ? 'the pixel data is cut short' : `the pixel data is damaged (${error.message.replaceAll(/[^\w ]+/g, ' ').trim()})`);
		});
		inflate.on('end', () => {
			done(bytes < png.inflatedBytes ? 'the pixel data is cut short' : undefined);
		});
		for (const piece of compressed) inflate.write(piece);
		inflate.end();
	});
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
