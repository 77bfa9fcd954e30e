/**
 * SVG pictures drawn with resvg (its WebAssembly build, @resvg/resvg-wasm).
 * Loaded only with `import()`, so the bundle keeps resvg in a chunk of its own,
 * and its WebAssembly (dist/resvg.wasm, 2.4 MB) is read and compiled only when
 * a deck first shows an SVG.
 *
 * Text in an SVG is drawn only where the picture carries its glyphs as paths:
 * no system fonts are loaded (in WebAssembly resvg cannot read them).
 */
import {readFile} from 'node:fs/promises';
import {initWasm, Resvg} from '@resvg/resvg-wasm';
import type {Size} from '../frame/frame.js';
import type {PremultipliedImage} from '../raster/scale.js';
import {fitPicture} from './fit.js';

/**
 * Where the WebAssembly may be, relative to this module: dist/resvg.wasm from
 * the bundle's chunks (dist/chunks/*.js) or the bundle itself, and the
 * package's own file from the compiled tests (build/source/images/).
 */
function wasmCandidates(moduleUrl: string = import.meta.url): URL[] {
	return [new URL('../resvg.wasm', moduleUrl), new URL('resvg.wasm', moduleUrl), new URL('../../../node_modules/@resvg/resvg-wasm/index_bg.wasm', moduleUrl)];
}

let ready: Promise<void> | undefined;

/** Reads and compiles resvg's WebAssembly once; rejects when it cannot be found. */
export async function loadSvgRenderer(): Promise<void> {
	ready ??= (async () => {
		let lastError: unknown;
		for (const url of wasmCandidates()) {
			try {
				const bytes = await readFile(url);
				await initWasm(bytes);
				return;
			} catch (error) {
				lastError = error;
				if ((error as NodeJS.ErrnoException).code !== 'ENOENT') break;
			}
		}

		throw new Error(`the SVG renderer could not be loaded: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
	})();
	return ready;
}

/**
 * The SVG drawn as large as fits in `box` (cells; a cell is 1 pixel wide and 2
 * tall, see fit.ts), aspect ratio kept, as premultiplied pixels. Throws on a
 * file resvg cannot read. Needs `loadSvgRenderer()` done.
 */
export function renderSvg(bytes: Uint8Array, box: Size): PremultipliedImage {
	const probe = new Resvg(bytes, {font: {loadSystemFonts: false}});
	let size: {width: number; height: number} | undefined;
	try {
		size = fitPicture(probe.width, probe.height, box);
	} finally {
		probe.free();
	}

	if (!size) throw new Error('the SVG has no size');
	const resvg = new Resvg(bytes, {font: {loadSystemFonts: false}, fitTo: {mode: 'width', value: size.width}});
	try {
		const rendered = resvg.render();
		// resvg's pixels are premultiplied RGBA bytes; an odd rounding row is cut to the box.
		const height = Math.min(rendered.height, size.height);
		const {width} = rendered;
		const data = Float32Array.from(rendered.pixels.subarray(0, width * height * 4));
		rendered.free();
		return {width, height, data};
	} finally {
		resvg.free();
	}
}

/**
 * The SVG drawn `width` pixels wide (aspect ratio kept) as a PNG file, for an
 * export that embeds pictures: a raster image, so nothing the SVG carries
 * (scripts, links, external references) goes with it. Needs `loadSvgRenderer()` done.
 */
export function renderSvgPng(bytes: Uint8Array, width: number): {width: number; height: number; bytes: Uint8Array} {
	const resvg = new Resvg(bytes, {font: {loadSystemFonts: false}, fitTo: {mode: 'width', value: Math.max(1, Math.round(width))}});
	try {
		const rendered = resvg.render();
		try {
			return {width: rendered.width, height: rendered.height, bytes: rendered.asPng()};
		} finally {
			rendered.free();
		}
	} finally {
		resvg.free();
	}
}
