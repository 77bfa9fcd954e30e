/**
 * The Markdown dialects, each read by its own tool's rules: presenterm,
 * patat (pandoc), mdp, lookatme and slides; fixtures of each, and the
 * real-deck cases of issue 14.
 */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {inlineText} from '../../../source/deck/inline-tree.js';
import {loadDeck} from '../../../source/deck/load-deck.js';
import type {Deck, DeckFormat} from '../../../source/deck/model.js';
import {slideTitle} from '../../../source/deck/slide-title.js';
import {blockTexts, fixture, outline, printsAt80x24, slideOf, utf8} from './support.js';

const read = (format: DeckFormat, text: string): Deck => loadDeck(utf8(text), {format});
const real = (name: string): Deck => loadDeck(readFileSync(join(process.cwd(), 'fixtures', 'real-decks', name)), {fileName: name});
const titles = (deck: Deck): string[] => deck.slides.map(slide => slideTitle(slide));
const texts = (deck: Deck, number: number): string[] => {
	const slide = deck.slides[number - 1]!;
	return 'body' in slide ? blockTexts([...(slide.kind === 'image' ? (slide.before ?? []) : []), ...slide.body]) : [];
};

describe('presenterm', () => {
	test("implicit_slide_ends: a setext title starts a slide; --- under a paragraph is that title's underline", () => {
		const deck = real('presenterm-implicit.md');
		assert.equal(deck.format, 'presenterm');
		assert.deepEqual(titles(deck), ['Sailing', 'Knots', 'Winds', 'Anchors!']);
		assert.deepEqual(texts(deck, 2), ['h1: Knots', 'p: bowline hitch']);
	});

	test('without implicit_slide_ends, only end_slide ends a slide; --- after a blank line is a rule', () => {
		const deck = read('presenterm', 'One\n===\n\ntext\n\n---\n\nTwo\n===\n<!-- end_slide -->\nThree\n');
		assert.deepEqual(titles(deck), ['One', 'Three']);
		assert.deepEqual(texts(deck, 1), ['h1: One', 'p: text', 'h1: Two']);
	});

	test('end_slide_shorthand: a --- rule ends the slide', () => {
		const deck = read('presenterm', '---\noptions:\n  end_slide_shorthand: true\n---\n\nOne\n\n---\n\nTwo\n');
		assert.deepEqual(titles(deck), ['One', 'Two']);
	});

	test('incremental_lists: item by item, with a pause before and after the list; the comment switches it per slide', () => {
		const deck = read(
			'presenterm',
			'---\noptions:\n  incremental_lists: true\n---\n\n# Plan\n\n- a\n- b\n\ndone\n<!-- end_slide -->\n<!-- incremental_lists: false -->\n- c\n- d\n',
		);
		assert.deepEqual(
			deck.slides.map((_, index) => texts(deck, index + 1)),
			[['h1: Plan'], ['h1: Plan', 'ul: a'], ['h1: Plan', 'ul: a / b'], ['h1: Plan', 'ul: a / b', 'p: done'], ['ul: c / d']],
		);
		assert.deepEqual(outline(deck), ['text@6 1/4', 'text@6 2/4', 'text@6 3/4', 'text@6 4/4', 'text@13']);
	});

	test('columns are shown in order; layout commands and vim modelines show nothing', () => {
		const deck = read(
			'presenterm',
			'# Two sides\n\n<!-- column_layout: [1, 1] -->\n<!-- column: 0 -->\nleft side\n<!-- column: 1 -->\nright side\n<!-- reset_layout -->\n<!-- jump_to_middle -->\n<!-- vim: set ft=markdown -->\n',
		);
		assert.deepEqual(texts(deck, 1), ['h1: Two sides', 'p: left side', 'p: right side']);
		assert.deepEqual(deck.diagnostics, []);
	});

	test('??? carried over from remark starts the notes; speaker_note comments are notes', () => {
		const deck = real('qqq-presenterm.md');
		assert.deepEqual(titles(deck), ['Gardening Talk', 'Compost', 'Mulch']);
		assert.deepEqual(texts(deck, 2), ['h1: Compost', 'p: Why compost?']);
		assert.equal(deck.slides[2]!.notes?.text, 'mention cedar chips');
	});

	test('soft line breaks are spaces', () => {
		assert.deepEqual(texts(read('presenterm', 'one\ntwo\n'), 1), ['p: one two']);
	});
});

describe('patat (pandoc)', () => {
	const deck = loadDeck(fixture('patat.md'));

	test('is detected; the slide level (2) cuts slides; a heading above it is a title slide', () => {
		assert.equal(deck.format, 'patat');
		assert.deepEqual(titles(deck), [
			'Mushroom Foraging',
			'Woodland',
			'Where to look',
			'Where to look',
			'Where to look',
			'Identification',
			'Identification',
			'Species',
			'Kitchen',
			'Cooking',
		]);
	});

	test('incrementalLists: item by item, the first with the heading; a list in a quote all at once', () => {
		assert.deepEqual(
			[3, 4, 5].map(number => texts(deck, number)),
			[
				['h2: Where to look', 'ul: birch groves'],
				['h2: Where to look', 'ul: birch groves / mossy logs'],
				['h2: Where to look', 'ul: birch groves / mossy logs / damp clearings'],
			],
		);
		assert.deepEqual(texts(deck, 8).at(-1), 'ul: morels / puffballs');
	});

	test('comments are notes; . . . makes a step', () => {
		assert.equal(deck.slides[2]!.notes?.text, 'never eat unknown fungi');
		assert.deepEqual(texts(deck, 7), ['h2: Identification', 'p: Spore prints matter.', 'p: Gills or pores?']);
		assert.deepEqual(deck.slides[6]!.step, {index: 2, of: 2});
	});

	test("pandoc's simple table shows as written; its ruler cuts nothing", () => {
		const table = slideOf(deck, 8, 'text').body.find(block => block.type === 'code');
		assert.deepEqual(table?.type === 'code' ? table.code.lines.map(line => line.trim()) : [], [
			'Name         Season     Edible',
			'----------   --------   --------',
			'chanterelle  summer     yes',
			'deathcap     autumn     never',
		]);
	});

	test('the real deck: headings only, 6 slides with the step', () => {
		const real6 = real('patat-slidelevel.md');
		assert.equal(real6.format, 'patat');
		assert.deepEqual(titles(real6), ['Chapter Rivers', 'Estuaries', 'Deltas', 'Chapter Lakes', 'Oxbows', 'Oxbows']);
		assert.equal(real6.slides[5]!.notes?.text, 'explain erosion slowly');
	});

	test("pandoc's % title block; thematic breaks, when there are any, cut slides; empty slides are dropped", () => {
		const titled = read('patat', '% Tide Pools\n% Ann; Bo\n% May 2024\n\nanemones\n\n---\n\n---\n\nstarfish\n');
		assert.deepEqual(titles(titled), ['Tide Pools', 'anemones', 'starfish']);
		assert.deepEqual(
			slideOf(titled, 1, 'title').subtitles.map(subtitle => inlineText(subtitle.content)),
			['Ann, Bo', 'May 2024'],
		);
	});

	test('patat.slideLevel overrides; <!--config: --> is not a note', () => {
		const deck1 = read('patat', '---\npatat:\n  slideLevel: 1\n...\n\n# A\n\n## a1\n\ntext\n\n## a2\n\nmore\n\n<!--config:\nmargins: {left: 2}\n-->\n');
		assert.deepEqual(titles(deck1), ['A']);
		assert.equal(deck1.slides[0]!.notes, undefined);
	});
});

describe('mdp', () => {
	const deck = loadDeck(fixture('mdp.md'));

	test('is detected; the % header is the title slide; a rule after a blank line cuts slides', () => {
		assert.equal(deck.format, 'mdp');
		assert.deepEqual(titles(deck), ['Beekeeping Basics', 'Hives', 'Swarms', 'Swarms', 'Swarms', 'Honey extraction']);
	});

	test('-> centred <- marks are gone; ^ and <br> lines stop the slide (steps); every line is a line', () => {
		assert.deepEqual(texts(deck, 2).slice(0, 2), ['h1: Hives', 'p: Langstroth frames']);
		assert.deepEqual(
			[3, 4, 5].map(number => texts(deck, number)),
			[
				['h1: Swarms', 'p: queen departs'],
				['h1: Swarms', 'p: queen departs', 'p: workers follow'],
				['h1: Swarms', 'p: queen departs', 'p: workers follow', 'p: colony splits', 'code: smoker --light / veil --on'],
			],
		);
		const real4 = real('mdp-centering.md');
		assert.deepEqual(titles(real4), ['Astronomy', 'Telescopes', 'Telescopes', 'Farewell stargazers']);
		assert.doesNotMatch(JSON.stringify(real4.slides), /->|<-|\^/);
	});

	test('a rule right under text underlines a heading', () => {
		assert.deepEqual(titles(read('mdp', 'first\n\n---\n\nTitle\n---\n\nbody\n')), ['first', 'Title']);
	});
});

describe('lookatme', () => {
	const deck = loadDeck(fixture('lookatme.md'));

	test('is detected; rules cut slides; <!-- stop --> makes steps; soft breaks are spaces; a table and code', () => {
		assert.equal(deck.format, 'lookatme');
		assert.deepEqual(titles(deck), ['Pottery Wheel', 'Centering', 'Centering', 'Glazes', 'Kiln']);
		assert.deepEqual(texts(deck, 3), ['h1: Centering', 'p: Wedge the clay first and keep elbows braced.', 'p: Then open the form.']);
		assert.equal(deck.slides[4]!.notes?.text, 'check the witness cones');
	});

	test('without rules, smart splitting: a first heading of its own level is the title', () => {
		assert.deepEqual(titles(read('lookatme', '# Deck\n\nintro\n\n## One\n\ntext\n\n## Two\n\nmore\n')), ['Deck', 'One', 'Two']);
	});
});

describe('plain Markdown and images', () => {
	test('a setext `Title` over `---` is a heading, not a cut (issue 14: 2 slides, not 4)', () => {
		const deck = real('setext-title.md');
		assert.equal(deck.format, 'markdown');
		assert.deepEqual(titles(deck), ['Harvest one', 'Harvest two']);
	});

	test("alt text is the picture's name; an image after a list is the slide's picture; a heading stays above it", () => {
		const deck = real('images.md');
		const dashboard = slideOf(deck, 1, 'image');
		assert.deepEqual(dashboard.image, {src: 'dashboard.png', mode: 'full', line: 3, alt: 'Dashboard overview'});
		assert.deepEqual(blockTexts(dashboard.before ?? []), ['h1: Dashboard']);
		const latency = slideOf(deck, 2, 'image');
		assert.deepEqual(blockTexts(latency.before ?? []), ['ul: metrics / alerts']);
		assert.equal(latency.image.alt, 'Latency chart');
		const printed = printsAt80x24(deck);
		assert.ok(
			printed[0]!.findIndex(line => line.includes('Dashboard')) < printed[0]!.findIndex(line => line.includes('Dashboard overview')),
			'the heading prints above the picture',
		);
		assert.ok(printed[1]!.some(line => line.includes('📷 Latency chart')));
		assert.ok(
			printed[2]!.some(line => line.includes('plain file name')),
			'no alt text: a name made from the file',
		);
	});

	test('every dialect fixture prints at 80x24', () => {
		for (const name of ['patat.md', 'mdp.md', 'lookatme.md', 'markdown.md']) printsAt80x24(loadDeck(fixture(name)));
	});
});
