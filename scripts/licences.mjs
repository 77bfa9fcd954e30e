/**
 * The third-party notices: dist/THIRD-PARTY-LICENSES.txt, made at build time
 * from what the bundle really holds (esbuild's metafile), so that the licences
 * travel with the code they cover (`lectern licenses` prints the file):
 *
 * - lectern's own LICENSE;
 * - every npm package the bundle holds code of, nested copies included, with
 *   the licence file the package ships (ssh2's BSD and Unlicense dependencies
 *   ask for their text to be kept), else the licence its package.json names;
 * - licence and copyright headers at the top of bundled files, which
 *   minifying strips (jpeg-js's Apache-2.0 header);
 * - the FIGlet fonts' own terms, from each bundled font's comment lines;
 * - Twemoji (CC-BY 4.0), the pictures of dist/emoji.bin, and DejaVu, the font
 *   exports embed (dist/fonts/).
 *
 * `bundledPackages` is also what test/scripts/licences.test.ts checks the
 * notices against.
 */
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {basename, join} from 'node:path';

const rule = '-'.repeat(72);

/** The folder of every package the metafile's inputs come from, e.g. node_modules/wrap-ansi/node_modules/string-width. */
export function bundledPackages(metafile) {
	const folders = new Map();
	for (const input of Object.keys(metafile.inputs)) {
		const path = input.replaceAll('\\', '/');
		const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(path.replace(/^[^:]*:/, ''));
		if (!match) continue;
		const folder = match[1];
		const files = folders.get(folder) ?? [];
		files.push(path);
		folders.set(folder, files);
	}

	return [...folders.entries()]
		.map(([folder, files]) => {
			const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
			return {folder, files, name: manifest.name, version: manifest.version, manifest};
		})
		.sort((a, b) => a.name.localeCompare(b.name) || a.folder.localeCompare(b.folder));
}

function declaredLicence(manifest) {
	if (typeof manifest.license === 'string') return manifest.license;
	if (manifest.license?.type) return manifest.license.type;
	return manifest.licenses?.map(licence => licence.type).join(' OR ') ?? 'not stated';
}

function licenceFiles(folder) {
	return readdirSync(folder)
		.filter(entry => /^(?:licen[cs]e|copying|notice)(?:[.-].*)?$/i.test(entry))
		.sort()
		.map(entry => readFileSync(join(folder, entry), 'utf8').trim());
}

/** The comment a bundled file starts with, when it is a licence or copyright notice. */
function headerNotice(file) {
	const text = readFileSync(file, 'utf8');
	const match = /^\s*(\/\*[\s\S]*?\*\/)/.exec(text);
	if (!match || !/copyright|licen[cs]e/i.test(match[1])) return undefined;
	return match[1];
}

/** A FIGlet font's header comment lines: its author, history and terms. */
function fontTerms(file) {
	const text = readFileSync(file, 'utf8');
	const start = text.indexOf('flf2a');
	const lines = text.slice(start).split('\n');
	const count = Number(lines[0].split(' ')[5]);
	return lines
		.slice(1, 1 + count)
		.join('\n')
		.trim();
}

const twemoji = `Twemoji (the pictures in emoji.bin, made from emoji-datasource-twitter)
${rule}
Copyright Twitter, Inc and other contributors (https://github.com/jdecked/twemoji).
The graphics are licensed under CC-BY 4.0:
https://creativecommons.org/licenses/by/4.0/
lectern scales them to a palette of 256 colours and draws them as terminal cells.
`;

/** Licence texts kept in the repository for packages that name a licence without shipping its text. */
const licenceTexts = {'MPL-2.0': 'assets/licences/MPL-2.0.txt'};

/** For a package that ships no licence file: the MIT terms with its author, a kept licence text with where the source is, or what its package.json says. */
function missingLicence(manifest, declared, mitTerms, root) {
	const author = typeof manifest.author === 'string' ? manifest.author : manifest.author?.name;
	if (licenceTexts[declared]) {
		const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
		const source = repository ? ` Its source code: ${repository.replace(/^git\+/, '').replace(/^git@github\.com:/, 'https://github.com/')}.` : '';
		return `(The package ships no licence file; its package.json says ${declared}.${source} The ${declared} terms:)\n\n${readFileSync(join(root, licenceTexts[declared]), 'utf8').trim()}`;
	}

	if (declared !== 'MIT') return `(The package ships no licence file; its package.json says: ${declared}.)`;
	return `(The package ships no licence file; its package.json says MIT. The MIT terms:)\nCopyright (c) ${author ?? `the authors of ${manifest.name}`}\n\n${mitTerms}`;
}

export function writeLicences(metafile, outFile, {root = '.'} = {}) {
	const packages = bundledPackages(metafile);
	const mit = readFileSync(join(root, 'LICENSE'), 'utf8').split('\n').slice(4).join('\n').trim();
	const sections = [`lectern\n${rule}\n${readFileSync(join(root, 'LICENSE'), 'utf8').trim()}\n`];

	for (const {folder, files, name, version, manifest} of packages) {
		const texts = licenceFiles(folder);
		const declared = declaredLicence(manifest);
		const headers = [
			...new Set(
				files
					.filter(file => /\.[cm]?js$/.test(file))
					.map(file => headerNotice(file))
					.filter(Boolean),
			),
		];
		const body = texts.length > 0 ? texts.join('\n\n') : missingLicence(manifest, declared, mit, root);
		const nested = folder.split('node_modules/').length > 2 ? ` [${folder}]` : '';
		sections.push(
			`${name} ${version} (${declared})${nested}\n${rule}\n${body}\n${headers.map(header => `\nFrom the header of a bundled file:\n${header}\n`).join('')}`,
		);
	}

	const fonts = Object.keys(metafile.inputs)
		.filter(input => /figlet\/importable-fonts\/[^/]+\.js$/.test(input))
		.sort();
	for (const font of fonts) {
		sections.push(`FIGlet font "${basename(font, '.js')}" (bundled by figlet)\n${rule}\n${fontTerms(font)}\n`);
	}

	sections.push(twemoji);
	const dejavu = join(root, 'node_modules/@fontsource/dejavu-mono/LICENSE');
	sections.push(`DejaVu Sans Mono (the font in fonts/, embedded by export)\n${rule}\n${readFileSync(dejavu, 'utf8').trim()}\n`);

	writeFileSync(outFile, `lectern, and the software and artwork bundled with it, and their licences.\n\n${sections.join('\n')}`);
	return packages.length;
}
