/**
 * The iTerm2 inline images protocol (also WezTerm's): one OSC 1337 sequence
 * carrying a whole image file, drawn from the cursor over `columns` x `rows`
 * cells, aspect ratio kept. The picture lives in those cells: text written
 * there later replaces it, so it is drawn again when that happens.
 * See https://iterm2.com/documentation-images.html
 *
 * Pure.
 */
import type {GraphicPayload} from '../frame/frame.js';

export function itermImage(payload: GraphicPayload, columns: number, rows: number): string {
	if (payload.format === 'rgba') throw new Error('iTerm2 takes image files, not pixels');
	const data = Buffer.from(payload.bytes.buffer, payload.bytes.byteOffset, payload.bytes.byteLength).toString('base64');
	return `\u001B]1337;File=inline=1;width=${columns};height=${rows};preserveAspectRatio=1;size=${payload.bytes.byteLength}:${data}\u0007`;
}
