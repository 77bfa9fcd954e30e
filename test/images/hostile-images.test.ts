/**
 * Hostile images, made in a temporary folder from code: tiny files whose
 * headers claim huge pictures, files cut short, a deflate bomb. `check`
 * (checkImage) names each with its reason; the decoder refuses each with the
 * same reason, all but the bomb from the header alone (nothing is allocated
 * for the claimed size); the store settles each as failed (the alt text card);
 * the bomb's cost does not grow with how far it inflates.
 */
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, describe, it} from 'node:test';
import {decodeImage} from '../../source/images/decoders.js';
import {imageHeaderOf} from '../../source/images/header.js';
import {checkImage, ImageStore} from '../../source/images/index.js';
import {assertLinear} from '../support/growth.js';
import {bombPng, hostileImages, writeHostileImages} from '../support/hostile-images.js';
import {jpegHeaderOnly, pngHeaderOnly, settledPicture} from './helpers.js';

const folder = mkdtempSync(join(tmpdir(), 'lectern-hostile-images-'));
after(() => rmSync(folder, {recursive: true, force: true}));
writeHostileImages(folder);
const images = hostileImages();

const stores: ImageStore[] = [];
afterEach(() => {
	for (const store of stores.splice(0)) store.close();
});

describe('hostile images', () => {
	for (const image of images) {
		it(`${image.name} (${image.bytes.length} bytes): check names it, the decoder refuses it`, async () => {
			const checked = await checkImage(join(folder, image.name));
			assert.equal(checked.ok, false, `check passes ${image.name}`);
			assert.match(checked.ok ? '' : checked.reason, image.reason);
			const decoded = decodeImage(image.bytes, image.name);
			assert.equal(decoded.ok, false);
			assert.match(decoded.ok ? '' : decoded.reason, image.reason);
			if (image.name !== 'bomb.png') assert.equal(imageHeaderOf(image.bytes).ok, false, 'refused from the header and structure, before a decoder runs');
		});
	}

	it('the image store (in its worker) settles each as failed, so the slide shows the alt text', async () => {
		const store = new ImageStore(folder, {level: 3});
		stores.push(store);
		for (const image of images) {
			const picture = await settledPicture(store, image.name, {columns: 40, rows: 12});
			assert.equal(picture.state, 'failed', image.name);
			assert.match(picture.state === 'failed' ? picture.reason : '', image.reason);
		}
	});

	it('a deflate bomb costs the same however far it inflates (inflating stops past the image size)', () => {
		const bombs = new Map<number, Buffer>();
		const bomb = (megabytes: number) => {
			let bytes = bombs.get(megabytes);
			if (!bytes) bombs.set(megabytes, (bytes = bombPng(megabytes * 1024 * 1024)));
			return bytes;
		};

		// Eight times the inflated size (and the file) in well under four times the time: it is not inflated.
		assertLinear('decoding a deflate bomb', 64, megabytes => decodeImage(bomb(megabytes)), 4);
	});

	it("sound files at the bounds pass: each format's best compression is not a lie", async () => {
		// A blank 4000x4000 PNG deflates about 1,000 to 1; a JPEG of a bit a block; both are plausible.
		assert.equal(imageHeaderOf(pngHeaderOnly(4000, 4000)).ok, true);
		assert.equal(imageHeaderOf(jpegHeaderOnly(4000, 4000)).ok, true);
		const short = jpegHeaderOnly(4000, 4000);
		const cut = Buffer.concat([short.subarray(0, short.length - 3000), short.subarray(short.length - 2)]);
		assert.match((imageHeaderOf(cut) as {reason: string}).reason, /corrupt JPEG: 4000×4000 pixels cannot be held in \d+ bytes/);
	});
});
