/**
 * The kitty graphics protocol, as lectern uses it: transmit a picture once
 * under an id, place it over a box of cells, delete placements and free
 * pictures. Every command is quiet (`q=2`: the terminal answers nothing), and
 * placing never moves the cursor (`C=1`).
 * See https://sw.kovidgoyal.net/kitty/graphics-protocol/
 *
 * Pure: strings in, strings out.
 */
import type {GraphicPayload} from '../frame/frame.js';

const apc = (control: string, payload = '') => `\u001B_G${control}${payload === '' ? '' : `;${payload}`}\u001B\\`;

/** Base64 characters a chunk carries at most (the protocol's limit; a multiple of 4). */
export const chunkSize = 4096;

/** The id the support query uses; never one of the pictures' ids. */
export const queryId = 31;

/** The support query: a 1x1 RGB picture the terminal checks but does not keep. A terminal with the protocol answers `ESC _G i=31;OK ESC \`. */
export const kittyQuery = apc(`i=${queryId},s=1,v=1,a=q,t=d,f=24`, 'AAAA');

/**
 * Transmits `payload` as picture `id`, without showing it: the escape codes in
 * order, each at most `chunkSize` characters of base64 (`m=1` on all but the
 * last). PNG files go as they are (`f=100`); pixels as RGBA compressed with
 * zlib (`f=32,o=z`, with their size).
 */
export function kittyTransmit(id: number, payload: GraphicPayload, size = chunkSize): string[] {
	if (payload.format === 'jpeg') throw new Error('kitty takes PNG files or pixels, not JPEG');
	const data = Buffer.from(payload.bytes.buffer, payload.bytes.byteOffset, payload.bytes.byteLength).toString('base64');
	const format = payload.format === 'rgba' ? `f=32,o=z,s=${payload.width},v=${payload.height}` : 'f=100';
	const chunks: string[] = [];
	for (let start = 0; start < data.length || start === 0; start += size) {
		const part = data.slice(start, start + size);
		const more = start + size < data.length ? 1 : 0;
		chunks.push(start === 0 ? apc(`a=t,${format},i=${id},q=2,m=${more}`, part) : apc(`m=${more},q=2`, part));
	}

	return chunks;
}

/** Ends a transmission early (the last chunk, empty): the terminal drops the picture. */
export const kittyAbort = apc('m=0,q=2');

/** Shows picture `id` at the cursor, stretched over `columns` x `rows` cells, as placement `placement`; the cursor stays where it is. */
export function kittyPlace(id: number, placement: number, columns: number, rows: number): string {
	return apc(`a=p,i=${id},p=${placement},c=${columns},r=${rows},C=1,q=2`);
}

/** Takes placement `placement` of picture `id` off the screen (the picture stays in the terminal). */
export function kittyUnplace(id: number, placement: number): string {
	return apc(`a=d,d=i,i=${id},p=${placement},q=2`);
}

/** Takes picture `id` off the screen and frees it in the terminal. */
export function kittyFree(id: number): string {
	return apc(`a=d,d=I,i=${id},q=2`);
}
