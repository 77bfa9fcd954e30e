/** The part of fontkit lectern uses: which characters a font has a glyph for. */
declare module 'fontkit' {
	export type Font = {hasGlyphForCodePoint(codePoint: number): boolean};
	export function create(buffer: Buffer): Font;
}
