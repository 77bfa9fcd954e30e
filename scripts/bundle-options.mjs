/**
 * What lectern's bundle (scripts/build.mjs) and the bench's Ink floor
 * (scripts/bench/build-ink-floor.mjs) are both built with: minified ES modules for Node 20,
 * split into chunks, React's production build.
 */
export const bundleOptions = {
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	minify: true,
	define: {'process.env.NODE_ENV': '"production"'},
};

/** The first line of every bundled file: `require` for the CommonJS packages bundled into ES modules. */
export const requireBanner = "import {createRequire as __lecternCreateRequire} from 'node:module';const require=__lecternCreateRequire(import.meta.url);";
