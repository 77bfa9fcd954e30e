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
 * Only files are read (image-source.ts). The worker is decoder-worker.ts,
 * reading read-image.ts, the caches picture-cache.ts.
 */
import {resolve} from 'node:path';
import type {Glyph, Size} from '../frame/frame.js';
import type {Picture} from '../layout/plan-image.js';
import {pixelGlyph, pixelGlyphInSlices} from '../raster/half-blocks.js';
import type {RgbaImage} from '../raster/scale.js';
import type {WorkerReply} from './decoders.js';
import {DecoderWorker, WorkerRestarted} from './decoder-worker.js';
import type {EncodedPicture} from './encode.js';
import {fitPicture} from './fit.js';
import {resolveImageSource} from './image-source.js';
import {glyphKey, maxFiles, PictureCache} from './picture-cache.js';
import {readImage, readImageSync, timeLimitFor, type Settled} from './read-image.js';

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

/** A decoded picture, as `ImageStore.decoded` has it for other uses than half-blocks. */
export type DecodedPicture =
	| {readonly state: 'ready'; readonly path: string; readonly image: RgbaImage}
	| {readonly state: 'pending'}
	| {readonly state: 'missing' | 'failed'; readonly reason: string};

export class ImageStore {
	private readonly folder: string;
	private readonly level: 2 | 3;
	private readonly decodeTimeoutMs: number;
	private readonly cache: PictureCache;
	private readonly worker: DecoderWorker;
	private readonly fitting = new Set<string>();
	/** The last box asked for while a file was loading: fitted as soon as it is decoded. */
	private readonly wanted = new Map<string, Size>();
	private readonly sources = new Map<string, {path: string} | {reason: string}>();
	private readonly listeners = new Set<() => void>();
	private closed = false;

	constructor(deckFolder: string, options: ImageStoreOptions) {
		this.folder = resolve(deckFolder);
		this.level = options.level;
		this.cache = new PictureCache(options.cacheBytes ?? 64 * 1024 * 1024, Math.max(1, options.cacheGlyphs ?? 32));
		this.decodeTimeoutMs = options.decodeTimeoutMs ?? 3000;
		this.worker = new DecoderWorker(options.worker ?? true);
	}

	/** The picture for an image slide, fitted inside `box` (cells); 'pending' starts the work. */
	picture(src: string, box: Size): Picture {
		const source = this.resolveSource(src);
		if ('reason' in source) return {state: 'missing', reason: source.reason};
		const {path} = source;
		const file = this.cache.file(path);
		if (!file || file.state === 'loading' || (file.state === 'dropped' && !this.cache.cachedGlyph(path, file, box))) {
			this.wanted.set(path, box);
			if (!file || file.state === 'dropped') this.load(path);
			return {state: 'pending'};
		}

		if ('reason' in file) return {state: file.state, reason: file.reason};
		this.cache.usedFile(path, file);
		const size = fitPicture(...dimensions(file), box);
		if (!size) return {state: 'failed', reason: 'no room for the picture'};
		const key = glyphKey(path, size);
		const glyph = this.cache.glyph(key);
		if (glyph) {
			this.cache.usedGlyph(key, glyph);
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
		const decoders = this.worker.decoders;
		if (!decoders) throw new Error('ImageStore.pictureSync needs `await store.loadDecoders()` first');
		const source = this.resolveSource(src);
		if ('reason' in source) return {state: 'missing', reason: source.reason};
		const {path} = source;
		let file = this.cache.file(path);
		if (!file || file.state === 'loading' || (file.state === 'dropped' && !this.cache.cachedGlyph(path, file, box))) {
			file = readImageSync(path, this.worker, decoders, this.decodeTimeoutMs);
			this.wanted.delete(path);
			this.cache.settle(path, file);
		}

		if ('reason' in file) return {state: file.state, reason: file.reason};
		this.cache.usedFile(path, file);
		const size = fitPicture(...dimensions(file), box);
		if (!size) return {state: 'failed', reason: 'no room for the picture'};
		const key = glyphKey(path, size);
		let glyph = this.cache.glyph(key);
		if (!glyph) {
			if (file.state !== 'ready') throw new Error('unreachable: a dropped picture without its glyph');
			glyph = pixelGlyph(decoders.fitPixels(file.image, size.width, size.height), this.level);
			this.cache.addGlyph(key, glyph);
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
		const file = this.cache.file(path);
		if (!file || file.state === 'dropped') this.load(path);
		if (!file || file.state === 'dropped' || file.state === 'loading') return {state: 'pending'};
		if ('reason' in file) return {state: file.state, reason: file.reason};
		this.cache.usedFile(path, file);
		return {state: 'ready', path, image: file.image};
	}

	/**
	 * `image` scaled and encoded for a terminal (see encode.ts), in the worker.
	 * 'again' when the work was lost to a worker restart; rejects with the reason it failed.
	 */
	async encode(
		image: RgbaImage,
		size: {width: number; height: number},
		format: EncodedPicture['format'],
		maxBytes?: number,
	): Promise<EncodedPicture | 'again'> {
		const request = {kind: 'encode', image, ...size, format, ...(maxBytes === undefined ? {} : {maxBytes})} as const;
		let reply: WorkerReply;
		try {
			reply = await this.worker.run(request, timeLimitFor(image.width * image.height, this.decodeTimeoutMs));
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
		await this.worker.load();
	}

	/** Stops the worker and forgets the listeners; answers to work in flight are dropped. */
	close(): void {
		this.closed = true;
		this.listeners.clear();
		this.worker.close();
	}

	/** What the caches hold (for tests and diagnostics). */
	cacheUse(): {pictures: number; bytes: number; glyphs: number} {
		return this.cache.use();
	}

	private resolveSource(src: string): {path: string} | {reason: string} {
		let source = this.sources.get(src);
		if (!source) {
			source = resolveImageSource(this.folder, src);
			if (this.sources.size >= maxFiles) this.sources.clear();
			this.sources.set(src, source);
		}

		return source;
	}

	private load(path: string): void {
		this.cache.loading(path);
		void readImage(path, this.worker, this.decodeTimeoutMs).then(result => {
			if (this.closed || this.cache.file(path)?.state !== 'loading') return;
			if (result === 'again') {
				// Lost to a worker restart: forget it, and the next ask starts over.
				this.cache.forget(path);
				this.notify();
				return;
			}

			this.cache.settle(path, result);
			const box = this.wanted.get(path);
			this.wanted.delete(path);
			if (result.state === 'ready' && box) {
				const size = fitPicture(result.image.width, result.image.height, box);
				const key = size && glyphKey(path, size);
				if (size && key && !this.cache.glyph(key)) {
					if (!this.fitting.has(key)) this.fit(path, result.image, size);
					return; // The listeners hear of it when the fit is done.
				}
			}

			this.notify();
		});
	}

	private fit(path: string, image: RgbaImage, size: {width: number; height: number}): void {
		const key = glyphKey(path, size);
		this.fitting.add(key);
		const timeoutMs = timeLimitFor(image.width * image.height, this.decodeTimeoutMs);
		void this.fitted(image, size, timeoutMs).then(result => {
			this.fitting.delete(key);
			if (this.closed) return;
			if (result === 'again') {
				// Lost to a worker restart: the next ask fits it again.
			} else if ('state' in result) {
				this.cache.settle(path, result);
			} else {
				this.cache.addGlyph(key, result);
			}

			this.notify();
		});
	}

	private async fitted(image: RgbaImage, size: {width: number; height: number}, timeoutMs: number): Promise<Glyph | Settled | 'again'> {
		let reply: WorkerReply;
		try {
			reply = await this.worker.run({kind: 'fit', image, width: size.width, height: size.height}, timeoutMs);
		} catch (error) {
			if (error instanceof WorkerRestarted) return 'again';
			return {state: 'failed', reason: error instanceof Error ? error.message : String(error)};
		}

		if (!reply.ok) return {state: 'failed', reason: reply.reason};
		if (reply.kind !== 'fit') return {state: 'failed', reason: 'the image decoder answered something else'};
		return (await pixelGlyphInSlices(reply.image, this.level, () => this.closed)) ?? 'again';
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
}

function dimensions(file: {state: 'ready'; image: RgbaImage} | {state: 'dropped'; width: number; height: number}): [number, number] {
	return file.state === 'ready' ? [file.image.width, file.image.height] : [file.width, file.height];
}

function copyGlyph(glyph: Glyph): Glyph {
	return {width: glyph.width, height: glyph.height, lines: [...glyph.lines]};
}
