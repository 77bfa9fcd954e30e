/**
 * Source patches applied to Ink while bundling, each with the reason and the
 * exact text it replaces. The build fails if a pattern is not found, so an Ink
 * upgrade cannot silently drop a fix.
 */
export const inkPatches = [
	{
		file: 'ink/build/output.js',
		why:
			'Ink builds a new Output, with empty caches, for every frame, so every line of the ' +
			'screen is tokenised again on every keypress. Sharing the caches across frames (bounded) ' +
			'makes a slide change cost only the lines that changed.',
		find: '    caches = new OutputCaches();',
		replace:
			'    caches = (sharedOutputCaches !== undefined && sharedOutputCaches.styledChars.size < 4000 && sharedOutputCaches.widths.size < 20000)\n' +
			'        ? sharedOutputCaches : (sharedOutputCaches = new OutputCaches());',
	},
	{
		file: 'ink/build/output.js',
		why: 'The shared caches of the patch above.',
		find: 'export default class Output {',
		replace: 'let sharedOutputCaches;\nexport default class Output {',
	},
	{
		file: 'ink/build/output.js',
		why:
			'A row written by one line of text is turned back into a string the same way every frame: ' +
			'remember it (keyed by the line and its column) instead of re-serialising every styled cell.',
		find: '                    const characters = this.caches.getStyledChars(line);',
		replace:
			'                    rowSources[y + offsetY] = rowSources[y + offsetY] === undefined ? {line, x} : null;\n' +
			'                    const characters = this.caches.getStyledChars(line);',
	},
	{
		file: 'ink/build/output.js',
		why: 'Where the row sources of the patch above are collected.',
		find: '        const clips = [];',
		replace: '        const clips = [];\n        const rowSources = [];',
	},
	{
		file: 'ink/build/output.js',
		why: 'Where the remembered rows of the patch above are used.',
		find: `        const generatedOutput = output
            .map(line => {`,
		replace: `        const rowStrings = this.caches.rowStrings ??= new Map();
        if (rowStrings.size > 4000) rowStrings.clear();
        const generatedOutput = output
            .map((line, rowIndex) => {
            const source = rowSources[rowIndex];
            if (source && this.caches.getStringWidth(source.line) + source.x <= this.width) {
                const key = source.x + '\\u0000' + source.line;
                let cached = rowStrings.get(key);
                if (cached === undefined) {
                    cached = (' '.repeat(source.x) + styledCharsToString(this.caches.getStyledChars(source.line))).trimEnd();
                    rowStrings.set(key, cached);
                }
                return cached;
            }`,
	},
	{
		file: 'ink/build/log-update.js',
		why:
			'Ink 6.8.0 incremental rendering moves the cursor up one row too few, so every ' +
			'frame shorter than the terminal lands one row lower (fixed upstream in Ink 7.0).',
		find: 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));',
		replace: 'buffer.push(ansiEscapes.cursorUp(previousLines.length - 1));',
	},
];

/** An esbuild plugin that applies `inkPatches`, all patches of a file in order. */
export function inkPatchPlugin() {
	const files = [...new Set(inkPatches.map(patch => patch.file))];
	return {
		name: 'ink-patches',
		setup(build) {
			for (const file of files) {
				const filter = new RegExp(file.replaceAll('/', '[\\\\/]').replaceAll('.', '\\.') + '$');
				build.onLoad({filter}, async args => {
					const {readFile} = await import('node:fs/promises');
					let source = await readFile(args.path, 'utf8');
					for (const patch of inkPatches.filter(candidate => candidate.file === file)) {
						if (!source.includes(patch.find)) throw new Error(`Ink patch for ${file} no longer applies: ${patch.why}`);
						source = source.replace(patch.find, patch.replace);
					}

					return {contents: source, loader: 'js'};
				});
			}
		},
	};
}
