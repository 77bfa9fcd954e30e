import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseDeck} from '../../source/deck/parse-deck.js';
import {openingTalk, talkViewAt} from '../../source/serve/talk.js';
import {newViewer, viewerKey, viewerScreen, type ViewerRules, type ViewerState} from '../../source/serve/viewer-state.js';

const deck = parseDeck(`# One\n???\nSECRET-NOTE\n---\n# Two\n---\n# Three\n---\n# Four\n`);
const follow: ViewerRules = {canBrowse: false, count: deck.slides.length, overviewRows: 3, overviewPage: 9};
const browse: ViewerRules = {...follow, canBrowse: true};
const press = (state: ViewerState, keys: string[], rules: ViewerRules, talkIndex = 1) =>
	keys.reduce((current, key) => viewerKey(current, key, talkIndex, rules, 1000), state);

test("a follower's keys never move anything: they see the talk and a reminder", () => {
	const state = press(newViewer(0), ['right', 'space', 'p', '/', 'b', '3', 'enter', 'G'], follow);
	assert.equal(state.browsing, false);
	assert.equal(state.leave, false);
	const screen = viewerScreen(state, talkViewAt(openingTalk(1, 0), deck.slides, undefined, 0), follow, 1000);
	assert.equal(screen.nav.index, 1);
	assert.equal(screen.nav.presenter, false);
	assert.equal(screen.nav.notice?.text, 'read-only: following the speaker');
	assert.equal(screen.hint, 'q leaves');
});

test('q, Ctrl-C and Ctrl-D leave; Ctrl-L redraws', () => {
	for (const key of ['q', 'ctrl+c', 'ctrl+d']) assert.equal(press(newViewer(0), [key], follow).leave, true, key);
	assert.equal(press(newViewer(0), ['ctrl+l'], follow).redraws, 1);
});

test('with browsing allowed, a viewer looks around on their own and rejoins with f or Esc', () => {
	let state = press(newViewer(0), ['right', 'right'], browse);
	assert.equal(state.browsing, true);
	const talk = talkViewAt(openingTalk(1, 0), deck.slides, undefined, 0);
	let screen = viewerScreen(state, talk, browse, 1000);
	assert.equal(screen.nav.index, 3, 'two slides on from where the speaker is');
	assert.equal(screen.nav.notice?.text, 'speaker on 2');
	assert.equal(screen.hint, 'f follows · q leaves');
	state = press(state, ['1', 'enter'], browse);
	assert.equal(viewerScreen(state, talk, browse, 1000).nav.index, 0);
	state = press(state, ['f'], browse);
	assert.equal(state.browsing, false);
	screen = viewerScreen(state, talk, browse, 1000);
	assert.equal(screen.nav.index, 1, 'back with the speaker');
	assert.equal(press(press(newViewer(0), ['left'], browse), ['escape'], browse).browsing, false);
});

test("notes stay the presenter's: no presenter view, no search, no help for a browsing viewer", () => {
	for (const key of ['p', '/', 'n', 'N', 'd', 't', '?', 'b']) {
		const state = press(press(newViewer(0), ['right'], browse), [key], browse);
		const screen = viewerScreen(state, talkViewAt(openingTalk(1, 0), deck.slides, undefined, 0), browse, 1000);
		assert.equal(screen.nav.presenter, false, key);
		assert.equal(screen.nav.overlay, 'none', key);
	}
});
