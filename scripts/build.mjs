/**
 * Build: type-check and compile everything to build/ (what the tests run), then
 * bundle the CLI into one minified file, dist/cli.js (what `npx lectern` runs).
 */
import {execFileSync} from 'node:child_process';
import {rmSync, chmodSync, copyFileSync, mkdirSync} from 'node:fs';
import {createRequire} from 'node:module';
import * as esbuild from 'esbuild';
import {inkPatchPlugin} from './ink-patches.mjs';
import {writeLicences} from './licences.mjs';
import {ssh2Alias, ssh2Plugin} from './ssh2-bundling.mjs';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');

rmSync('build', {recursive: true, force: true});
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], {stdio: 'inherit'});

rmSync('dist', {recursive: true, force: true});
const bundle = await esbuild.build({
	entryPoints: {cli: 'source/cli.tsx'},
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	minify: true,
	legalComments: 'linked',
	chunkNames: 'chunks/[name]-[hash]',
	define: {'process.env.NODE_ENV': '"production"'},
	alias: {'react-devtools-core': './scripts/stub-devtools.mjs', ...ssh2Alias},
	banner: {
		js: "#!/usr/bin/env node\nimport {createRequire as __lecternCreateRequire} from 'node:module';const require=__lecternCreateRequire(import.meta.url);",
	},
	plugins: [inkPatchPlugin(), ssh2Plugin()],
	logLevel: 'warning',
	metafile: true,
});
chmodSync('dist/cli.js', 0o755);
writeLicences(bundle.metafile, 'dist/THIRD-PARTY-LICENSES.txt');
// The big-emoji image set (made by `npm run build:emoji`), read next to the bundle.
copyFileSync('assets/emoji.bin', 'dist/emoji.bin');
// The monospace font `export` embeds (HTML, PDF), with its licence.
mkdirSync('dist/fonts');
const fontFolder = 'node_modules/@fontsource/dejavu-mono';
for (const weight of ['400-normal', '700-normal', '400-italic', '700-italic']) {
	copyFileSync(`${fontFolder}/files/dejavu-mono-latin-${weight}.woff`, `dist/fonts/dejavu-mono-latin-${weight}.woff`);
}

copyFileSync(`${fontFolder}/LICENSE`, 'dist/fonts/LICENSE');
