/**
 * Slides far longer than any screen: no stack overflow at any length (spreading
 * 125,000 lines as arguments used to throw), the layout stops at a cap, says so
 * on the slide, and `check` reports it.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {checkDeck} from '../../source/commands/check.js';
import {loadDeck} from '../../source/deck/load-deck.js';
import type {Line} from '../../source/frame/frame.js';
import {maxTableColumns, maxTableRows} from '../../source/deck/bounded-table.js';
import {slideLineCap} from '../../source/layout/plan-blocks.js';
import {planSlide} from '../../source/layout/plan-slide.js';
import {lineWidth} from '../../source/text/wrap.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (lines: readonly Line[]) =>
	lines.map(line =>
		line
			.map(segment => segment.text)
			.join('')
			.trim(),
	);

const wide = {columns: 80, rows: 24};
const narrow = {columns: 1, rows: 3};
const decks: Record<string, [string, Array<typeof wide>]> = {
	'200,000 lines of a paragraph': [`# t\n\n${'word\n'.repeat(200_000)}`, [wide, narrow]],
	'a 200,000-item list': [`# t\n\n${'- item\n'.repeat(200_000)}`, [wide, narrow]],
	'a 150 KB paragraph at width 1': [`# t\n\n${'ab cd '.repeat(25_000)}\n`, [narrow]],
};

for (const [name, [source, sizes]] of Object.entries(decks)) {
	test(`${name}: laid out to the cap, marked on the slide, reported by check`, () => {
		const deck = loadDeck(utf8(source));
		const slide = deck.slides.at(-1)!;
		for (const size of sizes) {
			const frame = planSlide(deck.slides, slide.index, size, {showUrls: false});
			assert.equal(frame.lines.length, size.rows);
			for (const line of frame.lines) assert.ok(lineWidth(line) <= size.columns);
			assert.equal(frame.cut, slideLineCap, `${size.columns}x${size.rows}`);
			if (size.columns === 80) assert.match(text(frame.lines).join('\n'), /… over [\d,]+ more lines \(cut at 10,000\)/);
		}

		if (!sizes.includes(wide)) return;
		const found = checkDeck(deck, {file: 'deck.md', imageExists: () => false});
		assert.deepEqual(
			found.filter(item => item.code === 'cut').map(item => item.message),
			[`slide ${slide.index + 1} is longer than 10,000 lines: only those are laid out, and the slide says it is cut`],
		);
	});
}

test('a slide just under the cap is laid out whole and not marked as cut', () => {
	const deck = loadDeck(utf8(`# t\n\n${'word\n'.repeat(5000)}`));
	const frame = planSlide(deck.slides, 0, {columns: 80, rows: 24}, {showUrls: false});
	assert.equal(frame.cut, undefined);
	assert.match(text(frame.lines).join('\n'), /… 4,?\d+ more lines/);
});

test(`tables: at most ${maxTableRows} rows and ${maxTableColumns} columns read; what is left out is said in the table and by check`, () => {
	const row = (columns: number) => `|${' x |'.repeat(columns)}`;
	const table = (rows: number, columns: number) => `# t\n\n${row(columns)}\n|${'---|'.repeat(columns)}\n${`${row(columns)}\n`.repeat(rows)}`;
	const long = loadDeck(utf8(table(200_000, 2)));
	const wideTable = loadDeck(utf8(table(3, 1000)));
	const shown = (deck: typeof long) => text(planSlide(deck.slides, 0, {columns: 2000, rows: 1100}, {showUrls: false}).lines).filter(line => line !== '');
	const longLines = shown(long);
	assert.equal(longLines.at(-1), '… 199,000 more rows');
	assert.equal(longLines.filter(line => line === 'x │ x').length, maxTableRows + 1, 'the header and the rows');
	const wideLines = shown(wideTable);
	assert.match(wideLines[1]!, /^x( │ x){49} │ … 950 more columns$/);
	assert.match(wideLines[3]!, /^x( │ x){49} │ …$/);
	for (const [deck, shape] of [
		[long, '200,000 rows and 2 columns'],
		[wideTable, '3 rows and 1,000 columns'],
	] as const) {
		const found = checkDeck(deck, {file: 'deck.md', imageExists: () => false}).filter(item => item.code === 'table-cut');
		assert.deepEqual(
			found.map(item => item.message),
			[`a table of ${shape}: only the first 1,000 rows and 50 columns are shown, and the table says what is left out`],
		);
	}

	// At the caps exactly: nothing left out, nothing said.
	const full = loadDeck(utf8(table(maxTableRows, maxTableColumns)));
	assert.deepEqual(
		checkDeck(full, {file: 'deck.md', imageExists: () => false}).filter(item => item.code === 'table-cut'),
		[],
	);
	assert.doesNotMatch(shown(full).join('\n'), /more rows|more columns|…/);
});
