/**
 * Source patches applied to Ink and the packages it draws with (Yoga,
 * string-width, widest-line), and to entities, while bundling, each with the reason and the
 * exact text it replaces. The build fails if a pattern is not found, so an
 * upgrade cannot silently drop a fix.
 */
import {fileURLToPath} from 'node:url';
import {inkJsPatches} from './ink-patches/ink-js.mjs';
import {logUpdatePatches} from './ink-patches/log-update.mjs';

export const inkPatches = [
	{
		file: 'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js',
		why:
			'Yoga loads its WebAssembly, embedded as a data: URL, with fetch() when fetch exists: on ' +
			'Node that loads undici first, some 20-40 ms of start-up before the first frame. The ' +
			'module decodes the same bytes itself without fetch.',
		find: '"function"!=typeof fetch',
		replace: 'true',
		count: 2,
	},
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
		why:
			'Every frame, Ink builds a grid of one object per screen cell, places every character of ' +
			"every line in it, then turns each row back into a string. lectern's screen is only " +
			'whole lines of text, each on its own row: for such frames, each row is its line, and ' +
			'the grid is used for anything else.',
		find: `    get() {
        // Initialize output array`,
		replace: `    get() {
        const rowsOnly = this.rowsOnly();
        if (rowsOnly) {
            return rowsOnly;
        }
        // Initialize output array`,
	},
	{
		file: 'ink/build/output.js',
		why: 'The fast path of the patch above.',
		find: 'export default class Output {',
		replace: `let sharedOutputCaches;
export default class Output {
    rowsOnly() {
        const rows = new Array(this.height);
        for (const operation of this.operations) {
            if (operation.type !== 'write' || operation.text.includes('\\n')) return undefined;
            const {x, y} = operation;
            let text = operation.text;
            for (const transformer of operation.transformers) text = transformer(text, 0);
            if (y < 0 || y >= this.height || x < 0 || rows[y] !== undefined) return undefined;
            if (x + this.caches.getStringWidth(text) > this.width) return undefined;
            rows[y] = {x, text};
        }
        // Each row is its one write as it is: no other write overlaps it, so there is nothing to
        // flatten (tokenising every new line here cost a fifth of a slide change).
        const lines = [];
        for (let y = 0; y < this.height; y++) {
            const operation = rows[y];
            lines.push(operation === undefined ? '' : (' '.repeat(operation.x) + operation.text).trimEnd());
        }
        return {output: lines.join('\\n'), height: this.height};
    }`,
	},
	{
		file: 'ink/build/render-node-to-output.js',
		why:
			'Every frame measures every text node with string-width (a grapheme and emoji regex per ' +
			"character), unlike Ink's own cached measureText: remember the widths of the lines seen.",
		find: "import widestLine from 'widest-line';",
		replace:
			"import widestLine from 'widest-line';\n" +
			'const widestLineCache = new Map();\n' +
			'const cachedWidestLine = text => {\n' +
			'    let width = widestLineCache.get(text);\n' +
			'    if (width === undefined) {\n' +
			'        if (widestLineCache.size > 4000) widestLineCache.clear();\n' +
			'        width = widestLine(text);\n' +
			'        widestLineCache.set(text, width);\n' +
			'    }\n' +
			'    return width;\n' +
			'};',
	},
	{
		file: 'ink/build/render-node-to-output.js',
		why: 'Where the cached measurement of the patch above is used.',
		find: '                const currentWidth = widestLine(text);',
		replace: '                const currentWidth = cachedWidestLine(text);',
	},
	{
		file: 'widest-line/index.js',
		why:
			'Ink measures every line of every new frame with string-width, which segments graphemes ' +
			'and runs an emoji regex per character: 0.1-0.3 ms for a coloured 120-column line. Lines ' +
			"that are only SGR colours, hyperlinks and text are measured by lectern's own cellWidth " +
			'(source/text/cell-width.ts: one-cell characters counted directly, the rest remembered).',
		find: `export default function widestLine(string) {`,
		replace: `import {cellWidth} from ${JSON.stringify(fileURLToPath(new URL('../source/text/cell-width.ts', import.meta.url)))};
const styling = /\\u001B\\[[\\d;]*m|\\u001B\\]8;[^\\u0007\\u001B]*(?:\\u0007|\\u001B\\\\)/g;
export default function widestLine(string) {
	if (!string.includes('\\n')) {
		const plain = string.includes('\\u001B') ? string.replace(styling, '') : string;
		if (!plain.includes('\\u001B')) return cellWidth(plain);
	}`,
	},
	{
		file: 'entities/dist/generated/decode-data-html.js',
		why:
			'entities unpacks its HTML entity table (some 3 ms) when it is imported, before the first ' +
			'frame, though most decks have no entity at all: it is unpacked on the first decode.',
		find: 'export const htmlDecodeTree = /* #__PURE__ */ decodeTrieDict(',
		replace: 'let htmlDecodeTreeMade;\nexport const makeHtmlDecodeTree = () => htmlDecodeTreeMade ??= decodeTrieDict(',
	},
	{
		file: 'entities/dist/decode.js',
		why: 'The table of the patch above, taken when decoding.',
		find: 'import { htmlDecodeTree } from "./generated/decode-data-html.js";',
		replace: 'import { makeHtmlDecodeTree } from "./generated/decode-data-html.js";',
	},
	{
		file: 'entities/dist/decode.js',
		why: 'Where the patch above takes the table.',
		find: '    const decodeTree = htmlDecodeTree;',
		replace: '    const decodeTree = makeHtmlDecodeTree();',
	},
	{
		file: 'entities/dist/decode.js',
		why: 'The table itself is no longer a value to re-export (nothing lectern bundles imports it).',
		find: 'export { htmlDecodeTree } from "./generated/decode-data-html.js";',
		replace: '',
	},
	{
		file: 'string-width/index.js',
		why:
			'string-width builds an Intl.Segmenter (ICU start-up, about 8 ms) and compiles the RGI ' +
			'emoji regular expression (about 12 ms) when it is imported, before the first frame, even ' +
			'when every string measured is ASCII (its own fast path). Both are made on first use.',
		find: 'const segmenter = new Intl.Segmenter();',
		replace: 'let segmenterMade;\nconst segmenter = {segment: text => (segmenterMade ??= new Intl.Segmenter()).segment(text)};',
	},
	{
		file: 'string-width/index.js',
		why:
			'Ink measures text with string-width, which segments every non-ASCII string into grapheme ' +
			'clusters and tests each against the RGI emoji expression. Text whose code points are each ' +
			'a cluster of their own (CJK, arrows, symbols, most emoji) is counted code point by code ' +
			"point by the same rule (source/text/clusters.ts, as lectern's own layout does).",
		find: `	let width = 0;
	const eastAsianWidthOptions = {ambiguousAsWide: !ambiguousIsNarrow};`,
		replace: `	if (ambiguousIsNarrow && oneClusterPerCodePoint(string)) {
		return oneClusterWidths(string);
	}

	let width = 0;
	const eastAsianWidthOptions = {ambiguousAsWide: !ambiguousIsNarrow};`,
	},
	{
		file: 'string-width/index.js',
		why: 'The import of the patch above.',
		find: "import {eastAsianWidth} from 'get-east-asian-width';",
		replace: `import {eastAsianWidth} from 'get-east-asian-width';
import {oneClusterPerCodePoint, oneClusterWidths} from ${JSON.stringify(fileURLToPath(new URL('../source/text/clusters.ts', import.meta.url)))};`,
	},
	{
		file: 'string-width/index.js',
		why: 'The regular expression of the patch above.',
		find: 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
		replace: "let rgiEmojiMade;\nconst rgiEmojiRegex = {test: text => (rgiEmojiMade ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(text)};",
	},
	{
		file: 'markdown-it/dist/markdown-it.mjs',
		why:
			'The one character outside ASCII in markdown-it (an ellipsis in a regular expression, ' +
			'which esbuild leaves as it is) makes the whole chunk it is bundled in a two-byte string ' +
			'in Node and V8: twice the memory for the source kept for lazy compiling, and a slower ' +
			'decode and scan before the first frame. The same expression, escaped.',
		find: '/([?!])\u2026/g',
		replace: '/([?!])\\u2026/g',
	},
	...logUpdatePatches,
	...inkJsPatches,
];

/**
 * Packages the bundle holds one copy of, whatever version a dependency asks
 * for: wrap-ansi 9 (Ink's) nests string-width 7, whose API is string-width 8's
 * but which compiles emoji-regex and builds an Intl.Segmenter on load, and
 * would measure text unlike the patched copy Ink uses everywhere else.
 */
export const singleCopies = ['string-width'];

/**
 * Files replaced by an empty module. Ink imports devtools.js only when DEV=true
 * is set, to connect React DevTools; it would bundle `ws` (47 KB) and
 * react-devtools-core, which lectern never ships. With the stub, DEV=true does
 * nothing.
 */
export const stubbedFiles = ['ink/build/devtools.js'];

/** Packages that must not be in the bundle (what the stubs above leave out). */
export const absentPackages = ['ws', 'react-devtools-core'];

/** An esbuild filter for a file of a package, in any node_modules folder. */
const fileFilter = file => new RegExp('node_modules[\\\\/]' + file.replaceAll('/', '[\\\\/]').replaceAll('.', '\\.') + '$');

/**
 * An esbuild plugin that applies `inkPatches` to every copy of each file the
 * bundle holds (nested copies included), all patches of a file in order, and
 * resolves `singleCopies` to the top-level copy. Each patch must match exactly
 * `count` times (default once) in every copy, else the build fails; after the
 * build, `checkPatches(metafile, applied)` fails it if a bundled copy of a
 * patched file did not go through the plugin.
 */
export function inkPatchPlugin(applied = new Map()) {
	const files = [...new Set(inkPatches.map(patch => patch.file))];
	return {
		name: 'ink-patches',
		setup(build) {
			const topLevel = new Map();
			for (const name of singleCopies) {
				build.onResolve({filter: new RegExp(`^${name}$`)}, async args => {
					if (args.pluginData === 'single-copy') return undefined;
					if (!topLevel.has(name)) {
						const result = await build.resolve(name, {kind: args.kind, resolveDir: process.cwd(), pluginData: 'single-copy'});
						if (result.errors.length > 0) return {errors: result.errors};
						topLevel.set(name, result.path);
					}

					return {path: topLevel.get(name)};
				});
			}

			for (const file of stubbedFiles) {
				const filter = fileFilter(file);
				build.onLoad({filter}, () => ({contents: '// Stubbed by scripts/ink-patches.mjs: React DevTools are not shipped.\n', loader: 'js'}));
			}

			for (const file of files) {
				const filter = fileFilter(file);
				build.onLoad({filter}, async args => {
					const {readFile} = await import('node:fs/promises');
					let source = await readFile(args.path, 'utf8');
					for (const patch of inkPatches.filter(candidate => candidate.file === file)) {
						const found = source.split(patch.find).length - 1;
						const expected = patch.count ?? 1;
						if (found !== expected) {
							throw new Error(`Ink patch for ${args.path} matches ${found} times, not ${expected} (see docs/ink-patches.md): ${patch.why}`);
						}

						// A function, so that `$'` and `$&` in a replacement are not replacement patterns.
						source = source.replaceAll(patch.find, () => patch.replace);
					}

					applied.set(args.path, (applied.get(args.path) ?? 0) + 1);
					return {contents: source, loader: 'js'};
				});
			}
		},
	};
}

/**
 * The bundled copies of the patched files (from esbuild's metafile) that did
 * not go through the plugin exactly once, and the packages of `singleCopies`
 * bundled more than once: both empty on a sound build.
 */
export function patchProblems(metafile, applied, cwd = process.cwd()) {
	const problems = [];
	const inputs = Object.keys(metafile.inputs).map(input => input.replaceAll('\\', '/'));
	for (const file of new Set(inkPatches.map(patch => patch.file))) {
		const copies = inputs.filter(input => input.endsWith(`node_modules/${file}`));
		if (copies.length === 0) problems.push(`${file} is not in the bundle any more: remove its patches`);
		for (const copy of copies) {
			const times = [...applied.entries()]
				.filter(([path]) => path.replaceAll('\\', '/').endsWith(copy) || path === `${cwd}/${copy}`)
				.reduce((sum, [, count]) => sum + count, 0);
			if (times !== 1) problems.push(`${copy} was patched ${times} times`);
		}
	}

	for (const name of singleCopies) {
		const folders = new Set(inputs.map(input => /^(.*node_modules\/[^/]+)\//.exec(input)?.[1]).filter(folder => folder?.endsWith(`node_modules/${name}`)));
		if (folders.size > 1) problems.push(`${name} is bundled ${folders.size} times: ${[...folders].join(', ')}`);
	}

	for (const name of absentPackages) {
		if (inputs.some(input => input.includes(`node_modules/${name}/`))) problems.push(`${name} is bundled, though nothing reachable uses it`);
	}

	return problems;
}
