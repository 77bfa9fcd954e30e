/**
 * The most slides a deck is read with. Nobody presents ten thousand slides,
 * while a generated or hostile file can hold hundreds of thousands: past the
 * cap, each one would be laid out by `check` and `print`, searched and kept in
 * memory. The cut is never silent: the last slide says how many more there
 * were, and `check` warns.
 */
import type {Deck, Slide} from './model.js';
import {thousands} from '../text/thousands.js';

export const maxSlides = 10_000;

/**
 * The deck with at most `maxSlides` slides, the last one then a marker that
 * counts the rest. `count`: how many slides the deck has, when those past the
 * cap were only counted (its slides are then the first ones).
 */
export function capSlides(deck: Deck, count = deck.slides.length): Deck {
	if (count <= maxSlides) return deck;
	const kept = deck.slides.slice(0, maxSlides - 1);
	const cut = deck.slides[maxSlides - 1]!;
	const more = count - kept.length;
	const text = `… ${thousands(more)} more slides not shown: lectern reads at most ${thousands(maxSlides)} slides of a deck`;
	const marker: Slide = {
		kind: 'text',
		index: kept.length,
		line: cut.line,
		body: [{type: 'paragraph', lines: [[{type: 'text', text}]], line: cut.line}],
	};
	return {
		...deck,
		slides: [...kept, marker],
		diagnostics: [
			...deck.diagnostics,
			{
				severity: 'warning',
				line: cut.line,
				code: 'slides-cut',
				message: `the deck has ${thousands(count)} slides; lectern shows the first ${thousands(kept.length)} and then a slide saying how many more there are`,
			},
		],
	};
}
