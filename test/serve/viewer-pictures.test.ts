/**
 * Pictures for SSH viewers (#15): inline pictures and SVG files are drawn for them as
 * half-blocks, as in the player (resvg loaded only for a deck that names an SVG).
 */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {parseDeck} from '../../source/deck/parse-deck.js';
import {initialState} from '../../source/navigation/navigation.js';
import {FrameCache} from '../../source/serve/frames.js';
import {ViewerPictures} from '../../source/serve/viewer-pictures.js';

const deck = parseDeck(readFileSync('fixtures/inline/deck.txt', 'utf8'));
const plain = (row: string) => row.replaceAll(/\u001B\[[\d;]*m/g, '');

test('an SVG under a title, a PNG among words and a broken SVG, for viewers at 256 colours and 24-bit colour', async () => {
	const pictures = new ViewerPictures({images: 'auto', deckFolder: 'fixtures/inline'});
	try {
		const source = await pictures.forDeck(deck.slides);
		assert.ok(source, 'the deck has pictures');
		for (const level of [2, 3] as const) {
			const draw = source(level);
			assert.ok(draw);
			const svg = draw('mark.svg', {columns: 40, rows: 8});
			assert.equal(svg.state, 'ready', `mark.svg at level ${level}: ${JSON.stringify(svg)}`);
			assert.equal(draw('badge.png', {columns: 40, rows: 8}).state, 'ready');
			const broken = draw('broken.svg', {columns: 40, rows: 8});
			assert.equal(broken.state, 'failed');
		}

		const frames = new FrameCache();
		for (const size of [
			{columns: 80, rows: 24},
			{columns: 120, rows: 40},
			{columns: 200, rows: 50},
		]) {
			const frame = frames.frame(
				{slides: deck.slides, version: 1, pictures: source},
				{nav: initialState(deck.slides.length), terminal: {cursorOn: true}, hint: '', key: 'first'},
				size,
				3,
			);
			const rows = frame.rows.map(row => plain(row));
			assert.ok(rows.filter(row => /[▀▄]/.test(row)).length >= 3, `the SVG drawn at ${size.columns}x${size.rows}:\n${rows.join('\n')}`);
			assert.ok(!rows.join('\n').includes('mark.svg'), 'not its alt text');
		}
	} finally {
		pictures.close();
	}
});
