/**
 * Code on slides as a terminal shows it: the built CLI's `print` in truecolor,
 * fed to a headless xterm, colour cells sampled. Highlighted Python, Rust,
 * JavaScript, shell and YAML in the dark and light themes, line numbers, a
 * stepped block, and a block wider than the screen.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {drawnColour, VirtualScreen} from '../harness/xterm.js';
import {assertBuilt, cli, plainEnv, root} from './support.js';

const deck = 'fixtures/code/languages.md';
const folder = mkdtempSync(join(tmpdir(), 'lectern-code-'));
after(() => rmSync(folder, {recursive: true, force: true}));

async function printed(theme: string, columns = 80): Promise<VirtualScreen> {
	assertBuilt();
	const env: NodeJS.ProcessEnv = {...plainEnv(), FORCE_COLOR: '3', COLORTERM: 'truecolor'};
	delete env['NO_COLOR'];
	const result = spawnSync(process.execPath, [cli, 'print', deck, '--theme', theme, '--width', String(columns), '--height', '14'], {
		cwd: root,
		env,
		encoding: 'utf8',
	});
	assert.equal(result.status, 0, result.stderr);
	const screen = new VirtualScreen(columns, 200, {convertEol: true, scrollback: 0});
	await screen.write(result.stdout);
	return screen;
}

/** The colour of the first cell of `word` (in the row that has `context`). */
function colourOf(screen: VirtualScreen, context: string, word: string): string | number | undefined {
	const at = screen.find(context);
	assert.ok(at, `"${context}" is on screen`);
	const row = screen.text()[at.y]!;
	const x = row.indexOf(word, at.x);
	assert.ok(x >= 0, `"${word}" in "${row}"`);
	return screen.cell(x, at.y).fg;
}

const samples = [
	['python', 'def greet', 'def'],
	['rust', 'fn main', 'fn'],
	['javascript', 'const add', 'const'],
	['shell', 'for f in', 'for'],
	['yaml', 'name: lectern', 'name'],
] as const;

for (const theme of ['dark', 'light'] as const) {
	test(`${theme}: each language is highlighted: keywords, strings and names in colours of their own, on the code panel`, async () => {
		const screen = await printed(theme);
		for (const [language, context, keyword] of samples) {
			const colours = new Set(
				screen
					.cells(screen.find(context)!.y)
					.filter(cell => cell.char.trim() !== '')
					.map(cell => cell.fg),
			);
			assert.ok(colours.size >= 2, `${language} in ${theme}: more than one colour (${[...colours].join(', ')})`);
			assert.equal(typeof colourOf(screen, context, keyword), 'string', `${language}: the keyword is in a 24-bit colour`);
		}

		const at = screen.find('def greet')!;
		const panel = screen.cell(at.x - 1, at.y).bg;
		assert.equal(typeof panel, 'string', 'the panel has a background');
		assert.equal(screen.cell(at.x + 40, at.y).bg, panel, 'the panel goes past the text');
	});
}

test('dark and light highlight the same code in different colours', async () => {
	const [dark, light] = await Promise.all([printed('dark'), printed('light')]);
	for (const [language, context, keyword] of samples) {
		assert.notEqual(colourOf(dark, context, keyword), colourOf(light, context, keyword), language);
	}

	const at = light.find('def greet')!;
	assert.notEqual(dark.cell(at.x - 1, at.y).bg, light.cell(at.x - 1, at.y).bg, 'the panels differ');
});

test('+line_numbers numbers the lines in the gutter, in the line number colour', async () => {
	const screen = await printed('dark');
	const rows = screen.text();
	const first = rows.findIndex(row => row.includes('def greet'));
	assert.match(rows[first]!, /\b1 def greet/);
	assert.match(rows[first + 1]!, /\b2 {5}"""Say hello/);
	assert.match(rows[first + 2]!, /\b3 {5}return/);
	const x = rows[first]!.indexOf('1 def');
	assert.notEqual(screen.cell(x, first).fg, screen.cell(x + 2, first).fg);
});

test('{1-2|3|all}: each range is a step of the slide, the other lines dimmed, then all lit', async () => {
	const screen = await printed('dark');
	const rows = screen.text();
	const steps = rows.flatMap((row, y) => (row.includes('a = 1') ? [y] : []));
	assert.equal(steps.length, 3, 'three steps of the slide');
	const dimmed = (y: number, text: string) => screen.cell(rows[y]!.indexOf(text), y).dim;
	const lit = steps.map(y => ({a: !dimmed(y, 'a = 1'), b: !dimmed(y + 1, 'b = 2'), c: !dimmed(y + 2, 'c = a')}));
	assert.deepEqual(lit, [
		{a: true, b: true, c: false},
		{a: false, b: false, c: true},
		{a: true, b: true, c: true},
	]);
});

test('a block wider than the screen wraps with a marker: nothing is clipped', async () => {
	const screen = await printed('dark', 60);
	const rows = screen.text();
	const first = rows.findIndex(row => row.includes('print("a very long'));
	const text = rows
		.slice(first, first + 3)
		.map(row => row.trim().replace(/^↪/, ''))
		.join('');
	assert.ok(text.includes('print("a very long line of python that is much wider than the screen of eighty columns, so it wraps")'), text);
	assert.ok(rows[first + 1]!.trimStart().startsWith('↪'));
	assert.ok(rows.every(row => row.length <= 60));
});

test('an unknown language is shown plain, in the code colour, with no error', async () => {
	const screen = await printed('dark');
	const at = screen.find("Qapla'")!;
	// The code colour, #87d787, is entry 114 of the xterm palette: truecolor writes it as the entry's short code.
	assert.equal(screen.cell(at.x, at.y).fg, 114);
	assert.equal(drawnColour(114), '#87d787');
});

test('export draws highlighted code and the theme: html and cast', () => {
	const run = (to: string, theme: string) => {
		const output = join(folder, `code-${theme}.${to}`);
		const result = spawnSync(process.execPath, [cli, 'export', deck, '--to', to, '--theme', theme, '-o', output], {
			cwd: root,
			env: plainEnv(),
			encoding: 'utf8',
		});
		assert.equal(result.status, 0, result.stderr);
		return readFileSync(output, 'utf8');
	};

	const light = run('html', 'light');
	// github-light's keyword red, the light panel and page.
	assert.match(light, /#d73a49/i);
	assert.match(light, /#f3f5f7/i);
	assert.match(light, /#ffffff/i);
	assert.doesNotMatch(run('html', 'dark'), /#d73a49/i);
	const cast = run('cast', 'projector');
	const header = JSON.parse(cast.slice(0, cast.indexOf('\n'))) as {theme?: {fg: string; bg: string}};
	assert.deepEqual({fg: header.theme?.fg, bg: header.theme?.bg}, {fg: '#000000', bg: '#ffffff'});
	// The projector panel (#ececec) behind the code.
	assert.match(cast, /48;2;236;236;236m/);
});

test('an unknown theme is one line on stderr and exit 2, before anything is drawn', () => {
	const result = spawnSync(process.execPath, [cli, 'print', deck, '--theme', 'neon'], {cwd: root, env: plainEnv(), encoding: 'utf8'});
	assert.equal(result.status, 2);
	assert.equal(result.stdout, '');
	assert.match(result.stderr, /^lectern: --theme neon: no such theme \(built in: dark, light, high-contrast, projector, auto; or a Shiki theme/);
	assert.equal(result.stderr.trim().split('\n').length, 1);
});
