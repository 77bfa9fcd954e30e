import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {inlineText} from '../../../source/deck/inline-tree.js';
import {loadDeck} from '../../../source/deck/load-deck.js';
import type {Deck, Inline, Slide} from '../../../source/deck/model.js';
import {parseRemark} from '../../../source/deck/formats/remark/read-remark.js';
import {slideTitle} from '../../../source/deck/slide-title.js';
import {animationFor, sessionChange} from '../../../source/layout/terminal-animation.js';
import {blockTexts, fixture, outline, printsAt80x24, shown, slideOf, utf8} from './support.js';

type TerminalSlide = Extract<Slide, {kind: 'terminal'}>;

const findSpan = (inlines: readonly Inline[]): Extract<Inline, {type: 'span'}> | undefined => {
	for (const node of inlines) {
		if (node.type === 'span') return node;
		if ('children' in node) {
			const found = findSpan(node.children);
			if (found) return found;
		}
	}

	return undefined;
};

const titles = (deck: Deck): string[] => deck.slides.map(slide => slideTitle(slide));
const remark = (text: string): Deck => loadDeck(utf8(text), {format: 'remark'});

/** A deck without the source line numbers, to compare the content of two decks. */
const withoutLines = (value: unknown): unknown =>
	JSON.parse(JSON.stringify(value, (key, inner: unknown) => (key === 'line' || key === 'index' ? undefined : inner)));

describe('fixtures/formats/remark-shell.html: a remark page with the shell-wrap idiom', () => {
	const deck = loadDeck(fixture('remark-shell.html'));

	test('is detected as remark, read from the textarea, slide lines counted in the page', () => {
		assert.equal(deck.format, 'remark');
		assert.deepEqual(outline(deck), ['title@15', 'text@26', 'terminal@33', 'terminal@42', 'terminal@53', 'terminal@64', 'terminal@72', 'image@81']);
		assert.deepEqual(deck.diagnostics, []);
	});

	test('class: title makes a title slide; entities are decoded; ??? starts the notes', () => {
		const title = slideOf(deck, 1, 'title');
		assert.equal(inlineText(title.title), 'Deploying Django');
		assert.deepEqual(
			title.subtitles.map(subtitle => [subtitle.depth, inlineText(subtitle.content)]),
			[
				[2, 'the long way'],
				[3, 'PyCon & Friends'],
			],
		);
		assert.deepEqual(title.body, []);
		assert.equal(title.notes?.text, 'Breathe — and smile.');
		assert.equal(title.notes.line, 22);
		assert.deepEqual(blockTexts(slideOf(deck, 2, 'text').body), ["h1: What we'll do", 'ul: run the dev server / look at the project / ship it → ☁️']);
	});

	test('shell-wrap slides are terminal slides: title bar, prompts, typed command, cursor', () => {
		const terminals = [3, 4, 5, 6, 7].map(number => slideOf(deck, number, 'terminal'));
		assert.deepEqual(
			terminals.map(slide => slide.title),
			['bash', 'bash', 'bash', 'bash', 'python3.12'],
		);
		assert.deepEqual(
			terminals[0]!.lines.map(line => shown(line)),
			['~/my_project $ {ls my_project/}█'],
		);
		assert.deepEqual(
			terminals[0]!.lines.map(line => line.line),
			[34],
		);
		assert.deepEqual(
			terminals[1]!.lines.map(line => shown(line)),
			['~/my_project $ ls my_project/', '⎵⎵init⎵⎵.py', 'settings.py', 'urls.py', 'wsgi.py', '~/my_project $ █'],
		);
		assert.deepEqual(
			terminals[1]!.lines.map(line => line.line),
			[43, 45, 45, 45, 45, 46],
		);
		assert.equal(findSpan(terminals[2]!.lines[4]!.segments[0]!.content)?.className, 'red', '.red[wsgi.py] is highlighted');
		assert.equal(shown(terminals[3]!.lines.at(-1)!), '~/my_project $ {gunicorn my_project.wsgi}█');
		assert.deepEqual(
			terminals[4]!.lines.map(line => shown(line)),
			['~/my_project $ python manage.py shell', 'Python 3.12.1 (main, Jan 1 2024)', 'Type "help" for more information.', '', '>>> █'],
		);
		assert.equal(terminals[1]!.notes?.text, 'Four files.');
	});

	test('the shell-wrap slides are the same terminal session as the equivalent $$terminal slides', () => {
		const shorthand = loadDeck(fixture('remark-shell-equivalent.txt'));
		assert.equal(shorthand.format, 'shorthand');
		const remark = deck.slides.slice(2, 6) as TerminalSlide[];
		const equivalent = shorthand.slides as TerminalSlide[];
		assert.equal(equivalent.length, remark.length);
		assert.deepEqual(
			remark.map(slide => withoutLines({kind: slide.kind, title: slide.title, lines: slide.lines})),
			equivalent.map(slide => withoutLines({kind: slide.kind, title: slide.title, lines: slide.lines})),
			'the same lines, prompts, segments and cursor',
		);

		const changes = (slides: readonly TerminalSlide[]) => slides.map((slide, index) => sessionChange(index === 0 ? undefined : slides[index - 1], slide));
		assert.deepEqual(changes(remark), changes(equivalent));
		assert.deepEqual(changes(remark), [
			{kind: 'play', keep: 0, typeLine: 0, typeFrom: 0, appendFrom: 1},
			{kind: 'play', keep: 1, appendFrom: 1},
			{kind: 'highlight'},
			{kind: 'play', keep: 5, typeLine: 5, typeFrom: 0, appendFrom: 6},
		]);

		const options = {charactersPerSecond: 20};
		for (let index = 0; index < remark.length; index++) {
			assert.deepEqual(
				animationFor(deck.slides, index + 1, index + 2, options),
				animationFor(shorthand.slides, index - 1, index, options),
				`animation of step ${index + 1}`,
			);
		}
	});

	test('class: image makes an image slide with the text under it', () => {
		const image = slideOf(deck, 8, 'image');
		assert.deepEqual(image.image, {src: 'sprout_localhost_0.png', mode: 'full', line: 83, alt: 'The site running on localhost'});
		assert.deepEqual(blockTexts(image.body), ['p: It works!']);
	});

	test('prints at 80x24', () => {
		const printed = printsAt80x24(deck);
		assert.ok(printed[5]!.some(line => line.includes('~/my_project $ gunicorn my_project.wsgi')));
	});
});

describe('fixtures/formats/remark-deck.md: layouts, templates, steps, notes', () => {
	const deck = loadDeck(fixture('remark-deck.md'));

	test('is detected as remark; the layout slide and the excluded slide are not shown', () => {
		assert.equal(deck.format, 'remark');
		assert.deepEqual(outline(deck), [
			'title@9',
			'text@19 1/4',
			'text@19 2/4',
			'text@19 3/4',
			'text@19 4/4',
			'text@40',
			'title@45',
			'text@52',
			'image@72',
			'image@81',
		]);
		assert.ok(!deck.slides.some(slide => JSON.stringify(slide).includes('Not shown')));
	});

	test('the layout puts each slide at {{content}}, above its footnote', () => {
		const title = slideOf(deck, 1, 'title');
		assert.equal(inlineText(title.title), 'A proper cup of tea');
		assert.deepEqual(
			title.subtitles.map(subtitle => inlineText(subtitle.content)),
			['in three steps'],
		);
		assert.deepEqual(blockTexts(title.body), ['p: TeaCon 2024 · @sam']);
		assert.equal(title.notes?.text, 'Welcome everyone.');
	});

	test('-- makes steps: each builds on the step before it, as remark does (after the footnote of the layout); a step keeps the notes before it unless it has its own', () => {
		const steps = [2, 3, 4, 5].map(number => slideOf(deck, number, 'text'));
		assert.deepEqual(
			steps.map(slide => blockTexts(slide.body)),
			[
				['h1: Agenda', 'ul: Water', 'p: TeaCon 2024 · @sam'],
				['h1: Agenda', 'ul: Water', 'p: TeaCon 2024 · @sam', 'ul: Leaves'],
				['h1: Agenda', 'ul: Water', 'p: TeaCon 2024 · @sam', 'ul: Leaves / Patience'],
				['h1: Agenda', 'ul: Water', 'p: TeaCon 2024 · @sam', 'ul: Leaves / Patience', 'p: Then, drink.'],
			],
		);
		assert.deepEqual(
			steps.map(slide => slide.step),
			[1, 2, 3, 4].map(index => ({index, of: 4})),
		);
		assert.deepEqual(
			steps.map(slide => slide.notes?.text),
			[undefined, undefined, 'Three parts; each is a step.', 'Last step: say how long this takes.'],
		);
	});

	test('template: NAME builds on the slide of that name (its first step, as in remark); .red[...] is a span', () => {
		const slide = slideOf(deck, 6, 'text');
		assert.deepEqual(blockTexts(slide.body), ['h1: Agenda', 'ul: Water', 'p: TeaCon 2024 · @sam', 'p: Bonus: milk, or not?']);
		const last = slide.body.at(-1)!;
		assert.equal(last.type === 'paragraph' ? findSpan(last.lines[0]!)?.className : undefined, 'red');
		assert.equal(slide.step, undefined);
	});

	test('layout: false ends the layout; a slide of only a heading is a title slide', () => {
		const title = slideOf(deck, 7, 'title');
		assert.equal(inlineText(title.title), 'Just a heading');
		assert.deepEqual(title.body, []);
	});

	test('multi-line .class[ blocks, fenced code, a blockquote and a table', () => {
		assert.deepEqual(blockTexts(slideOf(deck, 8, 'text').body), [
			'h2: Kettle',
			'p: Boil the water, then wait a minute.',
			'code(python): def brew(minutes=4): /     steep(minutes)',
			'p: │ A watched pot never boils.',
			'p: Tea   │ Minutes / ──────┼──────── / Green │       2 / Assam │       4',
		]);
	});

	test('background-image on an empty slide, and an image that leads a slide, are image slides', () => {
		assert.deepEqual(slideOf(deck, 9, 'image').image, {src: 'kettle_photo.jpg', mode: 'full', line: 72});
		const chart = slideOf(deck, 10, 'image');
		assert.equal(chart.image.src, 'chart.png');
		assert.deepEqual(blockTexts(chart.body), ['p: The longer, the stronger.']);
	});

	test("remark's and its themes' classes (.footnote, .left-column) are no news", () => {
		assert.deepEqual(deck.diagnostics, []);
	});

	test('prints at 80x24', () => {
		printsAt80x24(deck);
	});
});

describe('remark edge cases', () => {
	const terminal = (body: string): string[] =>
		slideOf(remark(`<div class="shell-wrap"><p class="shell-top-bar">sh</p><p class="shell-body">\n${body}\n</p></div>`), 1, 'terminal').lines.map(line =>
			shown(line),
		);

	test('a page that loads its slides from a sourceUrl says so', () => {
		const deck = loadDeck(utf8('<!DOCTYPE html>\n<html><body>\n<script>\nremark.create({sourceUrl: "talk.md"});\n</script></body></html>\n'));
		assert.equal(deck.format, 'remark');
		assert.deepEqual(
			deck.diagnostics.map(({severity, line, code}) => [severity, line, code]),
			[['error', 4, 'remark-loads-file']],
		);
		assert.match(JSON.stringify(slideOf(deck, 1, 'text').body), /talk\.md/);
	});

	test('an indented textarea is dedented; entities are decoded once', () => {
		const deck = loadDeck(
			utf8('<html><body>\n<textarea id="source">\n    # Fish &amp; Chips\n\n    ---\n\n    Salt &amp;amp; vinegar\n</textarea></body></html>\n'),
		);
		assert.equal(inlineText(slideOf(deck, 1, 'title').title), 'Fish & Chips');
		assert.deepEqual(blockTexts(slideOf(deck, 2, 'text').body), ['p: Salt & vinegar']);
		assert.equal(deck.slides[1]!.line, 7);
	});

	test('separators and ??? inside fenced code are code', () => {
		const deck = remark('```\n---\n--\n???\n```\n\n???\nreal notes\n');
		assert.deepEqual(blockTexts(slideOf(deck, 1, 'text').body), ['code: --- / -- / ???']);
		assert.equal(deck.slides[0]!.notes?.text, 'real notes');
	});

	test('the command is typed only on the last prompt line; <w> elsewhere is only the cursor', () => {
		assert.deepEqual(terminal('<dr>~ $</dr> make<w>&nbsp;</w><br>\nbuilding<br>\n<dr>~ $</dr> make test<w>&nbsp;</w>'), [
			'~ $ make█',
			'building',
			'~ $ {make test}█',
		]);
		assert.deepEqual(terminal('<dr>~ $</dr> python<br>\n&gt;&gt;&gt; import this<w>&nbsp;</w>'), ['~ $ python', '>>> import this█']);
	});

	test('HTML rules: line ends are spaces, <br><br> is an empty line, an unclosed <w> ends with its line', () => {
		assert.deepEqual(terminal('<ps>me@host</ps>\n<dr>/tmp #</dr>\n  ls\n  -la<br><br>\ntotal 0<br>\n<dr>/tmp #</dr> <w>'), [
			'/tmp $ ls -la',
			'',
			'total 0',
			'/tmp $ █',
		]);
		assert.deepEqual(terminal('<ps>host</ps> echo hi<br>'), ['host $ echo hi'], 'a <ps> without <dr> is the prompt');
	});

	test('<span class>, <b> and <i> style terminal text; control characters are neutralised', () => {
		const deck = remark(
			'<div class="shell-wrap"><p class="shell-top-bar">t\u001B]0;x\u0007</p><p class="shell-body">\n<span class="red">err\u001B[31m</span> <b>bold</b><br>\n</p></div>',
		);
		const slide = slideOf(deck, 1, 'terminal');
		assert.equal(slide.title, 't␛]0;x␇');
		const content = slide.lines[0]!.segments[0]!.content;
		assert.deepEqual(content, [
			{type: 'span', className: 'red', children: [{type: 'text', text: 'err␛[31m'}]},
			{type: 'text', text: ' '},
			{type: 'strong', children: [{type: 'text', text: 'bold'}]},
		]);
	});

	test('a heading above the shell window shows above it; text after it is reported', () => {
		const deck = remark('# Look\n<div class="shell-wrap"><p class="shell-top-bar">sh</p><p class="shell-body">\nls<br>\n</p></div>\nafter\n');
		const slide = slideOf(deck, 1, 'terminal');
		assert.deepEqual(blockTexts(slide.before ?? []), ['h1: Look']);
		assert.deepEqual(
			deck.diagnostics.map(({line, code}) => [line, code]),
			[[4, 'terminal-extra-content']],
		);
	});

	test('unknown properties and templates are reported', () => {
		const deck = remark('mood: happy\n\n# Hi\n---\ntemplate: nope\n\nText\n');
		assert.deepEqual(
			deck.diagnostics.map(({severity, line, code}) => [severity, line, code]),
			[
				['notice', 1, 'unknown-property'],
				['warning', 5, 'unknown-template'],
			],
		);
		assert.equal(deck.slides.length, 2);
	});

	test('parseRemark is total: odd input gives a deck', () => {
		for (const text of ['', '---', '--', '???', '.a[\n', '<div class="shell-wrap">', 'layout: true\n', '<textarea>', '```\n---']) {
			const deck = parseRemark(text);
			assert.ok(deck.slides.length > 0, JSON.stringify(text));
		}
	});
});

describe('remark decks as they are in the wild (fixtures/real-decks)', () => {
	const real = (name: string): Deck => loadDeck(readFileSync(join(process.cwd(), 'fixtures', 'real-decks', name)), {fileName: name});

	test('a line of ~~~~~~~~ that no fence closes swallows nothing: every slide, the line shown, a warning', () => {
		const deck = real('unclosed-fence.md');
		assert.deepEqual(titles(deck), ['Opening', 'Kettles', 'Teapots', 'Cups']);
		assert.deepEqual(blockTexts(slideOf(deck, 2, 'text').body), ['h1: Kettles', 'p: boiling water', 'p: ~~~~~~~~']);
		assert.equal(deck.slides[1]!.notes?.text, 'whisper about steam');
		assert.deepEqual(
			deck.diagnostics.map(({severity, line, code}) => [severity, line, code]),
			[['warning', 8, 'unclosed-fence']],
		);
	});

	test('a fence inside <pre><code> is preformatted text, and the slides after it stay', () => {
		const deck = real('pre-code-fence.md');
		assert.deepEqual(titles(deck), ['Preformatted', '```python', 'Leaves', 'Finale']);
		assert.deepEqual(blockTexts(slideOf(deck, 2, 'text').body), ['code: ```python / brew = True / ```']);
		assert.equal(deck.slides[2]!.notes?.text, 'quietly mention oolong');
		assert.deepEqual(deck.diagnostics, []);
	});

	test('<br> breaks lines in headings and paragraphs; a <br> line is not an HTML block', () => {
		const slide = slideOf(real('br-in-text.md'), 1, 'text');
		assert.deepEqual(blockTexts(slide.body), ['h1: Deploying', 'h2: install django\nconnect postgres\ncollect statics', 'p: first line / second line']);
	});

	test('xaringan: the R Markdown header is the title slide (seal), not slides; a {r} chunk is R code; columns in order', () => {
		const deck = real('xaringan.Rmd');
		assert.equal(deck.format, 'remark');
		const title = slideOf(deck, 1, 'title');
		assert.equal(inlineText(title.title), 'Knitting Ninja');
		assert.deepEqual(
			title.subtitles.map(subtitle => inlineText(subtitle.content)),
			['with xaringan', 'Jane Knitter', '2024-03-01'],
		);
		assert.equal(inlineText(slideOf(deck, 2, 'title').title), 'Purling');
		assert.equal(deck.slides[1]!.notes?.text, 'remember yarn tension');
		const stitches = slideOf(deck, 3, 'text');
		const code = stitches.body.find(block => block.type === 'code');
		assert.deepEqual(code?.type === 'code' ? code.code : undefined, {language: 'r', attributes: 'echo=FALSE', lines: ['plot(cars)']});
		assert.deepEqual(blockTexts(stitches.body).slice(2), ['ul: garter / stockinette', 'ul: ribbing']);
		assert.ok(!JSON.stringify(deck.slides).includes('moon_reader'));
	});

	test("{{name}} is expanded from the slide properties, a layout's included", () => {
		const deck = real('property-expansion.md');
		assert.equal(inlineText(slideOf(deck, 1, 'title').title), 'Orchard Tour');
		assert.deepEqual(blockTexts(slideOf(deck, 2, 'text').body), ['p: Orchard Tour', 'h1: Agenda', 'p: This slide is called agenda.']);
		assert.doesNotMatch(JSON.stringify(deck.slides), /\{\{/);
	});

	test('shell-wrap: code spans hold a `<`, a span keeps its class across <br>', () => {
		const slide = slideOf(real('shell-wrap.md'), 2, 'terminal');
		assert.deepEqual(
			slide.lines.map(line => shown(line)),
			['>>> Fruit.objects.all()', '<QuerySet [<Fruit: Mango>]>', 'pears', 'plums', '>>> █'],
		);
		assert.equal(findSpan(slide.lines[3]!.segments[0]!.content)?.className, 'red');
	});

	test("a <style> block is the page's look, not text; its classes are no news", () => {
		const deck = real('style-block.md');
		assert.deepEqual(blockTexts(slideOf(deck, 1, 'text').body), ['h1: Constellations', 'p: orion belt']);
		assert.deepEqual(deck.diagnostics, []);
	});

	test('a sentence at the top of a slide is a property to remark (not shown): reported where it is', () => {
		const deck = remark('# One\n---\nThen: drink.\n\nmore\n');
		assert.deepEqual(blockTexts(slideOf(deck, 2, 'text').body), ['p: more']);
		assert.deepEqual(
			deck.diagnostics.map(({severity, line, code}) => [severity, line, code]),
			[['notice', 3, 'unknown-property']],
		);
	});

	test("remark's built-in classes, and classes the page styles, are not reported; others once each", () => {
		const deck = remark('.center[a] .pull-left[b] .middle[c] .footnote[d] .mine[e]\n---\n.mine[f]\n');
		assert.deepEqual(
			deck.diagnostics.map(({severity, line, code}) => [severity, line, code]),
			[['notice', 1, 'unknown-class']],
		);
		assert.deepEqual(loadDeck(utf8('<style>.mine { color: red }</style>\n<textarea id="source">\n.mine[e]\n</textarea>')).diagnostics, []);
	});

	test('soft line breaks are spaces, as in remark; <br> and two trailing spaces break', () => {
		assert.deepEqual(blockTexts(slideOf(remark('one\ntwo<br>three  \nfour\n'), 1, 'text').body), ['p: one two / three / four']);
	});

	test('macros: an image macro is its image; another is its argument', () => {
		assert.deepEqual(blockTexts(slideOf(remark('![:scale 50%](pic.png)\n'), 1, 'image').body), []);
		assert.deepEqual(blockTexts(slideOf(remark('a ![:upper](word) b\n'), 1, 'text').body), ['p: a word b']);
	});

	test('link definitions work across slides', () => {
		const deck = remark('[ref]\n---\n[ref]: https://example.com\n');
		const paragraph = slideOf(deck, 1, 'text').body[0]!;
		assert.deepEqual(paragraph.type === 'paragraph' ? paragraph.lines[0] : undefined, [
			{type: 'link', url: 'https://example.com', children: [{type: 'text', text: 'ref'}]},
		]);
	});
});
