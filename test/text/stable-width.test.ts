import {test} from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import {stableText} from '../../source/text/stable-width.js';

test('width-ambiguous emoji clusters get stand-ins every terminal draws at the measured width', () => {
	const cases: Array<[string, string]> = [
		['👩🏻‍🔧', '👩'],
		['☁️❓', '☁❓'],
		['1️⃣', '1'],
		['👍🏽', '👍'],
		['🏳️‍🌈 flag', '🏳 flag'],
	];
	for (const [input, expected] of cases) assert.equal(stableText(input), expected, input);
});

test('text without such clusters is returned as it is', () => {
	for (const text of ['plain', 'café 日本語', '🇫🇷 😀 ✅', '']) assert.equal(stableText(text), text);
});

test('stand-ins are never wider than the cluster was measured', () => {
	for (const text of ['👩🏻‍🔧', '☁️', '1️⃣', '👍🏽', '🏳️‍🌈']) assert.ok(stringWidth(stableText(text)) <= stringWidth(text), text);
});
