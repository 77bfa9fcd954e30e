import assert from 'node:assert/strict';
import {test} from 'node:test';
import {connectCommand, exposureAdvice, loopbackOnly} from '../../source/serve/exposure.js';

test('the advice says who can reach the server and how to open it safely', () => {
	const local = exposureAdvice({host: '127.0.0.1', port: 2222, password: false, keys: false}).join('\n');
	assert.match(local, /this machine only/);
	const open = exposureAdvice({host: '0.0.0.0', port: 2222, password: false, keys: false, fingerprint: 'SHA256:abc', keyPath: '/k'}).join('\n');
	assert.match(open, /^warning: .*anyone who can reach it can watch/m);
	assert.match(open, /firewall/);
	assert.match(open, /SHA256:abc/);
	const keyed = exposureAdvice({host: '192.0.2.5', port: 2300, password: false, keys: true}).join('\n');
	assert.doesNotMatch(keyed, /warning/);
	assert.match(keyed, /authorized-keys/);
	assert.match(exposureAdvice({host: '::', port: 1, password: true, keys: false}).join('\n'), /LECTERN_SERVE_PASSWORD/);
	assert.ok(loopbackOnly('127.1.2.3') && loopbackOnly('::1') && !loopbackOnly('0.0.0.0'));
	assert.equal(connectCommand('192.0.2.5', 2222), 'ssh -p 2222 192.0.2.5');
	assert.equal(connectCommand('host', 22), 'ssh host');
});
