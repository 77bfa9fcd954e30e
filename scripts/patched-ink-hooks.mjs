/**
 * The module hooks of scripts/patched-ink.mjs (they run in the loader's own
 * thread): the same patches, exactly once each, or the import fails.
 */
import {readFile} from 'node:fs/promises';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {inkPatches, singleCopies} from './ink-patches.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const patchedFiles = [...new Set(inkPatches.map(patch => patch.file))];
const topLevel = new Map();

export async function resolve(specifier, context, nextResolve) {
	if (singleCopies.includes(specifier) && !context.parentURL?.startsWith(pathToFileURL(`${root}node_modules/${specifier}/`).href)) {
		if (!topLevel.has(specifier)) topLevel.set(specifier, await nextResolve(specifier, {...context, parentURL: pathToFileURL(`${root}package.json`).href}));
		return {...topLevel.get(specifier), shortCircuit: true};
	}

	return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
	const file = url.startsWith('file:') ? patchedFiles.find(candidate => url.endsWith(`/node_modules/${candidate}`)) : undefined;
	if (file === undefined) return nextLoad(url, context);
	let source = await readFile(fileURLToPath(url), 'utf8');
	for (const patch of inkPatches.filter(candidate => candidate.file === file)) {
		const found = source.split(patch.find).length - 1;
		if (found !== (patch.count ?? 1)) throw new Error(`Ink patch for ${url} matches ${found} times (see docs/ink-patches.md): ${patch.why}`);
		// lectern's own modules, as the compiled tests have them.
		const replace = patch.replace.replaceAll(/"([^"]*)\/source\/([^"]*)\.ts"/g, (whole, folder, path) =>
			folder === root.replace(/\/$/, '') ? JSON.stringify(`${root}build/source/${path}.js`) : whole,
		);
		source = source.replaceAll(patch.find, () => replace);
	}

	return {format: 'module', source, shortCircuit: true};
}
