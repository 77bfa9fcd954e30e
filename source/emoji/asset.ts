/**
 * The emoji image set: assets/emoji.bin (made by scripts/build-emoji.mjs from
 * Twemoji, CC-BY 4.0), copied to dist/emoji.bin by the build. Its index
 * (some 60 KB of its 4 MB) is read on first use, never at start-up; each emoji
 * is decoded on demand (its group's brotli payload, read from the file, then
 * its palette indices) and the last few are kept.
 *
 * The only I/O of the emoji module is `fileRanges`: the file is read by ranges,
 * never held whole.
 */
import {closeSync, existsSync, openSync, readSync, statSync} from 'node:fs';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';
import type {RgbaImage} from '../raster/scale.js';

/** zlib is loaded with the first emoji drawn, not before the first frame. */
const brotliDecompressSync = (bytes: Uint8Array): Buffer =>
	(createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib')).brotliDecompressSync(bytes);

export type EmojiAsset = {
	/** Images are `size` x `size` pixels. */
	readonly size: number;
	/** Where the images come from (package, version, credit). */
	readonly source: string;
	/** Every emoji of the set, as its fully-qualified code point sequence. */
	readonly sequences: readonly string[];
	/** The set's own (fully-qualified) sequence for this one, matched exactly or with or without U+FE0F / U+FE0E. */
	resolve(sequence: string): string | undefined;
	/** The image of `resolve(sequence)`. */
	image(sequence: string): RgbaImage | undefined;
};

const magic = 'LMOJ';
const variationSelectors = /[\uFE0E\uFE0F]/gu;
const skinTones = /[\u{1F3FB}-\u{1F3FF}]/gu;
const tags = /[\u{E0020}-\u{E007F}]/gu;
const zeroWidthJoiner = '\u200D';

/** The sequence as looked up when variation selectors do not matter. */
function looseKey(sequence: string): string {
	return sequence.replace(variationSelectors, '');
}

/** The bytes of an asset, read by ranges (the file's, or bytes in memory). */
type AssetBytes = {readonly size: number; read(start: number, length: number): Uint8Array};

/** How much of the file is read first for its index (the index of the bundled set is some 60 KB). */
const firstRead = 128 * 1024;

class AssetReader {
	private readonly indexBySequence = new Map<string, number>();
	private readonly indexByLooseKey = new Map<string, number>();
	private readonly groupOf: Uint16Array;
	private readonly slotOf: Uint8Array;
	private readonly offsets: Uint32Array;
	private readonly lengths: Uint32Array;
	private readonly dataStart: number;
	/** Decompressed group payloads, least recently used first. */
	private readonly payloads = new Map<number, Uint8Array>();
	/** Decoded images, least recently used first. */
	private readonly images = new Map<number, RgbaImage>();
	readonly sequences: string[] = [];
	readonly size: number;
	readonly source: string;

	constructor(private readonly bytes: AssetBytes) {
		if (bytes.size < 18) throw new Error('not an emoji asset');
		let head = bytes.read(0, Math.min(bytes.size, firstRead));
		const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
		if (String.fromCharCode(...head.subarray(0, 4)) !== magic) throw new Error('not an emoji asset');
		const version = view.getUint16(4, true);
		if (version !== 1) throw new Error(`unsupported emoji asset version ${version}`);
		this.size = view.getUint16(6, true);
		const groups = view.getUint32(8, true);
		const entries = view.getUint32(12, true);
		const descriptionLength = view.getUint16(16, true);
		// The index is read whole: its fixed part, then each entry (at most 1 + 255 * 3 + 3 bytes).
		const ensure = (end: number) => {
			if (end <= head.length) return;
			if (end > bytes.size) throw new Error('truncated emoji asset');
			head = bytes.read(0, Math.min(bytes.size, Math.max(end, head.length * 2)));
		};

		let position = 18;
		ensure(position + descriptionLength + groups * 8);
		this.source = new TextDecoder().decode(head.subarray(position, position + descriptionLength));
		position += descriptionLength;
		this.offsets = new Uint32Array(groups);
		this.lengths = new Uint32Array(groups);
		for (let group = 0; group < groups; group++) {
			this.offsets[group] = readUint32(head, position);
			this.lengths[group] = readUint32(head, position + 4);
			position += 8;
		}

		this.groupOf = new Uint16Array(entries);
		this.slotOf = new Uint8Array(entries);
		for (let entry = 0; entry < entries; entry++) {
			ensure(position + 1);
			const count = head[position]!;
			position++;
			ensure(position + count * 3 + 3);
			let sequence = '';
			for (let index = 0; index < count; index++) {
				sequence += String.fromCodePoint(head[position]! | (head[position + 1]! << 8) | (head[position + 2]! << 16));
				position += 3;
			}

			this.groupOf[entry] = head[position]! | (head[position + 1]! << 8);
			this.slotOf[entry] = head[position + 2]!;
			position += 3;
			this.sequences.push(sequence);
			this.indexBySequence.set(sequence, entry);
			const loose = looseKey(sequence);
			if (!this.indexByLooseKey.has(loose)) this.indexByLooseKey.set(loose, entry);
		}

		this.dataStart = position;
		const last = groups - 1;
		if (groups > 0 && this.dataStart + this.offsets[last]! + this.lengths[last]! > bytes.size) throw new Error('truncated emoji asset');
	}

	resolve(sequence: string): string | undefined {
		const entry = this.entry(sequence);
		return entry === undefined ? undefined : this.sequences[entry];
	}

	image(sequence: string): RgbaImage | undefined {
		const entry = this.entry(sequence);
		if (entry === undefined) return undefined;
		try {
			return this.decode(entry);
		} catch {
			// The file changed or went away since its index was read: the emoji is drawn as text.
			return undefined;
		}
	}

	private entry(sequence: string): number | undefined {
		return this.indexBySequence.get(sequence) ?? this.indexByLooseKey.get(looseKey(sequence));
	}

	private decode(entry: number): RgbaImage {
		const cached = this.images.get(entry);
		if (cached) {
			this.images.delete(entry);
			this.images.set(entry, cached);
			return cached;
		}

		const payload = this.payload(this.groupOf[entry]!);
		const colours = payload[0]! + 1;
		const pixels = this.size * this.size;
		const indices = 1 + colours * 4 + this.slotOf[entry]! * pixels;
		const palette = new Uint32Array(colours);
		const paletteView = new DataView(payload.buffer, payload.byteOffset + 1, colours * 4);
		for (let colour = 0; colour < colours; colour++) palette[colour] = paletteView.getUint32(colour * 4, true);
		const data = new Uint8Array(pixels * 4);
		const out = new DataView(data.buffer);
		for (let pixel = 0; pixel < pixels; pixel++) out.setUint32(pixel * 4, palette[payload[indices + pixel]!] ?? 0, true);
		const image: RgbaImage = {width: this.size, height: this.size, data};
		this.images.set(entry, image);
		if (this.images.size > 48) this.images.delete(this.images.keys().next().value!);
		return image;
	}

	private payload(group: number): Uint8Array {
		const cached = this.payloads.get(group);
		if (cached) {
			this.payloads.delete(group);
			this.payloads.set(group, cached);
			return cached;
		}

		const start = this.dataStart + this.offsets[group]!;
		const payload: Uint8Array = brotliDecompressSync(this.bytes.read(start, this.lengths[group]!));
		this.payloads.set(group, payload);
		if (this.payloads.size > 8) this.payloads.delete(this.payloads.keys().next().value!);
		return payload;
	}
}

function readUint32(bytes: Uint8Array, at: number): number {
	return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

/** Reads an asset from its bytes (throws when they are not one). */
export function parseEmojiAsset(bytes: Uint8Array): EmojiAsset {
	return new AssetReader({size: bytes.byteLength, read: (start, length) => bytes.subarray(start, start + length)});
}

/** Reads the asset of a file: its index now, each emoji's group when it is drawn (throws when it is not one). */
export function readEmojiAsset(path: string): EmojiAsset {
	return new AssetReader(fileRanges(path));
}

/** A file read by ranges, each opened and closed (no descriptor is held between emoji). */
function fileRanges(path: string): AssetBytes {
	return {
		size: statSync(path).size,
		read(start, length) {
			const out = new Uint8Array(length);
			const fd = openSync(path, 'r');
			try {
				for (let done = 0; done < length;) {
					const count = readSync(fd, out, done, length - done, start + done);
					if (count === 0) throw new Error('truncated emoji asset');
					done += count;
				}
			} finally {
				closeSync(fd);
			}

			return out;
		},
	};
}

/**
 * Where the asset may be, relative to the module that reads it: dist/emoji.bin
 * from the bundle (dist/cli.js) or one of its chunks (dist/chunks/*.js), and
 * assets/emoji.bin in the repository from the compiled tests (build/source/emoji/).
 */
export function emojiAssetCandidates(moduleUrl: string = import.meta.url): URL[] {
	return [new URL('emoji.bin', moduleUrl), new URL('../emoji.bin', moduleUrl), new URL('../../../assets/emoji.bin', moduleUrl)];
}

let loaded: EmojiAsset | null | undefined;

/** The asset, read on first call; undefined when it is missing or unreadable (emoji are then drawn as text). */
export function loadEmojiAsset(): EmojiAsset | undefined {
	if (loaded === undefined) {
		loaded = null;
		for (const url of emojiAssetCandidates()) {
			const path = fileURLToPath(url);
			if (!existsSync(path)) continue;
			try {
				loaded = readEmojiAsset(path);
				break;
			} catch {
				// A damaged file: try the next place, else draw emoji as text.
			}
		}
	}

	return loaded ?? undefined;
}

/** The emoji of the set that stands in for a cluster (its fully-qualified sequence), with its image; see `findEmoji`. */
export type FoundEmoji = {readonly sequence: string; readonly image: RgbaImage};

/**
 * The picture for an emoji cluster: the exact sequence (with or without
 * U+FE0F), else without skin tones, else the first part of a ZWJ sequence
 * (with, then without, its skin tone), else without tag characters (a
 * subdivision flag the set lacks becomes the black flag); undefined when none
 * is in the set (or there is no set: pass `loadEmojiAsset()` for the bundled one).
 */
export function findEmoji(cluster: string, asset: EmojiAsset | undefined): FoundEmoji | undefined {
	if (!asset || cluster === '') return undefined;
	const first = cluster.split(zeroWidthJoiner)[0] ?? '';
	const candidates = [cluster, cluster.replace(skinTones, ''), first, first.replace(skinTones, ''), cluster.replace(tags, '')];
	for (const candidate of candidates) {
		if (candidate === '' || candidate.replace(variationSelectors, '') === '') continue;
		const sequence = asset.resolve(candidate);
		const image = sequence === undefined ? undefined : asset.image(sequence);
		if (sequence !== undefined && image) return {sequence, image};
	}

	return undefined;
}
