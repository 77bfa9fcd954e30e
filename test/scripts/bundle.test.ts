/**
 * What the build leaves in dist/, checked against esbuild's metafile of the
 * bundle (build/bundle-meta.json): a licence notice for every bundled package,
 * every Ink patch applied once to every bundled copy, no dead code bundled.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import {neutralize} from '../../source/deck/neutralize.js';

type Metafile = {inputs: Record<string, unknown>; patched: Record<string, number>};
type Package = {folder: string; name: string; version: string};

const root = new URL('../../../', import.meta.url).pathname;
const meta = JSON.parse(readFileSync(join(root, 'build/bundle-meta.json'), 'utf8')) as Metafile;
const notices = readFileSync(join(root, 'dist/THIRD-PARTY-LICENSES.txt'), 'utf8');
const licences = (await import(join(root, 'scripts/licences.mjs'))) as {bundledPackages: (metafile: Metafile) => Package[]};
const patches = (await import(join(root, 'scripts/ink-patches.mjs'))) as {
	patchProblems: (metafile: Metafile, applied: Map<string, number>, cwd?: string) => string[];
	inkPatchPlugin: (applied: Map<string, number>) => unknown;
};

const temporary: string[] = [];
after(() => {
	for (const folder of temporary) rmSync(folder, {recursive: true, force: true});
});

describe('third-party notices', () => {
	it('name every package the bundle holds code of, with its version and licence text', () => {
		const packages = licences.bundledPackages(meta);
		assert.ok(packages.length > 40, `${packages.length} packages`);
		for (const {name, version} of packages) {
			const heading = new RegExp(`^${name.replaceAll(/[.*+?^${}()|[\]\\/]/g, '\\$&')} ${version.replaceAll('.', '\\.')} \\(`, 'm');
			assert.match(notices, heading, `${name} ${version} has no notice`);
		}

		assert.match(notices, /^jpeg-js .*BSD-3-Clause/m);
		assert.match(notices, /^entities .*BSD-2-Clause/m);
		assert.match(notices, /^signal-exit .*ISC/m);
	});

	it("give the terms of every bundled FIGlet font, Twemoji's CC-BY 4.0 and lectern's own licence", () => {
		const fonts = Object.keys(meta.inputs).filter(input => input.includes('figlet/importable-fonts/'));
		assert.ok(fonts.length >= 3);
		for (const font of fonts) assert.ok(notices.includes(`FIGlet font "${font.split('/').at(-1)!.replace(/\.js$/, '')}"`), font);
		assert.match(notices, /Standard by Glenn Chappell & Ian Chai/);
		assert.match(notices, /Twemoji[\s\S]*CC-BY 4\.0[\s\S]*creativecommons\.org\/licenses\/by\/4\.0/);
		assert.ok(notices.startsWith('lectern, and'));
		assert.ok(notices.includes(readFileSync(join(root, 'LICENSE'), 'utf8').trim()));
	});

	it('ship in the package and print with `lectern licenses`', () => {
		const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
			files: string[];
			license: string;
			repository?: unknown;
			homepage?: string;
			bugs?: unknown;
			keywords?: string[];
			author?: unknown;
		};
		assert.ok(manifest.files.includes('dist'));
		assert.equal(manifest.license, 'MIT');
		for (const field of ['repository', 'homepage', 'bugs', 'keywords', 'author'] as const) assert.ok(manifest[field], `package.json has no ${field}`);
		const result = spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'licenses'], {encoding: 'utf8', cwd: tmpdir()});
		assert.equal(result.status, 0, result.stderr);
		// Through the funnel: the licence texts' tabs and form feeds become what a terminal shows safely.
		assert.equal(result.stdout, neutralize(notices));
	});
});

describe('the Ink patches', () => {
	it('each applied once to every bundled copy of the files they patch', () => {
		assert.deepEqual(patches.patchProblems(meta, new Map(Object.entries(meta.patched)), root.replace(/\/$/, '')), []);
	});

	it('fail the check for a bundled copy that was not patched, or a package bundled twice', () => {
		const nested = 'node_modules/wrap-ansi/node_modules/string-width/index.js';
		const withNested = {...meta, inputs: {...meta.inputs, [nested]: {}}};
		const problems = patches.patchProblems(withNested, new Map(Object.entries(meta.patched)), root.replace(/\/$/, ''));
		assert.ok(
			problems.some(problem => problem.includes(`${nested} was patched 0 times`)),
			problems.join('\n'),
		);
		assert.ok(
			problems.some(problem => problem.includes('string-width is bundled 2 times')),
			problems.join('\n'),
		);
	});

	it('fail the build when a patch matches twice or not at all', async () => {
		const esbuild = (await import('esbuild')) as {build: (options: object) => Promise<unknown>};
		for (const [text, times] of [
			['', 0],
			['export default function widestLine(string) {}\nexport default function widestLine(string) {}\n', 2],
		] as const) {
			const folder = mkdtempSync(join(tmpdir(), 'lectern-patches-'));
			temporary.push(folder);
			mkdirSync(join(folder, 'node_modules/widest-line'), {recursive: true});
			writeFileSync(join(folder, 'node_modules/widest-line/index.js'), text);
			writeFileSync(join(folder, 'entry.js'), "import './node_modules/widest-line/index.js';\n");
			await assert.rejects(
				esbuild.build({entryPoints: [join(folder, 'entry.js')], bundle: true, write: false, logLevel: 'silent', plugins: [patches.inkPatchPlugin(new Map())]}),
				new RegExp(`matches ${times} times, not 1`),
			);
		}
	});

	it('leave React DevTools and ws out of the bundle', () => {
		const inputs = Object.keys(meta.inputs);
		assert.ok(!inputs.some(input => /node_modules\/(?:ws|react-devtools-core)\//.test(input)));
		assert.ok(
			inputs.some(input => input.endsWith('ink/build/devtools.js')),
			'the stub stands in for it',
		);
	});
});

describe('the bundled code', () => {
	it('is ASCII only, so that Node reads no chunk as a two-byte string (twice the memory, a slower start)', () => {
		const files = [join(root, 'dist/cli.js'), ...readdirSync(join(root, 'dist/chunks')).map(name => join(root, 'dist/chunks', name))].filter(file =>
			file.endsWith('.js'),
		);
		assert.ok(files.length > 20, `${files.length} files`);
		for (const file of files) {
			const text = readFileSync(file, 'latin1');
			const at = text.search(/[^\u0000-\u007F]/);
			assert.equal(
				at,
				-1,
				`${file}: a character outside ASCII near ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))} (escape it in the source, or patch the package)`,
			);
		}
	});
});
