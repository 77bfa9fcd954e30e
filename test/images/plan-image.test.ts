import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {after, describe, it} from 'node:test';
import type {Image} from '../../source/deck/model.js';
import {loadDeck} from '../../source/deck/load-deck.js';
import {placementsIn} from '../../source/graphics/placement.js';
import {ImageStore} from '../../source/images/index.js';
import type {Glyph, Line, Size} from '../../source/frame/frame.js';
import {planImage, type Picture, type PictureSource} from '../../source/layout/plan-image.js';
import {slideArea} from '../../source/layout/plan-screen.js';
import {planSlide, type LayoutOptions} from '../../source/layout/plan-slide.js';
import {cellAt, fixture, fixtureFolder, lineWidth, quadrantColours} from './helpers.js';

const text = (lines: readonly Line[]) => lines.map(line => line.map(segment => segment.text).join(''));
const image = (src: string, mode: Image['mode'] = 'full'): Image => ({src, mode, line: 1});
const caption = {type: 'caption', content: [{type: 'text', text: 'a caption'}], line: 2} as const;

/** A glyph of `width` x `height` cells, all `▀` in one colour. */
function solidGlyph(width: number, height: number): Glyph {
	return {width, height, lines: Array.from({length: height}, () => [{text: '▀'.repeat(width), style: {fg: '#112233', bg: '#112233'}}])};
}

/** A picture source that records the boxes asked for and answers `answer(box)`. */
function source(answer: (box: Size) => Picture): PictureSource & {boxes: Size[]} {
	const boxes: Size[] = [];
	const pictures = (_src: string, box: Size) => {
		boxes.push(box);
		return answer(box);
	};

	return Object.assign(pictures, {boxes});
}

const box = {columns: 72, rows: 21};
const base = {showUrls: true};

describe('planImage', () => {
	it('ready: the glyph centered in the placeholder box, the caption under it where it was', () => {
		const pictures = source(({columns, rows}) => ({state: 'ready', glyph: solidGlyph(Math.min(columns, 40), rows - 3)}));
		const lines = planImage(image('photo.png'), [caption], box, {...base, pictures});
		const alt = planImage(image('photo.png'), [caption], box, base);
		assert.deepEqual(pictures.boxes, [{columns: 72, rows: 19}], 'the area above the caption and its gap');
		assert.equal(lines.length, alt.length, 'the same height as the alt text: nothing moves when the picture arrives');
		assert.deepEqual(lines.at(-1), alt.at(-1), 'the caption');
		const rows = text(lines.slice(0, 19));
		assert.equal(rows[0]!.trim(), '', 'padding above (3 rows spare: 1 above, 2 below)');
		assert.equal(rows[1]!.trimEnd(), `${' '.repeat(16)}${'▀'.repeat(40)}`, 'centered');
		assert.equal(rows[16]!.trim().length, 40);
		assert.equal(rows[17]!.trim(), '');
		assert.equal(rows[18]!.trim(), '');
		for (const line of lines) assert.ok(lineWidth(line) <= box.columns);
	});

	it('drawn by the terminal: blank cells that carry the picture, centered like a glyph, found whole on the screen', () => {
		const graphic = {key: 'photo.png 40x16', columns: 40, rows: 16, payload: {format: 'png', width: 80, height: 64, bytes: new Uint8Array()}} as const;
		const lines = planImage(image('photo.png'), [caption], box, {...base, pictures: () => ({state: 'graphic', graphic})});
		const alt = planImage(image('photo.png'), [caption], box, base);
		assert.equal(lines.length, alt.length, 'the same height as the alt text');
		assert.ok(
			text(lines)
				.slice(0, 19)
				.every(row => row.trim() === ''),
			'no text where the picture goes',
		);
		// 3 rows spare (1 above, 2 below), 32 columns spare (16 each side); in the presenter's pane or with margins it moves with the lines.
		assert.deepEqual(placementsIn(lines), [{graphic, row: 1, column: 16}]);
		assert.deepEqual(placementsIn([[{text: '  │ '}], ...lines.map(line => [{text: '    '}, ...line])]), [{graphic, row: 2, column: 20}]);
		assert.deepEqual(placementsIn(lines.slice(0, 10)), [], 'cut short: not drawn over what follows');
	});

	it('wide: asks for the 32:9 box', () => {
		const pictures = source(() => ({state: 'pending'}));
		planImage(image('wide.png', 'wide'), [], {columns: 72, rows: 21}, {...base, pictures});
		assert.deepEqual(pictures.boxes, [{columns: 72, rows: 20}]);
	});

	it('pending: the alt-text frame with a dim "loading…" line', () => {
		const lines = planImage(image('sprout_localhost_0.png'), [], box, {...base, pictures: () => ({state: 'pending'})});
		const rows = text(lines);
		assert.ok(rows[0]!.includes('╭') && rows.at(-1)!.includes('╰'));
		assert.ok(rows.some(row => row.includes('📷 sprout localhost 0')));
		assert.ok(rows.some(row => row.includes('sprout_localhost_0.png')));
		const loading = lines.find(line => line.some(segment => segment.text === 'loading…'));
		assert.ok(loading, 'a loading line');
		assert.equal(loading.find(segment => segment.text === 'loading…')!.style?.dim, true);
	});

	it('failed: the alt-text frame with the reason, dimmed', () => {
		const reason = 'corrupt PNG: the file is cut short';
		const lines = planImage(image('broken.png'), [caption], box, {...base, pictures: () => ({state: 'failed', reason})});
		const line = lines.find(candidate => candidate.some(segment => segment.text === reason));
		assert.ok(line, 'the reason is shown');
		assert.equal(line.find(segment => segment.text === reason)!.style?.dim, true);
		assert.ok(text(lines).some(row => row.includes('broken.png')));
	});

	it('missing, or no pictures at all: the alt text exactly as before', () => {
		const alt = planImage(image('gone.png'), [caption], box, base);
		assert.deepEqual(planImage(image('gone.png'), [caption], box, {...base, pictures: () => ({state: 'missing', reason: 'not found'})}), alt);
		assert.ok(!text(alt).some(row => row.includes('not found')));
	});

	it('a small frame keeps the name and the note before the file name', () => {
		const lines = planImage(image('photo.png'), [], {columns: 40, rows: 4}, {...base, pictures: () => ({state: 'failed', reason: 'too big'})});
		const rows = text(lines);
		assert.equal(rows.length, 4);
		assert.ok(rows[1]!.includes('📷 photo') && rows[2]!.includes('too big'), rows.join('\n'));
	});

	it('an inline image is drawn in the flow when its picture is ready, and is one line of alt text when none can be drawn', () => {
		const pictures = source(() => ({state: 'ready', glyph: solidGlyph(10, 5)}));
		const lines = planImage(image('logo.png', 'inline'), [], box, {...base, pictures});
		assert.equal(lines.filter(line => line.length > 0).length, 5, 'the picture');
		assert.equal(pictures.boxes.length, 1, 'asked once');
		const missing = planImage(image('logo.png', 'inline'), [], box, {...base, pictures: source(() => ({state: 'missing', reason: 'not found'}))});
		assert.deepEqual(
			text(missing)
				.filter(row => row.trim() !== '')
				.map(row => row.trim()),
			['📷 logo logo.png'],
		);
	});
});

describe('the fixture deck (fixtures/images/deck.txt)', () => {
	const deck = loadDeck(readFileSync(fixture('deck.txt')));
	const images = new ImageStore(fixtureFolder, {level: 3});
	after(() => images.close());
	const layout = (): LayoutOptions => ({showUrls: true, pictures: (src, box) => images.pictureSync(src, box)});
	const slideWith = (src: string) => deck.slides.findIndex(slide => slide.kind === 'image' && slide.image.src === src);

	it('parses as image slides of each kind, with a caption', () => {
		const kinds = deck.slides.map(slide => (slide.kind === 'image' ? `${slide.image.mode} ${slide.image.src}` : slide.kind));
		assert.deepEqual(kinds, [
			'title',
			'full quadrants.png',
			'wide wide.png',
			'full quadrants.jpg',
			'inline two-frames.gif',
			'text',
			'full not-here.png',
			'full corrupt.png',
			'full damaged.png',
			'full logo.svg',
		]);
	});

	for (const [columns, rows, pictureSize] of [
		[80, 24, [72, 18]],
		[200, 50, [176, 44]],
	] as const) {
		it(`at ${columns}x${rows}: pictures where they can be drawn, alt text elsewhere`, async () => {
			await images.loadDecoders();
			const area = slideArea({columns, rows});
			const frame = (src: string) => planSlide(deck.slides, slideWith(src), area, layout());
			const drawnRows = (lines: readonly Line[]) => lines.filter(line => line.some(segment => segment.text.includes('▀')));

			const quadrants = frame('quadrants.png');
			assert.equal(quadrants.lines.length, area.rows);
			for (const line of quadrants.lines) assert.ok(lineWidth(line) <= area.columns);
			const picture = drawnRows(quadrants.lines);
			assert.equal(picture.length, pictureSize[1], 'rows of pixels');
			const widths = picture.map(line => line.filter(segment => segment.text.includes('▀')).reduce((sum, segment) => sum + segment.text.length, 0));
			assert.ok(
				widths.every(width => width === pictureSize[0]),
				`${pictureSize[0]} columns of pixels`,
			);
			const left = Math.floor((area.columns - pictureSize[0]) / 2);
			assert.equal(cellAt(picture[2]!, left + 2).fg, quadrantColours.topLeft);
			assert.equal(cellAt(picture.at(-3)!, left + pictureSize[0] - 3).fg, quadrantColours.bottomRight);
			assert.ok(
				text(quadrants.lines).some(row => row.includes('Four colours <https://example.org> in four corners')),
				'the caption, URL shown',
			);

			assert.ok(drawnRows(frame('wide.png').lines).length > 0, 'the wide picture');
			assert.ok(
				text(frame('quadrants.jpg').lines).some(row => row.includes('The same quadrants, as a JPEG.')),
				'text under the JPEG',
			);
			assert.equal(drawnRows(frame('quadrants.jpg').lines).length, pictureSize[1], 'a line of text takes the room of a caption');

			const inline = drawnRows(frame('two-frames.gif').lines).length;
			assert.ok(
				inline >= 3 && inline <= Math.ceil(area.rows * 0.6),
				`an inline image alone on its slide is drawn in the flow, up to 60 % of the height: ${inline} rows`,
			);

			const missing = text(frame('not-here.png').lines);
			assert.ok(missing.some(row => row.includes('📷 not here')) && !missing.some(row => row.includes('not found')));
			assert.ok(text(frame('corrupt.png').lines).some(row => row.includes('corrupt PNG: the file is cut short')));
			assert.ok(text(frame('damaged.png').lines).some(row => row.includes('corrupt PNG:')));
			assert.ok(text(frame('logo.svg').lines).some(row => row.includes('SVG pictures are not drawn')));
		});
	}

	it('print is deterministic: the same frames every time', async () => {
		await images.loadDecoders();
		const area = slideArea({columns: 100, rows: 30});
		const once = deck.slides.map(slide => planSlide(deck.slides, slide.index, area, layout()));
		const fresh = new ImageStore(fixtureFolder, {level: 3});
		await fresh.loadDecoders();
		const again = deck.slides.map(slide => planSlide(deck.slides, slide.index, area, {showUrls: true, pictures: (src, box) => fresh.pictureSync(src, box)}));
		fresh.close();
		assert.deepEqual(again, once);
	});
});
