import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {cellWidth} from '../../source/text/cell-width.js';
import {assertLinear} from '../support/growth.js';
import {random} from '../support/random.js';

const characters = (from: number, to: number) =>
	Array.from({length: to - from + 1}, (_, index) => from + index)
		.filter(code => code < 0xd8_00 || code > 0xdf_ff)
		.map(code => String.fromCodePoint(code));

test('cellWidth agrees with string-width on every code point of planes 0-3 and the tags and variation selectors', () => {
	const wrong: string[] = [];
	for (const character of [...characters(0, 0x3_ff_ff), ...characters(0xe_00_00, 0xe_01_ef)]) {
		if (cellWidth(character) !== stringWidth(character)) wrong.push(character.codePointAt(0)!.toString(16));
	}

	assert.deepEqual(wrong.slice(0, 20), []);
});

test('cellWidth agrees with string-width on mixed strings, where clusters span code points', () => {
	const rng = random(20_261_126);
	const pieces = [
		'a',
		' ',
		'é',
		'→',
		'—',
		'✓',
		'★',
		'☁',
		'☁️',
		'1️⃣',
		'🦄',
		'👋🏽',
		'👩‍🔧',
		'🇫🇷',
		'🇫',
		'日',
		'本',
		'ｱ',
		'ﾞ',
		'한',
		'ᄀ',
		'ᅡ',
		'\u0301',
		'\u200D',
		'\uFE0F',
		'ก',
		'ำ',
		'क',
		'्',
		'ष',
		'\u0D4E',
		'മ',
		'𝔸',
		'∑',
		'€',
		'©',
		'\u00AD',
		'\u3164',
	];
	for (let round = 0; round < 20_000; round++) {
		const text = Array.from({length: rng.int(1, 8)}, () => rng.pick(pieces)).join('');
		assert.equal(cellWidth(text), stringWidth(text), JSON.stringify(text));
	}
});

test('cellWidth counts the common cases', () => {
	assert.equal(cellWidth('press → or Space'), 16);
	assert.equal(cellWidth('🦄 🚚'), 5);
	assert.equal(cellWidth('日本語'), 6);
	assert.equal(cellWidth('e\u0301'), 1);
	assert.equal(cellWidth('👩‍🔧'), 2);
});

test('long runs of emoji clusters without spaces are measured in linear time, and exactly', () => {
	const runs = ['👩🏻‍🔧', '1️⃣', '🇫🇷', '👋🏽', 'e\u0301'];
	for (const cluster of runs) {
		assert.equal(cellWidth(cluster.repeat(1000)), stringWidth(cluster) * 1000, cluster);
		assertLinear(`cellWidth of ${cluster} repeated`, 1500, size => cellWidth(cluster.repeat(size) + String(size)));
	}
});
