import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {loadDeck, prepareToLoad} from '../../source/deck/load-deck.js';
import {parseDeck} from '../../source/deck/parse-deck.js';
import type {Line} from '../../source/frame/frame.js';
import {planScreen} from '../../source/layout/plan-screen.js';
import {planSlide} from '../../source/layout/plan-slide.js';
import {struck} from '../../source/layout/plan-title.js';
import {lineWidth} from '../../source/text/wrap.js';
import {initialState} from '../../source/navigation/navigation.js';

const deck = loadDeck(readFileSync('fixtures/demo.txt'));
const text = (lines: readonly Line[]) =>
	lines.map(line =>
		line
			.map(segment => segment.text)
			.join('')
			.trimEnd(),
	);

test('every slide fills exactly the area and never exceeds its width, at many sizes', () => {
	for (const [columns, rows] of [
		[1, 1],
		[5, 3],
		[20, 6],
		[40, 12],
		[80, 22],
		[120, 38],
		[200, 48],
		[300, 100],
	] as const) {
		for (const slide of deck.slides) {
			const frame = planSlide(deck.slides, slide.index, {columns, rows}, {showUrls: true});
			assert.equal(frame.lines.length, rows, `slide ${slide.index + 1} at ${columns}x${rows}`);
			for (const line of frame.lines) assert.ok(lineWidth(line) <= columns, `slide ${slide.index + 1} at ${columns}x${rows}: ${lineWidth(line)}`);
		}
	}
});

test('a terminal session keeps one window: the frame of the next slide only adds text', () => {
	const size = {columns: 80, rows: 22};
	const [first, second, third] = [3, 4, 5].map(index => text(planSlide(deck.slides, index, size, {showUrls: true}).lines));
	const border = (lines: string[]) => lines.findIndex(line => line.includes('╭'));
	assert.equal(border(first!), border(second!));
	assert.equal(border(second!), border(third!));
	assert.equal(first![border(first!)], second![border(second!)], 'same width');
	assert.deepEqual(
		second!.map(line => line.replace(/\s+/g, ' ')),
		third!.map(line => line.replace(/\s+/g, ' ')),
		'a highlight-only change keeps every character in place',
	);
});

test('an image that is not there is a frame with its readable name', () => {
	const lines = text(planSlide(deck.slides, 6, {columns: 80, rows: 22}, {showUrls: true}).lines);
	assert.ok(lines.some(line => line.includes('📷 stage photo')));
	assert.ok(lines.some(line => line.includes('stage_photo.png')));
	assert.ok(lines.some(line => line.includes('lectern on npm <https://www.npmjs.com/package/lectern> made for speakers')));
	assert.ok(lines.some(line => line.trim().startsWith('╭')));
});

test('a wide image keeps 16:9 in cells (about 32:9)', () => {
	const wide = parseDeck('~@ wide.png\n');
	const lines = text(planSlide(wide.slides, 0, {columns: 120, rows: 38}, {showUrls: true}).lines).filter(
		line => line.includes('│') || line.includes('╭') || line.includes('╰'),
	);
	const width = lines[0]!.trim().length;
	assert.ok(Math.abs(lines.length / width - 9 / 32) < 0.05, `${lines.length} rows for ${width} columns`);
});

test('a text slide too tall for the screen says how much is cut', () => {
	const long = parseDeck(Array.from({length: 40}, (_, index) => `line ${index + 1}`).join('\n'));
	const frame = planSlide(long.slides, 0, {columns: 80, rows: 22}, {showUrls: true});
	assert.ok(frame.overflow && frame.overflow > 0);
	assert.ok(text(frame.lines).some(line => /… \d+ more lines/.test(line)));
});

test('the screen is the slide area plus a status bar, one row less than the terminal', () => {
	const lines = planScreen({slides: deck.slides, nav: initialState(deck.slides.length), size: {columns: 80, rows: 24}, layout: {showUrls: false}});
	assert.equal(lines.length, 23);
	assert.equal(text(lines).at(-1)!, ' 1/10', "the audience's quiet counter");
});

test('long lines in a terminal window wrap at the last column, as a terminal does', () => {
	const session = parseDeck(`$$terminal bash\n$$prompt ~\ncat long.txt<br>\n${'word '.repeat(30)}end<br>\n$$w\n`);
	const lines = text(planSlide(session.slides, 0, {columns: 60, rows: 22}, {showUrls: true}).lines).filter(line => line.includes('│ '));
	const inner = lines.map(line => line.slice(line.indexOf('│ ') + 2, line.lastIndexOf(' │')));
	const wrapped = inner.filter(line => line.startsWith('word') || line.startsWith('rd') || line.startsWith('ord') || line.startsWith('d '));
	assert.ok(wrapped.length >= 2);
	assert.equal(wrapped[0]!.trimEnd().length, inner[0]!.length, 'the first row is filled to the last column');
});

test('<br> starts a new line in a paragraph, a heading and a list item of a text slide (issue 14)', () => {
	const deck = parseDeck('line a<br>line b\n\n## one<br>two\n\n- first<br>second\n');
	const text = planSlide(deck.slides, 0, {columns: 40, rows: 20}, {showUrls: false})
		.lines.map(line =>
			line
				.map(segment => segment.text)
				.join('')
				.trim(),
		)
		.filter(Boolean);
	assert.deepEqual(text, ['line a', 'line b', 'one', 'two', '• first', 'second']);
});

test('a title with struck-out words is drawn as bold text that keeps the strike: big letters would drop it and say the opposite', async () => {
	const bytes = readFileSync('fixtures/formats/slides.md');
	await prepareToLoad(bytes);
	const slides = loadDeck(bytes).slides;
	const slide = slides.find(each => each.kind === 'title' && struck(each.title))!;
	for (const size of [
		{columns: 78, rows: 22},
		{columns: 198, rows: 48},
	]) {
		const lines = planSlide(slides, slide.index, size, {showUrls: true}).lines;
		const segments = lines.flat();
		assert.equal(
			segments
				.filter(segment => segment.style?.strike)
				.map(segment => segment.text)
				.join(''),
			'PowerPoint',
		);
		assert.ok(text(lines).some(line => line.trim() === 'Welcome to PowerPoint the terminal'));
		assert.ok(
			segments.filter(segment => segment.text.trim() !== '').every(segment => !/[█▀▄▐▌▘▝▖▗]/.test(segment.text)),
			'no big letters',
		);
	}
});

test("remark's `.footnote[...]` is pinned to the bottom of the slide, on the same row at every step, not left in the flow between the steps", async () => {
	const bytes = readFileSync('fixtures/formats/remark-deck.md');
	await prepareToLoad(bytes);
	const slides = loadDeck(bytes).slides;
	const size = {columns: 78, rows: 22};
	const rows = new Set<number>();
	let steps = 0;
	for (const slide of slides) {
		const shown = text(planSlide(slides, slide.index, size, {showUrls: true}).lines);
		const footnote = shown.findIndex(line => line.includes('TeaCon 2024'));
		if (footnote === -1) continue;
		steps++;
		rows.add(footnote);
		assert.ok(
			shown.slice(footnote + 1).every(line => line.trim() === ''),
			`slide ${slide.index + 1}: nothing below the footnote\n${shown.join('\n')}`,
		);
	}

	assert.ok(steps >= 4, `${steps} slides with the footnote`);
	assert.equal(rows.size, 1, 'the footnote stays on one row');
	assert.ok([...rows][0]! >= size.rows - 3, 'at the bottom');
});

test('the steps of an incremental slide are laid out in the frame of the last: what shows never moves as the later parts come in', async () => {
	let compared = 0;
	for (const file of [
		'fixtures/formats/patat.md',
		'fixtures/formats/mdp.md',
		'fixtures/formats/lookatme.md',
		'fixtures/formats/remark-deck.md',
		'fixtures/demo.txt',
	]) {
		const bytes = readFileSync(file);
		await prepareToLoad(bytes);
		const slides = loadDeck(bytes).slides;
		for (const slide of slides) {
			if (slide.kind !== 'text' || !slide.step || slide.step.index === slide.step.of) continue;
			const last = slides[slide.index + slide.step.of - slide.step.index]!;
			for (const size of [
				{columns: 78, rows: 22},
				{columns: 198, rows: 48},
			]) {
				const shown = text(planSlide(slides, slide.index, size, {showUrls: true}).lines);
				const final = text(planSlide(slides, last.index, size, {showUrls: true}).lines);
				for (const [row, line] of shown.entries()) {
					if (line.trim() === '') continue;
					assert.ok(
						final[row]!.startsWith(line),
						`${file} slide ${slide.index + 1} at ${size.columns}x${size.rows}, row ${row}: ${JSON.stringify(line)} is ${JSON.stringify(final[row])} in the last step`,
					);
				}

				compared++;
			}
		}
	}

	assert.ok(compared >= 10, `${compared} steps compared`);
});
