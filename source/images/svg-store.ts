/**
 * The pictures of a deck's SVG files, as half-block glyphs drawn by resvg
 * (svg-render.ts, a chunk loaded on the first SVG). A vector picture is drawn
 * at the size of the box it is asked for, not decoded once and scaled.
 *
 * Like the ImageStore, `picture(src, box)` never waits: it answers from its
 * cache or starts the work and says 'pending', and `onReady` listeners hear
 * when it settles. `pictureSync` (for `print`) needs `await load()` first.
 * Only files next to the deck are read (image-source.ts), at most
 * `maxSvgBytes` of them.
 */
import {resolve} from 'node:path';
import type {Glyph, Size} from '../frame/frame.js';
import type {Picture} from '../layout/plan-image.js';
import {pixelGlyph} from '../raster/half-blocks.js';
import {FileRefused, readRegularFile, readRegularFileSync} from '../files/read-regular.js';
import {resolveImageSource} from './image-source.js';
import {imageFileReason} from './inspect-image.js';

/** SVG files larger than this are not drawn (a picture on a slide is rarely over a few hundred kB). */
const maxSvgBytes = 4 * 1024 * 1024;

/** Whether a picture's `src` names an SVG file (what this store draws). */
export function isSvgSource(src: string): boolean {
	return /\.svgz?(?:[?#].*)?$/i.test(src.trim());
}

type Renderer = {readonly renderSvg: typeof import('./svg-render.js').renderSvg; readonly renderSvgPng: typeof import('./svg-render.js').renderSvgPng};
type Source = {readonly state: 'ready'; readonly bytes: Uint8Array} | {readonly state: 'missing' | 'failed'; readonly reason: string};

const keptGlyphs = 32;

export class SvgStore {
	private readonly folder: string;
	private readonly level: 2 | 3;
	private renderer: Renderer | undefined;
	private loading: Promise<Renderer> | undefined;
	private rendererFailure: string | undefined;
	private readonly files = new Map<string, Source | 'loading'>();
	private readonly glyphs = new Map<string, Glyph | {reason: string}>();
	private readonly listeners = new Set<() => void>();
	private closed = false;

	constructor(deckFolder: string, level: 2 | 3) {
		this.folder = resolve(deckFolder);
		this.level = level;
	}

	/**
	 * The SVG `src` drawn in `box` (cells); 'pending' starts reading it, then, once
	 * it is read, loading resvg: a deck whose SVG files are missing never loads
	 * resvg's chunk and its 2.4 MB of WebAssembly (some 10 MiB of memory).
	 */
	picture(src: string, box: Size): Picture {
		if (this.rendererFailure) return {state: 'failed', reason: this.rendererFailure};
		const source = resolveImageSource(this.folder, src);
		if ('reason' in source) return {state: 'missing', reason: source.reason};
		const file = this.files.get(source.path);
		if (file === undefined) {
			this.read(source.path);
			return {state: 'pending'};
		}

		if (file === 'loading') return {state: 'pending'};
		if (file.state !== 'ready') return file;
		if (!this.renderer) {
			this.startRenderer();
			return {state: 'pending'};
		}

		return this.drawn(source.path, file, box);
	}

	/** The picture at once, for `print`; needs `await load()` first. */
	pictureSync(src: string, box: Size): Exclude<Picture, {state: 'pending'}> {
		if (this.rendererFailure) return {state: 'failed', reason: this.rendererFailure};
		if (!this.renderer) throw new Error('SvgStore.pictureSync needs `await store.load()` first');
		const source = resolveImageSource(this.folder, src);
		if ('reason' in source) return {state: 'missing', reason: source.reason};
		let file = this.files.get(source.path);
		if (file === undefined || file === 'loading') {
			file = readSvgSync(source.path);
			this.files.set(source.path, file);
		}

		return this.drawn(source.path, file, box);
	}

	/** The SVG `src` as a PNG `width` pixels wide, for exports that embed pictures (after `pictureSync` drew it); undefined when it cannot be drawn. */
	pngSync(src: string, width: number): {width: number; height: number; bytes: Uint8Array} | undefined {
		if (!this.renderer) return undefined;
		const source = resolveImageSource(this.folder, src);
		if ('reason' in source) return undefined;
		const file = this.files.get(source.path);
		if (file === undefined || file === 'loading' || file.state !== 'ready') return undefined;
		try {
			return this.renderer.renderSvgPng(file.bytes, width);
		} catch {
			return undefined;
		}
	}

	/** Loads resvg (its chunk and WebAssembly); `pictureSync` needs it done, `picture` loads it by itself. */
	async load(): Promise<void> {
		await this.loadRenderer();
	}

	/** Calls `listener` whenever a pending picture settles. Returns the unsubscribe function. */
	onReady(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => {
			this.listeners.delete(listener);
		};
	}

	close(): void {
		this.closed = true;
		this.listeners.clear();
	}

	private drawn(path: string, file: Source, box: Size): Exclude<Picture, {state: 'pending'}> {
		if (file.state !== 'ready') return file;
		const key = `${path}\n${box.columns}x${box.rows}`;
		let glyph = this.glyphs.get(key);
		if (!glyph) {
			try {
				glyph = pixelGlyph(this.renderer!.renderSvg(file.bytes, box), this.level);
			} catch (error) {
				// resvg's message names the parse error first, then its causes: the first part is enough on a slide.
				glyph = {reason: `not a readable SVG: ${(error instanceof Error ? error.message : String(error)).split(' cause ')[0]}`};
			}

			if (this.glyphs.size >= keptGlyphs) this.glyphs.delete(this.glyphs.keys().next().value!);
		} else {
			this.glyphs.delete(key);
		}

		this.glyphs.set(key, glyph);
		return 'reason' in glyph
			? {state: 'failed', reason: glyph.reason}
			: {state: 'ready', glyph: {width: glyph.width, height: glyph.height, lines: [...glyph.lines]}};
	}

	private read(path: string): void {
		this.files.set(path, 'loading');
		void readSvg(path).then(file => {
			this.files.set(path, file);
			// Read ahead of its slide (plan-ahead), the SVG is drawn at once when its slide comes.
			if (file.state === 'ready' && !this.renderer) this.startRenderer();
			else this.notify();
		});
	}

	private startRenderer(): void {
		void this.loadRenderer().then(
			() => {
				this.notify();
			},
			() => {
				this.notify();
			},
		);
	}

	private async loadRenderer(): Promise<Renderer> {
		this.loading ??= (async () => {
			try {
				const {loadSvgRenderer, renderSvg, renderSvgPng} = await import('./svg-render.js');
				await loadSvgRenderer();
				this.renderer = {renderSvg, renderSvgPng};
				return this.renderer;
			} catch (error) {
				this.rendererFailure = error instanceof Error ? error.message : String(error);
				throw error;
			}
		})();
		return this.loading;
	}

	private notify(): void {
		if (this.closed) return;
		for (const listener of [...this.listeners]) listener();
	}
}

async function readSvg(path: string): Promise<Source> {
	try {
		return {state: 'ready', bytes: await readRegularFile(path, maxSvgBytes)};
	} catch (error) {
		return readFailure(error);
	}
}

function readSvgSync(path: string): Source {
	try {
		return {state: 'ready', bytes: readRegularFileSync(path, maxSvgBytes)};
	} catch (error) {
		return readFailure(error);
	}
}

const tooLarge: Source = {state: 'failed', reason: `the SVG is over the ${maxSvgBytes / 1024 / 1024} MB limit`};

function readFailure(error: unknown): Source {
	// Only regular files are read (a pipe or a device named as a picture would hang or never end), at most maxSvgBytes.
	if (error instanceof FileRefused && error.code === 'too-large') return tooLarge;
	const code = error instanceof FileRefused ? error.code : (error as NodeJS.ErrnoException | undefined)?.code;
	const reason = imageFileReason(error);
	return code === 'ENOENT' || code === 'ENOTDIR' || code === 'missing' ? {state: 'missing', reason} : {state: 'failed', reason};
}
