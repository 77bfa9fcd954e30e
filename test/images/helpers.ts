/**
 * Shared by the image tests: fixture paths, reading cells of a glyph, and
 * making image headers with chosen sizes.
 */
import assert from 'node:assert/strict';
import {join} from 'node:path';
import stringWidth from 'string-width';
import type {Glyph} from '../../source/frame/frame.js';
import type {Line, Size} from '../../source/frame/frame.js';
import type {ImageStore, Picture} from '../../source/images/index.js';
import {pngWithStream, zerosStream} from '../support/hostile-images.js';

/** fixtures/images/ (tests run from the repository root). */
export const fixtureFolder = join(process.cwd(), 'fixtures', 'images');
export const fixture = (name: string) => join(fixtureFolder, name);

/** The colours of the quadrant fixtures (see fixtures/images/make-fixtures.mjs). */
export const quadrantColours = {topLeft: '#ff0000', topRight: '#00ff00', bottomLeft: '#0000ff', bottomRight: '#ffff00'} as const;

export type Cell = {character: string; fg?: string; bg?: string};

/** The cell at column `x` of a line. */
export function cellAt(line: Line, x: number): Cell {
	let column = 0;
	for (const segment of line) {
		for (const character of segment.text) {
			if (column === x) return {character, ...(segment.style?.fg ? {fg: segment.style.fg} : {}), ...(segment.style?.bg ? {bg: segment.style.bg} : {})};
			column += stringWidth(character);
		}
	}

	throw new Error(`no cell ${x}`);
}

export const lineWidth = (line: Line) => line.reduce((sum, segment) => sum + stringWidth(segment.text), 0);

/** The two pixel colours of a glyph cell: top and bottom (undefined where the terminal background shows). */
export function pixelsAt(glyph: Glyph, x: number, row: number): {top?: string; bottom?: string} {
	const cell = cellAt(glyph.lines[row]!, x);
	if (cell.character === '▀') return {top: cell.fg, bottom: cell.bg};
	if (cell.character === '▄') return {bottom: cell.fg};
	assert.equal(cell.character, ' ', `cell ${x},${row}`);
	assert.equal(cell.fg, undefined);
	return {};
}

/** The colour at a fraction of the glyph's width and height (a cell whose two pixels agree). */
export function colourAtFraction(glyph: Glyph, fx: number, fy: number): string | undefined {
	const x = Math.min(glyph.width - 1, Math.floor(fx * glyph.width));
	const row = Math.min(glyph.height - 1, Math.floor(fy * glyph.height));
	const {top, bottom} = pixelsAt(glyph, x, row);
	assert.equal(top, bottom, `the two pixels of cell ${x},${row} agree`);
	return top;
}

function channels(hex: string): [number, number, number] {
	const value = Number.parseInt(hex.slice(1), 16);
	return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** Asserts two `#rrggbb` colours are within `tolerance` in every channel. */
export function assertNear(actual: string | undefined, expected: string, tolerance: number, label: string): void {
	assert.ok(actual, `${label}: a colour`);
	const a = channels(actual);
	const e = channels(expected);
	assert.ok(
		a.every((value, index) => Math.abs(value - e[index]!) <= tolerance),
		`${label}: ${actual} is not within ${tolerance} of ${expected}`,
	);
}

/** Waits until the store's picture is no longer pending (asking again on each onReady, as the player would). */
export async function settledPicture(store: ImageStore, src: string, box: Size, timeoutMs = 10_000): Promise<Picture> {
	const now = store.picture(src, box);
	if (now.state !== 'pending') return now;
	return new Promise((done, fail) => {
		const timer = setTimeout(() => {
			stop();
			fail(new Error(`${src} still pending after ${timeoutMs} ms`));
		}, timeoutMs);
		const stop = store.onReady(() => {
			const picture = store.picture(src, box);
			if (picture.state === 'pending') return;
			clearTimeout(timer);
			stop();
			done(picture);
		});
	});
}

export function readyGlyph(picture: Picture): Glyph {
	assert.equal(picture.state, 'ready', picture.state === 'ready' ? '' : `not ready: ${JSON.stringify(picture)}`);
	return (picture as {glyph: Glyph}).glyph;
}

/** Every `#rrggbb` of the xterm 256-colour palette from 16 up. */
export const paletteColours: ReadonlySet<string> = (() => {
	const steps = [0, 95, 135, 175, 215, 255];
	const hex = (r: number, g: number, b: number) => `#${((r << 16) | (g << 8) | b).toString(16).padStart(6, '0')}`;
	const colours = new Set<string>();
	for (const r of steps) for (const g of steps) for (const b of steps) colours.add(hex(r, g, b));
	for (let grey = 8; grey <= 238; grey += 10) colours.add(hex(grey, grey, grey));
	return colours;
})();

// Crafted files ----------------------------------------------------------------

/** A sound PNG of `width` x `height`, all transparent black (its pixel data a few kilobytes of deflated zeros). */
export function pngHeaderOnly(width: number, height: number): Buffer {
	return pngWithStream(width, height, zerosStream(height * (1 + width * 4)));
}

/**
 * A JPEG with a frame header (marker `frame`, 0xC0 baseline) for `width` x
 * `height`, optionally an EXIF orientation, and one scan of zero bytes, as
 * many as the picture needs to be plausible (a bit an 8x8 block).
 */
export function jpegHeaderOnly(width: number, height: number, frame = 0xc0, orientation?: number): Buffer {
	const parts: Buffer[] = [Buffer.from([0xff, 0xd8])];
	if (orientation !== undefined) parts.push(exifSegment(orientation));
	const sof = Buffer.from([0xff, frame, 0, 17, 8, 0, 0, 0, 0, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
	sof.writeUInt16BE(height, 5);
	sof.writeUInt16BE(width, 7);
	const scan = Buffer.from([0xff, 0xda, 0, 12, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0]);
	const data = Buffer.alloc(Math.ceil((Math.ceil(width / 8) * Math.ceil(height / 8)) / 8));
	parts.push(sof, scan, data, Buffer.from([0xff, 0xd9]));
	return Buffer.concat(parts);
}

/** An APP1 segment holding an EXIF block with just the orientation tag (big-endian TIFF). */
export function exifSegment(orientation: number): Buffer {
	const tiff = Buffer.alloc(8 + 2 + 12 + 4);
	tiff.write('MM', 0, 'latin1');
	tiff.writeUInt16BE(42, 2);
	tiff.writeUInt32BE(8, 4);
	tiff.writeUInt16BE(1, 8);
	tiff.writeUInt16BE(0x01_12, 10);
	tiff.writeUInt16BE(3, 12);
	tiff.writeUInt32BE(1, 14);
	tiff.writeUInt16BE(orientation, 18);
	const data = Buffer.concat([Buffer.from('Exif\u0000\u0000', 'latin1'), tiff]);
	const header = Buffer.from([0xff, 0xe1, 0, 0]);
	header.writeUInt16BE(data.length + 2, 2);
	return Buffer.concat([header, data]);
}

/** A GIF header for `width` x `height` (no image data). */
export function gifHeaderOnly(width: number, height: number): Buffer {
	const head = Buffer.alloc(13);
	head.write('GIF89a', 0, 'latin1');
	head.writeUInt16LE(width, 6);
	head.writeUInt16LE(height, 8);
	return Buffer.concat([head, Buffer.from([0x3b])]);
}
