import assert from 'node:assert/strict';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {test} from 'node:test';
import {loadDeck, loadDeckInSteps, prepareToLoad} from '../../../source/deck/load-deck.js';
import {remarkOpening} from '../../../source/deck/formats/remark/opening.js';
import {parseRemark} from '../../../source/deck/formats/remark/read-remark.js';
import type {Deck} from '../../../source/deck/model.js';
import {random} from '../../support/random.js';

const {generateRemarkDeck} = (await import(pathToFileURL(resolve('scripts/bench/decks.mjs')).href)) as {
	generateRemarkDeck: (count: number, seed?: number) => string;
};

const isPlaceholder = (slide: Deck['slides'][number]) => slide.kind === 'blank' && !slide.notes && Object.keys(slide).length === 3;

/** The opening agrees with the whole deck: the same slide count, and every slide it read (the opening one and the next among them) is the whole deck's. */
function assertAgrees(opening: Deck, whole: Deck, start: number, name: string): void {
	assert.equal(opening.slides.length, whole.slides.length, `${name}: slide count (opening at ${start + 1})`);
	for (const [index, slide] of opening.slides.entries()) {
		if (isPlaceholder(slide) && index !== start && index !== start + 1) continue;
		assert.deepEqual(slide, whole.slides[index], `${name}: slide ${index + 1} (opening at ${start + 1})`);
	}
}

/** Checks the opening at each start against the whole deck; true when some opening was read in part (not whole). */
async function check(name: string, text: string, starts: readonly number[] | 'all'): Promise<boolean> {
	const bytes = Buffer.from(text);
	await prepareToLoad(bytes);
	const whole = loadDeck(bytes, {format: 'remark'});
	let partial = false;
	for (const start of starts === 'all' ? whole.slides.map((_, index) => index) : starts) {
		const steps = loadDeckInSteps(bytes, {format: 'remark'}, start);
		if (steps.opening.slides.some(slide => isPlaceholder(slide))) partial = true;
		assertAgrees(steps.opening, whole, Math.min(start, whole.slides.length - 1), name);
	}

	return partial;
}

/** Pieces of remark decks, many of them where a slide separator is not one, or a slide is not shown or counted. */
const pieces = [
	'# Title\n\ntext',
	'one\n--\ntwo\n--\nthree',
	'name: base\nclass: center\n\n# Base {{content}}',
	'template: base\n\nfilled',
	'template: missing\n\nno such template',
	'layout: true\n\n# Layout header',
	'layout: true\nname: other\n\n.footer[{{content}}]',
	'layout: false\n\nno layout',
	'<!-- layout: true -->\nlayout in a comment',
	'exclude: true\n\ngone',
	'Exclude: TRUE\n\nthe key is not `exclude`',
	'exclude: True\n--\nboth steps gone?',
	'text\n<!-- exclude: true -->\ndropped by a comment',
	'lay<!-- a: b -->out: true\n\njoined by a removed comment',
	'count: false\n\nnot counted',
	'class: title\n\nA title slide',
	'.left[\nleft column\n---\nstill in the class\n]\n.right[right]',
	'.left[\nnever closed\n---\nnext',
	'.a[.b[\n--\n]\n]',
	'\\.left[\n---\n]',
	'.c[ x ]---\nafter a class',
	'`code`---\nafter inline code',
	'`code`--\nafter inline code',
	'```\ncode\n---\nstill code\n```',
	'```js\nnever closed\n---\n',
	'~~~\n--\n~~~~',
	'````\n```\n---\n````',
	'   ```\nindented fence\n---\n   ```',
	'```text extra\n---\n```',
	'text ```\n---\n```',
	'\n\n    indented code\n    ---\n\nafter',
	'[link][ref] text',
	'[ref]: https://example.com "Title"',
	'[multi\n---\nline]: https://example.com',
	'lay\n[x]: http://x\nout: true\n\njoined around a definition',
	'![:macro arg](obj)\n---\nafter a macro',
	'![:macro](\n---\n)',
	'![:unclosed\n---\n',
	'???\nnotes\n--\nafter notes',
	'???\nlayout: true',
	'text\n???\n???\nnotes twice',
	'<!-- break -->',
	'a\n<!-- break -->\nb',
	'<!--\nbreak\n-->',
	'',
	'   ',
	'background-image: url(picture.png)',
	'<div class="shell-wrap"><p class="shell-top-bar">~/x</p><ul class="shell-body"><li>ls</li></ul></div>',
	'price: $5 a slide\nlayout: true',
	'\n\nname: a\n\nlayout: true\n\nblank lines between properties',
	'{{name}} and \\{{name}}',
];
const separators = ['\n---\n', '\n\n---\n\n', '\n--\n', '\n<!-- break -->\n', '\n---\n\n---\n', '\n----\n', '\n--- \n', '\n---'];

function remarkDeck(seed: number): string {
	const {next} = random(seed);
	const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
	const count = 2 + Math.floor(next() * 10);
	let text = next() < 0.1 ? '---\ntitle: A talk\noutput: xaringan::moon_reader\n---\n\n' : next() < 0.05 ? '---\nclass: title\n---\n' : '';
	for (let index = 0; index < count; index++) {
		if (index > 0) text += next() < 0.6 ? '\n---\n' : pick(separators);
		text += next() < 0.35 ? `# Slide ${index}\n\nwords ${index}` : pick(pieces);
	}

	if (next() < 0.05) text += '\n--'.repeat(70);
	text += next() < 0.8 ? '\n' : '';
	if (next() < 0.1) text = text.replaceAll('\n', '\r\n');
	if (next() < 0.05) text = `\uFEFF${text}`;
	if (next() < 0.05)
		text = text
			.split('\n')
			.map(line => `  ${line}`)
			.join('\n');
	return next() < 0.05 ? `<html><body><textarea id="source">\n${text.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</textarea></body></html>` : text;
}

function fixtureFiles(folder: string): string[] {
	return readdirSync(folder).flatMap(name => {
		const path = join(folder, name);
		return statSync(path).isDirectory() ? fixtureFiles(path) : /\.(?:md|rmd|txt|html)$/i.test(name) ? [path] : [];
	});
}

test('a remark deck opened from its first slides has the whole deck’s slide count and opening slides (every fixture read as remark)', async () => {
	let partial = 0;
	const files = fixtureFiles('fixtures').filter(file => statSync(file).size < 200_000);
	for (const file of files) if (await check(file, readFileSync(file, 'utf8'), 'all')) partial++;
	assert.ok(partial > 20, `${partial} of ${files.length} fixtures opened from their first slides`);
});

test('generated remark decks (the bench’s) open from their first slides as their whole parse', async () => {
	for (const seed of [1, 2, 3])
		assert.ok(await check(`generated ${seed}`, generateRemarkDeck(120, seed), [0, 1, 2, 40, 118, 119]), `deck ${seed} opened in part`);
});

test('composed remark decks (fences, classes and macros over separators, steps, layouts, excluded slides, templates, notes, CRLF, BOM) open as their whole parse', async () => {
	let partial = 0;
	for (let seed = 1; seed <= 500; seed++) if (await check(`composed deck ${seed}`, remarkDeck(seed), 'all')) partial++;
	assert.ok(partial > 250, `${partial} of 500 composed decks opened from their first slides`);
});

/** Bits of remark's syntax strung together at random: separators where constructs open and close, properties where they may or may not be read. */
const bits = [
	'\n---\n',
	'\n--\n',
	'\n???\n',
	'\n<!-- break -->\n',
	'\n',
	'\n\n',
	'    ',
	' ',
	'```',
	'~~~',
	'`',
	'word ',
	'# T\n',
	'.a[',
	'.b.c[',
	'\\.a[',
	'[',
	']',
	'\n[id]: http://u "t"\n',
	'[l][id]',
	'![:m a, b](o)',
	'![:x',
	'(',
	')',
	'<!--',
	'-->',
	'layout: true\n',
	'layout: false\n',
	'name: n\n',
	'template: n\n',
	'exclude: true\n',
	'<!-- exclude: true -->',
	'<!-- layout: true -->',
	'{{content}}',
	'class: title\n',
	'$',
	':',
	'- item\n',
];

test('random remark-ish texts open as their whole parse', async () => {
	const {next} = random(20_191_005);
	let partial = 0;
	for (let round = 0; round < 1500; round++) {
		let text = '';
		for (let count = 3 + Math.floor(next() * 40); count > 0; count--) text += bits[Math.floor(next() * bits.length)]!;
		if (await check(`random text ${JSON.stringify(text)}`, text, 'all')) partial++;
	}

	assert.ok(partial > 700, `${partial} of 1500 random texts opened from their first slides`);
});

test('only the slides up to the one after the opening slide are read', () => {
	const text = generateRemarkDeck(2000, 3);
	const whole = parseRemark(text);
	for (const start of [0, 1000]) {
		const opening = remarkOpening(text, start)!;
		assert.equal(opening.slides.length, whole.slides.length);
		const read = opening.slides.flatMap((slide, index) => (isPlaceholder(slide) ? [] : [index]));
		assert.ok(read.length >= 2 && read.length <= 4 && read.includes(start) && read.includes(start + 1), `slides read: ${read.join(', ')}`);
	}
});

test('decks read whole: stepped code, a page that loads its slides, slides that all show nothing', () => {
	assert.equal(remarkOpening('# One\n---\n```js {1|2}\na\nb\n```\n---\n# Three\n', 0), undefined);
	assert.equal(remarkOpening('<html><script>remark.create({sourceUrl: "slides.md"})</script></html>', 0), undefined);
	assert.equal(remarkOpening('\n---\n\n---\n', 0), undefined);
	assert.notEqual(remarkOpening('# One\n---\n# Two\n---\n# Three\n', 0), undefined);
});
