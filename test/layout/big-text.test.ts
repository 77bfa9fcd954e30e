import assert from 'node:assert/strict';
import {describe, it, test} from 'node:test';
import figlet from 'figlet';
import ansiRegularFont from 'figlet/fonts/ANSI Regular';
import ansiShadowFont from 'figlet/fonts/ANSI Shadow';
import smallFont from 'figlet/fonts/Small';
import smallBlockFont from 'figlet/fonts/Small Block';
import standardFont from 'figlet/fonts/Standard';
import stringWidth from 'string-width';
import {plainEmojiGlyph, type EmojiPainter} from '../../source/layout/big-emoji.js';
import {bundledFontMetrics, measureFontMetrics} from '../../source/layout/big-font-metrics.js';
import {ensureParsed, figletRows, fontChain} from '../../source/layout/big-fonts.js';
import {layoutBigTitle, type BigTitle} from '../../source/layout/big-text.js';
import type {TitleLine} from '../../source/layout/big-words.js';
import type {Glyph} from '../../source/frame/frame.js';
import type {Line} from '../../source/frame/frame.js';
import {assertLinear} from '../support/growth.js';

const fontData: Record<string, string> = {
	'ANSI Shadow': ansiShadowFont,
	'ANSI Regular': ansiRegularFont,
	Standard: standardFont,
	Small: smallFont,
	'Small Block': smallBlockFont,
};

const text = (line: Line) => line.map(segment => segment.text).join('');
const texts = (title: BigTitle) => title.lines.map(line => text(line));
const plain = (...lines: string[]): TitleLine[] => lines.map(line => [{type: 'text', text: line}]);

/** The scaled steps of ANSI Regular: their base font and how many cells wide and rows tall a cell becomes. */
const scaledFonts: Record<string, {base: string; x: number; y: number}> = {
	'ANSI Regular 3x': {base: 'ANSI Regular', x: 3, y: 3},
	'ANSI Regular 2x': {base: 'ANSI Regular', x: 2, y: 2},
	'ANSI Regular wide': {base: 'ANSI Regular', x: 2, y: 1},
	'Small Block wide': {base: 'Small Block', x: 2, y: 1},
};

/** A quadrant character at double width, as two half-block cells (its left and right halves). */
const wideQuadrants: Record<string, string> = {
	' ': '  ',
	'▘': '▀ ',
	'▝': ' ▀',
	'▀': '▀▀',
	'▖': '▄ ',
	'▌': '█ ',
	'▞': '▄▀',
	'▛': '█▀',
	'▗': ' ▄',
	'▚': '▀▄',
	'▐': ' █',
	'▜': '▀█',
	'▄': '▄▄',
	'▙': '█▄',
	'▟': '▄█',
	'█': '██',
};

/**
 * A word as figlet draws it on its own: blank rows dropped, common blank columns on the left removed, rows right-trimmed (scaled for the scaled steps).
 * `withAdded`: in the font as lectern parsed it, with the glyphs it adds (big-fonts.ts; lectern has laid out a title in it already).
 */
function stamp(font: string, word: string, withAdded = false): string[] {
	const scaled = scaledFonts[font];
	if (scaled)
		return stamp(scaled.base, word, withAdded).flatMap(row =>
			Array.from({length: scaled.y}, () =>
				[...row].map(cell => (scaled.x === 2 && scaled.y === 1 ? wideQuadrants[cell] : undefined) ?? cell.repeat(scaled.x)).join(''),
			),
		);
	// Under a name of its own: parsing it under lectern's name would drop the glyphs lectern adds (big-fonts.ts).
	const stock = `${font} (stock)`;
	figlet.parseFont(stock, fontData[font]!);
	const rows = figlet.textSync(word, {font: (withAdded ? font : stock) as typeof font, horizontalLayout: 'default', verticalLayout: 'full'}).split('\n');
	const first = rows.findIndex(row => row.trim() !== '');
	const last = rows.findLastIndex(row => row.trim() !== '');
	const inked = rows.slice(first, last + 1);
	const left = Math.min(...inked.filter(row => row.trim() !== '').map(row => row.length - row.trimStart().length));
	return inked.map(row => row.slice(left).trimEnd());
}

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/** A row as cells: a wide character is followed by an empty placeholder cell. */
function cells(row: string): string[] {
	return [...segmenter.segment(row)].flatMap(({segment}) => [segment, ...Array.from({length: Math.max(0, stringWidth(segment) - 1)}, () => '\u0000')]);
}

/** How many times the stamp occurs in the output (rows consecutive, same column in cells). */
function countStamp(lines: readonly string[], rows: readonly string[]): number {
	const grid = lines.map(line => cells(line));
	let count = 0;
	for (let top = 0; top + rows.length <= grid.length; top++) {
		for (let column = 0; column < grid[top]!.length; column++) {
			if (rows.every((row, index) => grid[top + index]!.slice(column, column + row.length).join('') === row)) count++;
		}
	}

	return count;
}

function assertFits(title: BigTitle, box: {columns: number; rows: number}) {
	assert.ok(title.lines.length <= box.rows, `${title.lines.length} rows in a box of ${box.rows}`);
	let widest = 0;
	for (const line of title.lines) {
		const width = stringWidth(text(line));
		assert.ok(width <= box.columns, `a line ${width} wide in a box of ${box.columns}: ${JSON.stringify(text(line))}`);
		widest = Math.max(widest, width);
		for (const segment of line) assert.notEqual(segment.text, '');
	}

	assert.equal(title.width, widest);
}

function assertWordsIntact(title: BigTitle, words: readonly string[]) {
	for (const word of words) {
		assert.ok(countStamp(texts(title), stamp(title.font, word)) >= 1, `"${word}" drawn whole in ${title.font}`);
	}
}

const question = 'What is deployment, anyway?';

describe('layoutBigTitle', () => {
	it('draws a short title in ANSI Shadow on an 80x24 terminal', () => {
		const title = layoutBigTitle(plain('Thanks!'), {columns: 80, rows: 24});
		assert.equal(title.font, 'ANSI Shadow');
		assert.equal(title.lines.length, 6);
		assertFits(title, {columns: 80, rows: 24});
		assert.deepEqual(texts(title), stamp('ANSI Shadow', 'Thanks!'));
		for (const line of title.lines) assert.deepEqual(line, [{text: line[0]!.text, style: {fg: 'heading', bold: true}}]);
	});

	it("a long title at 80x24 whose words are too wide for the block fonts takes Small Block's solid letters at double width, filling the width", () => {
		const box = {columns: 80, rows: 24};
		const title = layoutBigTitle(plain(question), box);
		assert.equal(title.font, 'Small Block wide');
		assertFits(title, box);
		assert.ok(title.width >= 0.75 * box.columns, `${title.width} of ${box.columns} columns`);
		assertWordsIntact(title, question.split(' '));
	});

	it('wraps a long title at word boundaries', () => {
		const box = {columns: 60, rows: 24};
		const title = layoutBigTitle(plain(question), box);
		assertFits(title, box);
		assert.ok(title.lines.length > 6, 'wrapped onto several lines');
		assertWordsIntact(title, question.split(' '));
	});

	it('falls back to a smaller font at 40x12', () => {
		const box = {columns: 40, rows: 12};
		const title = layoutBigTitle(plain(question), box);
		assert.ok(['Small', 'Small Block'].includes(title.font), title.font);
		assertFits(title, box);
		assertWordsIntact(title, question.split(' '));
	});

	it('falls back to plain bold text at 12x6', () => {
		const box = {columns: 12, rows: 6};
		const title = layoutBigTitle(plain(question), box);
		assert.equal(title.font, 'plain');
		assertFits(title, box);
		assert.equal(texts(title).join(' '), question);
		assert.deepEqual(title.lines[0], [{text: 'What is', style: {fg: 'heading', bold: true}}]);
	});

	it('breaks a word wider than the box between grapheme clusters, in plain text', () => {
		const box = {columns: 4, rows: 10};
		const title = layoutBigTitle(plain('ab👩‍💻cdé'), box);
		assert.equal(title.font, 'plain');
		assertFits(title, box);
		assert.deepEqual(texts(title), ['ab👩‍💻', 'cdé']);
	});

	it('ends plain text that does not fit with an ellipsis', () => {
		const title = layoutBigTitle(plain('one two three four'), {columns: 5, rows: 2});
		assert.deepEqual(texts(title), ['one', 'two…']);
	});

	it('uses ANSI Regular tripled where it fits (120x40 and up for a short word)', () => {
		for (const box of [
			{columns: 120, rows: 40},
			{columns: 250, rows: 70},
		]) {
			const title = layoutBigTitle(plain('WSGI'), box);
			assert.equal(title.font, 'ANSI Regular 3x');
			assert.equal(title.lines.length, 15);
			assertFits(title, box);
			assert.deepEqual(
				texts(title),
				stamp('ANSI Regular 3x', 'WSGI').map(row => row.padEnd(title.width)),
			);
		}
	});

	it('uses ANSI Regular doubled at 80x24', () => {
		const title = layoutBigTitle(plain('WSGI'), {columns: 80, rows: 22});
		assert.equal(title.font, 'ANSI Regular 2x');
		assert.equal(title.lines.length, 10);
		assertFits(title, {columns: 80, rows: 22});
		const rows = texts(title);
		const small = stamp('ANSI Regular', 'WSGI').map(row => row.padEnd(rows[0]!.length / 2));
		for (const [index, row] of rows.entries()) {
			assert.match(row, /^[█ ]+$/);
			assert.equal(row, [...small[Math.floor(index / 2)]!].map(cell => cell + cell).join(''));
		}
	});

	it('a scaled step is used only when the whole title fits; double width only on a wide, low area', () => {
		assert.equal(layoutBigTitle(plain('WSGI'), {columns: 250, rows: 14}).font, 'ANSI Regular 2x');
		assert.equal(layoutBigTitle(plain('WSGI'), {columns: 250, rows: 9}).font, 'ANSI Shadow');
		assert.equal(layoutBigTitle(plain('WSGI'), {columns: 250, rows: 5}).font, 'ANSI Regular wide');
		const long = 'one two three four five six seven eight nine ten eleven twelve';
		const title = layoutBigTitle(plain(long), {columns: 250, rows: 40});
		assert.notEqual(title.font, 'ANSI Regular 3x');
		assertFits(title, {columns: 250, rows: 40});
	});

	it('skips fonts that lack a character: Café is drawn in Small Block (at double width), accent included', () => {
		const title = layoutBigTitle(plain('Café'), {columns: 80, rows: 24});
		assert.equal(title.font, 'Small Block wide');
		assert.notDeepEqual(texts(title), texts(layoutBigTitle(plain('Cafe'), {columns: 80, rows: 24})));
	});

	it('treats a decomposed accent like a composed one', () => {
		assert.deepEqual(layoutBigTitle(plain('Cafe\u0301'), {columns: 80, rows: 24}), layoutBigTitle(plain('Café'), {columns: 80, rows: 24}));
	});

	it('draws typographic punctuation with ASCII stand-ins when the font lacks it', () => {
		const title = layoutBigTitle(plain('It’s “done” — really…'), {columns: 120, rows: 30});
		assert.notEqual(title.font, 'plain');
		assert.deepEqual(texts(title), texts(layoutBigTitle(plain(`It's "done" - really...`), {columns: 120, rows: 30})));
	});

	it('falls back to plain text for CJK and keeps the characters', () => {
		const title = layoutBigTitle(plain('日本語'), {columns: 80, rows: 24});
		assert.equal(title.font, 'plain');
		assert.deepEqual(texts(title), ['日本語']);
		assert.equal(title.width, 6);
	});

	it('draws emoji inline with the default painter and keeps the quotes', () => {
		const pieces: TitleLine = [
			{type: 'text', text: '"'},
			{type: 'emoji', cluster: '🦄'},
			{type: 'text', text: ' '},
			{type: 'emoji', cluster: '🚚'},
			{type: 'text', text: ' '},
			{type: 'emoji', cluster: '☁️'},
			{type: 'emoji', cluster: '❓'},
			{type: 'text', text: '"'},
		];
		const box = {columns: 120, rows: 40};
		const title = layoutBigTitle([pieces], box);
		assert.notEqual(title.font, 'plain');
		assertFits(title, box);
		const all = texts(title).join('\n');
		for (const emoji of ['🦄', '🚚', '☁️', '❓']) assert.equal(all.split(emoji).length - 1, 1, emoji);
		assert.equal(countStamp(texts(title), stamp(title.font, '"', true)), 2);
		for (const line of title.lines) for (const segment of line) assert.deepEqual(segment.style, {fg: 'heading', bold: true});
	});

	it('starts a new line at each forced line break', () => {
		const box = {columns: 40, rows: 30};
		const title = layoutBigTitle(plain('One', 'Two'), box);
		assert.equal(title.font, 'ANSI Shadow');
		assertFits(title, box);
		const rows = texts(title);
		assert.equal(rows.length, 13);
		assert.equal(countStamp(rows.slice(0, 6), stamp('ANSI Shadow', 'One')), 1);
		assert.equal(countStamp(rows.slice(7), stamp('ANSI Shadow', 'Two')), 1);
		assert.equal(rows[6], '');
	});

	it('drops empty forced lines at the ends and keeps those in the middle', () => {
		const title = layoutBigTitle(plain(' ', 'One', '', 'Two', '\u00a0'), {columns: 40, rows: 30});
		assert.equal(title.font, 'ANSI Shadow');
		assert.equal(title.lines.length, 6 + 1 + 6 + 1 + 6);
	});

	it('places a custom painter glyph at the font height, bottom-aligned and part of its word', () => {
		const calls: [string, number][] = [];
		const painter: EmojiPainter = (cluster, height): Glyph => {
			calls.push([cluster, height]);
			return {width: 7, height, lines: Array.from({length: height}, () => [{text: 'XXXXXXX', style: {fg: '#ff0000'}}])};
		};

		const title = layoutBigTitle(
			[
				[
					{type: 'text', text: 'Hi'},
					{type: 'emoji', cluster: '🦄'},
				],
			],
			{columns: 25, rows: 24},
			{emoji: painter},
		);
		assert.equal(title.font, 'ANSI Shadow');
		// Larger steps were tried first; the glyph drawn is the one at ANSI Shadow's height.
		assert.deepEqual(calls.at(-1), ['🦄', 6]);
		assert.equal(title.lines.length, 6);
		const word = stamp('ANSI Shadow', 'Hi');
		const wordWidth = Math.max(...word.map(row => row.length));
		assert.equal(title.width, wordWidth + 1 + 7);
		for (const line of title.lines) {
			assert.ok(text(line).endsWith(' XXXXXXX'));
			assert.deepEqual(line.at(-1), {text: 'XXXXXXX', style: {fg: '#ff0000'}});
		}

		const short: EmojiPainter = () => ({width: 3, height: 2, lines: [[{text: 'ooo'}], [{text: 'ooo'}]]});
		const shortTitle = layoutBigTitle([[{type: 'emoji', cluster: '🦄'}]], {columns: 25, rows: 6}, {emoji: short});
		const height = shortTitle.lines.length;
		assert.ok(height >= 5, shortTitle.font);
		assert.deepEqual(texts(shortTitle), [...Array.from({length: height - 2}, () => '   '), 'ooo', 'ooo']);
	});

	it('keeps an emoji with the word it touches when wrapping', () => {
		const painter: EmojiPainter = (_cluster, height) => ({width: 8, height, lines: Array.from({length: height}, () => [{text: '########'}])});
		const box = {columns: 60, rows: 24};
		const title = layoutBigTitle(
			[
				[
					{type: 'text', text: 'go '},
					{type: 'emoji', cluster: '🚀'},
					{type: 'text', text: 'now'},
				],
			],
			box,
			{emoji: painter},
		);
		assertFits(title, box);
		const rows = texts(title);
		const withEmoji = rows.filter(row => row.includes('########'));
		assert.ok(withEmoji.length > 0);
		const now = stamp(title.font, 'now');
		assert.equal(countStamp(rows, now), 1);
		// "now" is on the same big line as the emoji, right after it.
		const top = rows.findIndex(row => row.includes('########'));
		assert.ok(countStamp(rows.slice(top, top + withEmoji.length + 1), now) === 1);
	});

	it('treats a non-breaking space as part of the word', () => {
		const box = {columns: 40, rows: 30};
		const broken = layoutBigTitle(plain('Big data'), box);
		assert.equal(broken.font, 'ANSI Shadow');
		assert.equal(broken.lines.length, 13);
		const joined = layoutBigTitle(plain('Big\u00a0data'), box);
		assert.notEqual(joined.font, 'ANSI Shadow');
		assertFits(joined, box);
		assert.ok(joined.lines.length <= 6, 'one line');
	});

	it('gives no lines for a title of only spaces and non-breaking spaces', () => {
		for (const title of [plain('\u00a0'), plain(' \u00a0 \u00a0'), plain(''), [], plain('\u00a0', ' ')]) {
			const big = layoutBigTitle(title, {columns: 80, rows: 24});
			assert.deepEqual(big.lines, []);
			assert.equal(big.width, 0);
		}
	});

	it('uses the given style', () => {
		const style = {fg: 'accent', italic: true} as const;
		for (const box of [
			{columns: 80, rows: 24},
			{columns: 5, rows: 5},
		]) {
			const title = layoutBigTitle(plain('Hello'), box, {style});
			for (const line of title.lines) for (const segment of line) assert.deepEqual(segment.style, style);
		}
	});

	it('lays out a title in time linear in its length (the time of one is in npm run bench)', () => {
		const words = (count: number) => plain(Array.from({length: count}, (_, index) => `word${index}`).join(' '));
		assertLinear('a title of many words', 40, count => layoutBigTitle(words(count), {columns: 80, rows: 24}));
	});

	it('never throws nor leaves the box for random titles', () => {
		let seed = 0x1ec7e2;
		const random = () => {
			seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
			return seed / 2_147_483_648;
		};

		const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
		const characters = [
			...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
			...'     ',
			'\u00a0',
			'\t',
			'\n',
			'\u0007',
			'\u200b',
			'é',
			'e\u0301',
			'ß',
			'Ł',
			'日',
			'語',
			'"',
			'?',
			'!',
			',',
			'—',
			'👩‍💻',
		];
		const emoji = ['🦄', '☁️', '❓', '👩‍💻', '🇫🇷', '1️⃣'];
		const painters: (EmojiPainter | undefined)[] = [
			undefined,
			(_cluster, height) => ({width: 5, height, lines: Array.from({length: height}, () => [{text: '▓▓▓▓▓', style: {fg: '#123456'}}])}),
			() => ({width: 3, height: 1, lines: [[{text: 'too wide for three'}]]}),
			() => ({width: Number.NaN, height: 9, lines: Array.from({length: 9}, () => [{text: '日本'}])}),
		];

		for (let index = 0; index < 500; index++) {
			const title: TitleLine[] = Array.from({length: 1 + Math.floor(random() * 3)}, () =>
				Array.from({length: Math.floor(random() * 6)}, () =>
					random() < 0.2
						? {type: 'emoji' as const, cluster: pick(emoji)}
						: {type: 'text' as const, text: Array.from({length: Math.floor(random() * 12)}, () => pick(characters)).join('')},
				),
			);
			const box = {columns: 1 + Math.floor(random() * 300), rows: 1 + Math.floor(random() * 100)};
			const painter = pick(painters);
			const big = layoutBigTitle(title, box, painter ? {emoji: painter} : {});
			try {
				assertFits(big, box);
			} catch (error) {
				throw new Error(`${JSON.stringify(title)} in ${box.columns}x${box.rows} (${big.font}): ${(error as Error).message}`, {cause: error});
			}
		}
	});
});

describe('plainEmojiGlyph', () => {
	it('draws the emoji on the middle row, two cells wide', () => {
		const glyph = plainEmojiGlyph('🦄', 5);
		assert.equal(glyph.width, 2);
		assert.equal(glyph.height, 5);
		assert.deepEqual(
			glyph.lines.map(line => text(line)),
			['  ', '  ', '🦄', '  ', '  '],
		);
		assert.deepEqual(plainEmojiGlyph('🦄', 1).lines, [[{text: '🦄'}]]);
	});
});

test('the metrics kept for the bundled fonts are the ones measured from their glyphs', () => {
	for (const [name, kept] of Object.entries(bundledFontMetrics())) assert.deepEqual(kept, measureFontMetrics(name), name);
});

test("Small Block's letters never meet across a cell edge: FIGlet's `ll` was one bar with a hook (▜▜, read as П), it is two (▜ ▜)", () => {
	const small = fontChain.find(font => font.figletName === 'Small Block')!;
	ensureParsed(small);
	assert.deepEqual(figletRows('Small Block', 'll'), ['▜ ▜ ', '▐ ▐ ', '▐ ▐ ', ' ▘ ▘']);
	assert.ok(figletRows('Small Block', 'still')[0]!.includes('▜ ▜'));
	// Where no two letters meet, the run is drawn as FIGlet draws it.
	for (const word of ['What', 'missing', 'Deployment', 'WSGI', 'Thanks', '2019']) {
		assert.deepEqual(
			figletRows('Small Block', word),
			figlet.textSync(word, {font: 'Small Block', horizontalLayout: 'default', verticalLayout: 'full'}).split('\n'),
			word,
		);
	}
});
