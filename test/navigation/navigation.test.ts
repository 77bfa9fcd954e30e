import {test} from 'node:test';
import assert from 'node:assert/strict';
import {planScreen} from '../../source/layout/plan-screen.js';
import {commandFor, keyName, keymap, textKeys} from '../../source/navigation/keymap.js';
import {initialState, navigate, withCount, type NavState} from '../../source/navigation/navigation.js';

const context = {search: (query: string) => (query === 'tea' ? [2, 5] : []), overviewRows: 3, overviewPage: 9};
const press = (state: NavState, ...keys: string[]) => keys.reduce((current, key) => navigate(current, key, context), state);

test('every key is bound once', () => {
	const keys = keymap.flatMap(binding => binding.keys);
	assert.equal(new Set(keys).size, keys.length);
	assert.equal(commandFor('space'), 'next');
	assert.equal(commandFor('backspace'), 'previous');
});

test('key names from Ink key flags', () => {
	assert.equal(keyName('', {rightArrow: true}), 'right');
	assert.equal(keyName('', {delete: true}), 'backspace');
	assert.equal(keyName(' ', {}), 'space');
	assert.equal(keyName('c', {ctrl: true}), 'ctrl+c');
	assert.equal(keyName('G', {}), 'G');
});

test('moving stays within the deck', () => {
	const state = initialState(3);
	assert.equal(press(state, 'right', 'right', 'right').index, 2);
	assert.equal(press(state, 'left').index, 0);
	assert.equal(press(state, 'G').index, 2);
	assert.equal(press(state, 'G', 'g').index, 0);
	assert.equal(initialState(3, 99).index, 2);
	assert.equal(initialState(0).index, 0);
});

test('digits and Enter jump; Esc and Backspace edit the number', () => {
	const state = initialState(20);
	assert.equal(press(state, '1', '2', 'enter').index, 11);
	assert.equal(press(state, '1', '2', 'backspace', 'enter').index, 0);
	const cleared = press(state, '5', 'escape');
	assert.equal(cleared.digits, '');
	assert.equal(cleared.quit, false);
	assert.equal(press(state, '0', 'enter').index, 0);
	assert.equal(press(state, '9', '9', '9', 'enter').index, 19);
});

test('overview moves by cells and rows and opens the chosen slide', () => {
	const state = press(initialState(10, 1), 'o');
	assert.equal(state.overlay, 'overview');
	assert.equal(state.overviewCursor, 1);
	const moved = press(state, 'down', 'right');
	assert.equal(moved.overviewCursor, 5);
	const opened = press(moved, 'enter');
	assert.equal(opened.overlay, 'none');
	assert.equal(opened.index, 5);
	assert.equal(press(state, 'escape').index, 1);
});

test('search is incremental, Esc returns, n and N cycle with a wrap notice', () => {
	const typing = press(initialState(8, 3), '/', 't', 'e', 'a');
	assert.equal(typing.overlay, 'search');
	assert.equal(typing.index, 5, 'first match at or after where the search began');
	assert.equal(press(typing, 'escape').index, 3);
	const found = press(typing, 'enter');
	assert.equal(found.lastQuery, 'tea');
	const wrapped = press(found, 'n');
	assert.equal(wrapped.index, 2);
	assert.equal(wrapped.notice?.text, 'search wrapped');
	assert.equal(press(wrapped, 'N').index, 5);
	assert.equal(press(initialState(8), '/', 'x', 'enter').notice?.tone, 'error');
	assert.match(press(initialState(8), 'n').notice?.text ?? '', /no search yet/);
});

test('while a query is typed, the status bar says how many slides match, or that none does', () => {
	const slides = Array.from({length: 8}, (_, index) => ({kind: 'blank' as const, index, line: index + 1}));
	const status = (state: ReturnType<typeof press>) =>
		planScreen({slides, nav: state, size: {columns: 100, rows: 20}, layout: {showUrls: true}})
			.at(-1)!
			.map(segment => segment.text)
			.join('');
	assert.match(status(press(initialState(8), '/')), /^\/█  Enter/, 'nothing said before anything is typed');
	assert.match(status(press(initialState(8), '/', 't', 'e', 'a')), /^\/tea█  2 slides  Enter/);
	assert.match(status(press(initialState(8), '/', 't', 'e', 'x')), /^\/tex█  no match  Enter/);
	assert.match(status(press(initialState(8), '/', 'x', 'backspace')), /^\/█  Enter/);
});

test('overlays take keys first', () => {
	const help = press(initialState(5), '?');
	assert.equal(help.overlay, 'help');
	assert.equal(press(help, 'right').index, 0, 'the key that closes help does not navigate');
	assert.equal(press(help, 'right').overlay, 'none');
	assert.equal(press(initialState(5), 'b', 'q').quit, false, 'a key ends the blackout');
	assert.equal(press(initialState(5), 'b', 'ctrl+c').quit, true);
	assert.equal(press(initialState(5), 'escape').quit, true);
});

test('a reload keeps the position, clamped', () => {
	const state = initialState(10, 8);
	assert.equal(withCount(state, 20).index, 8);
	assert.equal(withCount(state, 4).index, 3);
});

test('plain keys that arrive together are split, Enter and Backspace included', () => {
	assert.deepEqual(textKeys('12\r'), ['1', '2', 'enter']);
	assert.deepEqual(textKeys('a \u007F'), ['a', 'space', 'backspace']);
	assert.equal(press(initialState(20), ...textKeys('4\r')).index, 3);
});

test('T counts theme turns (the player turns the themes), in the slide view only', () => {
	const context = {search: () => [], overviewRows: 1};
	const state = navigate(initialState(3), 'T', context);
	assert.equal(state.themeTurns, 1);
	assert.equal(state.index, 0);
	const inHelp = navigate({...initialState(3), overlay: 'help'}, 'T', context);
	assert.equal(inHelp.themeTurns, 0, 'T closes the help instead');
});

test('a question replaces the status bar, the answer keys before the quoted code', () => {
	const state = initialState(1);
	const rows = planScreen({
		slides: [],
		nav: state,
		size: {columns: 40, rows: 10},
		layout: {showUrls: true},
		question: 'Run this sh block (sh)? y/n · echo hello world and more',
	});
	const text = rows
		.at(-1)!
		.map(segment => segment.text)
		.join('');
	assert.equal(text.length, 40);
	assert.ok(text.startsWith(' Run this sh block (sh)? y/n '), text);
});
