/**
 * Reading an image file and decoding it (in the decoders' worker), as a
 * settled outcome: the decoded picture, or why there is none. Asynchronous
 * for the player, synchronous for `print`.
 */
import {readFileSync, statSync} from 'node:fs';
import {readFile, stat} from 'node:fs/promises';
import {basename} from 'node:path';
import type {RgbaImage} from '../raster/scale.js';
import type {WorkerReply} from './decoders.js';
import {tooLong, WorkerRestarted, type DecoderWorker, type Decoders} from './decoder-worker.js';
import {fileTooLarge, imageHeaderOf, maxFileBytes} from './header.js';
import {fileErrorReason} from './inspect-image.js';

/** What became of a file. */
export type Settled = {readonly state: 'ready'; readonly image: RgbaImage} | {readonly state: 'missing' | 'failed'; readonly reason: string};

/** The file read and decoded; 'again' when the work was lost to a worker restart. */
export async function readImage(path: string, worker: DecoderWorker, decodeTimeoutMs: number): Promise<Settled | 'again'> {
	let bytes: Uint8Array;
	try {
		const info = await stat(path);
		if (info.isDirectory()) return {state: 'failed', reason: 'is a folder, not an image file'};
		if (info.size > maxFileBytes) return {state: 'failed', reason: fileTooLarge(info.size).reason};
		bytes = await readFile(path);
	} catch (error) {
		return readFailure(error);
	}

	try {
		const request = {kind: 'decode', bytes: ownBytes(bytes), name: basename(path)} as const;
		return settledDecode(await worker.run(request, timeoutFor(bytes, decodeTimeoutMs)));
	} catch (error) {
		if (error instanceof WorkerRestarted) return 'again';
		return {state: 'failed', reason: error instanceof Error ? error.message : String(error)};
	}
}

/** The file read and decoded before returning (the decode within its time limit). */
export function readImageSync(path: string, worker: DecoderWorker, decoders: Decoders, decodeTimeoutMs: number): Settled {
	let bytes: Uint8Array;
	try {
		const info = statSync(path);
		if (info.isDirectory()) return {state: 'failed', reason: 'is a folder, not an image file'};
		if (info.size > maxFileBytes) return {state: 'failed', reason: fileTooLarge(info.size).reason};
		bytes = readFileSync(path);
	} catch (error) {
		return readFailure(error);
	}

	const timeoutMs = timeoutFor(bytes, decodeTimeoutMs);
	const reply = worker.runSync({kind: 'decode', bytes, name: basename(path)}, timeoutMs, decoders);
	return reply ? settledDecode(reply) : {state: 'failed', reason: tooLong(timeoutMs)};
}

/** The time one decode may take: the base limit and half a second per megapixel. */
function timeoutFor(bytes: Uint8Array, decodeTimeoutMs: number): number {
	const header = imageHeaderOf(bytes);
	return decodeTimeoutMs + (header.ok ? (header.width * header.height) / 2000 : 0);
}

function readFailure(error: unknown): Settled {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	const reason = fileErrorReason(error);
	return code === 'ENOENT' || code === 'ENOTDIR' ? {state: 'missing', reason} : {state: 'failed', reason};
}

function settledDecode(reply: WorkerReply): Settled {
	if (!reply.ok) return {state: 'failed', reason: reply.reason};
	if (reply.kind !== 'decode') return {state: 'failed', reason: 'the image decoder answered something else'};
	return {state: 'ready', image: reply.image};
}

/** The bytes in an ArrayBuffer of their own, to hand to the worker. */
function ownBytes(bytes: Uint8Array): Uint8Array {
	if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && !(bytes.buffer instanceof SharedArrayBuffer)) {
		return new Uint8Array(bytes.buffer, 0, bytes.byteLength);
	}

	return bytes.slice();
}
