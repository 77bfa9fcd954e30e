import assert from 'node:assert/strict';
import {test} from 'node:test';
import {loadDeck, loadDeckInSteps} from '../../source/deck/load-deck.js';
import type {Deck, Inline} from '../../source/deck/model.js';
import {maxSlides} from '../../source/deck/slide-cap.js';

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
