/**
 * The pictures of a deck's image slides, as half-block glyphs.
 *
 * `picture(src, box)` never waits and never blocks: it answers from the
 * caches, or starts the work and says 'pending'. Files are read with
 * fs/promises, then decoded and fitted to the box in a worker thread (the
 * decoders are a lazily loaded chunk; decoding a large JPEG takes 100 ms and
 * more), and only the last step, pixels to coloured cells, runs on the
 * caller's thread, a band of rows at a time. Listeners registered with
 * `onReady` are called when a pending picture settles (ready, missing or
 * failed), so the player can draw again.
 *
 * `pictureSync` does it all before returning, for `print`, whose output must
 * not depend on timing; it needs `await loadDecoders()` first. It waits for
 * the worker (Atomics.wait), so a damaged file that sends a decoder into an
 * endless loop still ends, as a failure, once the decode time limit passes.
 *
 * Only files are read: a `src` with a URL scheme other than `file:` is never
 * fetched ('missing'), and nothing here uses the network.
 */
import {readFileSync, statSync} from 'node:fs';
import {readFile, stat} from 'node:fs/promises';
import {basename, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {MessageChannel, receiveMessageOnPort, Worker} from 'node:worker_threads';
import type {PremultipliedImage, RgbaImage} from '../raster/scale.js';
import type {Glyph, Size} from '../frame/frame.js';
import type {Picture} from '../layout/plan-image.js';
import {pixelGlyph} from '../raster/half-blocks.js';
import type * as DecodersModule from './decoders.js';
import type {WorkerData, WorkerReply, WorkerRequest, WorkerStarted} from './decoders.js';
import type {EncodedPicture} from './encode.js';
import {fitPicture} from './fit.js';
import {fileTooLarge, imageHeaderOf, maxFileBytes} from './header.js';
import {fileErrorReason} from './inspect-image.js';

export type {Picture} from '../layout/plan-image.js';

export type ImageStoreOptions = {
	/** 3: 24-bit colour; 2: 256 colours (pixels snapped to the xterm palette, as the emoji painter does). */
	readonly level: 2 | 3;
	/** Decoded pictures kept, in bytes of RGBA (4 a pixel); the least recently used go first. Default 64 MB. */
	readonly cacheBytes?: number;
	/** Fitted glyphs kept, one per picture and size. Default 32. */
	readonly cacheGlyphs?: number;
	/**
	 * Decode and fit in a worker thread (the default). False does it on this
	 * thread, deferred with setImmediate but blocking while it runs, and
	 * without the time limit.
	 */
	readonly worker?: boolean;
	/** The time limit of one decode, before the half a second per megapixel it adds. Default 3 s. */
	readonly decodeTimeoutMs?: number;
};

/** What the store knows of one file. */
type FileState =
	| {readonly state: 'loading'}
	| {readonly state: 'ready'; readonly image: RgbaImage}
	/** Decoded once, then dropped from the cache: its size is remembered so fitted glyphs can still be found. */
	| {readonly state: 'dropped'; readonly width: number; readonly height: number}
	| {readonly state: 'missing' | 'failed'; readonly reason: string};

type Settled = {readonly state: 'ready'; readonly image: RgbaImage} | {readonly state: 'missing' | 'failed'; readonly reason: string};

type Decoders = typeof DecodersModule;

type Request = DistributiveOmit<WorkerRequest, 'id' | 'sync'>;

type Job = {
	readonly timeoutMs: number;
	readonly done: (reply: WorkerReply) => void;
	readonly fail: (error: Error) => void;
};

/** A job lost because the worker was stopped for another one: worth trying again. */
class WorkerRestarted extends Error {}

/** A decoded picture, as `ImageStore.decoded` has it for other uses than half-blocks. */
export type DecodedPicture =
	| {readonly state: 'ready'; readonly path: string; readonly image: RgbaImage}
	| {readonly state: 'pending'}
	| {readonly state: 'missing' | 'failed'; readonly reason: string};

/** Files remembered at most (pictures, failures and sizes of dropped pictures). */
const maxFiles = 256;

/** How long `pictureSync` waits for a new worker to start before it counts the decode's time. */
const workerStartMs = 5000;

/** Cells painted per turn of the event loop (about a millisecond's work), so a big picture never holds up a keypress. */
const cellsPerSlice = 2048;

export class ImageStore {
	private readonly folder: string;
	private readonly level: 2 | 3;
	private readonly cacheBytes: number;
	private readonly cacheGlyphs: number;
	private readonly decodeTimeoutMs: number;
	private useWorker: boolean;
	/** By absolute path; least recently used first. */
	private readonly files = new Map<string, FileState>();
	/** By `path\nWxH` (the fitted size in pixels); least recently used first. */
	private readonly glyphs = new Map<string, Glyph>();
	private readonly fitting = new Set<string>();
	/** The last box asked for while a file was loading: fitted as soon as it is decoded. */
	private readonly wanted = new Map<string, Size>();
	private readonly sources = new Map<string, {path: string} | {reason: string}>();
	private readonly listeners = new Set<() => void>();
	private imageBytes = 0;
	private decoders: Decoders | undefined;
	private decodersLoading: Promise<Decoders> | undefined;
	private worker: Worker | undefined;
	/** 1 once the worker listens (set by the worker): its start-up does not count against the time limit. */
	private workerReady = new Int32Array(new SharedArrayBuffer(4));
	/** Requests the worker has, in the order it answers them. */
	private readonly jobs = new Map<number, Job>();
	/** Stops the worker when the oldest job runs over its time. */
	private watchdog: NodeJS.Timeout | undefined;
	private nextJob = 1;
	private closed = false;

	constructor(deckFolder: string, options: ImageStoreOptions) {
		this.folder = resolve(deckFolder);
		this.level = options.level;
		this.cacheBytes = options.cacheBytes ?? 64 * 1024 * 1024;
		this.cacheGlyphs = Math.max(1, options.cacheGlyphs ?? 32);
		this.decodeTimeoutMs = options.decodeTimeoutMs ?? 3000;
		this.useWorker = options.worker ?? true;
	}

	/** The picture for an image slide, fitted inside `box` (cells); 'pending' starts the work. */
	picture(src: string, box: Size): Picture {
		const source = this.resolveSource(src);
		if ('reason' in source) return {state: 'missing', reason: source.reason};
		const {path} = source;
		const file = this.files.get(path);
		if (!file || file.state === 'loading' || (file.state === 'dropped' && !this.cachedGlyph(path, file, box))) {
			this.wanted.set(path, box);
			if (!file || file.state === 'dropped') this.load(path);
			return {state: 'pending'};
		}

		if ('reason' in file) return {state: file.state, reason: file.reason};
		this.touch(this.files, path, file);
		const size = fitPicture(...dimensions(file), box);
		if (!size) return {state: 'failed', reason: 'no room for the picture'};
		const key = glyphKey(path, size);
		const glyph = this.glyphs.get(key);
		if (glyph) {
			this.touch(this.glyphs, key, glyph);
			return {state: 'ready', glyph: copyGlyph(glyph)};
		}

		if (file.state === 'ready' && !this.fitting.has(key)) this.fit(path, file.image, size);
		return {state: 'pending'};
	}

	/**
	 * The picture at once: never 'pending'. For `print`. Blocks while the file
	 * is read and decoded (in the worker, within the time limit) and fitted.
	 * Throws only when `loadDecoders()` has not finished.
	 */
	pictureSync(src: string, box: Size): Exclude<Picture, {state: 'pending'}> {
		const decoders = this.decoders;
		if (!decoders) throw new Error('ImageStore.pictureSync needs `await store.loadDecoders()` first');
		const source = this.resolveSource(src);
		if ('reason' in source) return {state: 'missing', reason: source.reason};
		const {path} = source;
		let file = this.files.get(path);
		if (!file || file.state === 'loading' || (file.state === 'dropped' && !this.cachedGlyph(path, file, box))) {
			file = this.readSync(path, decoders);
			this.wanted.delete(path);
			this.settle(path, file);
		}

		if ('reason' in file) return {state: file.state, reason: file.reason};
		this.touch(this.files, path, file);
		const size = fitPicture(...dimensions(file), box);
		if (!size) return {state: 'failed', reason: 'no room for the picture'};
		const key = glyphKey(path, size);
		let glyph = this.glyphs.get(key);
		if (!glyph) {
			if (file.state !== 'ready') throw new Error('unreachable: a dropped picture without its glyph');
			glyph = pixelGlyph(decoders.fitPixels(file.image, size.width, size.height), this.level);
			this.addGlyph(key, glyph);
		}

		return {state: 'ready', glyph: copyGlyph(glyph)};
	}

	/**
	 * The decoded picture of `src`, for drawing it another way (a terminal's
	 * image protocol); 'pending' starts loading it, and `onReady` listeners
	 * hear when it is done.
	 */
	decoded(src: string): DecodedPicture {
		const source = this.resolveSource(src);
		if ('reason' in source) return {state: 'missing', reason: source.reason};
		const {path} = source;
		const file = this.files.get(path);
		if (!file || file.state === 'dropped') this.load(path);
		if (!file || file.state === 'dropped' || file.state === 'loading') return {state: 'pending'};
		if ('reason' in file) return {state: file.state, reason: file.reason};
		this.touch(this.files, path, file);
		return {state: 'ready', path, image: file.image};
	}

	/**
	 * `image` scaled and encoded for a terminal (see encode.ts), in the worker.
	 * 'again' when the work was lost to a worker restart; rejects with the reason it failed.
	 */
	async encode(image: RgbaImage, size: {width: number; height: number}, format: EncodedPicture['format'], maxBytes?: number): Promise<EncodedPicture | 'again'> {
		const request = {kind: 'encode', image, ...size, format, ...(maxBytes === undefined ? {} : {maxBytes})} as const;
		let reply: WorkerReply;
		try {
			reply = await this.run(request, this.decodeTimeoutMs + (image.width * image.height) / 2000);
		} catch (error) {
			if (error instanceof WorkerRestarted) return 'again';
			throw error;
		}

		if (!reply.ok) throw new Error(reply.reason);
		if (reply.kind !== 'encode') throw new Error('the image decoder answered something else');
		return reply.picture;
	}

	/** Calls `listener` whenever a pending picture settles (ready, missing or failed). Returns the unsubscribe function. */
	onReady(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => {
			this.listeners.delete(listener);
		};
	}

	/** Loads the decoder chunk; `pictureSync` needs it done. `picture` loads it by itself. */
	async loadDecoders(): Promise<void> {
		await this.decodersModule();
	}

	/** Stops the worker and forgets the listeners; answers to work in flight are dropped. */
	close(): void {
		this.closed = true;
		this.listeners.clear();
		this.stopWorker();
	}

	/** What the caches hold (for tests and diagnostics). */
	cacheUse(): {pictures: number; bytes: number; glyphs: number} {
		let pictures = 0;
		for (const file of this.files.values()) if (file.state === 'ready') pictures++;
		return {pictures, bytes: this.imageBytes, glyphs: this.glyphs.size};
	}

	// Sources ------------------------------------------------------------------

	private resolveSource(src: string): {path: string} | {reason: string} {
		let source = this.sources.get(src);
		if (!source) {
			source = resolveImageSource(this.folder, src);
			if (this.sources.size >= maxFiles) this.sources.clear();
			this.sources.set(src, source);
		}

		return source;
	}

	// Loading ------------------------------------------------------------------

	private load(path: string): void {
		this.files.set(path, {state: 'loading'});
		void this.readAndDecode(path).then(result => {
			if (this.closed || this.files.get(path)?.state !== 'loading') return;
			if (result === 'again') {
				// Lost to a worker restart: forget it, and the next ask starts over.
				this.files.delete(path);
				this.notify();
				return;
			}

			this.settle(path, result);
			const box = this.wanted.get(path);
			this.wanted.delete(path);
			if (result.state === 'ready' && box) {
				const size = fitPicture(result.image.width, result.image.height, box);
				const key = size && glyphKey(path, size);
				if (size && key && !this.glyphs.has(key)) {
					if (!this.fitting.has(key)) this.fit(path, result.image, size);
					return; // The listeners hear of it when the fit is done.
				}
			}

			this.notify();
		});
	}

	private async readAndDecode(path: string): Promise<Settled | 'again'> {
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
			return settledDecode(await this.run(request, this.timeoutFor(bytes)));
		} catch (error) {
			if (error instanceof WorkerRestarted) return 'again';
			return {state: 'failed', reason: error instanceof Error ? error.message : String(error)};
		}
	}

	private readSync(path: string, decoders: Decoders): Settled {
		let bytes: Uint8Array;
		try {
			const info = statSync(path);
			if (info.isDirectory()) return {state: 'failed', reason: 'is a folder, not an image file'};
			if (info.size > maxFileBytes) return {state: 'failed', reason: fileTooLarge(info.size).reason};
			bytes = readFileSync(path);
		} catch (error) {
			return readFailure(error);
		}

		const request = {kind: 'decode', bytes, name: basename(path)} as const;
		const worker = this.useWorker ? this.startWorker(decoders) : undefined;
		if (!worker) return settledDecode(decoders.answer({...request, id: 0}));
		// Wait here for the worker's answer: a decoder stuck in a loop cannot hold this thread past the limit.
		const {port1, port2} = new MessageChannel();
		const signal = new Int32Array(new SharedArrayBuffer(4));
		const timeoutMs = this.timeoutFor(bytes);
		if (Atomics.wait(this.workerReady, 0, 0, workerStartMs) === 'timed-out') {
			// A worker that does not start: this store decodes on this thread from now on.
			this.useWorker = false;
			this.stopWorker();
			return settledDecode(decoders.answer({...request, id: 0}));
		}

		worker.postMessage({...request, id: 0, sync: {port: port2, signal}}, [port2]);
		Atomics.wait(signal, 0, 0, timeoutMs);
		const reply = receiveMessageOnPort(port1)?.message as WorkerReply | undefined;
		port1.close();
		if (reply) return settledDecode(reply);
		this.stopWorker(new WorkerRestarted('the image decoder was restarted'));
		return {state: 'failed', reason: tooLong(timeoutMs)};
	}

	/** The time one decode may take: the base limit and half a second per megapixel. */
	private timeoutFor(bytes: Uint8Array): number {
		const header = imageHeaderOf(bytes);
		return this.decodeTimeoutMs + (header.ok ? (header.width * header.height) / 2000 : 0);
	}

	/** Records a file's outcome, keeping the decoded pictures within the byte budget. */
	private settle(path: string, result: Settled): void {
		this.forget(path);
		this.files.set(path, result);
		if (result.state === 'ready') {
			this.imageBytes += result.image.data.byteLength;
			// Least recently used first; the new picture stays even when it alone is over the budget.
			const older = [...this.files].filter(([other, file]) => other !== path && file.state === 'ready');
			for (const [other, file] of older) {
				if (this.imageBytes <= this.cacheBytes) break;
				if (file.state === 'ready') this.drop(other, file.image);
			}
		}

		if (this.files.size > maxFiles) {
			const settled = [...this.files].filter(([other, file]) => other !== path && file.state !== 'loading');
			for (const [other] of settled.slice(0, this.files.size - maxFiles)) this.forget(other);
		}
	}

	private drop(path: string, image: RgbaImage): void {
		this.forget(path);
		this.files.set(path, {state: 'dropped', width: image.width, height: image.height});
	}

	private forget(path: string): void {
		const file = this.files.get(path);
		if (file?.state === 'ready') this.imageBytes -= file.image.data.byteLength;
		this.files.delete(path);
	}

	// Fitting ------------------------------------------------------------------

	private fit(path: string, image: RgbaImage, size: {width: number; height: number}): void {
		const key = glyphKey(path, size);
		this.fitting.add(key);
		const timeoutMs = this.decodeTimeoutMs + (image.width * image.height) / 2000;
		void this.fitted(image, size, timeoutMs).then(result => {
			this.fitting.delete(key);
			if (this.closed) return;
			if (result === 'again') {
				// Lost to a worker restart: the next ask fits it again.
			} else if ('state' in result) {
				this.settle(path, result);
			} else {
				this.addGlyph(key, result);
			}

			this.notify();
		});
	}

	private async fitted(image: RgbaImage, size: {width: number; height: number}, timeoutMs: number): Promise<Glyph | Settled | 'again'> {
		let reply: WorkerReply;
		try {
			reply = await this.run({kind: 'fit', image, width: size.width, height: size.height}, timeoutMs);
		} catch (error) {
			if (error instanceof WorkerRestarted) return 'again';
			return {state: 'failed', reason: error instanceof Error ? error.message : String(error)};
		}

		if (!reply.ok) return {state: 'failed', reason: reply.reason};
		if (reply.kind !== 'fit') return {state: 'failed', reason: 'the image decoder answered something else'};
		return (await glyphInSlices(reply.image, this.level, () => this.closed)) ?? 'again';
	}

	private cachedGlyph(path: string, file: {width: number; height: number}, box: Size): Glyph | undefined {
		const size = fitPicture(file.width, file.height, box);
		return size && this.glyphs.get(glyphKey(path, size));
	}

	private addGlyph(key: string, glyph: Glyph): void {
		this.glyphs.delete(key);
		this.glyphs.set(key, glyph);
		while (this.glyphs.size > this.cacheGlyphs) this.glyphs.delete(this.glyphs.keys().next().value!);
	}

	private touch<T>(map: Map<string, T>, key: string, value: T): void {
		map.delete(key);
		map.set(key, value);
	}

	private notify(): void {
		for (const listener of [...this.listeners]) {
			try {
				listener();
			} catch (error) {
				queueMicrotask(() => {
					throw error;
				});
			}
		}
	}

	// The worker ---------------------------------------------------------------

	private async decodersModule(): Promise<Decoders> {
		this.decodersLoading ??= import('./decoders.js').then(module => {
			this.decoders = module;
			return module;
		});
		return this.decodersLoading;
	}

	/** One request, answered by the worker (or on this thread when there is none). Rejects with a reason. */
	private async run(request: Request, timeoutMs: number): Promise<WorkerReply> {
		let decoders: Decoders;
		try {
			decoders = await this.decodersModule();
		} catch {
			throw new Error('the image decoders could not be loaded');
		}

		const id = this.nextJob++;
		const worker = this.useWorker ? this.startWorker(decoders) : undefined;
		if (!worker) {
			return new Promise(done => {
				setImmediate(() => {
					done(decoders.answer({...request, id}));
				});
			});
		}

		return new Promise<WorkerReply>((done, fail) => {
			if (this.jobs.size === 0) worker.ref();
			this.jobs.set(id, {timeoutMs, done, fail});
			if (this.jobs.size === 1) this.armWatchdog();
			const transfer = request.kind === 'decode' ? [request.bytes.buffer as ArrayBuffer] : [];
			worker.postMessage({...request, id}, transfer);
		});
	}

	private startWorker(decoders: Decoders): Worker | undefined {
		if (this.worker) return this.worker;
		if (this.closed) return undefined;
		let worker: Worker;
		const ready = new Int32Array(new SharedArrayBuffer(4));
		try {
			// No inherited options (such as --input-type): the worker is a plain module.
			worker = new Worker(decoders.workerScript, {workerData: {[decoders.workerMark]: true, ready} satisfies WorkerData, execArgv: []});
		} catch {
			this.useWorker = false;
			return undefined;
		}

		worker.on('message', (reply: WorkerReply | WorkerStarted) => {
			if (this.worker !== worker) return;
			if ('started' in reply) {
				this.armWatchdog();
				return;
			}

			const job = this.jobs.get(reply.id);
			if (!job) return;
			this.jobs.delete(reply.id);
			if (this.jobs.size === 0) worker.unref();
			this.armWatchdog();
			job.done(reply);
		});
		const stopped = (reason: string) => {
			if (this.worker !== worker) return;
			if (Atomics.load(ready, 0) === 1) {
				this.stopWorker(new Error(`the image decoder stopped (${reason})`));
				return;
			}

			// It never started: decode on this thread from now on, the jobs it had included.
			this.useWorker = false;
			this.stopWorker();
		};

		worker.on('error', error => {
			stopped(error.message);
		});
		worker.on('exit', code => {
			stopped(`exit ${code}`);
		});
		// After the listeners (adding a 'message' listener refs the worker again): an idle worker never keeps the process alive.
		worker.unref();
		this.worker = worker;
		this.workerReady = ready;
		return worker;
	}

	/** Ends the worker; the jobs it had fail with `reason` (by default: try again), the oldest with `oldest` when given. */
	private stopWorker(reason: Error = new WorkerRestarted('the image decoder was restarted'), oldest?: Error): void {
		const worker = this.worker;
		this.worker = undefined;
		clearTimeout(this.watchdog);
		this.watchdog = undefined;
		const jobs = [...this.jobs.values()];
		this.jobs.clear();
		if (worker) void worker.terminate();
		for (const [index, job] of jobs.entries()) job.fail(index === 0 && oldest ? oldest : reason);
	}

	/** Times the oldest job (the worker answers in order, so it is the one running) once the worker has started. */
	private armWatchdog(): void {
		clearTimeout(this.watchdog);
		this.watchdog = undefined;
		const oldest = this.jobs.values().next().value;
		if (!oldest || Atomics.load(this.workerReady, 0) !== 1) return;
		this.watchdog = setTimeout(() => {
			this.stopWorker(new WorkerRestarted('the image decoder was restarted'), new Error(tooLong(oldest.timeoutMs)));
		}, oldest.timeoutMs);
		this.watchdog.unref();
	}
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Where an image's `src` is: a file next to the deck (or a `file:` URL), or why it is not read. */
export function resolveImageSource(folder: string, src: string): {path: string} | {reason: string} {
	const trimmed = src.trim();
	if (trimmed === '') return {reason: 'no file name'};
	const scheme = /^([a-z][a-z\d+.-]*):/i.exec(trimmed)?.[1];
	const windowsDrive = /^[a-z]:[\\/]/i.test(trimmed) && process.platform === 'win32';
	if (scheme && !windowsDrive) {
		if (scheme.toLowerCase() !== 'file') return {reason: `${scheme.toLowerCase()}: images are not fetched; only files next to the deck are drawn`};
		try {
			return {path: fileURLToPath(new URL(trimmed))};
		} catch {
			return {reason: 'not a usable file: URL'};
		}
	}

	return {path: resolve(folder, trimmed)};
}

function tooLong(timeoutMs: number): string {
	return `decoding took too long (over ${Math.round(timeoutMs / 100) / 10} s); the file may be damaged`;
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

/** `pixelGlyph` of the picture, a band of rows at a time with a turn of the event loop between bands; undefined when `stop` says so. */
async function glyphInSlices(image: PremultipliedImage, level: 2 | 3, stop: () => boolean): Promise<Glyph | undefined> {
	const rowsPerSlice = Math.max(1, Math.floor(cellsPerSlice / Math.max(1, image.width)));
	const lines: Glyph['lines'] = [];
	for (let top = 0; top < image.height; top += 2 * rowsPerSlice) {
		if (lines.length > 0) await new Promise(setImmediate);
		if (stop()) return undefined;
		const height = Math.min(2 * rowsPerSlice, image.height - top);
		const band = image.data.subarray(top * image.width * 4, (top + height) * image.width * 4);
		lines.push(...pixelGlyph({width: image.width, height, data: band}, level).lines);
	}

	return {width: image.width, height: lines.length, lines};
}

/** The bytes in an ArrayBuffer of their own, to hand to the worker. */
function ownBytes(bytes: Uint8Array): Uint8Array {
	if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && !(bytes.buffer instanceof SharedArrayBuffer)) {
		return new Uint8Array(bytes.buffer, 0, bytes.byteLength);
	}

	return bytes.slice();
}

function dimensions(file: {state: 'ready'; image: RgbaImage} | {state: 'dropped'; width: number; height: number}): [number, number] {
	return file.state === 'ready' ? [file.image.width, file.image.height] : [file.width, file.height];
}

function glyphKey(path: string, size: {width: number; height: number}): string {
	return `${path}\n${size.width}x${size.height}`;
}

function copyGlyph(glyph: Glyph): Glyph {
	return {width: glyph.width, height: glyph.height, lines: [...glyph.lines]};
}
