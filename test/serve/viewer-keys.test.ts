import assert from 'node:assert/strict';
import {test} from 'node:test';
import {viewerKeys} from '../../source/serve/viewer-keys.js';

test('terminal key sequences become the names navigation reads', () => {
	assert.deepEqual(viewerKeys('\u001B[C\u001B[D\u001BOA\u001B[B'), ['right', 'left', 'up', 'down']);
	assert.deepEqual(viewerKeys('\u001B[5~\u001B[6~\u001B[H\u001B[4~\u001B[1;5C'), ['pageup', 'pagedown', 'home', 'end', 'right']);
	assert.deepEqual(viewerKeys('q\u0003\u0004\r \u007F\u000C'), ['q', 'ctrl+c', 'ctrl+d', 'enter', 'space', 'backspace', 'ctrl+l']);
	assert.deepEqual(viewerKeys('\u001B'), ['escape']);
	assert.deepEqual(viewerKeys('\u001B[200~'), ['other']);
	assert.deepEqual(viewerKeys(Buffer.from('é')), ['other', 'other']);
});

test('a flood of input is read only so far', () => {
	assert.equal(viewerKeys('x'.repeat(100_000)).length, 32);
	assert.equal(viewerKeys('\u001B['.repeat(50_000)).length, 32);
});
