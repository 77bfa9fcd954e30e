import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {inflateSync} from 'node:zlib';
import {afterEach, describe, it} from 'node:test';
import parsePng from 'pngjs/lib/parser-sync.js';
import type {Protocol} from '../../source/graphics/detect.js';
import {GraphicStore, ImageStore} from '../../source/images/index.js';
import type {Graphic, Size} from '../../source/frame/frame.js';
import type {Picture} from '../../source/layout/plan-image.js';
import {fixture, fixtureFolder, quadrantColours} from './helpers.js';

const made: Array<{close(): void}> = [];
function stores(worker = true, itermMaxBytes = 100_000) {
	const images = new ImageStore(fixtureFolder, {level: 3, worker});
	const graphics = new GraphicStore(images, {itermMaxBytes});
	made.push(graphics, images);
	return graphics;
}

afterEach(() => {
	for (const store of made.splice(0)) store.close();
});

const cell = {width: 10, height: 20};

/** Asks until the picture is no longer pending, as the player does on each onReady. */
async function settled(store: GraphicStore, src: string, box: Size, protocol: Protocol): Promise<Picture> {
	for (let attempt = 0; attempt < 200; attempt++) {
		const picture = store.picture(src, box, protocol, cell);
		if (picture.state !== 'pending') return picture;
		await new Promise<void>(resolve => {
			const stop = store.onReady(() => {
				stop();
				resolve();
			});
		});
	}

	throw new Error(`${src} still pending`);
}

function graphicOf(picture: Picture): Graphic {
	assert.equal(picture.state, 'graphic', JSON.stringify(picture).slice(0, 200));
	return (picture as {graphic: Graphic}).graphic;
}

/** The RGBA colour at a fraction of a picture's width and height. */
function colourAt(data: Uint8Array, width: number, height: number, fx: number, fy: number): string {
	const index = (Math.floor(fy * height) * width + Math.floor(fx * width)) * 4;
	return `#${[data[index]!, data[index + 1]!, data[index + 2]!].map(value => value.toString(16).padStart(2, '0')).join('')}`;
}

describe('pictures for the terminal’s own protocol', () => {
	it('kitty: a PNG no larger than the box goes as it is, over the cells its shape takes', async () => {
		const store = stores();
		const graphic = graphicOf(await settled(store, 'quadrants.png', {columns: 80, rows: 20}, 'kitty'));
		// 64x32 pixels, 2:1, in 80x20 cells of 10x20: 800x400 pixels of room, so 80x20 cells.
		assert.deepEqual([graphic.columns, graphic.rows], [80, 20]);
		assert.equal(graphic.payload.format, 'png');
		assert.deepEqual([...graphic.payload.bytes], [...readFileSync(fixture('quadrants.png'))]);
		assert.equal(graphicOf(store.picture('quadrants.png', {columns: 80, rows: 20}, 'kitty', cell)).payload, graphic.payload, 'kept, not made again');
	});

	it('kitty: scaled to the pixels the cells show, as RGBA compressed with zlib', async () => {
		const store = stores();
		// 4x2 cells of 10x20: 40x40 pixels of room, a 2:1 picture becomes 40x20.
		const graphic = graphicOf(await settled(store, 'quadrants.png', {columns: 4, rows: 2}, 'kitty'));
		assert.deepEqual([graphic.columns, graphic.rows, graphic.payload.format, graphic.payload.width, graphic.payload.height], [4, 1, 'rgba', 40, 20]);
		const pixels = inflateSync(graphic.payload.bytes);
		assert.equal(pixels.length, 40 * 20 * 4);
		assert.equal(colourAt(pixels, 40, 20, 0.1, 0.1), quadrantColours.topLeft);
		assert.equal(colourAt(pixels, 40, 20, 0.9, 0.9), quadrantColours.bottomRight);
	});

	it('kitty: a GIF is decoded (its first frame) and sent as pixels', async () => {
		const graphic = graphicOf(await settled(stores(), 'two-frames.gif', {columns: 80, rows: 20}, 'kitty'));
		assert.equal(graphic.payload.format, 'rgba');
	});

	it('iTerm2: a JPEG goes as it is; a picture to scale becomes a PNG', async () => {
		const store = stores(false);
		const jpeg = graphicOf(await settled(store, 'quadrants.jpg', {columns: 80, rows: 20}, 'iterm'));
		assert.equal(jpeg.payload.format, 'jpeg');
		assert.deepEqual([...jpeg.payload.bytes], [...readFileSync(fixture('quadrants.jpg'))]);
		const scaled = graphicOf(await settled(store, 'wide.png', {columns: 8, rows: 2}, 'iterm'));
		assert.equal(scaled.payload.format, 'png');
		const decoded = parsePng(Buffer.from(scaled.payload.bytes), {});
		assert.deepEqual([decoded.width, decoded.height], [scaled.payload.width, scaled.payload.height]);
	});

	it('iTerm2: a picture over the size limit is made smaller until it fits', async () => {
		// wide.png is 513 bytes, over the 400 of this store: scaled down and encoded again.
		const graphic = graphicOf(await settled(stores(true, 400), 'wide.png', {columns: 80, rows: 20}, 'iterm'));
		assert.equal(graphic.payload.format, 'png');
		assert.ok(graphic.payload.bytes.byteLength <= 400, `${graphic.payload.bytes.byteLength} bytes`);
		assert.ok(graphic.payload.width < 160);
		assert.deepEqual([graphic.columns, graphic.rows], [71, 20], 'the cells do not change with the pixels sent');
	});

	it('what cannot be drawn says why, as the half-block store does', async () => {
		const store = stores();
		assert.equal((await settled(store, 'not-here.png', {columns: 80, rows: 20}, 'kitty')).state, 'missing');
		const corrupt = await settled(store, 'corrupt.png', {columns: 80, rows: 20}, 'kitty');
		assert.equal(corrupt.state, 'failed');
		assert.match((corrupt as {reason: string}).reason, /corrupt PNG/);
	});
});
