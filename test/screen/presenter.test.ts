/**
 * The presenter side in real terminals: the notes pane, two processes that keep each
 * other on the same slide through their socket (either side can quit and come back),
 * and a slide that types itself, captured mid-animation.
 */
import assert from 'node:assert/strict';
import {mkdirSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import {stopAll, type TmuxScreen} from '../harness/tmux.js';
import {assertBuilt, printSlides, privateTmpdir, startPlayer, atPosition, statusRow, waitForSlide} from './support.js';

before(assertBuilt);
after(stopAll);

const deck = 'fixtures/screen/presenter.txt';
const notes = ['SPEAKER-NOTE-ONE', 'SPEAKER-NOTE-TWO', 'SPEAKER-NOTE-THREE', 'SPEAKER-NOTE-FOUR', 'SPEAKER-NOTE-FIVE'];
const total = notes.length;

const at = (screen: TmuxScreen, position: number, what: string) => screen.waitFor(rows => atPosition(statusRow(rows), ` ${position}/${total}`), {what});

test('notes show in the pane, never in the audience view; the pane stacks under the slide at 80x24', async () => {
	const audience = await startPlayer(['--no-animation', deck], {size: {columns: 80, rows: 24}});
	const speaker = await startPlayer(['--no-animation', '--notes', '--session', 'pane-only-test', deck], {size: {columns: 80, rows: 24}});
	try {
		for (let position = 1; position <= total; position++) {
			if (position > 1) {
				await audience.keys('Right');
				await speaker.keys('Right');
			}

			const shown = (await at(audience, position, `audience at ${position}`)).join('\n');
			for (const note of notes) assert.equal(shown.includes(note), false, `${note} on the audience screen`);
			const pane = await speaker.waitFor(rows => rows.join('\n').includes(notes[position - 1]!), {what: `the notes of slide ${position}`});
			const divider = pane.findIndex(row => /^─{80}$/.test(row));
			assert.ok(divider > 3, 'stacked: a rule across the screen under the slide');
			assert.ok(pane.findIndex(row => row.includes(notes[position - 1]!)) > divider, 'the notes are under the slide');
		}
	} finally {
		await audience.stop();
		await speaker.stop();
	}
});

test('two processes on one socket follow each other both ways, and survive a restart of either', async () => {
	const tmp = privateTmpdir();
	const size = {columns: 100, rows: 30};
	const env = {TMPDIR: tmp};
	let audience = await startPlayer(['--no-animation', deck], {size, env});
	let speaker = await startPlayer(['--no-animation', '--presenter', deck], {size, env});
	try {
		await at(speaker, 1, 'speaker on 1');
		await speaker.waitFor(rows => statusRow(rows).includes('audience screen connected'), {what: 'the speaker sees the audience connect'});
		const folder = join(tmp, `lectern-${process.getuid!()}`);
		assert.equal(statSync(folder).mode & 0o777, 0o700, 'private folder');
		const sockets = readdirSync(folder).filter(name => name.endsWith('.sock'));
		assert.equal(sockets.length, 1);
		assert.equal(statSync(join(folder, sockets[0]!)).mode & 0o777, 0o600, 'private socket');

		await speaker.keys('Right');
		await at(audience, 2, 'the audience follows the speaker');
		await audience.keys('Right');
		await at(speaker, 3, 'the speaker follows the audience');
		const pane = (await speaker.text()).join('\n');
		assert.match(pane, /SPEAKER-NOTE-THREE/, 'the full-screen notes view shows the notes');

		await audience.keys('q');
		await audience.waitForExit();
		await speaker.waitFor(rows => statusRow(rows).includes('audience screen disconnected'), {what: 'the speaker sees the audience leave'});
		await speaker.keys('Right');
		await at(speaker, 4, 'the speaker moves on alone');
		await audience.stop();
		audience = await startPlayer(['--no-animation', deck], {size, env});
		await at(audience, 4, 'a restarted audience joins the speaker at slide 4');

		await speaker.keys('q');
		await speaker.waitForExit();
		await speaker.stop();
		speaker = await startPlayer(['--no-animation', '--presenter', deck], {size, env});
		await at(speaker, 4, 'a restarted speaker joins the audience at slide 4');
		await speaker.keys('Right');
		await at(audience, 5, 'and drives it again');
	} finally {
		await audience.stop();
		await speaker.stop();
	}
});

test('pairing is explicit: a second audience window on the same deck is on its own; --session pairs two audience windows', async () => {
	const env = {TMPDIR: privateTmpdir()};
	const size = {columns: 80, rows: 24};
	const projector = await startPlayer(['--no-animation', deck], {size, env});
	const peek = await startPlayer(['--no-animation', '--start', '4', deck], {size, env});
	const left: TmuxScreen[] = [projector, peek];
	try {
		await at(projector, 1, 'projector on 1');
		await at(peek, 4, 'the peeking window opens where asked');
		await peek.keys('Right');
		await at(peek, 5, 'the peeking window moves');
		await projector.keys('Right');
		await at(projector, 2, 'the projector moves');
		// Give a (wrong) sync time to arrive before looking again.
		await new Promise(resolve => setTimeout(resolve, 700));
		assert.ok(atPosition(statusRow(await projector.text()), ' 2/5'), 'the projector was not pulled by the peeking window');
		assert.ok(atPosition(statusRow(await peek.text()), ' 5/5'), 'the peeking window was not pulled by the projector');
		assert.doesNotMatch((await projector.text()).join('\n'), /connected/);

		const first = await startPlayer(['--no-animation', '--session', 'two-projectors', deck], {size, env});
		const second = await startPlayer(['--no-animation', '--session', 'two-projectors', '--start', '3', deck], {size, env});
		left.push(first, second);
		await at(second, 1, 'a second view with the same --session joins the first');
		await second.keys('Right');
		await at(first, 2, 'and drives it');
	} finally {
		for (const screen of left) await screen.stop();
	}
});

test('a command types itself: partly typed mid-animation, then the final state equals print', async () => {
	const size = {columns: 80, rows: 24};
	const screen = await startPlayer(['--typing-speed', '4', '--start', '3', deck], {size});
	try {
		await at(screen, 3, 'slide 3');
		await screen.keys('Right');
		const partial = await screen.waitFor(rows => rows.some(row => /~\/talk \$ echo ty█/.test(row)), {what: 'the command half typed'});
		assert.equal(
			partial.slice(0, -2).some(row => row.includes('typing-in-progress')),
			false,
			'not all typed yet',
		);
		const cursorRow = partial.findIndex(row => row.includes('echo ty█'));
		assert.ok(cursorRow > 0, 'a solid cursor at the typing position');
		await screen.keys('Space');
		await waitForSlide(screen, {position: 4, total, size, lines: printSlides(deck, size)[3]!.lines, what: 'a key finishes the typing: the final state'});
	} finally {
		await screen.stop();
	}
});

test('a refused socket folder: the speaker is told in one neutralised line, and the talk goes on', async () => {
	// TMPDIR's name carries an escape sequence, and where the private folder goes there is a file.
	const base = join(privateTmpdir(), 'tmp\u001B]0;pwned\u0007');
	mkdirSync(base);
	writeFileSync(join(base, `lectern-${process.getuid?.() ?? 0}`), '');
	const screen = await startPlayer(['--presenter', deck], {size: {columns: 200, rows: 40}, env: {TMPDIR: base}});
	try {
		const rows = await screen.waitFor(current => statusRow(current).includes('no second terminal'), {what: 'the sync problem in the status bar'});
		assert.match(statusRow(rows), /no second terminal: cannot make the private socket folder \(EEXIST\): .*tmp␛\]0;pwned␇/);
		assert.doesNotMatch(await screen.paneTitle(), /pwned/);
		await screen.keys('Right');
		await at(screen, 2, 'the next slide');
	} finally {
		await screen.stop();
	}
});
