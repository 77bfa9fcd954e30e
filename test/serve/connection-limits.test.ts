import assert from 'node:assert/strict';
import {test} from 'node:test';
import {connectionLimits} from '../../source/serve/connection-limits.js';

test('connections are capped in all and per address, and freed on close', () => {
	const limits = connectionLimits({total: 3, perAddress: 2});
	assert.ok(limits.admit('192.0.2.1'));
	assert.ok(limits.admit('::ffff:192.0.2.1'));
	assert.equal(limits.admit('192.0.2.1'), false, 'the same address, however written');
	assert.ok(limits.admit('192.0.2.2'));
	assert.equal(limits.admit('192.0.2.3'), false, 'full');
	limits.release('192.0.2.1');
	assert.equal(limits.open, 2);
	assert.ok(limits.admit('192.0.2.3'));
	limits.release('198.51.100.9');
	assert.equal(limits.open, 3, 'releasing an unknown address changes nothing');
});
