/**
 * Source patches applied to Ink while bundling, each with the reason and the
 * exact text it replaces. The build fails if a pattern is not found, so an Ink
 * upgrade cannot silently drop a fix.
 */
export const inkPatches = [
	{
		file: 'ink/build/log-update.js',
		why:
			'Ink 6.8.0 incremental rendering moves the cursor up one row too few, so every ' +
			'frame shorter than the terminal lands one row lower (fixed upstream in Ink 7.0).',
		find: 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));',
		replace: 'buffer.push(ansiEscapes.cursorUp(previousLines.length - 1));',
	},
];

/** An esbuild plugin that applies `inkPatches`. */
export function inkPatchPlugin() {
	return {
		name: 'ink-patches',
		setup(build) {
			for (const patch of inkPatches) {
				const filter = new RegExp(patch.file.replaceAll('/', '[\\\\/]').replaceAll('.', '\\.') + '$');
				build.onLoad({filter}, async args => {
					const {readFile} = await import('node:fs/promises');
					const source = await readFile(args.path, 'utf8');
					if (!source.includes(patch.find)) {
						throw new Error(`Ink patch for ${patch.file} no longer applies: ${patch.why}`);
					}
					return {contents: source.replace(patch.find, patch.replace), loader: 'js'};
				});
			}
		},
	};
}
