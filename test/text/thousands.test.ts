import assert from 'node:assert/strict';
import {test} from 'node:test';
import {thousands} from '../../source/text/thousands.js';
import {random} from '../support/random.js';

test('thousands groups digits as toLocaleString("en") does', () => {
	const {next} = random(7);
	const values = [0, 1, 12, 999, 1000, 9999, 10_000, 123_456, 1_000_000, -1, -1000, -123_456_789, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER];
	for (let index = 0; index < 2000; index++) values.push(Math.floor((next() - 0.5) * 10 ** Math.floor(next() * 16)));
	for (const value of values) assert.equal(thousands(value), value.toLocaleString('en'), String(value));
});

test('thousands writes a number that is not a safe integer as String() does', () => {
	assert.equal(thousands(1.5), '1.5');
	assert.equal(thousands(Number.NaN), 'NaN');
	assert.equal(thousands(Number.POSITIVE_INFINITY), 'Infinity');
});
