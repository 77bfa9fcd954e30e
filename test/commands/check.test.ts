import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {checkDeck, checkSize, checkSummary, failsCheck, formatDiagnostic} from '../../source/commands/check.js';
import {loadDeck} from '../../source/deck/load-deck.js';
import type {Deck, Diagnostic} from '../../source/deck/model.js';

const load = (name: string): Deck => loadDeck(readFileSync(join(process.cwd(), 'fixtures', name)));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const noImages = () => false;
const summary = (found: readonly Diagnostic[]) => found.map(({line, severity, code}) => `${line} ${severity} ${code}`);

describe('check: fixtures/reference-style.txt', () => {
	const file = 'fixtures/reference-style.txt';
	const deck = load('reference-style.txt');
	const found = checkDeck(deck, {file, imageExists: noImages});

	test('every finding, in line order', () => {
		assert.deepEqual(summary(found), [
			'4 warning missing-image',
			'12 warning missing-image',
			'100 warning missing-image',
			'108 warning missing-image',
			'112 warning missing-image',
			'117 warning missing-image',
			'156 warning unknown-class',
			'157 warning unbalanced-span',
			'158 warning unknown-directive',
			'167 notice draft',
			'176 warning overflow',
			'206 notice draft',
			'223 warning missing-image',
		]);
	});

	test('missing images with file:line', () => {
		const lines = found.filter(diagnostic => diagnostic.code === 'missing-image').map(diagnostic => formatDiagnostic(file, diagnostic));
		assert.equal(lines[0], 'fixtures/reference-style.txt:4: warning: image "footer.svg" not found next to the deck; alt text is shown [missing-image]');
		assert.equal(
			lines[2],
			'fixtures/reference-style.txt:100: warning: image "sprout_teapot_0.png" not found next to the deck; alt text is shown [missing-image]',
		);
		assert.ok(lines.some(line => line.startsWith('fixtures/reference-style.txt:108: ') && line.includes('"tea_fields_169.png"')));
	});

	test('images that exist are not reported; the callback is asked by source name', () => {
		const asked: string[] = [];
		const present = new Set(['footer.svg', 'kettle_intro.png', 'sprout_teapot_0.png', 'tea_fields_169.png', 'teapot_logos.png', 'kettle_talk.png']);
		const all = checkDeck(deck, {
			file,
			imageExists(src) {
				asked.push(src);
				return present.has(src);
			},
		});
		assert.ok(!all.some(diagnostic => diagnostic.code === 'missing-image'));
		assert.deepEqual([...new Set(asked)].sort(), [...present].sort());
	});

	test('unknown class, unbalanced span and unknown directive say what and where', () => {
		const format = (code: string) =>
			formatDiagnostic(
				file,
				found.find(diagnostic => diagnostic.code === code)!,
			);
		assert.equal(
			format('unknown-class'),
			'fixtures/reference-style.txt:156: warning: unknown span class ".shiny[...]"; its content is shown unstyled [unknown-class]',
		);
		assert.match(format('unbalanced-span'), /^fixtures\/reference-style\.txt:157: warning: .*\.red\[/);
		assert.match(format('unknown-directive'), /^fixtures\/reference-style\.txt:158: warning: .*\$\$foo/);
	});

	test('the long slide overflows 80x24 and says by how much', () => {
		assert.deepEqual(checkSize, {columns: 80, rows: 24});
		const overflow = found.find(diagnostic => diagnostic.code === 'overflow')!;
		assert.equal(overflow.line, 176);
		assert.match(overflow.message, /^slide 20 does not fit 80x24: \d+ lines are cut$/);
		assert.equal(found.filter(diagnostic => diagnostic.code === 'overflow').length, 1, 'only the long slide');
	});

	test('drafts are notices', () => {
		assert.deepEqual(
			found.filter(diagnostic => diagnostic.code === 'draft').map(diagnostic => [diagnostic.severity, diagnostic.line]),
			[
				['notice', 167],
				['notice', 206],
			],
		);
	});

	test('fails the check', () => {
		assert.equal(failsCheck(found), true);
	});
});

describe('check: the repair notice', () => {
	for (const [name, encoding] of [
		['mojibake-macroman.txt', 'Mac OS Roman'],
		['mojibake-cp1252.txt', 'Windows-1252'],
	] as const) {
		test(`${name}: one notice at line 1 (and one for the ⎽ the repair restored), and the check passes`, () => {
			const found = checkDeck(load(name), {file: name, imageExists: noImages});
			assert.deepEqual(summary(found), ['1 notice mojibake-repaired', '7 notice look-alike']);
			const line = formatDiagnostic(name, found[0]!);
			assert.ok(line.startsWith(`${name}:1: notice: mojibake repaired`), line);
			assert.ok(line.includes(encoding));
			assert.ok(line.endsWith('[mojibake-repaired]'));
			assert.equal(failsCheck(found), false);
		});
	}

	test('clean decks: no findings at all', () => {
		for (const name of ['legit-mojibake-text.txt', 'crlf-bom.txt']) {
			const found = checkDeck(load(name), {file: name, imageExists: noImages});
			assert.deepEqual(found, [], name);
			assert.equal(failsCheck(found), false);
		}
	});
});

describe('check: decks made here', () => {
	const check = (text: string, imageExists: (src: string) => boolean = noImages) => checkDeck(loadDeck(utf8(text)), {file: 'deck.txt', imageExists});

	test('URL images are not looked up', () => {
		const asked: string[] = [];
		const found = check('@= https://example.com/tea.png\n---\n~@ data:image/png;base64,AAAA\n---\n@= local.png\n', src => {
			asked.push(src);
			return false;
		});
		assert.deepEqual(asked, ['local.png']);
		assert.deepEqual(summary(found), ['5 warning missing-image']);
	});

	test('an image inside a text slide or under a title is checked too', () => {
		assert.deepEqual(summary(check('# Tea\n\n@ cup.png\n---\n#= Title\n@ logo.svg\n')), ['3 warning missing-image', '6 warning missing-image']);
	});

	test('a deliberately long slide overflows; the same slide cut short fits', () => {
		const long = `# Steps\n\n${Array.from({length: 40}, (_, index) => `${index + 1}. step ${index + 1}`).join('\n')}\n`;
		const overflow = check(long);
		assert.deepEqual(summary(overflow), ['1 warning overflow']);
		assert.match(overflow[0]!.message, /does not fit 80x24/);
		assert.deepEqual(check(`# Steps\n\n${Array.from({length: 10}, (_, index) => `- step ${index + 1}`).join('\n')}\n`), []);
	});

	test('a very long line wraps and can overflow too', () => {
		assert.deepEqual(summary(check(`# Wall of text\n\n${'tea '.repeat(600)}\n`)), ['1 warning overflow']);
	});

	test('a terminal slide longer than the screen scrolls like a terminal: not an overflow', () => {
		const output = Array.from({length: 40}, (_, index) => `line ${index}<br>`).join('\n');
		const found = check(`$$terminal sh\n$$prompt ~\nseq 40<br>\n${output}\n$$prompt ~\n$$w\n`);
		assert.deepEqual(found, []);
	});

	test('invalid UTF-8 is a warning on its line', () => {
		const found = checkDeck(loadDeck(Uint8Array.from([...utf8('# ok\n\nbad '), 0xc3, 0x28, ...utf8('\n')])), {file: 'deck.txt', imageExists: noImages});
		assert.deepEqual(summary(found), ['3 warning invalid-utf8']);
		assert.equal(failsCheck(found), true);
	});

	test('an unsafe link is a warning', () => {
		assert.deepEqual(summary(check('# Links\n\n[click](javascript:alert(1))\n')), ['3 warning unsafe-link']);
	});

	test('deck text in messages is neutralised', () => {
		const found = check('# x\n\n$$evil\u001B[2J here\n\n@ pic\u001B]0;t\u0007.png\n');
		for (const diagnostic of found) assert.ok(!/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u.test(formatDiagnostic('deck.txt', diagnostic)), diagnostic.message);
		assert.equal(found.length, 2);
	});
});

describe('failsCheck: the exit rule', () => {
	const make = (severity: Diagnostic['severity']): Diagnostic => ({severity, line: 1, code: 'x', message: 'x'});

	test('no findings pass', () => {
		assert.equal(failsCheck([]), false);
	});

	test('notices alone pass', () => {
		assert.equal(failsCheck([make('notice'), make('notice')]), false);
	});

	test('any warning or error fails', () => {
		assert.equal(failsCheck([make('notice'), make('warning')]), true);
		assert.equal(failsCheck([make('error')]), true);
	});
});

describe('check: the format and why', () => {
	test('the summary names the format and its strongest evidence, with lines', () => {
		const deck = load('reference-style.txt');
		assert.match(checkSummary(deck, []), /^\d+ slides, shorthand format \(`\$\$terminal`, line \d+; `#=` title, line \d+; .*\), no problems$/);
		assert.equal(checkSummary(loadDeck(utf8('# Hi\n'), {format: 'remark'}), []), '1 slides, remark format (--format), no problems');
		assert.equal(
			checkSummary(loadDeck(utf8('# Hi\n')), [{severity: 'warning', line: 1, code: 'x', message: 'x'}]),
			'1 slides, markdown format (no sign of another format), 1 finding',
		);
	});

	test('mixed evidence is a warning that names the other format and how to choose it', () => {
		const deck = loadDeck(utf8('#= Title\n---\n<!-- end_slide -->\n'));
		const mixed = deck.diagnostics.find(diagnostic => diagnostic.code === 'mixed-format');
		assert.ok(mixed, 'a mixed-format warning');
		assert.equal(mixed.severity, 'warning');
		assert.match(mixed.message, /read as presenterm, but it also has signs of shorthand .*--format shorthand/);
	});

	test("remark's built-in classes are not findings", () => {
		const deck = loadDeck(utf8('class: center, middle\n.left[a] .pull-left[b] .footnote[c] .inverse[d]\n'));
		assert.deepEqual(checkDeck(deck, {file: 'x.md', imageExists: noImages}), []);
	});

	test('a finding in the file a page loads names that file', () => {
		assert.equal(formatDiagnostic('page.html', {severity: 'warning', line: 3, code: 'x', message: 'y', file: 'slides.md'}), 'slides.md:3: warning: y [x]');
	});
});
