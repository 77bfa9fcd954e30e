/**
 * Types for the parts of the decoder packages lectern imports directly (the
 * decoding halves only, to keep the encoders out of the bundle).
 */
declare module 'pngjs/lib/parser-sync.js' {
	/** Decodes a whole PNG; pixels come out as 8-bit RGBA. Throws on a broken file. */
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
