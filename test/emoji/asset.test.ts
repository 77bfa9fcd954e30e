import assert from 'node:assert/strict';
import {copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, truncateSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {describe, it} from 'node:test';
import {emojiAssetCandidates, findEmoji, loadEmojiAsset, parseEmojiAsset, readEmojiAsset, type EmojiAsset} from '../../source/emoji/index.js';

const require = createRequire(import.meta.url);

function asset(): EmojiAsset {
	const loaded = loadEmojiAsset();
	assert.ok(loaded, 'assets/emoji.bin is found from build/source/emoji/');
	return loaded;
}

/** The image set the asset was made from, when the dev dependency is installed. */
function imageSetSequences(): string[] | undefined {
	let path: string;
	try {
		path = join(dirname(require.resolve('emoji-datasource-twitter/package.json')), 'emoji.json');
	} catch {
		return undefined;
	}

	type Entry = {unified: string; has_img_twitter: boolean; skin_variations?: Record<string, Entry>};
	const entries = JSON.parse(readFileSync(path, 'utf8')) as Entry[];
	const toString = (unified: string) => String.fromCodePoint(...unified.split('-').map(hex => Number.parseInt(hex, 16)));
	return entries
		.flatMap(entry => [entry, ...Object.values(entry.skin_variations ?? {})])
		.filter(entry => entry.has_img_twitter)
		.map(entry => toString(entry.unified));
}

const points = (text: string) => [...text].map(character => character.codePointAt(0)!.toString(16).toUpperCase()).join('-');

describe('emoji asset', () => {
	it('is found next to the bundle, in a chunk folder, or in the repository from build/', () => {
		const paths = (moduleUrl: string) => emojiAssetCandidates(moduleUrl).map(url => url.pathname);
		assert.ok(paths('file:///x/pkg/dist/cli.js').includes('/x/pkg/dist/emoji.bin'), 'bundle');
		assert.ok(paths('file:///x/pkg/dist/chunks/emoji-AB12.js').includes('/x/pkg/dist/emoji.bin'), 'chunk');
		assert.ok(paths('file:///x/repo/build/source/emoji/asset.js').includes('/x/repo/assets/emoji.bin'), 'compiled tests');
		assert.equal(paths('file:///x/pkg/dist/cli.js')[0], '/x/pkg/dist/emoji.bin', 'next to the bundle first');
		assert.ok(existsSync(new URL('../../../assets/emoji.bin', import.meta.url)));
	});

	it('covers every emoji of the image set, fully qualified', t => {
		const set = asset();
		const expected = imageSetSequences();
		t.diagnostic(`${set.sequences.length} emoji, ${set.size}x${set.size} px, source: ${set.source}`);
		assert.ok(set.sequences.length >= 3700, `${set.sequences.length} emoji`);
		assert.equal(new Set(set.sequences).size, set.sequences.length, 'no duplicate keys');
		for (const sequence of set.sequences) assert.equal(set.resolve(sequence), sequence, points(sequence));
		if (!expected) {
			t.diagnostic('emoji-datasource-twitter is not installed: compared with the asset itself only');
			return;
		}

		assert.equal(set.sequences.length, expected.length);
		const missing = expected.filter(sequence => set.resolve(sequence) !== sequence);
		assert.deepEqual(missing.map(points), []);
	});

	it('finds ZWJ sequences, skin tones, flags, keycaps, with and without U+FE0F', () => {
		const set = asset();
		for (const emoji of ['👩🏻‍🔧', '🏳️‍🌈', '🇫🇷', '1️⃣', '☁️', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '👨‍👩‍👧‍👦', '🧑🏽‍🤝‍🧑🏿', '❤️‍🔥', '#️⃣']) {
			assert.equal(set.resolve(emoji), emoji, points(emoji));
			assert.ok(set.image(emoji), points(emoji));
		}

		assert.equal(set.resolve('☁'), '☁️', 'without U+FE0F');
		assert.equal(set.resolve('1⃣'), '1️⃣', 'keycap without U+FE0F');
		assert.equal(set.resolve('🏳‍🌈'), '🏳️‍🌈', 'ZWJ sequence without U+FE0F');
		assert.equal(set.resolve('☁︎'), '☁️', 'text presentation selector');
		assert.equal(set.resolve('🦄️'), '🦄', 'a needless U+FE0F');
		assert.equal(set.resolve('x'), undefined);
		assert.deepEqual(set.image('☁'), set.image('☁️'));
	});

	it('falls back: without skin tone, then the first part of a ZWJ sequence, else nothing', () => {
		const set = asset();
		assert.equal(findEmoji('☁', set)?.sequence, '☁️');
		// A skin tone on an emoji that takes none.
		assert.equal(findEmoji('🦄🏽', set)?.sequence, '🦄');
		// An unknown ZWJ sequence: its first part (with its skin tone, then without).
		assert.equal(findEmoji('👩🏽‍🦄', set)?.sequence, '👩🏽');
		assert.equal(findEmoji('🦄‍🦄', set)?.sequence, '🦄');
		// A subdivision flag the set lacks: the black flag.
		assert.equal(findEmoji('🏴󠁵󠁳󠁴󠁸󠁿', set)?.sequence, '🏴');
		assert.equal(findEmoji('A', set), undefined);
		assert.equal(findEmoji('', set), undefined);
		assert.equal(findEmoji('🦄', undefined), undefined);
	});

	it('decodes emoji spread over the whole set, each a full image', () => {
		const set = parseEmojiAsset(readFileSync(new URL('../../../assets/emoji.bin', import.meta.url)));
		// Spread over the whole set so that nearly every decode is a new group (no cache hits).
		const step = Math.max(1, Math.floor(set.sequences.length / 400));
		for (let index = 0; index < set.sequences.length; index += step) {
			assert.equal(set.image(set.sequences[index]!)?.data.length, set.size * set.size * 4);
		}
	});

	it('holds only its index (some 60 KB of the 4 MB file): each emoji is read from the file when it is drawn', () => {
		const folder = mkdtempSync(join(tmpdir(), 'lectern-emoji-'));
		try {
			const copy = join(folder, 'emoji.bin');
			copyFileSync(new URL('../../../assets/emoji.bin', import.meta.url), copy);
			const set = readEmojiAsset(copy);
			assert.deepEqual(set.sequences, asset().sequences, 'the same index as the bundled set');
			assert.equal(set.image(set.sequences[0]!)?.data.length, set.size * set.size * 4);
			truncateSync(copy, 256 * 1024);
			assert.equal(set.image(set.sequences.at(-1)!), undefined, 'the last emoji, no longer in the file, is not drawn (nor is the process stopped)');
			assert.equal(set.image(set.sequences[0]!)?.data.length, set.size * set.size * 4, 'one already decoded is kept');
		} finally {
			rmSync(folder, {recursive: true, force: true});
		}
	});

	it('rejects bytes that are not an asset', () => {
		assert.throws(() => parseEmojiAsset(new Uint8Array(40)));
		assert.throws(() => parseEmojiAsset(Buffer.from('LMOJ\u0002\u0000')));
	});
});
