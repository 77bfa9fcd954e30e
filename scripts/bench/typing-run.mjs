/**
 * Bytes per typed character: the player in-process (Ink patched as in the bundle) drawing
 * into a fake 120x40 terminal while a 51-character command types itself (typing.tsx).
 */
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';

export async function measureTyping({root, temp}) {
	const typingBundle = join(temp, 'typing-bench.mjs');
	const esbuild = await import('esbuild');
	const {inkPatchPlugin} = await import('../ink-patches.mjs');
	await esbuild.build({
		entryPoints: [join(root, 'scripts', 'bench', 'typing.tsx')],
		bundle: true,
		format: 'esm',
		platform: 'node',
		outfile: typingBundle,
		jsx: 'automatic',
		define: {'process.env.NODE_ENV': '"production"'},
		alias: {'react-devtools-core': join(root, 'scripts', 'stub-devtools.mjs')},
		banner: {js: "import {createRequire as __lecternCreateRequire} from 'node:module';const require=__lecternCreateRequire(import.meta.url);"},
		plugins: [inkPatchPlugin()],
		logLevel: 'error',
	});
	const run = spawnSync(process.execPath, [typingBundle], {encoding: 'utf8', timeout: 30_000});
	try {
		return {typing: JSON.parse(run.stdout.trim().split('\n')[0])};
	} catch {
		return {failed: run.stderr.trim() || `exit ${run.status}`};
	}
}
