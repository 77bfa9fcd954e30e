import assert from 'node:assert/strict';
import {test} from 'node:test';
import {loadDeck, loadDeckInSteps} from '../../source/deck/load-deck.js';
import type {Deck, Inline} from '../../source/deck/model.js';
import {capSlides, maxSlides} from '../../source/deck/slide-cap.js';
import {stepCodeBlocks} from '../../source/deck/code-steps.js';
import {markdownPastCount} from '../../source/deck/formats/markdown/opening.js';
import {plainMarkdown} from '../../source/deck/formats/markdown/plain.js';
import {readMarkdownDeck} from '../../source/deck/formats/markdown/read-markdown.js';

const encoder = new TextEncoder();
const shorthand = (count: number) => Array.from({length: count}, (_, index) => `Slide ${index + 1}`).join('\n---\n');
const markdown = (count: number) => Array.from({length: count}, (_, index) => `# Slide ${index + 1}`).join('\n\n---\n\n');

const plain = (inlines: readonly Inline[]): string => inlines.map(inline => ('text' in inline ? inline.text : '')).join('');
function lastText(deck: Deck): string {
	const last = deck.slides.at(-1)!;
	assert.equal(last.kind, 'text');
	const [paragraph] = last.kind === 'text' ? last.body : [];
	return paragraph?.type === 'paragraph' ? paragraph.lines.map(plain).join('\n') : '';
}

for (const [format, text] of [
	['shorthand', shorthand],
	['markdown', markdown],
] as const) {
	test(`${format}: a deck of exactly ${maxSlides} slides is read whole, without a warning`, () => {
		const deck = loadDeck(encoder.encode(text(maxSlides)), {format});
		assert.equal(deck.slides.length, maxSlides);
		assert.ok(!deck.diagnostics.some(diagnostic => diagnostic.code === 'slides-cut'));
	});

	test(`${format}: past ${maxSlides} slides, the last one counts the rest and check warns at the first slide not shown`, () => {
		const deck = loadDeck(encoder.encode(text(maxSlides + 500)), {format});
		assert.equal(deck.slides.length, maxSlides);
		assert.deepEqual(
			deck.slides.map(slide => slide.index),
			Array.from({length: maxSlides}, (_, index) => index),
		);
		assert.equal(lastText(deck), `… 501 more slides not shown: lectern reads at most 10,000 slides of a deck`);
		const cut = deck.diagnostics.filter(diagnostic => diagnostic.code === 'slides-cut');
		assert.equal(cut.length, 1);
		assert.equal(cut[0]!.severity, 'warning');
		// The first slide not shown is slide 10,000 of the file.
		const lineOfSlide =
			text(maxSlides + 500)
				.split('\n')
				.indexOf(format === 'shorthand' ? 'Slide 10000' : '# Slide 10000') + 1;
		assert.equal(cut[0]!.line, lineOfSlide);
		assert.match(cut[0]!.message, /the deck has 10,500 slides; lectern shows the first 9,999/);
	});
}

for (const [format, text] of [
	['shorthand', shorthand],
	['markdown', markdown],
] as const) {
	test(`${format}: the opening the player draws first has the same slide count as the whole deck past the cap`, () => {
		const inSteps = loadDeckInSteps(encoder.encode(text(maxSlides * 3)), {format}, 0);
		assert.equal(inSteps.opening.slides.length, maxSlides);
		assert.equal(inSteps.whole().slides.length, maxSlides);
	});
}

test('a Markdown deck past the cap, read only as far as the cap, is the whole deck read and cut', () => {
	const kinds = [
		(index: number) => `# Slide ${index}\n\nSome *text* and **more**, \`code\`.`,
		(index: number) => `- one ${index}\n- two\n  - nested`,
		(index: number) => `\`\`\`python\nprint(${index})\n\n---\n\`\`\``,
		(index: number) => `| a | b |\n|---|---|\n| ${index} | y |`,
		(index: number) => `First ${index}\n\n<!-- pause -->\n\nSecond`,
		(index: number) => `Setext ${index}\n---\n\ntext`,
		() => '',
	];
	const text = Array.from({length: maxSlides + 300}, (_, index) => kinds[index % kinds.length]!(index)).join('\n\n---\n\n');
	// The deck is read by the short way, not whole.
	assert.ok(markdownPastCount(text, maxSlides));
	const fast = loadDeck(encoder.encode(text), {format: 'markdown'});
	const whole = capSlides(stepCodeBlocks(readMarkdownDeck(text, plainMarkdown)));
	assert.equal(fast.slides.length, maxSlides);
	assert.deepEqual(fast.slides, whole.slides);
	const cut = whole.diagnostics.find(diagnostic => diagnostic.code === 'slides-cut')!;
	assert.deepEqual(
		fast.diagnostics.filter(diagnostic => diagnostic.line < cut.line || diagnostic.code === 'slides-cut'),
		whole.diagnostics.filter(diagnostic => diagnostic.line < cut.line || diagnostic.code === 'slides-cut'),
	);
});
