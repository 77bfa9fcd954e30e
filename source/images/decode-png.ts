/**
 * A PNG decoded to 8-bit RGBA by pngjs's own parts (chunk parser, row
 * filters, bit mapper, format normaliser), as pngjs's parser-sync.js puts
 * them together, with one change: the pixel data is inflated with a limit.
 * pngjs inflates an interlaced PNG with no limit at all, so a small file
 * whose deflate stream runs on for gigabytes (a deflate bomb) took all the
 * memory there is; here inflating stops a little past the size the header
 * gives, and that file is refused as what it is.
 */
import {inflateSync} from 'node:zlib';
import Parser from 'pngjs/lib/parser.js';
import SyncReader from 'pngjs/lib/sync-reader.js';
import {process as unfilter} from 'pngjs/lib/filter-parse-sync.js';
import {dataToBitMap} from 'pngjs/lib/bitmapper.js';
import normalise from 'pngjs/lib/format-normaliser.js';
import type {RgbaImage} from '../raster/scale.js';
import {pngRowBytes} from './pixel-data.js';

/** How far past the size the header gives a PNG's pixel data may inflate (some encoders leave a little over) before it is a bomb. */
export const inflateSlack = 64 * 1024;

/** Why a PNG whose pixel data inflates past its size is refused (after "corrupt PNG: "). */
export const inflatesPast = 'the pixel data inflates past its size (a deflate bomb)';

/** Decodes a PNG; throws with the reason when it cannot. */
export function decodePng(buffer: Buffer): RgbaImage {
	let failure: Error | undefined;
	let meta: PngMetadata | undefined;
	const compressed: Buffer[] = [];
	const reader = new SyncReader(buffer);
	const parser = new Parser(
		{},
		{
			read: reader.read.bind(reader),
			error(error: Error) {
				failure = error;
			},
			metadata(data: PngMetadata) {
				meta = data;
			},
			gamma() {},
			palette(palette: number[][]) {
				if (meta) meta.palette = palette;
			},
			transColor(colour: number[]) {
				if (meta) meta.transColor = colour;
			},
			inflateData(data: Buffer) {
				compressed.push(data);
			},
			simpleTransparency() {
				if (meta) meta.alpha = true;
			},
		},
	);
	parser.start();
	reader.process();
	if (failure) throw failure;
	if (!meta) throw new Error('no image header');
	const size = pngRowBytes(meta.width, meta.height, meta.depth, meta.colorType, Boolean(meta.interlace));
	let rows: Buffer;
	try {
		rows = inflateSync(Buffer.concat(compressed), {maxOutputLength: size + inflateSlack});
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new Error(inflatesPast, {cause: error});
		throw error;
	}

	if (rows.length < size) throw new Error('the pixel data is cut short');
	const pixels = normalise(dataToBitMap(unfilter(rows.subarray(0, size), meta), meta), meta, false);
	return {width: meta.width, height: meta.height, data: pixels};
}

/** What pngjs's parser says of a PNG (the fields its later stages read). */
type PngMetadata = {
	width: number;
	height: number;
	depth: number;
	bpp: number;
	interlace: boolean;
	colorType: number;
	palette?: number[][];
	transColor?: number[];
	alpha?: boolean;
};
