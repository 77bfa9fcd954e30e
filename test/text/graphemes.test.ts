import assert from 'node:assert/strict';
import {test} from 'node:test';
import {aloneBlocks, aloneExpression, emojiClusters, oneClusterPerCodePoint} from '../../source/text/clusters.js';
import {graphemes} from '../../source/text/graphemes.js';
import {random} from '../support/random.js';

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const segmented = (text: string) => Array.from(segmenter.segment(text), part => part.segment);

test('graphemes splits exactly as Intl.Segmenter, with or without its fast path', () => {
	const rng = random(7);
	const pieces = [
		'a',
		' ',
		'\r',
		'\n',
		'é',
		'→',
		'✓',
		'☁',
		'\uFE0F',
		'🦄',
		'👋',
		'🏽',
		'\u200D',
		'🔧',
		'🇫',
		'🇷',
		'日',
		'ｱ',
		'ﾞ',
		'한',
		'ᄀ',
		'ᅡ',
		'ᆨ',
		'\u0301',
		'ก',
		'ำ',
		'क',
		'्',
		'ष',
		'\u0D4E',
		'മ',
		'𝔸',
		'\u00AD',
		'\u3164',
		'\u0600',
		'1',
		'\u20E3',
		'\uFE0E',
		'👩',
		'👨‍👩‍👧‍👦',
		'🧑🏽‍🤝‍🧑🏿',
		'🇺',
		'🇸',
		'\u{E0067}',
		'\u{E007F}',
		'🏴',
		'❤',
		'#',
		'©',
		'🏻',
	];
	let fast = 0;
	let emoji = 0;
	for (let round = 0; round < 20_000; round++) {
		const text = Array.from({length: rng.int(1, 8)}, () => rng.pick(pieces)).join('');
		if (oneClusterPerCodePoint(text)) fast++;
		else if (emojiClusters(text)) emoji++;
		assert.deepEqual(graphemes(text), segmented(text), JSON.stringify(text));
	}

	assert.ok(fast > 100, `the fast path was taken ${fast} times`);
	assert.ok(emoji > 100, `the emoji-sequence path was taken ${emoji} times`);
});

test('every code point of planes 0-3 that counts as a cluster of its own stays one between letters and beside itself', () => {
	const wrong: string[] = [];
	for (let code = 0; code <= 0x3_ff_ff; code++) {
		if (code >= 0xd8_00 && code <= 0xdf_ff) continue;
		const character = String.fromCodePoint(code);
		if (!oneClusterPerCodePoint(character)) continue;
		if (segmented(`a${character}b`).length !== 3 || segmented(character + character).length !== 2) wrong.push(code.toString(16));
	}

	assert.deepEqual(wrong.slice(0, 20), []);
});

test('the blocks counted as clusters of their own without the expression are all inside it; no emoji comes before ⌚', () => {
	const outside: string[] = [];
	for (const [from, to] of aloneBlocks) {
		for (let code = from; code <= to; code++) if (!aloneExpression.test(String.fromCodePoint(code))) outside.push(code.toString(16));
	}

	assert.deepEqual(outside, []);
	const emojiPresentation = /\p{Emoji_Presentation}/u;
	const early = Array.from({length: 0x23_1a}, (_, code) => code).filter(
		code => (code < 0xd8_00 || code > 0xdf_ff) && emojiPresentation.test(String.fromCodePoint(code)),
	);
	assert.deepEqual(early, []);
	assert.ok(emojiPresentation.test('⌚'));
});
