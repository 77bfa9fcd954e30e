import assert from 'node:assert/strict';
import {test} from 'node:test';
import {openingWrite, redrawWrite, showsAlready, takeoverStream} from '../../source/terminal/takeover.js';
import {VirtualScreen} from '../harness/xterm.js';

const bsu = '\u001B[?2026h';
const esu = '\u001B[?2026l';
const hide = '\u001B[?25l';

/** A terminal stream that records what reaches it. */
function recorder(): {stream: NodeJS.WriteStream; written: string[]} {
	const written: string[] = [];
	const stream = {
		columns: 80,
		rows: 4,
		isTTY: true,
		write(chunk: string) {
			written.push(chunk);
			return true;
		},
	} as unknown as NodeJS.WriteStream;
	return {stream, written};
}

const rows = ['  \u001B[1mTitle\u001B[0m  ', ' ', ' 1/3  Title'];
const inkFrame = (lines: readonly string[]) => [bsu, hide, `${lines.join('\n')}\n`, esu];

test("the opening slide leaves the cursor below its last row, where Ink's frame of the same rows leaves it", () => {
	const {frame, bytes} = openingWrite(rows, 4);
	assert.equal(bytes, `\u001B[H${rows.join('\r\n')}\r\n`);
	assert.deepEqual(frame, {rows: ['  \u001B[1mTitle\u001B[0m', '', ' 1/3  Title'], cursorBelow: true});
	assert.equal(openingWrite(rows, 3).bytes.endsWith('\u001B[H'), true, 'no row to spare: the cursor goes home, and nothing is taken as shown');
	assert.equal(showsAlready(inkFrame(openingWrite(rows, 3).frame.rows), openingWrite(rows, 3).frame), false);
});

test("Ink's first frame is not written when the screen shows it; later frames go through", () => {
	const {stream, written} = recorder();
	const ink = takeoverStream(stream, openingWrite(rows, 4).frame);
	for (const chunk of inkFrame(['  \u001B[1mTitle\u001B[0m', '', ' 1/3  Title'])) ink.write(chunk);
	assert.deepEqual(written, []);
	const next = [bsu, '\u001B[2A\u001B[2K 2/3', esu];
	for (const chunk of next) ink.write(chunk);
	assert.deepEqual(written, next);
	assert.equal(ink.columns, 80, "the rest of the stream is the terminal's");
});

test('a first frame that differs is written whole, from the top of the screen', () => {
	const {stream, written} = recorder();
	const ink = takeoverStream(stream, openingWrite(rows, 4).frame);
	ink.write('\u001B[?25l');
	const other = inkFrame(['  Title', '', ' 1/3  Title  (reloaded)']);
	for (const chunk of other) ink.write(chunk);
	assert.deepEqual(written, ['\u001B[?25l', bsu, '\u001B[H', ...other.slice(1)]);
	assert.equal(showsAlready(other, undefined), false, 'nothing drawn before Ink: nothing is shown');
});

test('a move before Ink redraws the changed rows; the screen and cursor are then as a fresh opening of the new rows leaves them', async () => {
	const before = ['\u001B[44m' + 'x'.repeat(20) + '\u001B[0m', '  Title', '', ' 1/3'];
	const after = ['\u001B[44m' + 'x'.repeat(20) + '\u001B[0m', 'y'.repeat(20), ' Sub', ' 2/3'];
	const first = openingWrite(before, 5);
	const moved = redrawWrite(first.frame, after, 5);
	assert.deepEqual(moved.frame, openingWrite(after, 5).frame);
	assert.equal(moved.bytes.startsWith(bsu) && moved.bytes.endsWith(esu), true, 'one synchronized frame');
	assert.equal(moved.bytes.includes('x'.repeat(20)), false, 'an unchanged row is not written');
	assert.equal(redrawWrite(moved.frame, after, 5).bytes, '', 'nothing changed: nothing written');
	const redrawn = new VirtualScreen(20, 5);
	const fresh = new VirtualScreen(20, 5);
	try {
		await redrawn.write(first.bytes + moved.bytes);
		await fresh.write(openingWrite(after, 5).bytes);
		assert.deepEqual(redrawn.text(), fresh.text());
		assert.deepEqual(redrawn.cursor(), fresh.cursor(), "the cursor is where Ink's frame of these rows would leave it");
		assert.equal(showsAlready(inkFrame(moved.frame.rows), moved.frame), true, "Ink's first frame of the rows is then not written");
	} finally {
		redrawn.dispose();
		fresh.dispose();
	}
});
