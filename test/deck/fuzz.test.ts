/**
 * Generated fuzz test of the whole deck pipeline: bytes -> loadDeck -> printDeck.
 *
 * A seeded PRNG builds thousands of decks: random mixes of every deck construct,
 * mutated fixture files, random bytes, control characters and escape sequences,
 * unbalanced brackets, deep nesting, emoji. Whatever the input:
 * - `loadDeck` never throws and finishes quickly;
 * - no string in the model carries a control character, bidi control or ESC;
 * - `printDeck` output at colour level 0 has no ESC byte, and at level 3 no
 *   ESC outside an SGR sequence `ESC[...m`: nothing from the deck reaches the
 *   terminal as a command;
 * - no printed slide line is wider than the screen, no slide taller than it.
 *
 * Set FUZZ_SEED to replay a run; failures name the seed and the case.
 */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import iconv from 'iconv-lite';
import stringWidth from 'string-width';
import {printDeck} from '../../source/commands/print.js';
import {loadDeck} from '../../source/deck/load-deck.js';
import type {Deck} from '../../source/deck/model.js';
import type {ColourLevel} from '../../source/render/colour-level.js';
import {random, type Random} from '../support/random.js';
import {assertLinear} from '../support/growth.js';

const seed = Number(process.env['FUZZ_SEED'] ?? 20_191_005);

// ---------------------------------------------------------------------------
// Material

const fixtureNames = ['reference-style.txt', 'mojibake-macroman.txt', 'mojibake-cp1252.txt', 'legit-mojibake-text.txt', 'crlf-bom.txt'];
const fixtures = fixtureNames.map(name => readFileSync(join(process.cwd(), 'fixtures', name)));

const emoji = ['💪', '🦄', '🏢', '🚚', '☁️', '❓', '🐍', '❌', '👋', '⏰', '👩🏻‍🔧', '👩🏼‍💻', '👨‍👩‍👧‍👦', '🇬🇧', '🏳️‍🌈', '1️⃣', '🫖', '☕', '🧑🏿‍🚀', '❤️‍🔥'];
const wide = ['日本語', '한국어', '中文', 'ｆｕｌｌｗｉｄｔｈ', '〜'];
const combining = ['e\u0301', 'a\u0308', '\u0301', '\u20DD', 'ก\u0e33', 'नि'];
const escapes = [
	'\u001B',
	'\u001B[31m',
	'\u001B[2J\u001B[H',
	'\u001B]0;pwned\u0007',
	'\u001B]52;c;SGVsbG8=\u0007',
	'\u001B]8;;http://evil.test\u001B\\link\u001B]8;;\u001B\\',
	'\u001BP+q544e\u001B\\',
	'\u001Bc',
	'\u009B31m',
	'\u009D0;t\u009C',
	'\u0007',
	'\u0008\u0008\u0008',
	'\r',
	'\t',
	'\u0000',
	'\u007F',
	'\u0085',
	'\u202Eevil\u202C',
	'\u2066x\u2069',
	'\u200B',
	'\u2028',
	'\uFEFF',
	'\uFFFD',
	'\uD83D',
];
const entities = ['&nbsp;', '&amp;', '&#8217;', '&#27;', '&#x1b;', '&#155;', '&#x9b;', '&#0;', '&#x110000;', '&lt;br&gt;', '&bogus;', '&#128170;', '&#7;'];
const markup = [
	'.red[',
	'.e[',
	'.w[',
	'.noop[',
	'.fix-tilt-long[',
	'.shiny[',
	']',
	'[',
	'(',
	')',
	'<br>',
	'<BR/>',
	'<br />',
	'**',
	'*',
	'_',
	'__',
	'~~',
	'`',
	'``',
	'\\',
	'[link](http://example.com/a_(b))',
	'[bad](javascript:alert(1))',
	'[mail](mailto:a@b.test)',
	'http:/.noop[/]127.0.0.1:8000/',
	'__init__.py',
	'snake_case',
	'![',
	'![alt *text*](logo.png)',
	'<https://example.com/a_b>',
	'<a@b.test>',
	'<javascript:alert(1)>',
	'\\*',
	'&#42;',
	'***',
];
const words = [
	'tea',
	'kettle',
	'steep',
	'the',
	'a',
	'water',
	'Django',
	'runserver',
	'my_project',
	'...',
	'—',
	'’',
	'café',
	'x'.repeat(90),
	'0123456789'.repeat(12),
];
const directives = ['$$terminal', '$$prompt', '$$w', '$$foo', '$$', '$$$', '$$terminal\u001B[31m'];

function fragment(r: Random): string {
	const roll = r.next();
	if (roll < 0.35) return r.pick(words);
	if (roll < 0.55) return r.pick(markup);
	if (roll < 0.63) return r.pick(emoji);
	if (roll < 0.7) return r.pick(entities);
	if (roll < 0.78) return r.pick(escapes);
	if (roll < 0.83) return r.pick(wide);
	if (roll < 0.86) return r.pick(combining);
	if (roll < 0.9) return String.fromCodePoint(r.int(0, 0x2ff));
	return ' ';
}

function inline(r: Random, max = 12): string {
	let text = '';
	const count = r.int(0, max);
	for (let index = 0; index < count; index++) text += fragment(r) + (r.chance(0.5) ? ' ' : '');
	return text;
}

function nested(r: Random, most = 5000): string {
	const depth = r.int(1, r.chance(0.2) ? most : Math.min(most, 80));
	const open = r.pick(['.red[', '.e[', '**', '[', '.w[.noop[', '*_~~', '.red[![']);
	const close = {'.red[': ']', '.e[': ']', '**': '**', '[': '](http://x.test)', '.w[.noop[': ']]', '*_~~': '~~_*', '.red[![': '](u)]'}[open]!;
	const balanced = r.chance(0.6);
	return open.repeat(depth) + inline(r, 3) + (balanced ? close.repeat(depth) : close.repeat(r.int(0, depth)));
}

function slide(r: Random): string[] {
	const lines: string[] = [];
	switch (r.int(0, 9)) {
		case 0: {
			lines.push(`#= ${r.chance(0.3) ? '<br>' : ''}${inline(r, 4)}`);
			if (r.chance(0.6)) lines.push(`## ${inline(r, 5)}`);
			if (r.chance(0.4)) lines.push(`### ${inline(r, 5)}`);
			if (r.chance(0.3)) lines.push(`@ ${r.pick(['footer.svg', 'logo.png'])}`);
			break;
		}

		case 1: {
			const rows = Array.from({length: r.int(1, 4)}, () => Array.from({length: r.int(1, 4)}, () => r.pick(emoji)).join(''));
			lines.push(`#= .e[${rows.join('<br>')}]`);
			break;
		}

		case 2: {
			lines.push(r.chance(0.5) ? '#= TODO' : `#todo ${inline(r, 4)}`);
			for (let index = r.int(0, 12); index > 0; index--) lines.push(r.chance(0.2) ? '' : inline(r, 8));
			break;
		}

		case 3: {
			lines.push(`${r.pick(['@=', '~@', '@'])} ${r.pick(['sprout_localhost_0.png', 'a b.png', 'x', 'https://example.com/i.png', `${inline(r, 2)}.png`])}`);
			if (r.chance(0.3)) lines.push('.fix-tilt-long[.w[....]and&nbsp;more!]');
			if (r.chance(0.4)) lines.push(`vv [${inline(r, 3)}](https://www.youtube.com/watch?v=${r.int(0, 1e6)}) ${inline(r, 3)}`);
			break;
		}

		case 4: {
			lines.push(`$$terminal ${r.pick(['python3.7', 'bash', '', inline(r, 2)])}`);
			for (let index = r.int(0, 25); index > 0; index--) {
				const roll = r.next();
				if (roll < 0.15) lines.push(`$$prompt ${r.pick(['~/my_project', '~/my_project ', 'C:\\tea', inline(r, 2)])}`);
				else if (roll < 0.25) lines.push(r.chance(0.5) ? '$$w' : `$$w ${inline(r, 4)}`);
				else if (roll < 0.3) lines.push(r.pick(directives) + inline(r, 2));
				else lines.push(`${inline(r, 6)}${r.pick(['<br>', '<br><br>', '', '<br>x<br>'])}`);
			}

			break;
		}

		case 5: {
			for (let index = r.int(1, 30); index > 0; index--) {
				lines.push(r.pick(['# ', '## ', '- ', '* ', '1. ', '10) ', '   ', '', '', 'vv ', '@ ', '']) + inline(r, 10));
			}

			break;
		}

		case 6: {
			break;
		}

		case 7: {
			lines.push(nested(r));
			break;
		}

		case 8: {
			// Titles stay short: big text of a very long word is slow (see the test at the end).
			lines.push(`#= ${nested(r, 30)}`);
			break;
		}

		default: {
			for (let index = r.int(1, 10); index > 0; index--) lines.push(Array.from({length: r.int(0, 20)}, () => fragment(r)).join(''));
		}
	}

	if (r.chance(0.4)) {
		lines.push(`Note:${r.chance(0.7) ? ' ' : ''}${inline(r, 5)}`);
		for (let index = r.int(0, 6); index > 0; index--) lines.push(r.pick(['', `# ${r.pick(emoji)}`, inline(r, 8)]));
	}

	return lines;
}

function generatedDeck(r: Random): string {
	const separators = ['\n---\n', '\n--- \n', '\n---\t \n', '\n\n---\n\n'];
	const slides = Array.from({length: r.int(1, 8)}, () => slide(r).join(r.chance(0.1) ? '\r\n' : '\n'));
	let text = slides.reduce((deck, next) => deck + r.pick(separators) + next);
	if (r.chance(0.5)) text += '\n';
	return text;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

function mutate(r: Random, input: Uint8Array): Uint8Array {
	const bytes = [...input];
	for (let count = r.int(1, 12); count > 0; count--) {
		const at = r.int(0, bytes.length);
		switch (r.int(0, 5)) {
			case 0: {
				if (bytes.length > 0) bytes[Math.min(at, bytes.length - 1)] = r.int(0, 255);
				break;
			}

			case 1: {
				bytes.splice(at, 0, ...Array.from({length: r.int(1, 16)}, () => r.int(0, 255)));
				break;
			}

			case 2: {
				bytes.splice(at, r.int(1, 64));
				break;
			}

			case 3: {
				const from = r.int(0, bytes.length);
				bytes.splice(at, 0, ...bytes.slice(from, from + r.int(1, 200)));
				break;
			}

			case 4: {
				bytes.splice(at, 0, ...utf8(r.chance(0.5) ? fragment(r) : '\n---\n'));
				break;
			}

			default: {
				bytes.splice(at, 0, ...utf8(r.pick(escapes)));
			}
		}
	}

	return Uint8Array.from(bytes);
}

/** The UTF-8 bytes of `text` read as Mac OS Roman or Windows-1252 and saved as UTF-8: mojibake. */
function mojibake(text: string, encoding: 'macintosh' | 'windows-1252'): Uint8Array {
	const misread = Array.from(utf8(text), byte => {
		const character = iconv.decode(Uint8Array.of(byte), encoding);
		if (character !== '\uFFFD') return character;
		return encoding === 'macintosh' ? '\uF8FF' : String.fromCharCode(byte);
	}).join('');
	return utf8(misread);
}

type Case = {name: string; bytes: Uint8Array};

function makeCase(r: Random, index: number): Case {
	const roll = r.next();
	if (roll < 0.5) return {name: `#${index} generated`, bytes: utf8(generatedDeck(r))};
	if (roll < 0.7) return {name: `#${index} mutated fixture`, bytes: mutate(r, r.pick(fixtures))};
	if (roll < 0.82) return {name: `#${index} mutated generated`, bytes: mutate(r, utf8(generatedDeck(r)))};
	if (roll < 0.9) return {name: `#${index} random bytes`, bytes: Uint8Array.from({length: r.int(0, 3000)}, () => r.int(0, 255))};
	if (roll < 0.95) return {name: `#${index} mojibake`, bytes: mojibake(generatedDeck(r), r.pick(['macintosh', 'windows-1252'] as const))};
	return {
		name: `#${index} random lines`,
		bytes: utf8(Array.from({length: r.int(1, 200)}, () => Array.from({length: r.int(0, 30)}, () => fragment(r)).join('')).join('\n')),
	};
}

// ---------------------------------------------------------------------------
// Checks

/** Control characters (tab included: tabs are expanded), bidi controls. Newline is allowed in the model only. */
const unsafeInModel = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
const unsafeInOutput = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
const sgr = /\u001B\[[\d;]*m/g;
/** An OSC 8 hyperlink opener or closer, as lectern writes them. */
const osc8 = /\u001B\]8;;([^\u001B\u0007]*)\u001B\\/g;

function checkModel(deck: Deck, name: string): void {
	const walk = (value: unknown, path: string): void => {
		if (typeof value === 'string') {
			assert.doesNotMatch(value, unsafeInModel, `${name}: ${path} = ${JSON.stringify(value).slice(0, 200)}`);
		} else if (Array.isArray(value)) {
			for (const [index, item] of value.entries()) walk(item, `${path}[${index}]`);
		} else if (value && typeof value === 'object') {
			for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`);
		}
	};

	walk(deck, 'deck');
	assert.ok(deck.slides.length >= 1, `${name}: at least one slide`);
	for (const [index, slide] of deck.slides.entries()) assert.equal(slide.index, index);
}

type Problem = 'escape' | 'control' | 'wide-slide' | 'wide-notes' | 'wide-notes-1' | 'tall' | 'headers' | 'threw';

/** What went wrong, the first example of each kind, and how often. */
class Problems {
	readonly found = new Map<Problem, {count: number; example: string}>();

	add(problem: Problem, example: string): void {
		const entry = this.found.get(problem);
		if (entry) entry.count++;
		else this.found.set(problem, {count: 1, example});
	}

	assertNone(problem: Problem, what: string): void {
		const entry = this.found.get(problem);
		assert.ok(!entry, entry && `${what}: ${entry.count} times; first: ${entry.example}`);
	}
}

function checkPrint(
	deck: Deck,
	where: string,
	columns: number,
	rows: number,
	level: ColourLevel,
	notes: boolean,
	hyperlinks: boolean,
	problems: Problems,
): void {
	const area = Math.max(1, rows - 2);
	let slideRows = 0;
	let inNotes = false;
	let headers = 0;
	for (const line of printDeck(deck, {size: {columns, rows}, notes, ansi: {level, hyperlinks}})) {
		if (level === 0 && line.includes('\u001B')) problems.add('escape', `${where}: ESC in ${JSON.stringify(line)}`);
		let text = level === 0 ? line : line.replace(sgr, '');
		if (hyperlinks) {
			text = text.replace(osc8, (_, target: string) => {
				if (/[\s\p{Cc}\p{Cf}]/u.test(target)) problems.add('escape', `${where}: link target ${JSON.stringify(target)}`);
				return '';
			});
		}

		if (text.includes('\u001B')) problems.add('escape', `${where}: ESC outside SGR in ${JSON.stringify(line)}`);
		if (unsafeInOutput.test(text)) problems.add('control', `${where}: control character in ${JSON.stringify(line)}`);
		if (/^-- slide \d+\/\d+ --$/.test(text)) {
			headers++;
			slideRows = 0;
			inNotes = false;
			continue;
		}

		if (text === 'Notes:') {
			inNotes = true;
			continue;
		}

		const width = stringWidth(text);
		if (width > columns)
			problems.add(
				inNotes ? (columns === 1 ? 'wide-notes-1' : 'wide-notes') : 'wide-slide',
				`${where}, slide ${headers}: ${width} columns: ${JSON.stringify(text)}`,
			);
		if (!inNotes) {
			slideRows++;
			if (slideRows === area + (notes ? 1 : 0) + 1) problems.add('tall', `${where}: slide ${headers} has more than ${area} rows`);
		}
	}

	if (headers !== deck.slides.length) problems.add('headers', `${where}: ${headers} headers for ${deck.slides.length} slides`);
}

// ---------------------------------------------------------------------------
// Tests

describe(`fuzz (seed ${seed})`, () => {
	const decks = Number(process.env['FUZZ_DECKS'] ?? 2500);
	const printed = Number(process.env['FUZZ_PRINTED'] ?? 250);
	// No time budgets: a hang fails at the runner's timeout, and the growth of
	// the parsers' time with their input is checked by the growth tests.
	test(`${decks} random and mutated decks: loadDeck never throws and leaves nothing unsafe`, () => {
		const r = random(seed);
		for (let index = 0; index < decks; index++) {
			const {name, bytes} = makeCase(r, index);
			let deck: Deck;
			try {
				deck = loadDeck(bytes);
			} catch (error) {
				assert.fail(`seed ${seed} ${name}: loadDeck threw ${String(error)}`);
			}

			checkModel(deck, `seed ${seed} ${name}`);
		}
	});

	let printProblems: Problems | undefined;
	/** Prints `printed` decks at two random sizes each, once, for the tests below. */
	const printFuzz = (): Problems => {
		if (printProblems) return printProblems;
		const problems = new Problems();
		const r = random(seed + 1);
		const size = (): [number, number] => {
			const roll = r.next();
			if (roll < 0.15) return [1, 1];
			if (roll < 0.3) return [r.int(1, 12), r.int(1, 8)];
			if (roll < 0.7) return [r.int(20, 120), r.int(6, 50)];
			return [r.int(1, 300), r.int(1, 100)];
		};

		for (let index = 0; index < printed; index++) {
			const {name, bytes} = makeCase(r, index);
			const deck = loadDeck(bytes);
			for (const level of [0, 3] as const) {
				const [columns, rows] = size();
				const notes = r.chance(0.5);
				const hyperlinks = level > 0 && r.chance(0.5);
				const where = `seed ${seed + 1} ${name} at ${columns}x${rows} level ${level}${notes ? ' with notes' : ''}${hyperlinks ? ' with hyperlinks' : ''}`;
				try {
					checkPrint(deck, where, columns, rows, level, notes, hyperlinks, problems);
				} catch (error) {
					problems.add('threw', `${where}: ${String(error)}`);
				}
			}
		}

		printProblems = problems;
		return problems;
	};

	test(`${printed} decks printed at random sizes from 1x1 to 300x100 never throw`, () => {
		printFuzz().assertNone('threw', 'printDeck threw');
		printFuzz().assertNone('headers', 'wrong headers');
	});

	test('no ESC from the deck reaches the output: none at level 0, only SGR (and OSC 8 links to clean targets) at level 3; no control characters', () => {
		printFuzz().assertNone('escape', 'ESC in the output');
		printFuzz().assertNone('control', 'control character in the output');
	});

	test('no printed slide line is wider than the screen', () => {
		printFuzz().assertNone('wide-slide', 'slide line too wide');
	});

	test('no printed notes line is wider than the screen', () => {
		printFuzz().assertNone('wide-notes', 'notes line too wide');
	});

	test('no printed notes line is wider than a screen 1 column wide', () => {
		printFuzz().assertNone('wide-notes-1', 'notes line too wide');
	});

	test('no printed slide is taller than the slide area', () => {
		printFuzz().assertNone('tall', 'slide too tall');
	});

	test('a title that is one very long word is laid out in time linear in its length', () => {
		const print = (length: number) => [
			...printDeck(loadDeck(utf8(`#= ${'x'.repeat(length)}\n`)), {size: {columns: 48, rows: 34}, notes: false, ansi: {level: 0, hyperlinks: false}}),
		];
		assertLinear('one long word', 100, print);
		assert.ok(print(800).length > 1);
	});

	test('mojibake of clean decks is repaired back to exactly the same deck', () => {
		const r = random(seed + 2);
		const nice = ['💪', '👩🏻‍🔧', '⎽⎽init⎽⎽.py', '’', 'café', '—', '🦄', '☁️', '日本', 'über'];
		for (let index = 0; index < 150; index++) {
			// Real text: every slide has an emoji, so the original itself can never pass for mojibake.
			const original = Array.from({length: r.int(1, 5)}, () => {
				const words = Array.from({length: r.int(1, 8)}, () =>
					r.chance(0.4) ? r.pick(nice) : r.pick(['tea', 'pot', '**cup**', '.red[hot]', '<br>', 'Note: a']),
				);
				return `${r.pick(['# ', '#= ', '', '- '])}${r.pick(emoji.slice(0, 12))} ${words.join(' ')}`;
			}).join('\n---\n');
			const clean = loadDeck(utf8(original));
			assert.equal(clean.repair, undefined, original);
			const characters = [...original].filter(character => character > '\u007F').length;
			for (const encoding of ['macintosh', 'windows-1252'] as const) {
				const repaired = loadDeck(mojibake(original, encoding));
				assert.deepEqual(repaired.repair, {encoding, characters}, `${encoding}: ${original}`);
				assert.deepEqual(repaired.slides, clean.slides, `${encoding}: ${original}`);
			}
		}
	});
});
