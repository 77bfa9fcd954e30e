import assert from 'node:assert/strict';
import {test} from 'node:test';
import {earlyMove, readKeyNames, type EarlyMoveLimits} from '../../source/navigation/early-move.js';
import {initialState} from '../../source/navigation/navigation.js';

test('the keys of a read: plain keys, arrows in both cursor modes, page keys; anything else is not read', () => {
	assert.deepEqual(readKeyNames('\u001B[C\u001BOC \r\u007Fj'), ['right', 'right', 'space', 'enter', 'backspace', 'j']);
	assert.deepEqual(readKeyNames('\u001B[5~\u001B[6~\u001B[A\u001BOD'), ['pageup', 'pagedown', 'up', 'left']);
	for (const read of ['\u001B', '\u001B[H', '\u001B[1;5C', '\u001B[200~x\u001B[201~', 'x\u001B'])
		assert.equal(readKeyNames(read), undefined, JSON.stringify(read));
});

const open: EarlyMoveLimits = {drawable: () => true, animates: () => false};

test('next and previous move as the player would; the move is counted and remembers where it came from', () => {
	const start = initialState(10, 0);
	const moved = earlyMove(start, '\u001B[C', open);
	assert.deepEqual(moved, {nav: {...start, index: 1, from: 0, moves: 1, notice: undefined}, settled: true});
	assert.equal(earlyMove(moved!.nav, '\u001B[D', open)?.nav.index, 0);
	assert.equal(earlyMove(start, '  \u001B[D', open)?.nav.index, 1, 'keys typed together, in order');
	assert.equal(earlyMove(start, '\u001B[D', open)?.nav.index, 0, 'previous on the first slide stays');
	assert.equal(
		earlyMove({...start, notice: {text: 'mojibake repaired', tone: 'info'}}, ' ', open)?.nav.notice,
		undefined,
		'a key clears the notice, as in the player',
	);
});

test('any other key, a slide that cannot be drawn yet, or a key after arriving at an animation is left to the player', () => {
	const start = initialState(10, 0);
	for (const read of ['q', 'o', '/', 'g', 'G', '3', '\u001B[C3', 'p', '?', '\u001B[H'])
		assert.equal(earlyMove(start, read, open), undefined, JSON.stringify(read));
	const two: EarlyMoveLimits = {drawable: index => index <= 1, animates: () => false};
	assert.equal(earlyMove(start, '\u001B[C', two)?.nav.index, 1);
	assert.equal(earlyMove(start, '\u001B[C\u001B[C', two), undefined, 'the whole read is left when a key in it cannot be drawn');
	const typing: EarlyMoveLimits = {drawable: () => true, animates: (from, index) => from === 0 && index === 1};
	assert.deepEqual(earlyMove(start, ' ', typing)?.settled, false);
	assert.equal(earlyMove(start, '  ', typing), undefined, 'the second key would finish the typing');
	assert.equal(earlyMove({...start, presenter: true}, ' ', open), undefined, 'the presenter view is the player’s');
	assert.equal(earlyMove({...start, digits: '1'}, '\r', open), undefined, 'Enter after digits is a jump');
});
