/**
 * Seeded fuzz of the remark and Markdown readers: decks built from the
 * constructs of every format (slide properties, `--`, `???`, shell-wrap HTML,
 * front matter, comment commands, fences, tables, quotes, pandoc's and mdp's
 * marks, deep nesting), with control characters and escape sequences mixed
 * in. Whatever the input, `loadDeck` in every format never throws and
 * leaves no control character in the model; `printDeck` never throws and
 * stays in the screen (that parsing stays linear is the growth tests' job:
 * markdown.test.ts, remark-conformance.test.ts). Set FUZZ_SEED to replay a run.
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import stringWidth from 'string-width';
import {printDeck} from '../../../source/commands/print.js';
import {loadDeck} from '../../../source/deck/load-deck.js';
import {deckFormats, type Deck} from '../../../source/deck/model.js';
import {utf8} from './support.js';
import {random, type Random} from '../../support/random.js';

const seed = Number(process.env['FUZZ_SEED'] ?? 20_240_501);

const pieces = [
	'tea',
	'kettle',
	' ',
	'  ',
	'💪',
	'👩🏽‍🍳',
	'日本語',
	'e\u0301',
	'&nbsp;',
	'&amp;',
	'&#27;',
	'&lt;br&gt;',
	'&bogus;',
	'\u001B[31m',
	'\u001B]0;pwned\u0007',
	'\u009B1m',
	'\u0008',
	'\t',
	'\u202E',
	'\u200B',
	'\r',
	'**',
	'*',
	'_',
	'~~',
	'`',
	'[',
	']',
	'(',
	')',
	'<br>',
	'<b>',
	'</b>',
	'<span class="red">',
	'</span>',
	'<w>',
	'</w>',
	'<ps>',
	'</ps>',
	'<dr>',
	'</dr>',
	'.red[',
	'.footnote[',
	'{{content}}',
	'![alt](pic.png)',
	'[link](https://example.com)',
	'[bad](javascript:x)',
	'<img src="a.png">',
	'<!--',
	'-->',
];
const lineStarts = [
	'',
	'# ',
	'## ',
	'- ',
	'* ',
	'1. ',
	'  - ',
	'> ',
	'> > ',
	'| ',
	'    ',
	'```',
	'~~~',
	'---',
	'--',
	'???',
	'***',
	'class: ',
	'name: ',
	'layout: ',
	'template: ',
	'Note: ',
	'Notes: ',
	'%title: ',
	'.left-column[',
	']',
];
const wholeLines = [
	'---',
	'--',
	'???',
	'<!-- pause -->',
	'<!-- end_slide -->',
	'<!-- speaker_note: hi -->',
	'<!-- notes',
	'-->',
	'<!-- frobnicate -->',
	'<!-- skip_slide -->',
	'layout: true',
	'layout: false',
	'class: title',
	'class: image',
	'name: x',
	'template: x',
	'exclude: true',
	'background-image: url(bg.png)',
	'<div class="shell-wrap"><p class="shell-top-bar">bash</p><p class="shell-body">',
	'<ps>me</ps> <dr>~/p $</dr> ls<w>&nbsp;</w>',
	'out<br>',
	'</p></div>',
	'|a|b|',
	'|-|:-:|',
	'```',
	'<textarea id="source">',
	'</textarea>',
	'---\ntitle: T\nauthor: A\n---',
	'. . .',
	'^',
	'-> centred <-',
	'<!-- stop -->',
	'% Title',
	'<pre><code>```js',
	'```</code></pre>',
	'![:scale 50%](a.png)',
	'[id]: http://x "t"',
	'<!-- break -->',
	'.a.b[x]',
	'---\noptions:\n  implicit_slide_ends: true\n  incremental_lists: true\n---',
	'---\npatat:\n  incrementalLists: true\n---',
	'Title\n---',
	'Title\n===',
	'    indented code',
	'-------    ------',
	'+---+---+',
	'{{title}}',
	'\\{{x}}',
	'<!--config: {} -->',
];

function line(r: Random): string {
	if (r.chance(0.3)) return r.pick(wholeLines);
	let text = r.pick(lineStarts);
	for (let count = r.int(0, 10); count > 0; count--) text += r.pick(pieces);
	return text;
}

function nestedLine(r: Random): string {
	const depth = r.int(50, 3000);
	const [open, close] = r.pick([
		['*', '*'],
		['**', '**'],
		['[', '](https://x.test)'],
		['> ', ''],
		['- ', ''],
		['.red[', ']'],
		['~~', '~~'],
	] as const);
	if (open === '- ') return Array.from({length: Math.min(depth, 200)}, (_, index) => `${'  '.repeat(index)}- item`).join('\n');
	return open.repeat(depth) + 'x' + close.repeat(r.chance(0.5) ? depth : r.int(0, depth));
}

function deck(r: Random): string {
	const lines = Array.from({length: r.int(0, 40)}, () => (r.chance(0.03) ? nestedLine(r) : line(r)));
	return lines.join(r.chance(0.1) ? '\r\n' : '\n');
}

const unsafeInModel = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

/** Objects and arrays nested deeper than this in the model would overflow the stack of recursive code downstream. */
const maxModelDepth = 400;

function checkModel(deck: Deck, name: string): void {
	const stack: Array<{value: unknown; path: string; depth: number}> = [{value: deck, path: 'deck', depth: 0}];
	while (stack.length > 0) {
		const {value, path, depth} = stack.pop()!;
		assert.ok(depth <= maxModelDepth, `${name}: the model nests deeper than ${maxModelDepth} at ${path.slice(0, 200)}`);
		if (typeof value === 'string') assert.doesNotMatch(value, unsafeInModel, `${name}: ${path} = ${JSON.stringify(value).slice(0, 200)}`);
		else if (Array.isArray(value)) for (const [index, item] of value.entries()) stack.push({value: item, path: `${path}[${index}]`, depth: depth + 1});
		else if (value && typeof value === 'object')
			for (const [key, item] of Object.entries(value)) stack.push({value: item, path: `${path}.${key}`, depth: depth + 1});
	}

	assert.ok(deck.slides.length >= 1, `${name}: at least one slide`);
	for (const [index, slide] of deck.slides.entries()) assert.equal(slide.index, index, `${name}: slide ${index} numbered`);
}

describe(`remark and Markdown fuzz (seed ${seed})`, () => {
	const count = Number(process.env['FUZZ_DECKS'] ?? 150);
	const formats = deckFormats.filter(format => format !== 'shorthand');

	test(`${count} decks in each format: no throw, nothing unsafe, prints within the screen`, () => {
		const r = random(seed);
		for (let index = 0; index < count; index++) {
			const bytes = utf8(deck(r));
			for (const format of formats) {
				const name = `seed ${seed} #${index} as ${format}`;
				let loaded: Deck;
				try {
					loaded = loadDeck(bytes, {format});
				} catch (error) {
					assert.fail(`${name}: loadDeck threw ${error instanceof Error ? error.stack : String(error)}`);
				}

				assert.equal(loaded.format, format);
				checkModel(loaded, name);
				if (index % 4 !== 0) continue;
				const columns = r.pick([1, 7, 40, 80, 200]);
				const rows = r.pick([1, 5, 24, 60]);
				let headers = 0;
				for (const printed of printDeck(loaded, {size: {columns, rows}, notes: false, ansi: {level: 0, hyperlinks: false}})) {
					if (/^-- slide \d+\/\d+ --$/.test(printed)) {
						headers++;
						continue;
					}

					assert.ok(!/[\u0000-\u001F\u007F-\u009F]/u.test(printed), `${name}: control character in ${JSON.stringify(printed)}`);
					assert.ok(stringWidth(printed) <= columns, `${name} at ${columns}x${rows}: ${JSON.stringify(printed)}`);
				}

				assert.equal(headers, loaded.slides.length, `${name}: every slide printed`);
			}
		}
	});
});
