import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {test} from 'node:test';
import {loadDeck, loadDeckInSteps, prepareToLoad} from '../../source/deck/load-deck.js';
import {parseDeck, parseOpening} from '../../source/deck/parse-deck.js';
import {openingScreen, openingState} from '../../source/layout/opening-screen.js';

// The bench's deck generator (tests run from the repository root): titles, text, terminal sessions, images.
const {generateDeck} = (await import(pathToFileURL(resolve('scripts/bench/decks.mjs')).href)) as {generateDeck: (count: number, seed?: number) => string};

const decks: Array<[string, string]> = [
	['demo', readFileSync('fixtures/demo.txt', 'utf8')],
	['reference-style', readFileSync('fixtures/reference-style.txt', 'utf8')],
	['generated', generateDeck(120, 7)],
];

test('the opening screen drawn from the part of the deck it needs is the one the whole deck gives, at every slide', () => {
	const now = Date.UTC(2026, 10, 26, 9, 30);
	for (const [name, text] of decks) {
		const whole = parseDeck(text);
		for (let start = 0; start < whole.slides.length; start++) {
			const opening = parseOpening(text, start);
			assert.equal(opening.slides.length, whole.slides.length);
			for (const notes of [false, true]) {
				for (const size of [
					{columns: 80, rows: 24},
					{columns: 200, rows: 50},
				]) {
					const screen = (deck: typeof whole) =>
						openingScreen({deck, nav: openingState(deck, start, notes), size, motion: {charactersPerSecond: 25}, showUrls: true, presenter: false, now});
					assert.deepEqual(screen(opening), screen(whole), `${name}, slide ${start + 1}, notes ${notes}, ${size.columns}x${size.rows}`);
				}
			}
		}
	}
});

test('only the slides the opening screen needs are parsed', () => {
	const text = generateDeck(1000, 3);
	const opening = parseOpening(text, 500);
	const parsed = opening.slides.filter(slide => slide.kind !== 'blank').length;
	assert.ok(parsed >= 1 && parsed <= 12, `${parsed} slides parsed`);
	assert.deepEqual(opening.slides[500], parseDeck(text).slides[500]);
});

// Markdown dialects and remark: the deck the player opens with (loadDeckInSteps) gives the screen the whole deck gives.
const otherFormats = ['markdown.md', 'patat.md', 'mdp.md', 'lookatme.md', 'presenterm.md', 'slides.md', 'remark-deck.md'];
const {generateMarkdownDeck} = (await import(pathToFileURL(resolve('scripts/bench/decks.mjs')).href)) as {
	generateMarkdownDeck: (count: number, seed?: number) => string;
};

test('in Markdown and remark decks too, the opening screen is the one the whole deck gives', async () => {
	const now = Date.UTC(2026, 10, 26, 9, 30);
	const texts: Array<[string, string]> = [
		...otherFormats.map((name): [string, string] => [name, readFileSync(`fixtures/formats/${name}`, 'utf8')]),
		['generated Markdown', generateMarkdownDeck(40, 7)],
	];
	for (const [name, text] of texts) {
		const bytes = Buffer.from(text);
		await prepareToLoad(bytes);
		const whole = loadDeck(bytes, {fileName: name});
		for (let start = 0; start < whole.slides.length; start++) {
			const {opening} = loadDeckInSteps(bytes, {fileName: name}, start);
			assert.equal(opening.format, whole.format, name);
			assert.equal(opening.slides.length, whole.slides.length, name);
			const screen = (deck: typeof whole) =>
				openingScreen({
					deck,
					nav: openingState(deck, start, false),
					size: {columns: 80, rows: 24},
					motion: {charactersPerSecond: 25},
					showUrls: true,
					presenter: false,
					now,
				});
			assert.deepEqual(screen(opening), screen(whole), `${name}, slide ${start + 1}`);
		}
	}
});
