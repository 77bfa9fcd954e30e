import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {after, afterEach, describe, it} from 'node:test';
import {ImageStore, fitPicture, maxFileBytes, type ImageStoreOptions} from '../../source/images/index.js';
import {
	assertNear,
	colourAtFraction,
	fixture,
	fixtureFolder,
	lineWidth,
	paletteColours,
	pixelsAt,
	pngHeaderOnly,
	quadrantColours,
	readyGlyph,
	settledPicture,
} from './helpers.js';

const stores: ImageStore[] = [];
function store(options: Partial<ImageStoreOptions> = {}, folder = fixtureFolder): ImageStore {
	const made = new ImageStore(folder, {level: 3, ...options});
	stores.push(made);
	return made;
}

afterEach(() => {
	for (const made of stores.splice(0)) made.close();
});

const scratch = mkdtempSync(join(tmpdir(), 'lectern-store-'));
after(() => rmSync(scratch, {recursive: true, force: true}));

for (const worker of [true, false]) {
	describe(`image store (${worker ? 'worker thread' : 'this thread'})`, () => {
		it('pending, then ready: onReady tells when, and the glyph has the quadrant colours', async () => {
			const images = store({worker});
			let calls = 0;
			const done = new Promise<void>(resolve => {
				images.onReady(() => {
					calls++;
					resolve();
				});
			});
			assert.deepEqual(images.picture('quadrants.png', {columns: 64, rows: 16}), {state: 'pending'});
			assert.deepEqual(images.picture('quadrants.png', {columns: 64, rows: 16}), {state: 'pending'}, 'still pending, not started twice');
			await done;
			const glyph = readyGlyph(images.picture('quadrants.png', {columns: 64, rows: 16}));
			assert.equal(calls, 1, 'one call: decoded and fitted to the box asked for while loading');
			// 64x32 pixels in 64x16 cells: one pixel a half cell, no scaling.
			assert.deepEqual([glyph.width, glyph.height, glyph.lines.length], [64, 16, 16]);
			for (const line of glyph.lines) assert.equal(lineWidth(line), 64);
			assert.deepEqual(pixelsAt(glyph, 8, 4), {top: quadrantColours.topLeft, bottom: quadrantColours.topLeft});
			assert.deepEqual(pixelsAt(glyph, 40, 4), {top: quadrantColours.topRight, bottom: quadrantColours.topRight});
			assert.deepEqual(pixelsAt(glyph, 8, 12), {top: quadrantColours.bottomLeft, bottom: quadrantColours.bottomLeft});
			assert.deepEqual(pixelsAt(glyph, 40, 12), {top: quadrantColours.bottomRight, bottom: quadrantColours.bottomRight});
		});

		it('JPEG and the first GIF frame, scaled into other boxes, keep their colours', async () => {
			const images = store({worker});
			for (const name of ['quadrants.jpg', 'two-frames.gif']) {
				for (const box of [
					{columns: 72, rows: 19},
					{columns: 192, rows: 44},
					{columns: 20, rows: 20},
				]) {
					const glyph = readyGlyph(await settledPicture(images, name, box));
					const label = `${name} in ${box.columns}x${box.rows}`;
					assertNear(colourAtFraction(glyph, 0.25, 0.25), quadrantColours.topLeft, 12, `${label} top left`);
					assertNear(colourAtFraction(glyph, 0.75, 0.25), quadrantColours.topRight, 12, `${label} top right`);
					assertNear(colourAtFraction(glyph, 0.25, 0.75), quadrantColours.bottomLeft, 12, `${label} bottom left`);
					assertNear(colourAtFraction(glyph, 0.75, 0.75), quadrantColours.bottomRight, 12, `${label} bottom right`);
				}
			}
		});

		it('transparent pixels show the terminal background (no colour), faint ones too', async () => {
			const images = store({worker});
			const glyph = readyGlyph(await settledPicture(images, 'transparent.png', {columns: 32, rows: 16}));
			assert.deepEqual(pixelsAt(glyph, 4, 3), {}, 'left half: transparent');
			assert.deepEqual(pixelsAt(glyph, 20, 3), {top: '#ff00ff', bottom: '#ff00ff'}, 'right half: magenta');
			assert.deepEqual(pixelsAt(glyph, 20, 14), {}, 'alpha 64 is left to the background');
			for (const line of glyph.lines) assert.equal(lineWidth(line), 32, 'transparent cells still take their place');
		});

		it('a file that is not there is missing; a broken or unsupported one failed, with a reason', async () => {
			const images = store({worker});
			assert.deepEqual(await settledPicture(images, 'not-here.png', {columns: 40, rows: 10}), {state: 'missing', reason: 'not found'});
			assert.deepEqual(await settledPicture(images, 'corrupt.png', {columns: 40, rows: 10}), {state: 'failed', reason: 'corrupt PNG: the file is cut short'});
			const damaged = await settledPicture(images, 'damaged.png', {columns: 40, rows: 10});
			assert.equal(damaged.state, 'failed');
			assert.match(damaged.state === 'failed' ? damaged.reason : '', /^corrupt PNG: /);
			assert.deepEqual(await settledPicture(images, 'logo.svg', {columns: 40, rows: 10}), {
				state: 'failed',
				reason: 'SVG pictures are not drawn (PNG, JPEG and GIF are)',
			});
			assert.deepEqual(await settledPicture(images, '.', {columns: 40, rows: 10}), {state: 'failed', reason: 'is a folder, not an image file'});
		});
	});
}

describe('image store', () => {
	it('fits as large as the box allows, aspect ratio kept (a cell is 1 pixel wide, 2 tall)', async () => {
		const images = store();
		// The boxes an @= slide gets at 80x24 (72x19 with a caption) and at 200x50 (192x44).
		const cases = [
			{name: 'quadrants.png', box: {columns: 72, rows: 19}, size: [72, 18]},
			{name: 'quadrants.png', box: {columns: 192, rows: 44}, size: [176, 44]},
			{name: 'wide.png', box: {columns: 72, rows: 19}, size: [68, 19]},
			{name: 'wide.png', box: {columns: 192, rows: 44}, size: [156, 44]},
			{name: 'transparent.png', box: {columns: 72, rows: 19}, size: [38, 19]},
		];
		for (const {name, box, size} of cases) {
			const glyph = readyGlyph(await settledPicture(images, name, box));
			assert.deepEqual([glyph.width, glyph.height], size, `${name} in ${box.columns}x${box.rows}`);
			assert.ok(glyph.width <= box.columns && glyph.height <= box.rows);
			assert.ok(glyph.width === box.columns || glyph.height === box.rows, 'touches the box on one side');
		}
	});

	it('fitPicture: the ratio of the picture, within one pixel', () => {
		for (const [width, height] of [
			[64, 32],
			[160, 90],
			[1000, 700],
			[700, 1000],
			[1, 1],
			[5000, 10],
		] as const) {
			for (const box of [
				{columns: 72, rows: 19},
				{columns: 192, rows: 44},
				{columns: 8, rows: 3},
			]) {
				const fitted = fitPicture(width, height, box)!;
				assert.ok(fitted.width <= box.columns && fitted.height <= box.rows * 2);
				const scale = Math.min(box.columns / width, (box.rows * 2) / height);
				assert.ok(Math.abs(fitted.width - width * scale) <= 1 && Math.abs(fitted.height - height * scale) <= 1, `${width}x${height} in ${JSON.stringify(box)}`);
			}
		}

		assert.equal(fitPicture(64, 32, {columns: 0, rows: 10}), undefined);
	});

	it('256 colours: every cell colour is a palette colour', async () => {
		const images = store({level: 2});
		const glyph = readyGlyph(await settledPicture(images, 'wide.png', {columns: 72, rows: 19}));
		const colours = new Set(glyph.lines.flatMap(line => line.flatMap(segment => [segment.style?.fg, segment.style?.bg]).filter(Boolean)));
		assert.ok(colours.size > 3, 'a gradient has several colours');
		for (const colour of colours) assert.ok(paletteColours.has(colour!), `${colour} is in the palette`);
		assert.deepEqual(
			pixelsAt(readyGlyph(await settledPicture(images, 'quadrants.jpg', {columns: 64, rows: 16})), 8, 4).top,
			'#ff0000',
			'JPEG red snaps to palette red',
		);
	});

	it('the same picture and size comes from the cache at once; a new size is fitted again', async () => {
		const images = store();
		await settledPicture(images, 'quadrants.png', {columns: 64, rows: 16});
		assert.equal(images.picture('quadrants.png', {columns: 64, rows: 16}).state, 'ready');
		assert.equal(images.picture('quadrants.png', {columns: 64, rows: 17}).state, 'ready', 'a box that fits the same size shares the glyph');
		assert.equal(images.picture('quadrants.png', {columns: 30, rows: 16}).state, 'pending');
		assert.equal((await settledPicture(images, 'quadrants.png', {columns: 30, rows: 16})).state, 'ready');
	});

	it('keeps the glyph cache within its count and the picture cache within its bytes', async () => {
		const images = store({cacheGlyphs: 2, cacheBytes: 10_000});
		for (const columns of [20, 30, 40]) await settledPicture(images, 'quadrants.png', {columns, rows: 40});
		assert.equal(images.cacheUse().glyphs, 2);
		assert.equal(images.cacheUse().pictures, 1);
		assert.equal(images.cacheUse().bytes, 64 * 32 * 4);

		// wide.png (57,600 bytes) alone is over the budget: it stays, quadrants.png is dropped.
		await settledPicture(images, 'wide.png', {columns: 40, rows: 40});
		assert.deepEqual(images.cacheUse(), {pictures: 1, bytes: 160 * 90 * 4, glyphs: 2});

		// A dropped picture whose glyph is still cached is ready at once; another size decodes it again.
		assert.equal(images.picture('quadrants.png', {columns: 40, rows: 40}).state, 'ready');
		assert.equal(images.picture('quadrants.png', {columns: 50, rows: 40}).state, 'pending');
		assert.equal((await settledPicture(images, 'quadrants.png', {columns: 50, rows: 40})).state, 'ready');
		assert.deepEqual(images.cacheUse(), {pictures: 1, bytes: 64 * 32 * 4, glyphs: 2});
	});

	it('refuses files over the size limit without reading them', async () => {
		const path = join(scratch, 'huge.png');
		writeFileSync(path, pngHeaderOnly(10, 10));
		truncateSync(path, maxFileBytes + 1024 * 1024);
		const images = store({}, scratch);
		const picture = await settledPicture(images, 'huge.png', {columns: 40, rows: 10});
		assert.equal(picture.state, 'failed');
		assert.match(picture.state === 'failed' ? picture.reason : '', /the file is 21\.0 MB, over the 20 MB limit/);
	});

	it('refuses pictures over 16 megapixels from the header', async () => {
		writeFileSync(join(scratch, 'many-pixels.png'), pngHeaderOnly(8000, 6000));
		const images = store({}, scratch);
		const picture = await settledPicture(images, 'many-pixels.png', {columns: 40, rows: 10});
		assert.equal(picture.state, 'failed');
		assert.match(picture.state === 'failed' ? picture.reason : '', /48 megapixels\), over the 16 megapixel limit/);
	});

	it('a decoder stuck in a loop is stopped at the time limit; the store goes on', async () => {
		const images = store({decodeTimeoutMs: 300});
		const stuck = images.picture('hangs.gif', {columns: 40, rows: 10});
		assert.equal(stuck.state, 'pending');
		// Queued behind the stuck one in the same worker: restarted, then drawn.
		const behind = settledPicture(images, 'quadrants.png', {columns: 40, rows: 10});
		const failed = await settledPicture(images, 'hangs.gif', {columns: 40, rows: 10});
		assert.equal(failed.state, 'failed');
		assert.match(failed.state === 'failed' ? failed.reason : '', /^decoding took too long \(over 0\.3 s\)/);
		assert.equal((await behind).state, 'ready');
	});

	it('pictureSync: at once, never pending, the same glyph as picture; also stops a stuck decoder', async () => {
		const images = store({decodeTimeoutMs: 500});
		assert.throws(() => images.pictureSync('quadrants.png', {columns: 64, rows: 16}), /loadDecoders/);
		await images.loadDecoders();
		const now = images.pictureSync('quadrants.png', {columns: 64, rows: 16});
		assert.equal(now.state, 'ready');
		const other = store();
		const later = await settledPicture(other, 'quadrants.png', {columns: 64, rows: 16});
		assert.deepEqual(now, later);
		assert.deepEqual(images.pictureSync('not-here.png', {columns: 64, rows: 16}), {state: 'missing', reason: 'not found'});
		assert.deepEqual(images.pictureSync('https://example.org/a.png', {columns: 64, rows: 16}).state, 'missing');
		const stuck = images.pictureSync('hangs.gif', {columns: 64, rows: 16});
		assert.equal(stuck.state, 'failed');
		assert.match(stuck.state === 'failed' ? stuck.reason : '', /^decoding took too long \(over 0\.5 s\)/);
		assert.equal(images.pictureSync('quadrants.jpg', {columns: 64, rows: 16}).state, 'ready', 'a new worker after the stuck one');
		const inThread = store({worker: false});
		await inThread.loadDecoders();
		assert.deepEqual(inThread.pictureSync('quadrants.png', {columns: 64, rows: 16}), now);
	});

	it('never fetches a URL: any scheme but file: is missing, with a reason', async () => {
		const images = store();
		const original = globalThis.fetch;
		globalThis.fetch = (() => {
			throw new Error('fetch called');
		}) as typeof fetch;
		try {
			for (const src of [
				'https://example.org/a.png',
				'http://example.org/a.png',
				'HTTPS://example.org/a.png',
				'data:image/png;base64,AAAA',
				'ftp://host/a.png',
			]) {
				const picture = images.picture(src, {columns: 40, rows: 10});
				assert.equal(picture.state, 'missing', src);
				assert.match(picture.state === 'missing' ? picture.reason : '', /images are not fetched; only files next to the deck are drawn/);
			}
		} finally {
			globalThis.fetch = original;
		}

		// A file: URL is a file.
		const url = pathToFileURL(fixture('quadrants.png')).href;
		assert.equal((await settledPicture(images, url, {columns: 40, rows: 10})).state, 'ready');
	});

	it('the image code uses no network module and no fetch', () => {
		const folder = fileURLToPath(new URL('../../source/images/', import.meta.url));
		const files = readdirSync(folder).filter(name => name.endsWith('.js'));
		assert.ok(files.length >= 5);
		for (const name of files) {
			const code = readFileSync(join(folder, name), 'utf8');
			assert.doesNotMatch(code, /['"](node:)?(http|https|http2|net|tls|dns|dgram|undici)['"]/, name);
			assert.doesNotMatch(code, /\bfetch\s*\(/, name);
		}
	});

	it('an idle worker never keeps the process alive, even without close()', () => {
		const storeModule = new URL('../../source/images/image-store.js', import.meta.url).href;
		const script = `
			const {ImageStore} = await import(${JSON.stringify(storeModule)});
			const images = new ImageStore(${JSON.stringify(fixtureFolder)}, {level: 3});
			await images.loadDecoders();
			const now = images.pictureSync('quadrants.png', {columns: 20, rows: 10}).state;
			images.picture('quadrants.jpg', {columns: 20, rows: 10});
			await new Promise(resolve => images.onReady(resolve));
			console.log(now, images.picture('quadrants.jpg', {columns: 20, rows: 10}).state);
		`;
		const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8', timeout: 20_000});
		assert.equal(result.signal, null, 'exited by itself');
		assert.equal(result.stdout.trim(), 'ready ready', result.stderr);
	});

	it('listeners can unsubscribe; a closed store calls none', async () => {
		const images = store();
		let calls = 0;
		const stop = images.onReady(() => calls++);
		stop();
		await settledPicture(images, 'quadrants.png', {columns: 10, rows: 10});
		assert.equal(calls, 0);
		const closed = store();
		closed.onReady(() => calls++);
		closed.picture('quadrants.jpg', {columns: 10, rows: 10});
		closed.close();
		await new Promise(resolve => setTimeout(resolve, 300));
		assert.equal(calls, 0);
	});
});
