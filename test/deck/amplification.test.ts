/**
 * Amplification fuzz test: each construct of each deck format repeated at two
 * sizes, eight times apart (the larger up to some hundred thousand repeats or
 * a few MB), through the whole pipeline a user runs: bytes -> loadDeck ->
 * checkDeck and printDeck (colours, hyperlinks, notes). For each:
 * - CPU time and the memory the result keeps grow at most linearly (a ratio
 *   between the two sizes, never a clock budget: see support/growth.ts);
 * - nothing printed is a control sequence but lectern's own SGR and OSC 8.
 * The repeated unit of each case carries a hostile payload (escape sequences,
 * C1 controls, bidi overrides) chosen by a seeded PRNG: set AMPLIFY_SEED to
 * replay another choice, AMPLIFY_ONLY=remark to run only the cases whose
 * label contains it. Failures name the case and the seed.
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {checkDeck, formatDiagnostic} from '../../source/commands/check.js';
import {printDeck} from '../../source/commands/print.js';
import {loadDeck} from '../../source/deck/load-deck.js';
import type {DeckFormat} from '../../source/deck/model.js';
import {assertLinear, assertLinearMemory} from '../support/growth.js';
import {foreignControl} from '../support/output-scan.js';
import {random} from '../support/random.js';

const seed = Number(process.env['AMPLIFY_SEED'] ?? 20_261_202);
const r = random(seed);
/** Only the cases whose label contains this (to replay one). */
const only = process.env['AMPLIFY_ONLY'] ?? '';

const hostile = [
	'\u001B]0;pwned\u0007',
	'\u001B[2J\u001B[H',
	'\u001B]52;c;SGVsbG8=\u0007',
	'\u001B]8;;http://evil.test\u001B\\',
	'\u009B31m',
	'\u009D0;t\u009C',
	'\u001BP+q544e\u001B\\',
	'\u202Eevil\u202C',
	'\u0007\u0008\r',
	'&#27;[31m',
	'&#x9b;2J',
];

/** A deck of `size` repeats of a construct. */
type Make = (size: number, payload: string) => string;
type Case = {name: string; format: DeckFormat; make: Make; size: number; cuts?: boolean};

const repeat =
	(unit: string, prefix = '', suffix = ''): Make =>
	(size, payload) =>
		prefix + unit.replaceAll('$', payload).repeat(size) + suffix;

/** A square table of about `size` cells. */
const table: Make = (size, payload) => {
	const side = Math.max(1, Math.round(Math.sqrt(size)));
	const row = `|${` a${payload} |`.repeat(side)}`;
	return ['# t', '', row, `|${'---|'.repeat(side)}`, ...Array.from({length: side}, () => row), ''].join('\n');
};

const shorthand: Array<Omit<Case, 'format'>> = [
	{name: 'title words', make: repeat('word$ ', '#= '), size: 375},
	{name: 'title one long word', make: repeat('x', '#= ', '$'), size: 500},
	{name: 'title lines', make: repeat('line$<br>', '#= '), size: 125},
	{name: 'emoji slide', make: repeat('🦄💪$<br>', '#= .e[', ']'), size: 125},
	{name: 'one-line slides', make: repeat('a$\n---\n'), size: 100},
	{name: 'spans', make: repeat('.red[a$] '), size: 375},
	{name: 'nested spans', make: (size, payload) => `${'.red['.repeat(size)}a${payload}${']'.repeat(size)}`, size: 75},
	{name: 'emphasis runs', make: repeat('*a **a$ '), size: 375},
	{name: 'links', make: repeat('[a$](http://x.test/$) '), size: 250},
	{name: 'list items', make: repeat('- a$\n'), size: 250},
	{name: 'terminal session', make: repeat('$$prompt ~/p$\nls $<br>\nout$<br>\n', '$$terminal t\n', '$$w typed$\n'), size: 100},
	{name: 'terminal slides', make: repeat('$$terminal t$\n$$prompt ~\nls<br>\n$$w x\n---\n'), size: 50},
	{name: 'notes', make: repeat('n$\n', 'a\nNote: '), size: 500},
	{name: 'images', make: repeat('@ pic$.png\nvv [a](http://x.test) b\n---\n'), size: 50},
	{name: 'draft slides', make: repeat('#todo t$\nbody\n---\n'), size: 60},
	{name: 'emoji run', make: repeat('👩🏻‍🔧1️⃣🇬🇧', '# ', '$'), size: 375},
	{name: 'hostile bytes', make: repeat('$'), size: 500},
];

const remark: Array<Omit<Case, 'format'>> = [
	{name: 'slides', make: repeat('# a$\n\n--\n\nb\n\n???\nnote$\n\n---\n', 'class: center\n\n'), size: 40},
	{
		name: 'templates',
		make: (size, payload) =>
			Array.from({length: size}, (_, index) => `name: s${index}\n${index > 0 ? `template: s${index - 1}\n` : ''}\nx${payload} {{content}}\n`).join('---\n'),
		size: 30,
	},
	{name: 'layouts', make: repeat('layout: true\nclass: c$\n\nhead\n---\n\nbody $\n---\n'), size: 30},
	{name: 'classes', make: repeat('.left[.red[a$]] '), size: 250},
];

const markdownConstructs: Array<Omit<Case, 'format'>> = [
	{name: 'table', make: table, size: 200},
	{name: 'wide table row', make: repeat(' a$ |', '# t\n\n|', '\n|---|\n'), size: 250},
	{name: 'nested list', make: (size, payload) => Array.from({length: size}, (_, index) => `${'  '.repeat(index % 40)}- a${payload}`).join('\n'), size: 125},
	{name: 'block quotes', make: repeat('> ', '', 'a$'), size: 125},
	{name: 'emphasis runs', make: repeat('*a **a$ '), size: 250},
	{name: 'links', make: repeat('[a$](http://x.test/$) '), size: 200},
	{name: 'code fence', make: repeat('let x = "$";\n', '```js\n', '```\n'), size: 200},
	{name: 'slides', make: repeat('# a$\n\n---\n\n'), size: 50, cuts: true},
	{name: 'pauses and notes', make: repeat('<!-- pause -->\n\na$\n\n<!-- speaker_note: n$ -->\n\n'), size: 40, cuts: true},
];

const dialects: DeckFormat[] = ['markdown', 'presenterm', 'patat', 'mdp', 'lookatme', 'slides'];

const cases: Case[] = [
	...shorthand.map(item => ({...item, format: 'shorthand' as const})),
	...remark.map(item => ({...item, format: 'remark' as const})),
	// The dialects share one Markdown reader; what differs between them is how slides, steps
	// and notes are cut: every construct in plain Markdown, those in each dialect.
	...dialects.flatMap(format => markdownConstructs.filter(item => format === 'markdown' || item.cuts).map(item => ({...item, format}))),
];

const encoder = new TextEncoder();

/** Everything a user sees of the deck: `check`'s lines and `print`'s. */
function run(text: string, format: DeckFormat): string[] {
	const deck = loadDeck(encoder.encode(text), {format});
	const out = checkDeck(deck, {file: 'deck.md', imageExists: () => false}).map(diagnostic => formatDiagnostic('deck.md', diagnostic));
	for (const line of printDeck(deck, {size: {columns: 80, rows: 24}, notes: true, ansi: {level: 3, hyperlinks: true}})) out.push(line);
	return out;
}

describe(`amplification (seed ${seed})`, () => {
	for (const item of cases) {
		const payload = r.pick(hostile);
		const label = `${item.format}: ${item.name} (payload ${JSON.stringify(payload)}, seed ${seed})`;
		if (!label.includes(only)) continue;
		test(`${item.format}: ${item.name} grows linearly and prints no foreign control sequence`, () => {
			const work = (size: number) => run(item.make(size, payload), item.format);
			for (const line of work(item.size)) {
				const found = foreignControl(line);
				assert.equal(found, undefined, `${label}: ${found}`);
			}

			// Two rounds, not three: forty cases of the whole pipeline on a shared machine (the fastest of two still absorbs a pause).
			assertLinear(label, item.size, work, 32, 2);
			assertLinearMemory(label, item.size, work);
			if (process.env['AMPLIFY_TRACE']) console.error(label);
		});
	}
});
