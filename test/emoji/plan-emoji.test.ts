import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import stringWidth from 'string-width';
import {createEmojiPainter} from '../../source/emoji/index.js';
import {contentBox} from '../../source/layout/compose.js';
import type {Line, Size} from '../../source/frame/frame.js';
import {maxEmojiHeight, planEmoji, preferredEmojiRows} from '../../source/layout/plan-emoji.js';
import {readFileSync} from 'node:fs';
import {parseDeck} from '../../source/deck/parse-deck.js';

const painter = createEmojiPainter({level: 3});
const lineWidth = (line: Line) => line.reduce((sum, segment) => sum + stringWidth(segment.text), 0);
const drawn = (line: Line) => line.some(segment => /[▀▄]/u.test(segment.text));

/** The slide area of a terminal: everything but the status line and the row Ink keeps free. */
const slideArea = (columns: number, rows: number): Size => ({columns, rows: rows - 2});

/** Rows of pixel art in the plan, and the glyph height (the longest run of drawn rows). */
function measure(lines: Line[]): {drawnRows: number; tallest: number} {
	let run = 0;
	let tallest = 0;
	let drawnRows = 0;
	for (const line of lines) {
		if (drawn(line)) {
			drawnRows++;
			run++;
			tallest = Math.max(tallest, run);
		} else {
			run = 0;
		}
	}

	return {drawnRows, tallest};
}

function plan(rows: string[][], columns: number, terminalRows: number) {
	const box = contentBox(slideArea(columns, terminalRows));
	const lines = planEmoji(rows, box, painter);
	assert.ok(lines.length <= box.rows, `${lines.length} lines in ${box.rows} rows`);
	for (const line of lines) assert.ok(lineWidth(line) <= box.columns, `${lineWidth(line)} cells in ${box.columns}`);
	assert.ok(
		lines.some(line => drawn(line)),
		'drawn as pictures',
	);
	return {box, lines, height: maxEmojiHeight(rows.length, box)};
}

describe('emoji slide fit', () => {
	for (const [columns, terminalRows] of [
		[80, 24],
		[200, 50],
	] as const) {
		it(`one emoji at ${columns}x${terminalRows}: as tall as the box less a margin`, () => {
			const {box, lines} = plan([['🦄']], columns, terminalRows);
			const glyphRows = Math.min(32, box.rows - 2);
			assert.equal(lines.length, glyphRows);
			assert.equal(Math.max(...lines.map(line => lineWidth(line))) <= box.columns, true);
		});

		it(`two side by side at ${columns}x${terminalRows}`, () => {
			const {box, lines} = plan([['🦄', '🏢']], columns, terminalRows);
			const glyphRows = lines.length;
			assert.ok(glyphRows >= Math.min(8, box.rows - 2));
			assert.ok(4 * glyphRows + 2 <= box.columns);
		});

		it(`three stacked at ${columns}x${terminalRows}: stacked when that draws them at least ${preferredEmojiRows} rows tall, else side by side`, () => {
			const {box, lines} = plan([['🦄'], ['🍎'], ['🇫🇷']], columns, terminalRows);
			const {tallest} = measure(lines);
			assert.ok(lines.length <= box.rows);
			const stacked = Math.min(32, Math.floor((box.rows - 2 - 2) / 3));
			if (stacked >= preferredEmojiRows) {
				assert.equal(lines.length, 3 * stacked + 2);
			} else {
				// One row of three glyphs 2h wide with two gaps of 2.
				assert.equal(lines.length, Math.min(box.rows - 2, Math.floor((box.columns - 4) / 6)));
				assert.ok(tallest >= preferredEmojiRows, `${tallest} rows each`);
			}
		});
	}

	it('three stacked at 80x24: one row of pictures more than twice as tall as stacked ones', () => {
		const {box, lines} = plan([['🦄'], ['🍎'], ['🇫🇷']], 80, 24);
		const stacked = Math.floor((box.rows - 2 - 2) / 3);
		assert.ok(stacked < preferredEmojiRows);
		assert.ok(measure(lines).tallest > 2 * stacked, `${measure(lines).tallest} rows, stacked would be ${stacked}`);
	});

	it('stays at most 32 rows tall on a 250x70 terminal', () => {
		const {lines} = plan([['🦄']], 250, 70);
		assert.equal(lines.length, 32);
		const widths = lines.map(line => lineWidth(line) - (/^ */u.exec(line[0]?.text ?? '')?.[0].length ?? 0));
		assert.equal(Math.max(...widths), 64);
	});

	it('shrinks a long row until it fits the width, and splits it when two rows draw it larger', () => {
		const row = ['🦄', '🍎', '🇫🇷', '1️⃣', '☁️', '👩🏻‍🔧', '🏳️‍🌈', '🚀'];
		const {box, lines} = plan([row], 80, 24);
		// One row: 8 glyphs of 2h cells and 7 gaps of 2 in 72 columns, h = 3. Two rows of four: 4 glyphs and 3 gaps, h = 8.
		assert.ok(Math.floor((box.columns - 14) / 16) < preferredEmojiRows);
		assert.equal(measure(lines).tallest, Math.floor((box.columns - 6) / 8));
		const wide = plan([row], 250, 70);
		// 8 glyphs of 2h in 250 columns: h = 14, tall enough to stay one row.
		assert.equal(wide.lines.length, Math.floor((wide.box.columns - 14) / 16));
	});

	it('falls back to the emoji themselves when even the smallest pictures do not fit', () => {
		const box = {columns: 10, rows: 3};
		const lines = planEmoji([['🦄', '🍎', '🚀']], box, painter);
		assert.equal(lines.length, 1);
		assert.ok(lines[0]!.some(segment => segment.text.includes('🦄')));
	});
});

describe('the emoji slides of the reference-style fixture', () => {
	const deck = parseDeck(readFileSync('fixtures/reference-style.txt', 'utf8'));
	const emojiRows = deck.slides.flatMap(slide => (slide.kind === 'emoji' ? [slide.rows] : []));
	for (const [columns, terminalRows] of [
		[80, 24],
		[120, 40],
		[200, 50],
	] as const) {
		it(`${columns}x${terminalRows}: no emoji drawn smaller than ${preferredEmojiRows} rows, each picture recognisable`, () => {
			assert.ok(emojiRows.length >= 3, 'the fixture has emoji slides');
			for (const rows of emojiRows) {
				const {lines} = plan(
					rows.map(row => [...row]),
					columns,
					terminalRows,
				);
				const {tallest} = measure(lines);
				assert.ok(tallest >= preferredEmojiRows, `${rows.map(row => row.join('')).join(' / ')}: ${tallest} rows`);
			}
		});
	}
});
