/**
 * A deck full of escape sequences, C1 controls, bidi overrides and unsafe links is
 * presented in a real terminal: nothing from the deck may change the terminal's
 * state (title, clipboard, screen, colours, modes); it shows as visible text.
 */
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {stopAll} from '../harness/tmux.js';
import {assertBuilt, startPlayer, atPosition, statusRow} from './support.js';

before(assertBuilt);
after(stopAll);

const deck = 'fixtures/hostile/escapes.txt';
const size = {columns: 100, rows: 30};

/** Sequences only the deck could have asked for. */
const forbidden: ReadonlyArray<[string, string]> = [
	['\u001B]0;', 'OSC 0 (window title)'],
	['\u001B]2;', 'OSC 2 (window title)'],
	['\u001B]52;', 'OSC 52 (clipboard)'],
	['\u001BP', 'DCS'],
	['\u0007', 'BEL'],
	['\u009B', 'C1 CSI'],
	['\u001B[31m', "the deck's own SGR"],
	['\u001B[5m', "the deck's own SGR"],
	['\u001B[1A', "the deck's cursor movement"],
	['javascript:', 'an unsafe hyperlink target'],
	['\u202E', 'a bidi override'],
];

test('escape sequences in slides, notes, titles, file names and captions never reach the terminal', async () => {
	const screen = await startPlayer(['--notes', '--no-animation', deck], {size, recordOutput: true});
	try {
		await screen.waitFor(rows => statusRow(rows).includes('1/4'), {what: 'first slide'});
		const seen: string[] = [(await screen.text()).join('\n')];
		for (let position = 2; position <= 4; position++) {
			await screen.keys('Right');
			seen.push((await screen.waitFor(rows => atPosition(statusRow(rows), ` ${position}/4`), {what: `slide ${position}/4`})).join('\n'));
		}

		const output = (await screen.output()).toString('utf8');
		// After the player's own set-up (alternate screen, clear), before its own restore on quit.
		const setUp = '\u001B[?1049h\u001B[?25l\u001B[2J\u001B[H';
		assert.ok(output.includes(setUp));
		const body = output.slice(output.indexOf(setUp) + setUp.length);
		for (const [sequence, what] of forbidden) assert.equal(body.includes(sequence), false, `${what} reached the terminal`);
		assert.equal(body.includes('\u001B[2J'), false, 'the deck cleared the screen');
		assert.equal(body.includes('\u001B[?1049l'), false, 'the deck left the alternate screen');
		assert.match(body, /\u001B\]8;;https:\/\/example\.org\u001B\\/, 'a valid link is still a hyperlink');

		const all = seen.join('\n');
		assert.match(all, /␛\]0;pwned title␇/, 'shown visibly instead');
		assert.match(all, /␛\[\?1049l escapes/);
		assert.match(all.replace(/[│\s]+/g, ' '), /clipboard and evil bidi/, 'bidi overrides dropped');
		const state = await screen.state();
		assert.equal(state.alternateOn, true, 'still on the alternate screen');
		const title = await screen.paneTitle();
		assert.doesNotMatch(title, /pwned|title/, 'the window title is unchanged');
	} finally {
		await screen.stop();
	}
});
