/**
 * Where an image slide's picture comes from: only files are read, so a `src`
 * with a URL scheme other than `file:` is never fetched, and nothing here
 * uses the network.
 */
import {resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

/** Where an image's `src` is: a file next to the deck (or a `file:` URL), or why it is not read. */
export function resolveImageSource(folder: string, src: string): {path: string} | {reason: string} {
	const trimmed = src.trim();
	if (trimmed === '') return {reason: 'no file name'};
	const scheme = /^([a-z][a-z\d+.-]*):/i.exec(trimmed)?.[1];
	const windowsDrive = /^[a-z]:[\\/]/i.test(trimmed) && process.platform === 'win32';
	if (scheme && !windowsDrive) {
		if (scheme.toLowerCase() !== 'file') return {reason: `${scheme.toLowerCase()}: images are not fetched; only files next to the deck are drawn`};
		try {
			return {path: fileURLToPath(new URL(trimmed))};
		} catch {
			return {reason: 'not a usable file: URL'};
		}
	}

	return {path: resolve(folder, trimmed)};
}
