/**
 * A WOFF 1.0 font unwrapped to the plain TrueType file inside it: the
 * tables, each compressed on its own with zlib, written back one after the
 * other behind a TrueType table directory (W3C WOFF 1.0, section 5). The PDF
 * library reads a TrueType file in milliseconds, where it would inflate a
 * WOFF's table again for every glyph it looks up.
 */
import {inflateSync} from 'node:zlib';

const woffHeader = 44;
const woffEntry = 20;
const sfntEntry = 16;

/** The TrueType (or OpenType) file in a WOFF file; throws on anything that is not one. */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
	const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
	if (woff.byteLength < woffHeader || view.getUint32(0) !== 0x77_4f_46_46) throw new Error('not a WOFF font');
	const flavor = view.getUint32(4);
	const count = view.getUint16(12);
	const tables = Array.from({length: count}, (_, index) => {
		const at = woffHeader + index * woffEntry;
		const tag = view.getUint32(at);
		const offset = view.getUint32(at + 4);
		const compressed = view.getUint32(at + 8);
		const length = view.getUint32(at + 12);
		const checksum = view.getUint32(at + 16);
		const stored = woff.subarray(offset, offset + compressed);
		const data = compressed < length ? inflateSync(stored) : stored;
		if (data.byteLength !== length) throw new Error('a WOFF table has the wrong length');
		return {tag, checksum, data};
	});

	const padded = (length: number) => (length + 3) & ~3;
	const directory = 12 + count * sfntEntry;
	const size = tables.reduce((total, table) => total + padded(table.data.byteLength), directory);
	const sfnt = new Uint8Array(size);
	const out = new DataView(sfnt.buffer);
	const power = 2 ** Math.floor(Math.log2(Math.max(1, count)));
	out.setUint32(0, flavor);
	out.setUint16(4, count);
	out.setUint16(6, power * 16);
	out.setUint16(8, Math.log2(power));
	out.setUint16(10, count * 16 - power * 16);
	let offset = directory;
	tables.forEach((table, index) => {
		const at = 12 + index * sfntEntry;
		out.setUint32(at, table.tag);
		out.setUint32(at + 4, table.checksum);
		out.setUint32(at + 8, offset);
		out.setUint32(at + 12, table.data.byteLength);
		sfnt.set(table.data, offset);
		offset += padded(table.data.byteLength);
	});
	return sfnt;
}
