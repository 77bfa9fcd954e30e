/**
 * Inline `@ FILE` pictures in the flow of a slide, and SVG drawn by resvg:
 * fixtures/inline/ holds badge.png (16x8: blue left half, orange right half),
 * mark.svg (40x20: magenta left half, green right half) and broken.svg (cut
 * short).
 */
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import {parseDeck} from '../../source/deck/parse-deck.js';
import {SvgStore} from '../../source/images/index.js';
import type {Line} from '../../source/frame/frame.js';
import {contentBox} from '../../source/layout/compose.js';
import {planSlide} from '../../source/layout/plan-slide.js';
import type {Picture, PictureSource} from '../../source/layout/plan-image.js';
import {inlinePictureRows, planInlineImage} from '../../source/layout/plan-inline-image.js';
import {assertNear, colourAtFraction, readyGlyph} from './helpers.js';

const folder = join(process.cwd(), 'fixtures', 'inline');
const text = (lines: readonly Line[]) => lines.map(line => line.map(segment => segment.text).join(''));
const svg = new SvgStore(folder, 3);
after(() => {
	svg.close();
});

/** Pictures of one solid colour, as tall as asked and twice as wide. */
const solid: PictureSource = (_src, box) => {
	const rows = box.rows;
	const width = Math.min(box.columns, rows * 4);
	return {state: 'ready', glyph: {width, height: rows, lines: Array.from({length: rows}, () => [{text: '▀'.repeat(width), style: {fg: '#123456'}}])}};
};

describe('SVG pictures (resvg)', () => {
	it('are drawn in their colours, at the size of the box, aspect ratio kept', async () => {
		await svg.load();
		const glyph = readyGlyph(svg.pictureSync('mark.svg', {columns: 40, rows: 20}));
		assert.equal(glyph.width, 40, 'as wide as the box');
		assert.equal(glyph.height, 10, '2:1, two pixels a cell');
		assertNear(colourAtFraction(glyph, 0.25, 0.5), '#e0109b', 8, 'left half magenta');
		assertNear(colourAtFraction(glyph, 0.75, 0.5), '#10e060', 8, 'right half green');
		const small = readyGlyph(svg.pictureSync('mark.svg', {columns: 80, rows: 3}));
		assert.deepEqual([small.width, small.height], [12, 3], 'a short box: drawn smaller, not clipped');
	});

	it('a broken SVG fails with the reason; a missing one is missing', async () => {
		await svg.load();
		const broken = svg.pictureSync('broken.svg', {columns: 40, rows: 10});
		assert.equal(broken.state, 'failed');
		assert.match((broken as {reason: string}).reason, /^not a readable SVG: /);
		assert.equal(svg.pictureSync('nowhere.svg', {columns: 40, rows: 10}).state, 'missing');
	});

	it('the player side never waits: pending, then onReady, then the picture', async () => {
		const store = new SvgStore(folder, 2);
		try {
			const ready = new Promise<void>(resolve => {
				const stop = store.onReady(() => {
					if (store.picture('mark.svg', {columns: 20, rows: 5}).state !== 'pending') {
						stop();
						resolve();
					}
				});
			});
			assert.equal(store.picture('mark.svg', {columns: 20, rows: 5}).state, 'pending');
			await ready;
			assert.equal(readyGlyph(store.picture('mark.svg', {columns: 20, rows: 5})).width, 20);
		} finally {
			store.close();
		}
	});

	it('a missing SVG is missing once read, without loading resvg (its WebAssembly takes some 10 MiB)', async () => {
		const store = new SvgStore(folder, 2);
		try {
			const box = {columns: 20, rows: 5};
			const read = new Promise<void>(resolve => {
				const stop = store.onReady(() => {
					stop();
					resolve();
				});
			});
			assert.equal(store.picture('nowhere.svg', box).state, 'pending');
			await read;
			assert.equal(store.picture('nowhere.svg', box).state, 'missing');
			assert.equal(store['loading'], undefined, 'resvg is not loaded');
		} finally {
			store.close();
		}
	});
});

describe('inline pictures', () => {
	const image = {src: 'badge.png', mode: 'inline', line: 1} as const;

	it('are as tall as asked at most, as the picture gives them', () => {
		const lines = planInlineImage(image, 60, 5, solid);
		assert.equal(lines.length, 5);
		assert.ok(text(lines).every(row => row === '▀'.repeat(20)));
	});

	it('reserve their rows while on their way, and show the alt text and the reason when they cannot be drawn', () => {
		const pending = planInlineImage(image, 60, 5, () => ({state: 'pending'}));
		assert.equal(pending.length, 5, 'the rows the picture will take, so nothing moves');
		assert.ok(text(pending).some(row => row.includes('📷 badge loading…')));
		const failed = planInlineImage(image, 60, 5, (): Picture => ({state: 'failed', reason: 'corrupt PNG'}));
		assert.deepEqual(text(failed), ['📷 badge badge.png', 'corrupt PNG']);
		assert.deepEqual(text(planInlineImage(image, 60, 5, undefined)), ['📷 badge badge.png'], 'without pictures: the alt text');
		assert.deepEqual(
			text(planInlineImage(image, 60, 5, () => ({state: 'missing', reason: 'not found'}))),
			['📷 badge badge.png'],
			'missing: the alt text alone',
		);
	});

	it('a quarter of the area among text, 3 to 12 rows', () => {
		assert.deepEqual(
			[22, 38, 48, 8].map(rows => inlinePictureRows(rows)),
			[5, 9, 12, 3],
		);
	});

	for (const size of [
		{columns: 80, rows: 24},
		{columns: 200, rows: 50},
	]) {
		it(`at ${size.columns}x${size.rows}: drawn in the text's flow, between the words, on title and text slides`, () => {
			const deck = parseDeck('#= Title\n## Sub\n@ mark.svg\n---\n# Heading\n\nWords before.\n\n@ badge.png\n\nWords after.\n');
			for (const slide of deck.slides) {
				const rows = text(planSlide(deck.slides, slide.index, size, {showUrls: false, pictures: solid}).lines);
				const first = rows.findIndex(row => row.includes('▀'));
				const last = rows.findLastIndex(row => row.includes('▀'));
				assert.ok(first >= 0, `slide ${slide.index + 1}: the picture is drawn`);
				assert.equal(last - first + 1, inlinePictureRows(contentBox(size).rows), `slide ${slide.index + 1}: as tall as an inline picture is`);
				if (slide.kind === 'text') {
					assert.ok(
						rows.findIndex(row => row.includes('Words before')) < first && rows.findIndex(row => row.includes('Words after')) > last,
						'between the words',
					);
				}
			}
		});
	}
});
