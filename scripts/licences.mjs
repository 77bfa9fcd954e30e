/**
 * Writes dist/THIRD-PARTY-LICENSES.txt: the licence of every package the
 * bundle holds code of (from esbuild's metafile), as each package ships it,
 * so that the licences travel with the bundled code (ssh2's BSD and Unlicense
 * dependencies ask for their text to be kept).
 */
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

export function writeLicences(metafile, outFile) {
	const packages = new Map();
	for (const input of Object.keys(metafile.inputs)) {
		const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input.replaceAll('\\', '/'));
		if (!match) continue;
		const folder = input.slice(0, input.replaceAll('\\', '/').lastIndexOf(`node_modules/${match[1]}/`) + `node_modules/${match[1]}`.length);
		packages.set(match[1], folder);
	}

	const sections = [...packages.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, folder]) => {
		const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
		const file = readdirSync(folder).find(entry => /^(?:licen[cs]e|copying)(?:\.(?:md|txt))?$/i.test(entry));
		const declared = manifest.license ?? manifest.licenses?.map(licence => licence.type).join(' OR ') ?? 'see the package';
		const text = file ? readFileSync(join(folder, file), 'utf8').trim() : `(no licence file in the package; package.json says: ${declared})`;
		return `${name} ${manifest.version} (${declared})\n${'-'.repeat(60)}\n${text}\n`;
	});
	writeFileSync(outFile, `Packages bundled into lectern, and their licences.\n\n${sections.join('\n')}`);
	return packages.size;
}
