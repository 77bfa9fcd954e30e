import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {inlineText} from '../../../source/deck/inline-tree.js';
import {loadDeck} from '../../../source/deck/load-deck.js';
import type {Deck} from '../../../source/deck/model.js';
import {commentCommand} from '../../../source/deck/formats/markdown/comments.js';
import {plainMarkdown} from '../../../source/deck/formats/markdown/plain.js';
import {readMarkdownDeck} from '../../../source/deck/formats/markdown/read-markdown.js';
import {slideText} from '../../../source/deck/slide-text.js';
import {slideTitle} from '../../../source/deck/slide-title.js';
import {assertLinear} from '../../support/growth.js';
import {blockTexts, fixture, outline, printsAt80x24, slideOf, utf8} from './support.js';

const markdown = (text: string): Deck => loadDeck(utf8(text), {format: 'markdown'});
const slidesDeck = (text: string): Deck => loadDeck(utf8(text), {format: 'slides'});
const parseMarkdown = (text: string): Deck => readMarkdownDeck(text, plainMarkdown);
const titles = (deck: Deck): string[] => deck.slides.map(slide => slideTitle(slide));

describe('fixtures/formats/presenterm.md: front matter, end_slide, pause, speaker notes', () => {
	const deck = loadDeck(fixture('presenterm.md'));

	test('is detected as presenterm; --- under a line is a setext heading (the slide title)', () => {
		assert.equal(deck.format, 'presenterm');
		assert.deepEqual(outline(deck), ['title@1', 'text@10', 'text@19 1/3', 'text@19 2/3', 'text@19 3/3', 'text@41', 'title@57']);
	});

	test('the front matter makes a title slide: title, subtitle, author, date', () => {
		const title = slideOf(deck, 1, 'title');
		assert.equal(inlineText(title.title), 'Terminal Tea: a presenterm deck');
		assert.deepEqual(title.title[1], {type: 'strong', children: [{type: 'text', text: 'presenterm'}]});
		assert.deepEqual(
			title.subtitles.map(subtitle => [subtitle.depth, inlineText(subtitle.content)]),
			[
				[2, 'brewing in the shell'],
				[2, 'Sam Doe'],
				[3, '2024-05-01'],
			],
		);
	});

	test('speaker_note comments are notes, one line or a YAML block', () => {
		const why = slideOf(deck, 2, 'text');
		assert.deepEqual(blockTexts(why.body), ['h2: Why tea?', 'p: Tea is older than the terminal, and better for you.']);
		assert.equal(why.notes?.text, 'Start with a joke about kettles.');
		assert.equal(why.notes.line, 15);
		const steps = [3, 4, 5].map(number => slideOf(deck, number, 'text'));
		for (const step of steps) assert.equal(step.notes?.text, 'Pause after each step.\nLet them think.');
	});

	test('<!-- pause --> makes steps; a pause between list items continues the list', () => {
		const steps = [3, 4, 5].map(number => slideOf(deck, number, 'text'));
		assert.deepEqual(
			steps.map(slide => blockTexts(slide.body)),
			[
				['h1: The steps', 'ol(1): Boil the water / Warm the pot'],
				['h1: The steps', 'ol(1): Boil the water / Warm the pot / Steep the leaves'],
				['h1: The steps', 'ol(1): Boil the water / Warm the pot / Steep the leaves', 'p: │ Tea is a cup of life.'],
			],
		);
		assert.deepEqual(
			steps.map(slide => slide.step),
			[1, 2, 3].map(index => ({index, of: 3})),
		);
	});

	test('a code block keeps its indentation (tabs expanded); a table is aligned text', () => {
		const code = slideOf(deck, 6, 'text');
		assert.deepEqual(blockTexts(code.body), [
			'h2: Code',
			'code(bash): for cup in 1 2 3; do /     brew --minutes 4 "$cup" / done',
			'p: Tea   │ Minutes │  Temp / ──────┼─────────┼────── / Green │    2    │  80°C / Assam │    4    │ 100°C',
		]);
		const block = code.body[1]!;
		assert.ok(block.type === 'code', 'a code block');
		const table = code.body[2]!;
		assert.ok(table.type === 'paragraph' && table.lines[0]![0]!.type === 'strong', 'the header row is bold');
	});

	test('layout comments are accepted; an unknown one is a notice; skip_slide drops its slide', () => {
		assert.equal(inlineText(slideOf(deck, 7, 'title').title), 'The end');
		assert.ok(!deck.slides.some(slide => JSON.stringify(slide).includes('Hidden')));
		assert.deepEqual(deck.diagnostics, [
			{severity: 'notice', line: 54, code: 'unknown-comment', message: 'unknown comment command "fancy_transition"; ignored'},
		]);
	});

	test('prints at 80x24', () => {
		printsAt80x24(deck);
	});
});

describe('fixtures/formats/slides.md: --- separators, front matter without a title', () => {
	const deck = loadDeck(fixture('slides.md'));

	test('the --- that closes the front matter is not a separator; no title, no generated slide', () => {
		assert.equal(deck.format, 'slides');
		assert.deepEqual(outline(deck), ['title@8', 'text@12', 'text@22', 'title@34']);
		assert.deepEqual(titles(deck), ['Welcome to PowerPoint the terminal', 'Why?', 'Run it', 'Questions?']);
		assert.deepEqual(deck.diagnostics, []);
	});

	test('nested lists, inline styles, links', () => {
		const why = slideOf(deck, 2, 'text');
		assert.deepEqual(blockTexts(why.body), [
			'h2: Why?',
			'p: • Markdown is plain text / • Slides live in git /   ◦ diffs! /   ◦ reviews! / • Tools: slides, presenterm',
		]);
		const list = why.body[1]!;
		assert.ok(list.type === 'paragraph');
		assert.deepEqual(list.lines[4]!.at(-1), {type: 'link', url: 'https://github.com/mfontanini/presenterm', children: [{type: 'text', text: 'presenterm'}]});
		assert.deepEqual(slideOf(deck, 1, 'title').title[1], {type: 'strike', children: [{type: 'text', text: 'PowerPoint'}]});
	});

	test('a fenced code block keeps its blank lines', () => {
		assert.deepEqual(blockTexts(slideOf(deck, 3, 'text').body), ['h2: Run it', 'code(go): package main /  / func main() { /     println("hello") / }']);
	});

	test('a trailing Notes: section is the notes', () => {
		const last = slideOf(deck, 4, 'title');
		assert.equal(last.notes?.text, 'Thank everyone.\nMention the repo link.');
		assert.equal(last.notes.line, 37);
		assert.deepEqual(blockTexts(last.notes.blocks), ['p: Thank everyone. Mention the repo link.'], 'slides joins the lines of a paragraph');
	});

	test('prints at 80x24', () => {
		printsAt80x24(deck);
	});
});

describe('Markdown edge cases', () => {
	test('an empty deck is one blank slide', () => {
		assert.deepEqual(parseMarkdown('').slides, [{kind: 'blank', index: 0, line: 1}]);
		assert.deepEqual(
			markdown('\n\n').slides.map(slide => slide.kind),
			['blank'],
		);
	});

	test('slides: --- separates even right under a paragraph; other rules do not', () => {
		assert.deepEqual(titles(slidesDeck('one\n---\ntwo\n\n***\n\nthree\n---\nfour\n')), ['one', 'two', 'four']);
		assert.deepEqual(titles(slidesDeck('---\n# One\n---\n# Two\n---\n')), ['One', 'Two'], 'a --- at the start or end makes no slide');
		assert.deepEqual(outline(slidesDeck('a\n---\n---\nb')), ['text@1', 'blank@2', 'text@4'], 'an empty slide between two is blank');
	});

	test('plain Markdown: thematic breaks separate; --- under a line is a setext heading (CommonMark)', () => {
		assert.deepEqual(titles(markdown('one\n\n---\n\ntwo\n\n***\n\nthree\n\n- - -\n\nfour\n')), ['one', 'two', 'three', 'four']);
		assert.deepEqual(outline(markdown('Title one\n---\n\nbody\n\n---\n\nTitle two\n---\n\nbody\n')), ['text@1', 'text@8']);
		assert.deepEqual(outline(markdown('a\n\n---\n\n---\n\nb')), ['text@1', 'blank@4', 'text@7'], 'an empty slide between two is blank');
	});

	test('--- inside fenced code is code', () => {
		assert.deepEqual(blockTexts(slideOf(markdown('```yaml\n---\nkey: 1\n```\n'), 1, 'text').body), ['code(yaml): --- / key: 1']);
	});

	test('with end_slide, slides end there; --- is a rule or a setext heading', () => {
		const deck = markdown('Title\n---\n\ntext\n\n---\n\nmore\n<!-- end_slide -->\nnext\n');
		assert.deepEqual(outline(deck), ['text@1', 'text@10']);
		assert.deepEqual(blockTexts(slideOf(deck, 1, 'text').body), ['h2: Title', 'p: text', 'p: more']);
	});

	test('a deck without separators is split at its headings (lookatme)', () => {
		assert.deepEqual(titles(markdown('# Deck\n\nintro\n\n## One\n\ntext\n\n## Two\n\nmore\n')), ['Deck', 'One', 'Two']);
		assert.deepEqual(titles(markdown('# A\n\ntext\n\n# B\n\ntext\n')), ['A', 'B']);
		assert.equal(markdown('# Only\n\n## Heading\n').slides[0]!.kind, 'title', 'headings only make one title slide');
	});

	test('front matter: YAML (lists, quotes, folded strings), closed by --- or ...', () => {
		const deck = markdown('---\ntitle: Tea\nauthors:\n  - Sam\n  - Alex\n...\n# First\n');
		assert.deepEqual(
			slideOf(deck, 1, 'title').subtitles.map(subtitle => inlineText(subtitle.content)),
			['Sam, Alex'],
		);
		assert.equal(deck.slides.length, 2);
		assert.deepEqual(titles(markdown('---\n# Not YAML\n---\n# Next\n')), ['Not YAML', 'Next']);
		const folded = slideOf(markdown('---\ntitle: >\n  A long\n  title\nsubtitle: "with \\"quotes\\" and\\tescapes"\ndate: 2024-05-01\n---\n'), 1, 'title');
		assert.equal(inlineText(folded.title), 'A long title');
		assert.deepEqual(
			folded.subtitles.map(subtitle => inlineText(subtitle.content)),
			['with "quotes" and escapes', '2024-05-01'],
		);
		assert.deepEqual(outline(markdown('---\ntitle: Only a title\n---\n\n')), ['title@1'], 'front matter alone is the title slide alone');
	});

	test("mdp's %title header and long rules", () => {
		const deck = loadDeck(utf8('%title: mdp deck\n%author: visit\n\n-> # Centered <-\n\n-------------------------------------------------\n\nnext\n'));
		assert.equal(deck.format, 'mdp');
		assert.deepEqual(outline(deck), ['title@1', 'title@4', 'text@8'], 'the centring marks are gone: a heading alone is a title slide');
		assert.equal(inlineText(slideOf(deck, 1, 'title').title), 'mdp deck');
	});

	test('notes comments: <!-- notes ... --> over lines, several notes joined', () => {
		const deck = markdown('# Hi\n\n<!-- notes\nfirst line\nsecond line\n-->\n\n<!-- speaker_note: "quoted" -->\n');
		assert.equal(deck.slides[0]!.notes?.text, 'first line\nsecond line\n\nquoted');
		assert.equal(deck.slides[0]!.kind, 'title');
	});

	test('comment commands: prose comments are silent, unknown commands are notices', () => {
		const deck = markdown('# Hi\n\n<!-- remember to smile -->\n<!-- frobnicate -->\n<!-- column_layout: [1, 2] -->\n<!-- include: other.md -->\n');
		assert.deepEqual(
			deck.diagnostics.map(({severity, line, code}) => [severity, line, code]),
			[
				['notice', 4, 'unknown-comment'],
				['notice', 6, 'unsupported-comment'],
			],
		);
		assert.deepEqual(commentCommand('<!-- new_lines: 2 -->'), {name: 'new_lines', argument: '2'});
		assert.equal(commentCommand('<!-- TODO fix this -->'), undefined);
		assert.equal(commentCommand('<p>not a comment</p>'), undefined);
	});

	test('every source line is a line; <br> breaks; images; task lists', () => {
		const deck = markdown('first line\nsecond line<br>third\n\n- [ ] todo\n- [x] done\n\n<img src="logo.png" width="100">\n\n<img src="b.png">\n');
		const slide = slideOf(deck, 1, 'text');
		assert.deepEqual(blockTexts(slide.body), ['p: first line / second line / third', 'ul: ☐ todo / ☑ done', 'image(inline): logo.png', 'image(inline): b.png']);
		const image = slideOf(markdown('![A kettle](kettle.png)\n\nBoiling.\n'), 1, 'image');
		assert.deepEqual(image.image, {src: 'kettle.png', mode: 'full', line: 1, alt: 'A kettle'});
		assert.deepEqual(blockTexts(image.body), ['p: Boiling.']);
		const diagram = slideOf(markdown('# Diagram\n\n![](a.png)\n\n- one\n- two\n- three\n'), 1, 'image');
		assert.deepEqual(blockTexts(diagram.before ?? []), ['h1: Diagram'], 'the heading stays above the picture');
		assert.deepEqual(blockTexts(diagram.body), ['ul: one / two / three']);
	});

	test('links: safe targets are links, others text with a warning; references resolve', () => {
		const deck = markdown('[web](https://example.com) [here](./local.md) [ref][r]\n\n[r]: https://example.org\n');
		const paragraph = slideOf(deck, 1, 'text').body[0]!;
		assert.ok(paragraph.type === 'paragraph');
		assert.deepEqual(paragraph.lines[0], [
			{type: 'link', url: 'https://example.com', children: [{type: 'text', text: 'web'}]},
			{type: 'text', text: ' here '},
			{type: 'link', url: 'https://example.org', children: [{type: 'text', text: 'ref'}]},
		]);
		assert.deepEqual(
			deck.diagnostics.map(({line, code}) => [line, code]),
			[[1, 'unsafe-link']],
		);
	});

	test('control characters and escape sequences anywhere are neutralised', () => {
		const deck = markdown(
			'---\ntitle: T\u001B]0;pwned\u0007\n---\n# H\u001B[2J\n\ntext\u009B1m `code\u001Bc`\n\n```\nrm\u0008\u0008\n```\n\n| a\u001B | b |\n|---|---|\n| c | d\u0007 |\n\n<!-- speaker_note: n\u001B[5m -->\n',
		);
		const all = JSON.stringify(deck);
		assert.doesNotMatch(all, /\\u001b|\\u0007|\\u0008|\\u009b/iu);
		assert.ok(all.includes('␛'), 'ESC is shown visibly');
	});

	test('parseMarkdown is total: odd input gives a deck', () => {
		for (const text of [
			'---',
			'<!--',
			'<!-- pause -->',
			'<!-- end_slide -->',
			'```',
			'|a|\n|-|',
			'---\ntitle: x',
			'> > > >',
			'- - -',
			'*'.repeat(2000),
			'['.repeat(2000),
		]) {
			const deck = parseMarkdown(text);
			assert.ok(deck.slides.length > 0, JSON.stringify(text.slice(0, 20)));
			printsAt80x24(deck);
		}
	});
});

describe('Markdown: pathological input stays linear and shows as written', () => {
	test('thousands of emphasis markers or brackets show as written', () => {
		for (const text of [`${'*'.repeat(6000)}x${'*'.repeat(3000)}`, `${'['.repeat(8000)}x`, `${'~~_*'.repeat(2000)}x`]) {
			assert.ok(slideText(markdown(text).slides[0]!).includes('x'), text.slice(0, 8));
		}
	});

	test("the reader's own work grows linearly: a paragraph of many lines, a deck of many slides", () => {
		assertLinear('a paragraph of many lines', 4000, size => markdown('x\n'.repeat(size)));
		assertLinear('many slides', 1000, size => markdown('# Slide\n\ntext *em* `code`\n\n---\n\n'.repeat(size)));
	});

	test('a code block with many markers is shown exactly', () => {
		const banner = `${'*'.repeat(80)}\n`.repeat(8);
		const deck = markdown(`\`\`\`\n${banner}\`\`\`\n`);
		assert.deepEqual(blockTexts(slideOf(deck, 1, 'text').body), [`code: ${banner.trimEnd().split('\n').join(' / ')}`]);
	});

	test('lists nested hundreds deep, blockquotes thousands deep, inline markup thousands deep', () => {
		const cases = [
			Array.from({length: 400}, (_, index) => `${'  '.repeat(index)}- item ${index}`).join('\n'),
			`${'> '.repeat(3000)}deep`,
			`${'[a'.repeat(50)}${'](https://x.test)'.repeat(50)}`,
			`${'**_'.repeat(100)}x${'_**'.repeat(100)}`,
		];
		for (const text of cases) printsAt80x24(markdown(text));
	});
});
