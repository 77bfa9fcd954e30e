/**
 * Types for the parts of the image packages lectern imports directly (the
 * decoding halves, and pngjs's PNG writer for iTerm2 pictures).
 */
declare module 'pngjs/lib/parser-sync.js' {
	/** Decodes a whole PNG; pixels come out as 8-bit RGBA. Throws on a broken file. (The tests read PNGs with it.) */
	function parsePng(buffer: Buffer, options: {checkCRC?: boolean; skipRescale?: boolean}): {width: number; height: number; data: Buffer};
	export = parsePng;
}

declare module 'jpeg-js/lib/decoder.js' {
	/** Decodes a baseline or progressive JPEG to 8-bit RGBA. Throws on a broken file. */
	function decodeJpeg(
		data: Uint8Array,
		options: {
			useTArray: true;
			formatAsRGBA: true;
			colorTransform?: boolean;
			tolerantDecoding?: boolean;
			maxResolutionInMP?: number;
			maxMemoryUsageInMB?: number;
		},
	): {width: number; height: number; data: Uint8Array};
	export = decodeJpeg;
}

declare module 'pngjs/lib/packer-sync.js' {
	/** Encodes 8-bit RGBA pixels as a PNG file (the encoding half, for iTerm2 pictures). */
	function packPng(image: {width: number; height: number; data: Buffer}, options: Record<string, never>): Buffer;
	export = packPng;
}

// pngjs's parts, put together by decode-png.ts as its parser-sync.js does, with a limit on inflating.
declare module 'pngjs/lib/parser.js' {
	class Parser {
		constructor(options: Record<string, never>, dependencies: Record<string, (...values: never[]) => void>);
		start(): void;
	}
	export = Parser;
}

declare module 'pngjs/lib/sync-reader.js' {
	class SyncReader {
		constructor(buffer: Buffer);
		read(length: number, callback: (data: Buffer) => void): void;
		process(): void;
	}
	export = SyncReader;
}

declare module 'pngjs/lib/filter-parse-sync.js' {
	export function process(rows: Buffer, info: object): Buffer;
}

declare module 'pngjs/lib/bitmapper.js' {
	export function dataToBitMap(data: Buffer, info: object): Buffer | Uint16Array;
}

declare module 'pngjs/lib/format-normaliser.js' {
	function normalise(data: Buffer | Uint16Array, info: object, skipRescale: boolean): Buffer;
	export = normalise;
}
