import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {test} from 'node:test';
import {loadDeck, loadDeckInSteps, prepareToLoad} from '../../../source/deck/load-deck.js';
import {markdownOpening} from '../../../source/deck/formats/markdown/opening.js';
import {readMarkdownDeck} from '../../../source/deck/formats/markdown/read-markdown.js';
import {plainMarkdown} from '../../../source/deck/formats/markdown/plain.js';
import {stepCodeBlocks} from '../../../source/deck/code-steps.js';
import type {Deck} from '../../../source/deck/model.js';

const {generateMarkdownDeck} = (await import(pathToFileURL(resolve('scripts/bench/decks.mjs')).href)) as {
	generateMarkdownDeck: (count: number, seed?: number, dialect?: string, tagged?: boolean) => string;
};

/** The opening agrees with the whole deck: same count, and every slide it parsed (the opening one and the next among them) is the whole deck's. */
function assertAgrees(opening: Deck, whole: Deck, start: number, name: string): void {
	assert.equal(opening.slides.length, whole.slides.length, `${name}: slide count`);
	for (const [index, slide] of opening.slides.entries()) {
		const placeholder = slide.kind === 'blank' && !slide.notes && Object.keys(slide).length === 3;
		if (placeholder && index !== start && index !== start + 1) continue;
		assert.deepEqual(slide, whole.slides[index], `${name}: slide ${index + 1} (opening at ${start + 1})`);
	}
}

const pieces = [
	'# Title\n\nSome text.',
	'Setext title\n---\n\nbody',
	'Text\n***\nmore',
	'```\ncode\n\n---\n\nmore code\n```',
	'~~~ {1|2}\na\nb\n~~~',
	'```js {1-2|3}\none\ntwo\nthree\n```',
	'<!--\na comment\n\n---\n\nstill a comment\n-->',
	'<!-- pause -->',
	'a\n\n<!-- pause -->\n\nb',
	'<!-- incremental_lists: true -->\n\n- one\n- two\n- three',
	'<!-- skip_slide -->\n\ngone',
	'<!-- a note for the speaker -->',
	'<div>\n\n---\n\n</div>',
	'<div>\n```\n</div>',
	'- item\n\n  ```\n  code\n\n---\n\n```',
	'1. item\n\n   <!--\n\n---\n\n-->',
	'<pre>\n\n***\n</pre>',
	'para\n<div>\n\n```\n\n---\n\n```',
	'- item\n\n  ---\n\n- item two',
	'> quote\n\n> ---',
	'???\nnotes here',
	'Note: notes',
	'| a | b |\n| - | - |\n| 1 | 2 |',
	'',
	'   ',
	'![image](x.png)',
	'    indented code\n\n    ---',
	'<script>\n\n---\n\n</script>',
	'text with <!-- inline --> comment',
	'* * *',
	'___',
	' ```\nindented fence\n\n---\n\n   ```',
	'\t```\nindented code, not a fence\n\n---\n\n```',
	'````\n```\n\n---\n\n````',
	'``` a`b\n\n---\n\n```',
	'~~~\n```\n\n---\n\n~~~~',
	'- - item\n\n- -\n\n-\t-\t-',
	'**bold** then\n\n*\t*  *',
];
const separators = ['\n\n---\n\n', '\n\n***\n\n', '\n---\n', '\n\n___\n\n', '\n\n - - -\n\n', '\n\n---\n\n\n---\n\n'];

function seeded(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
		return state / 2_147_483_648;
	};
}

function composedDeck(seed: number): string {
	const next = seeded(seed);
	const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
	const count = 2 + Math.floor(next() * 10);
	let text = next() < 0.2 ? '---\ntitle: A talk\nauthor: Me\n---\n\n' : next() < 0.1 ? '---\n\n' : '';
	for (let index = 0; index < count; index++) {
		if (index > 0) text += next() < 0.8 ? '\n\n---\n\n' : pick(separators);
		text += next() < 0.6 ? `# Slide ${index}\n\nplain words ${index}` : pick(pieces);
	}

	text += next() < 0.3 ? '\n\n---\n' : '\n';
	return next() < 0.1 ? text.replaceAll('\n', '\r\n') : text;
}

async function check(name: string, text: string, starts: readonly number[] | 'all', format: 'markdown' | 'remark' = 'markdown'): Promise<boolean> {
	const bytes = Buffer.from(text);
	await prepareToLoad(bytes);
	const whole = loadDeck(bytes, {format});
	let partial = false;
	for (const start of starts === 'all' ? whole.slides.map((_, index) => index) : starts) {
		const steps = loadDeckInSteps(bytes, {format}, start);
		assert.deepEqual(steps.whole(), whole, `${name}: the whole deck`);
		if (steps.opening.slides.some(slide => slide.kind === 'blank' && Object.keys(slide).length === 3)) partial = true;
		assertAgrees(steps.opening, whole, Math.min(start, whole.slides.length - 1), name);
	}

	return partial;
}

test('a Markdown deck opened from its first slides has the whole deck’s slide count and opening slides (fixtures, generated decks)', async () => {
	const files = [
		...readdirSync('fixtures/formats').map(file => `fixtures/formats/${file}`),
		...readdirSync('fixtures/real-decks').map(file => `fixtures/real-decks/${file}`),
	].filter(file => file.endsWith('.md'));
	for (const file of files) await check(file, readFileSync(file, 'utf8'), 'all');
	let partial = 0;
	for (const seed of [1, 2, 3, 7])
		if (await check(`generated ${seed}`, generateMarkdownDeck(60, seed, 'markdown', seed % 2 === 0), [0, 1, 5, 30, 58, 59])) partial++;
	assert.equal(partial, 4, 'generated decks open from their first slides');
});

test('composed Markdown decks (setext headings, fences and comments over breaks, pauses, stepped code, HTML blocks) open as their whole parse', async () => {
	let partial = 0;
	for (let seed = 1; seed <= 300; seed++) if (await check(`composed deck ${seed}`, composedDeck(seed), 'all')) partial++;
	assert.ok(partial > 100, `${partial} of 300 composed decks opened from their first slides`);
});

test('only the opening slides of a large Markdown deck are parsed', () => {
	const text = generateMarkdownDeck(2000, 3);
	const opening = markdownOpening(text, 0)!;
	const whole = stepCodeBlocks(readMarkdownDeck(text, plainMarkdown));
	assert.equal(opening.slides.length, whole.slides.length);
	const parsed = opening.slides.filter(slide => !(slide.kind === 'blank' && Object.keys(slide).length === 3)).length;
	assert.ok(parsed >= 2 && parsed <= 4, `${parsed} slides parsed`);
});

test('decks read whole: link definitions anywhere, end_slide comments, no breaks', () => {
	const slides = (extra: string) => `# One\n\n[link][a]\n\n---\n\n# Two\n\n---\n\n${extra}\n`;
	assert.equal(markdownOpening(slides('[a]: https://example.com'), 0), undefined);
	assert.equal(markdownOpening(slides('<!-- end_slide -->'), 0), undefined);
	assert.equal(markdownOpening('# One\n\ntext\n\n# Two\n\ntext\n', 0), undefined);
	assert.notEqual(markdownOpening(slides('# Three'), 0), undefined);
});

const remarkPieces = [
	'# Title\n\ntext',
	'one\n--\ntwo\n--\nthree',
	'name: base\nclass: center\n\n# Base {{content}}',
	'template: base\n\nfilled',
	'layout: true\n\n# Layout header',
	'layout: false\n\nno layout',
	'exclude: true\n\ngone',
	'count: false\n\nnot counted',
	'class: title\n\nA title slide',
	'.left[\nleft column\n]\n.right[right]',
	'```\ncode\n---\nstill code\n```',
	'[link][ref] text',
	'???\nnotes\n--\nafter notes',
	'',
	'background-image: url(picture.png)',
	'<div class="shell-wrap"><p class="shell-top-bar">~/x</p><ul class="shell-body"><li>ls</li></ul></div>',
];

function remarkDeck(seed: number): string {
	const next = seeded(seed);
	const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
	const count = 2 + Math.floor(next() * 10);
	const slides = Array.from({length: count}, (_, index) => (next() < 0.5 ? `# Slide ${index}\n\nwords ${index}` : pick(remarkPieces)));
	if (slides.some(slide => slide.includes('[ref]')) && next() < 0.5) slides.push('[ref]: https://example.com');
	return slides.join(next() < 0.8 ? '\n---\n' : '\n\n---\n\n') + '\n';
}

test('a remark deck opened from its first slides has the whole deck’s slide count and opening slides', async () => {
	const files = [
		'fixtures/formats/remark-deck.md',
		'fixtures/real-decks/xaringan.Rmd',
		'fixtures/real-decks/property-expansion.md',
		'fixtures/real-decks/shell-wrap.md',
	];
	for (const file of files) await check(file, readFileSync(file, 'utf8'), 'all', 'remark');
	assert.ok(await check('generated', generateMarkdownDeck(60, 3), [0, 1, 30, 59], 'remark'), 'a generated deck opens from its first slides');
	let partial = 0;
	for (let seed = 1; seed <= 300; seed++) if (await check(`composed remark deck ${seed}`, remarkDeck(seed), 'all', 'remark')) partial++;
	assert.ok(partial > 100, `${partial} of 300 composed decks opened from their first slides`);
});
