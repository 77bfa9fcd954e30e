/**
 * Bundles scripts/bench/ink-floor.mjs as lectern's CLI is bundled (scripts/build.mjs): minified,
 * React's production build, and Ink with the patches lectern ships it with (scripts/ink-patches.mjs:
 * lazy segmenter and emoji regex, no `fetch` for Yoga's WebAssembly, cached measuring), so the
 * column is what Ink costs lectern, not what stock Ink costs (more: undici, an Intl.Segmenter
 * and the emoji regex made at load).
 */
import {join} from 'node:path';
import * as esbuild from 'esbuild';
import {bundleOptions, requireBanner} from '../bundle-options.mjs';
import {inkPatchPlugin} from '../ink-patches.mjs';

/** The path of the bundled Ink floor, written under `folder`. */
export async function buildInkFloor(source, folder) {
	const outdir = join(folder, 'ink-floor');
	await esbuild.build({
		entryPoints: {'ink-floor': source},
		outdir,
		...bundleOptions,
		banner: {js: requireBanner},
		plugins: [inkPatchPlugin(new Map())],
		logLevel: 'warning',
	});
	return join(outdir, 'ink-floor.js');
}
