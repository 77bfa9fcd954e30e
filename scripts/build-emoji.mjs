/**
 * `npm run build:emoji`: derives assets/emoji.bin, the compact emoji image set
 * that lectern draws big emoji from, from the Twemoji rasters of the dev
 * package `emoji-datasource-twitter` (64x64 PNGs; Twemoji graphics by
 * Twitter/X and contributors, CC-BY 4.0). The asset is committed, so neither CI
 * nor users ever need the 70 MB package (it is not a dependency: install it with
 * `npm install --no-save emoji-datasource-twitter@16.0.0`); run this only to
 * update the image set.
 *
 * Encoding (measured on emoji-datasource-twitter 16.0.0, 3,786 images):
 *   lossless 64x64 RGBA, deflate per image        10.8 MB
 *   lossless 64x64 RGBA, brotli per group           7.9 MB
 *   per-image 128-colour palette, brotli per group  4.6 MB
 *   group 256-colour palette, brotli per group      4.1 MB   <- this one
 *   group 128-colour palette, brotli per group      3.0 MB (mean error 0.5/255)
 * A group is an emoji and its skin-tone variants: they share one palette, so the
 * pixels the variants have in common are byte-identical and brotli stores them
 * once. Images of at most 256 colours (most single emoji after the transparent
 * pixels are normalised) are stored losslessly; the others are quantised with
 * k-means in premultiplied RGBA (mean error about 0.3 of 255 per channel, edge
 * pixels only: flat colours are kept exact).
 *
 * Format (little-endian), read by source/emoji/asset.ts:
 *   0   "LMOJ"            magic
 *   4   u16 version (1)   u16 size (pixels; images are size x size)
 *   8   u32 groups        u32 entries
 *   16  u16 n, n bytes    UTF-8 description of the source (package and version)
 *   ..  groups x (u32 offset, u32 length)   brotli payloads, offsets from the data start
 *   ..  entries x (u8 count, count x u24 code points, u16 group, u8 slot)
 *   ..  data
 * A payload decompresses to: u8 colours-1, colours x RGBA (straight alpha), then
 * for each image of the group size*size palette indices, row by row.
 * Keys are the fully-qualified code point sequences of the image set.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import zlib from 'node:zlib';

const require = createRequire(import.meta.url);
const {PNG} = require('pngjs');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourcePackage = 'emoji-datasource-twitter';
const sourceVersion = '16.0.0';
let sourceDir;
try {
	sourceDir = dirname(require.resolve(`${sourcePackage}/package.json`));
} catch {
	// 70 MB: not a dependency of the project, installed only to remake the asset.
	console.error(`build-emoji: first run  npm install --no-save --save-exact ${sourcePackage}@${sourceVersion}`);
	process.exit(2);
}
const installedVersion = JSON.parse(readFileSync(join(sourceDir, 'package.json'), 'utf8')).version;
if (installedVersion !== sourceVersion) {
	console.error(`build-emoji: ${sourcePackage} ${installedVersion} is installed; the asset is made from ${sourceVersion}`);
	process.exit(2);
}
const imageDir = join(sourceDir, 'img/twitter/64');
const size = 64;
const maxColours = 256;
const output = join(root, 'assets/emoji.bin');

const started = performance.now();
const data = JSON.parse(readFileSync(join(sourceDir, 'emoji.json'), 'utf8'));
data.sort((a, b) => a.sort_order - b.sort_order || (a.unified < b.unified ? -1 : 1));

/** [{members: [{unified, image}]}]: an emoji, then its skin-tone variants. */
const groups = data
	.map(emoji => ({
		members: [
			{unified: emoji.unified, image: emoji.image, has: emoji.has_img_twitter},
			...Object.keys(emoji.skin_variations ?? {})
				.sort()
				.map(key => emoji.skin_variations[key])
				.map(variant => ({unified: variant.unified, image: variant.image, has: variant.has_img_twitter})),
		].filter(member => member.has),
	}))
	.filter(group => group.members.length > 0);

function readImage(file) {
	const png = PNG.sync.read(readFileSync(join(imageDir, file)));
	if (png.width !== size || png.height !== size) throw new Error(`${file}: ${png.width}x${png.height}, expected ${size}x${size}`);
	const pixels = Buffer.from(png.data);
	// Colour under full transparency is meaningless: make it one colour.
	for (let index = 0; index < pixels.length; index += 4) if (pixels[index + 3] === 0) pixels.writeUInt32LE(0, index);
	return pixels;
}

// ---------------------------------------------------------------------------
// Quantisation: at most `maxColours` colours for all the pixels of a group.

/** The distinct colours (u32 RGBA keys) of the pixels, with counts, most frequent first. */
function histogram(pixels) {
	const counts = new Map();
	for (let index = 0; index < pixels.length; index += 4) {
		const key = pixels.readUInt32LE(index);
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}

	return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

/** Premultiplied RGBA of a u32 key, for distances. */
function premultiplied(key) {
	const r = key & 255;
	const g = (key >>> 8) & 255;
	const b = (key >>> 16) & 255;
	const a = key >>> 24;
	return [(r * a) / 255, (g * a) / 255, (b * a) / 255, a];
}

/** The palette (u32 keys) for the histogram: exact when it is small enough, else k-means. */
function choosePalette(colours) {
	if (colours.length <= maxColours) return colours.map(([key]) => key);
	const n = colours.length;
	const values = new Float64Array(n * 4);
	const weights = new Float64Array(n);
	colours.forEach(([key, count], index) => {
		values.set(premultiplied(key), index * 4);
		weights[index] = count;
	});
	const distance = (index, centres, centre) => {
		let sum = 0;
		for (let channel = 0; channel < 4; channel++) sum += (values[index * 4 + channel] - centres[centre * 4 + channel]) ** 2;
		return sum;
	};

	// Seeds: the most frequent colour, then greedily the colour farthest from every seed
	// (weighted by the square root of its count, so big areas win over stray edge pixels).
	const centres = new Float64Array(maxColours * 4);
	const nearest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
	let k = 0;
	const seed = index => {
		centres.set(values.subarray(index * 4, index * 4 + 4), k * 4);
		for (let other = 0; other < n; other++) nearest[other] = Math.min(nearest[other], distance(other, centres, k));
		k++;
	};

	seed(0);
	while (k < maxColours) {
		let best = -1;
		let bestScore = 0;
		for (let index = 0; index < n; index++) {
			const score = nearest[index] * Math.sqrt(weights[index]);
			if (score > bestScore) {
				bestScore = score;
				best = index;
			}
		}

		if (best < 0) break;
		seed(best);
	}

	// Lloyd iterations, weighted by pixel counts.
	const assignment = new Int32Array(n);
	const assign = () => {
		for (let index = 0; index < n; index++) {
			let best = 0;
			let bestDistance = Number.POSITIVE_INFINITY;
			for (let centre = 0; centre < k; centre++) {
				const d = distance(index, centres, centre);
				if (d < bestDistance) {
					bestDistance = d;
					best = centre;
				}
			}

			assignment[index] = best;
		}
	};

	for (let iteration = 0; iteration < 6; iteration++) {
		assign();
		const sums = new Float64Array(k * 5);
		for (let index = 0; index < n; index++) {
			const centre = assignment[index];
			for (let channel = 0; channel < 4; channel++) sums[centre * 5 + channel] += values[index * 4 + channel] * weights[index];
			sums[centre * 5 + 4] += weights[index];
		}

		for (let centre = 0; centre < k; centre++) {
			const weight = sums[centre * 5 + 4];
			if (weight > 0) for (let channel = 0; channel < 4; channel++) centres[centre * 4 + channel] = sums[centre * 5 + channel] / weight;
		}
	}

	// A cluster dominated by one colour (a flat area) keeps that colour exactly.
	assign();
	const heaviest = new Int32Array(k).fill(-1);
	const totals = new Float64Array(k);
	for (let index = 0; index < n; index++) {
		const centre = assignment[index];
		totals[centre] += weights[index];
		if (heaviest[centre] < 0 || weights[index] > weights[heaviest[centre]]) heaviest[centre] = index;
	}

	const palette = [];
	for (let centre = 0; centre < k; centre++) {
		if (heaviest[centre] < 0) continue;
		if (weights[heaviest[centre]] * 2 >= totals[centre]) {
			palette.push(colours[heaviest[centre]][0]);
			continue;
		}

		const a = Math.round(centres[centre * 4 + 3]);
		if (a === 0) {
			palette.push(0);
			continue;
		}

		const channel = index => Math.min(255, Math.max(0, Math.round((centres[centre * 4 + index] * 255) / a)));
		palette.push((channel(0) | (channel(1) << 8) | (channel(2) << 16) | (a << 24)) >>> 0);
	}

	return [...new Set(palette)];
}

/** Maps every pixel to its nearest palette entry; returns the palette (most used first) and the indices. */
function quantise(pixels) {
	const colours = histogram(pixels);
	const palette = choosePalette(colours);
	const paletteValues = palette.map(premultiplied);
	const entryOf = new Map();
	for (const [key] of colours) {
		const value = premultiplied(key);
		let best = 0;
		let bestDistance = Number.POSITIVE_INFINITY;
		paletteValues.forEach((entry, index) => {
			const d = (entry[0] - value[0]) ** 2 + (entry[1] - value[1]) ** 2 + (entry[2] - value[2]) ** 2 + (entry[3] - value[3]) ** 2;
			if (d < bestDistance) {
				bestDistance = d;
				best = index;
			}
		});
		entryOf.set(key, best);
	}

	const indices = new Uint8Array(pixels.length / 4);
	const used = new Array(palette.length).fill(0);
	for (let pixel = 0; pixel < indices.length; pixel++) {
		const entry = entryOf.get(pixels.readUInt32LE(pixel * 4));
		indices[pixel] = entry;
		used[entry]++;
	}

	const order = palette.map((_, index) => index).filter(index => used[index] > 0);
	order.sort((a, b) => used[b] - used[a] || a - b);
	const remap = new Uint8Array(palette.length);
	order.forEach((old, index) => (remap[old] = index));
	for (let pixel = 0; pixel < indices.length; pixel++) indices[pixel] = remap[indices[pixel]];
	return {palette: order.map(index => palette[index]), indices};
}

// ---------------------------------------------------------------------------

const brotliOptions = {
	params: {
		[zlib.constants.BROTLI_PARAM_QUALITY]: 11,
		[zlib.constants.BROTLI_PARAM_LGWIN]: 24,
	},
};

const payloads = [];
const entries = [];
let images = 0;
let squaredError = 0;
groups.forEach((group, groupIndex) => {
	const pixels = Buffer.concat(group.members.map(member => readImage(member.image)));
	const {palette, indices} = quantise(pixels);
	for (let pixel = 0; pixel < indices.length; pixel++) {
		const original = premultiplied(pixels.readUInt32LE(pixel * 4));
		const stored = premultiplied(palette[indices[pixel]]);
		for (let channel = 0; channel < 4; channel++) squaredError += (original[channel] - stored[channel]) ** 2;
	}

	const header = Buffer.alloc(1 + palette.length * 4);
	header[0] = palette.length - 1;
	palette.forEach((key, index) => header.writeUInt32LE(key, 1 + index * 4));
	const raw = Buffer.concat([header, indices]);
	payloads.push(zlib.brotliCompressSync(raw, {...brotliOptions, params: {...brotliOptions.params, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length}}));
	group.members.forEach((member, slot) => entries.push({codePoints: member.unified.split('-').map(hex => Number.parseInt(hex, 16)), group: groupIndex, slot}));
	images += group.members.length;
	if (process.stdout.isTTY && groupIndex % 100 === 0) process.stdout.write(`\r${groupIndex}/${groups.length} groups `);
});
if (process.stdout.isTTY) process.stdout.write('\r');

// Every key must stay unique when U+FE0F is ignored (lookups ignore it).
const loose = new Set();
for (const entry of entries) {
	const key = entry.codePoints.filter(point => point !== 0xfe0f).join('-');
	if (loose.has(key)) throw new Error(`two images for ${key} once U+FE0F is ignored`);
	loose.add(key);
}

const description = Buffer.from(`${sourcePackage} ${sourceVersion}: Twemoji by Twitter/X and contributors, CC-BY 4.0`, 'utf8');
const head = Buffer.alloc(16 + 2);
head.write('LMOJ', 0, 'latin1');
head.writeUInt16LE(1, 4);
head.writeUInt16LE(size, 6);
head.writeUInt32LE(groups.length, 8);
head.writeUInt32LE(entries.length, 12);
head.writeUInt16LE(description.length, 16);
const table = Buffer.alloc(groups.length * 8);
let offset = 0;
payloads.forEach((payload, index) => {
	table.writeUInt32LE(offset, index * 8);
	table.writeUInt32LE(payload.length, index * 8 + 4);
	offset += payload.length;
});
const keyParts = entries.map(entry => {
	const part = Buffer.alloc(1 + entry.codePoints.length * 3 + 3);
	part[0] = entry.codePoints.length;
	entry.codePoints.forEach((point, index) => part.writeUIntLE(point, 1 + index * 3, 3));
	part.writeUInt16LE(entry.group, 1 + entry.codePoints.length * 3);
	part[part.length - 1] = entry.slot;
	return part;
});

const asset = Buffer.concat([head, description, table, ...keyParts, ...payloads]);
mkdirSync(dirname(output), {recursive: true});
writeFileSync(output, asset);
const rms = Math.sqrt(squaredError / (images * size * size * 4));
console.log(
	`${output}: ${asset.length.toLocaleString('en')} bytes, ${images} images in ${groups.length} groups, ${size}x${size} px, ` +
		`RMS error ${rms.toFixed(2)}/255, from ${sourcePackage} ${sourceVersion} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
