/**
 * What an ImageStore remembers, least recently used first: each file's state
 * (decoded pictures within a budget of bytes; failures; the size of pictures
 * dropped from the budget), and the fitted glyphs, one per picture and size.
 */
import type {Glyph, Size} from '../frame/frame.js';
import type {RgbaImage} from '../raster/scale.js';
import {fitPicture} from './fit.js';
import type {Settled} from './read-image.js';

/** What the store knows of one file. */
export type FileState =
	| {readonly state: 'loading'}
	| {readonly state: 'ready'; readonly image: RgbaImage}
	/** Decoded once, then dropped from the cache: its size is remembered so fitted glyphs can still be found. */
	| {readonly state: 'dropped'; readonly width: number; readonly height: number}
	| {readonly state: 'missing' | 'failed'; readonly reason: string};

/** Files remembered at most (pictures, failures and sizes of dropped pictures). */
export const maxFiles = 256;

export class PictureCache {
	/** By absolute path; least recently used first. */
	private readonly files = new Map<string, FileState>();
	/** By `glyphKey`; least recently used first. */
	private readonly glyphs = new Map<string, Glyph>();
	private imageBytes = 0;
	private readonly cacheBytes: number;
	private readonly cacheGlyphs: number;

	/** Keeps decoded pictures up to `cacheBytes` bytes of RGBA, and `cacheGlyphs` fitted glyphs. */
	constructor(cacheBytes: number, cacheGlyphs: number) {
		this.cacheBytes = cacheBytes;
		this.cacheGlyphs = cacheGlyphs;
	}

	file(path: string): FileState | undefined {
		return this.files.get(path);
	}

	loading(path: string): void {
		this.files.set(path, {state: 'loading'});
	}

	/** Marks a file as just used. */
	usedFile(path: string, file: FileState): void {
		touch(this.files, path, file);
	}

	/** Records a file's outcome, keeping the decoded pictures within the byte budget. */
	settle(path: string, result: Settled): void {
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

	forget(path: string): void {
		const file = this.files.get(path);
		if (file?.state === 'ready') this.imageBytes -= file.image.data.byteLength;
		this.files.delete(path);
	}

	glyph(key: string): Glyph | undefined {
		return this.glyphs.get(key);
	}

	/** Marks a glyph as just used. */
	usedGlyph(key: string, glyph: Glyph): void {
		touch(this.glyphs, key, glyph);
	}

	addGlyph(key: string, glyph: Glyph): void {
		this.glyphs.delete(key);
		this.glyphs.set(key, glyph);
		while (this.glyphs.size > this.cacheGlyphs) this.glyphs.delete(this.glyphs.keys().next().value!);
	}

	/** The glyph fitted to `box` of a file of this size, when one is kept. */
	cachedGlyph(path: string, file: {width: number; height: number}, box: Size): Glyph | undefined {
		const size = fitPicture(file.width, file.height, box);
		return size && this.glyphs.get(glyphKey(path, size));
	}

	/** What the caches hold. */
	use(): {pictures: number; bytes: number; glyphs: number} {
		let pictures = 0;
		for (const file of this.files.values()) if (file.state === 'ready') pictures++;
		return {pictures, bytes: this.imageBytes, glyphs: this.glyphs.size};
	}

	private drop(path: string, image: RgbaImage): void {
		this.forget(path);
		this.files.set(path, {state: 'dropped', width: image.width, height: image.height});
	}
}

/** The key of a file's glyph fitted to `size` (in pixels). */
export function glyphKey(path: string, size: {width: number; height: number}): string {
	return `${path}\n${size.width}x${size.height}`;
}

function touch<T>(map: Map<string, T>, key: string, value: T): void {
	map.delete(key);
	map.set(key, value);
}
