/**
 * The monospace font exports embed: DejaVu Sans Mono (Bitstream Vera licence
 * with DejaVu's public-domain changes, see dist/fonts/LICENSE), as WOFF files
 * from the @fontsource/dejavu-mono package: a web page embeds one as it is,
 * a PDF gets the TrueType font inside (woff.ts). The build copies the four
 * faces to dist/fonts/; running from the compiled sources, they are read from
 * the package itself. Read only by `export`.
 */
import {existsSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';

export type Face = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** The file of each face, as the package and dist/fonts/ name it. */
const faceFiles: Readonly<Record<Face, string>> = {
	regular: 'dejavu-mono-latin-400-normal.woff',
	bold: 'dejavu-mono-latin-700-normal.woff',
	italic: 'dejavu-mono-latin-400-italic.woff',
	boldItalic: 'dejavu-mono-latin-700-italic.woff',
};

function candidates(file: string): string[] {
	const places = [new URL(`fonts/${file}`, import.meta.url), new URL(`../fonts/${file}`, import.meta.url)].map(url => fileURLToPath(url));
	try {
		places.push(createRequire(import.meta.url).resolve(`@fontsource/dejavu-mono/files/${file}`));
	} catch {
		// Not installed: an installed lectern has its own copy next to the bundle.
	}

	return places;
}

/** The WOFF file of a face; throws a plain Error naming the file when it is missing. */
export function readFace(face: Face): Uint8Array {
	const file = faceFiles[face];
	const found = candidates(file).find(path => existsSync(path));
	if (!found) throw new Error(`the font file ${file} is missing from lectern's installation`);
	return readFileSync(found);
}
