/**
 * Pictures for a terminal's own image protocol (kitty or iTerm2), next to the
 * half-block glyphs of image-store.ts and from the same decoded pictures.
 *
 * `picture(src, box, protocol, cell)` never waits: it says how many cells the
 * picture takes in the box and hands over the bytes to send, or starts the
 * work and says 'pending' (listeners of `onReady` hear when it is done). The
 * bytes are the file itself when it is a PNG (or, for iTerm2, a JPEG) no
 * larger than the box shows; otherwise the picture scaled to the box's pixels
 * and encoded in the image worker: zlib-compressed RGBA for kitty, a PNG for
 * iTerm2. Encoded pictures are kept per file, protocol and size.
 */
import {readRegularFile} from '../files/read-regular.js';
import type {RgbaImage} from '../raster/scale.js';
import type {Protocol} from '../graphics/detect.js';
import {fitGraphic, type GraphicFit, type PixelSize} from '../graphics/placement.js';
import type {GraphicPayload, Size} from '../frame/frame.js';
import type {Picture} from '../layout/plan-image.js';
import {imageHeaderOf} from './header.js';
import type {ImageStore} from './image-store.js';

export type GraphicStoreOptions = {
	/** Encoded pictures kept, in bytes; the least recently used go first. Default 96 MB. */
	readonly cacheBytes?: number;
	/** An iTerm2 picture is one escape sequence: larger files are scaled down until they are at most this. Default 2 MB. */
	readonly itermMaxBytes?: number;
};

type Entry = {readonly state: 'building'} | {readonly state: 'ready'; readonly payload: GraphicPayload} | {readonly state: 'failed'; readonly reason: string};

/** Files sent as they are at most this large. */
const maxFileAsIs = 2 * 1024 * 1024;

export class GraphicStore {
	private readonly images: ImageStore;
	private readonly cacheBytes: number;
	private readonly itermMaxBytes: number;
	/** By `path\nprotocol\nWxH`; least recently used first. */
	private readonly payloads = new Map<string, Entry>();
	private readonly listeners = new Set<() => void>();
	private bytes = 0;
	private closed = false;

	constructor(images: ImageStore, options: GraphicStoreOptions = {}) {
		this.images = images;
		this.cacheBytes = options.cacheBytes ?? 96 * 1024 * 1024;
		this.itermMaxBytes = options.itermMaxBytes ?? 2 * 1024 * 1024;
	}

	/** The picture of `src` for `protocol`, fitted inside `box` on cells of `cell` pixels; 'pending' starts the work. */
	picture(src: string, box: Size, protocol: Protocol, cell?: PixelSize): Picture {
		const decoded = this.images.decoded(src);
		if (decoded.state !== 'ready') return decoded;
		const fit = fitGraphic(decoded.image, box, cell);
		if (!fit) return {state: 'failed', reason: 'no room for the picture'};
		const key = `${decoded.path}\n${protocol}\n${fit.width}x${fit.height}`;
		const entry = this.payloads.get(key);
		if (!entry) {
			this.build(key, decoded.path, decoded.image, fit, protocol);
			return {state: 'pending'};
		}

		if (entry.state === 'building') return {state: 'pending'};
		if (entry.state === 'failed') return {state: 'failed', reason: entry.reason};
		this.payloads.delete(key);
		this.payloads.set(key, entry);
		return {state: 'graphic', graphic: {key, columns: fit.columns, rows: fit.rows, payload: entry.payload}};
	}

	/** Calls `listener` whenever a picture is ready (or failed), its decoding included. Returns the unsubscribe function. */
	onReady(listener: () => void): () => void {
		this.listeners.add(listener);
		const stop = this.images.onReady(listener);
		return () => {
			this.listeners.delete(listener);
			stop();
		};
	}

	close(): void {
		this.closed = true;
		this.listeners.clear();
	}

	/** What the cache holds (for tests). */
	cacheUse(): {pictures: number; bytes: number} {
		return {pictures: [...this.payloads.values()].filter(entry => entry.state === 'ready').length, bytes: this.bytes};
	}

	private build(key: string, path: string, image: RgbaImage, fit: GraphicFit, protocol: Protocol): void {
		this.payloads.set(key, {state: 'building'});
		void this.payload(path, image, fit, protocol).then(result => {
			if (this.closed || this.payloads.get(key)?.state !== 'building') return;
			this.payloads.delete(key);
			// Lost to a worker restart: forgotten, so the next ask starts over.
			if (result !== 'again') this.settle(key, result);
			for (const listener of [...this.listeners]) listener();
		});
	}

	private async payload(path: string, image: RgbaImage, fit: GraphicFit, protocol: Protocol): Promise<Entry | 'again'> {
		try {
			const file = await this.fileAsIs(path, image, fit, protocol);
			if (file) return {state: 'ready', payload: file};
			const picture = await this.images.encode(image, fit, protocol === 'kitty' ? 'rgba' : 'png', protocol === 'iterm' ? this.itermMaxBytes : undefined);
			return picture === 'again' ? 'again' : {state: 'ready', payload: picture};
		} catch (error) {
			return {state: 'failed', reason: error instanceof Error ? error.message : String(error)};
		}
	}

	/** The file itself, when the terminal takes its format and it is no larger than needed (and still the picture that was decoded). */
	private async fileAsIs(path: string, image: RgbaImage, fit: GraphicFit, protocol: Protocol): Promise<GraphicPayload | undefined> {
		if (fit.width !== image.width || fit.height !== image.height) return undefined;
		try {
			const bytes = await readRegularFile(path, Math.min(maxFileAsIs, protocol === 'iterm' ? this.itermMaxBytes : maxFileAsIs));
			const header = imageHeaderOf(bytes);
			if (!header.ok || header.width !== image.width || header.height !== image.height) return undefined;
			const format = header.format === 'png' ? 'png' : protocol === 'iterm' && header.format === 'jpeg' && header.orientation <= 1 ? 'jpeg' : undefined;
			if (!format) return undefined;
			return {format, width: header.width, height: header.height, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)};
		} catch {
			return undefined;
		}
	}

	private settle(key: string, entry: Entry): void {
		this.payloads.set(key, entry);
		if (entry.state !== 'ready') return;
		this.bytes += entry.payload.bytes.byteLength;
		for (const [other, kept] of this.payloads) {
			if (this.bytes <= this.cacheBytes) break;
			if (other === key || kept.state !== 'ready') continue;
			this.bytes -= kept.payload.bytes.byteLength;
			this.payloads.delete(other);
		}
	}
}
