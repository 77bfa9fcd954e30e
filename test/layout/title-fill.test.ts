/**
 * Titles use the screen: for every title slide of the fixture decks at 80x24,
 * 120x40 and 200x50, the big title fills a stated share of the slide area's
 * width or of its height; and the fonts are tried in an order of legibility
 * at a distance that the chain keeps.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {emojiPainterFor} from '../../source/emoji/painter.js';
import type {Line} from '../../source/frame/frame.js';
import {fontMetrics} from '../../source/layout/big-font-metrics.js';
import {fontChain, legibility} from '../../source/layout/big-fonts.js';
import {slideArea} from '../../source/layout/plan-screen.js';
import {planSlide} from '../../source/layout/plan-slide.js';
import {struck} from '../../source/layout/plan-title.js';
import {lineWidth} from '../../source/text/wrap.js';
import {fixtureDecks} from '../support/fixture-decks.js';

const sizes = [
	{columns: 80, rows: 24},
	{columns: 120, rows: 40},
	{columns: 200, rows: 50},
];

/** The share of the width or of the height a title must fill. */
const widthShare = 0.45;
const heightShare = 0.3;

/** The rows drawn in the title's style, and the columns from their first to their last inked cell (an emoji's pixels too). */
function titleExtent(lines: readonly Line[]): {rows: number; columns: number} {
	let rows = 0;
	let left = Number.POSITIVE_INFINITY;
	let right = 0;
	for (const line of lines) {
		if (!line.some(segment => segment.style?.fg === 'heading' && segment.text.trim() !== '')) continue;
		rows++;
		let column = 0;
		for (const segment of line) {
			const width = lineWidth([segment]);
			if (segment.style?.bg !== undefined) {
				left = Math.min(left, column);
				right = Math.max(right, column + width);
			} else if (segment.text.trim() !== '') {
				left = Math.min(left, column + (segment.text.length - segment.text.trimStart().length));
				right = Math.max(right, column + width - (segment.text.length - segment.text.trimEnd().length));
			}

			column += width;
		}
	}

	return {rows, columns: rows === 0 ? 0 : right - left};
}

test('the font chain is in order of legibility at a distance: block strokes before line strokes, bigger before smaller', () => {
	const scores = fontChain.map(font => ({name: font.name, score: legibility(font, fontMetrics(font).core)}));
	for (let index = 1; index < scores.length; index++) {
		assert.ok(
			scores[index - 1]!.score > scores[index]!.score,
			`${scores[index - 1]!.name} (${scores[index - 1]!.score}) before ${scores[index]!.name} (${scores[index]!.score})`,
		);
	}

	const firstLine = fontChain.findIndex(font => font.stroke === 'line');
	assert.ok(
		fontChain.slice(firstLine).every(font => font.stroke === 'line'),
		'every block font comes before the line fonts',
	);
	assert.deepEqual(
		fontChain.slice(-3).map(font => font.name),
		['Small Block', 'Standard', 'Small'],
	);
});

test(`every title slide of the fixtures fills ${widthShare * 100} % of the width or ${heightShare * 100} % of the height, at 80x24, 120x40 and 200x50`, async () => {
	const decks = await fixtureDecks();
	// Emoji as the player draws them in 256 colours and more: pixel pictures at the font's height.
	const emoji = emojiPainterFor(3)!;
	const lost: string[] = [];
	let checked = 0;
	for (const {path, deck} of decks) {
		for (const slide of deck.slides) {
			// A title with struck-out words is drawn as text on purpose (plan-title.ts).
			if (slide.kind !== 'title' || struck(slide.title)) continue;
			for (const size of sizes) {
				const area = slideArea(size);
				const {rows, columns} = titleExtent(planSlide(deck.slides, slide.index, area, {showUrls: true, emoji}).lines);
				if (rows === 0) continue;
				checked++;
				if (columns < widthShare * area.columns && rows < heightShare * area.rows)
					lost.push(`${path} slide ${slide.index + 1} at ${size.columns}x${size.rows}: ${columns}x${rows} of ${area.columns}x${area.rows}`);
			}
		}
	}

	assert.ok(checked >= 30, `only ${checked} titles measured`);
	assert.deepEqual(lost, []);
});
