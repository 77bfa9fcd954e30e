/**
 * Build: type-check and compile everything to build/ (what the tests run), then
 * bundle the CLI into one minified file, dist/cli.js (what `npx lectern` runs),
 * with its third-party notices.
 *
 * Incremental: tsc keeps build/.tsbuildinfo and compiles only what changed
 * (compiled files whose source is gone are removed), and the bundle is made
 * again only when one of its inputs (esbuild's metafile of the last bundle,
 * kept in build/bundle-meta.json), a build script or the lock file is newer
 * than it. `node scripts/build.mjs --clean` (what `npm pack` runs) starts over.
 */
import {execFileSync} from 'node:child_process';
import {chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import * as esbuild from 'esbuild';
import {bundleOptions, requireBanner} from './bundle-options.mjs';
import {inkPatchPlugin, patchProblems} from './ink-patches.mjs';
import {writeLicences} from './licences.mjs';
import {ssh2Alias, ssh2Plugin} from './ssh2-bundling.mjs';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const clean = process.argv.includes('--clean');
const metaFile = 'build/bundle-meta.json';

// ------------------------------------------------------------------ build/ (tsc)
if (clean || !existsSync('build/.tsbuildinfo') || !existsSync('build/source/cli.js')) rmSync('build', {recursive: true, force: true});
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--incremental', '--tsBuildInfoFile', 'build/.tsbuildinfo'], {stdio: 'inherit'});

/** Compiled files whose source was deleted or renamed: a stale test would still run. */
function removeStale(folder) {
	if (!existsSync(join('build', folder))) return;
	for (const entry of readdirSync(join('build', folder), {withFileTypes: true})) {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) {
			removeStale(path);
			continue;
		}

		const stem = path.replace(/\.js$/, '');
		if (path.endsWith('.js') && !existsSync(`${stem}.ts`) && !existsSync(`${stem}.tsx`)) rmSync(join('build', path));
	}
}

removeStale('source');
removeStale('test');

// ------------------------------------------------------------------ dist/ (esbuild)
const mtime = path => (existsSync(path) ? statSync(path).mtimeMs : Number.POSITIVE_INFINITY);

function bundleIsCurrent() {
	if (clean || !existsSync(metaFile) || !existsSync('dist/cli.js') || !existsSync('dist/THIRD-PARTY-LICENSES.txt')) return false;
	const built = statSync('dist/cli.js').mtimeMs;
	const {inputs} = JSON.parse(readFileSync(metaFile, 'utf8'));
	// The build scripts and the Ink patches they apply (scripts/ink-patches/).
	const scripts = ['scripts', join('scripts', 'ink-patches')].flatMap(folder =>
		readdirSync(folder)
			.filter(name => /\.(?:mjs|cjs)$/.test(name))
			.map(name => join(folder, name)),
	);
	const others = ['package-lock.json', 'package.json', 'tsconfig.json', 'LICENSE', 'assets/emoji.bin', ...scripts];
	return [...Object.keys(inputs), ...others].every(path => mtime(path) < built);
}

if (bundleIsCurrent()) {
	console.log('dist/ is up to date (node scripts/build.mjs --clean to remake it)');
	process.exit(0);
}

rmSync('dist', {recursive: true, force: true});
const applied = new Map();
const bundle = await esbuild.build({
	entryPoints: {cli: 'source/cli.tsx'},
	outdir: 'dist',
	...bundleOptions,
	legalComments: 'linked',
	chunkNames: 'chunks/[name]-[hash]',
	alias: ssh2Alias,
	banner: {js: `#!/usr/bin/env node\n${requireBanner}`},
	plugins: [inkPatchPlugin(applied), ssh2Plugin()],
	logLevel: 'warning',
	metafile: true,
});
const problems = patchProblems(bundle.metafile, applied);
if (problems.length > 0) {
	rmSync('dist', {recursive: true, force: true});
	console.error(`build: the Ink patches do not hold (see docs/ink-patches.md):\n  ${problems.join('\n  ')}`);
	process.exit(1);
}

chmodSync('dist/cli.js', 0o755);
// The big-emoji image set (made by `npm run build:emoji`), read next to the bundle.
copyFileSync('assets/emoji.bin', 'dist/emoji.bin');
// resvg's WebAssembly, read by the SVG chunk (source/images/svg-render.ts) when a deck first shows an SVG; its JS is bundled, so its licence is in the notices.
copyFileSync('node_modules/@resvg/resvg-wasm/index_bg.wasm', 'dist/resvg.wasm');
// The monospace font `export` embeds (HTML, PDF), with its licence.
mkdirSync('dist/fonts');
const fontFolder = 'node_modules/@fontsource/dejavu-mono';
for (const weight of ['400-normal', '700-normal', '400-italic', '700-italic']) {
	copyFileSync(`${fontFolder}/files/dejavu-mono-latin-${weight}.woff`, `dist/fonts/dejavu-mono-latin-${weight}.woff`);
}

copyFileSync(`${fontFolder}/LICENSE`, 'dist/fonts/LICENSE');
writeLicences(bundle.metafile, 'dist/THIRD-PARTY-LICENSES.txt');
mkdirSync('build', {recursive: true});
// What the tests check the notices and the patches against (test/scripts/bundle.test.ts).
writeFileSync(metaFile, JSON.stringify({...bundle.metafile, patched: Object.fromEntries(applied)}));
