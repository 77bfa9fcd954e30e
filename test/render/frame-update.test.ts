import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Line, Style} from '../../source/frame/frame.js';
import {renderLine} from '../../source/render/ansi.js';
import {frameUpdate, toInkPlace, type CursorSpot} from '../../source/render/frame-update.js';
import {VirtualScreen} from '../harness/xterm.js';
import {random} from '../support/random.js';

const ansi = {level: 3, hyperlinks: true} as const;
const cursorStyle = {fg: '#5fafff'} as const;

/** A terminal window's typed line: prompt, the command so far, the cursor block. */
function typedLine(typed: string): string {
	const line: Line = [
		{text: '│ '},
		{text: '$ ', style: {bold: true}},
		{text: typed},
		{text: '█', style: cursorStyle},
		{text: ' '.repeat(60 - typed.length)},
		{text: '│'},
	];
	return renderLine(line, ansi);
}

test('a typed character costs the character, the cursor block and one step back: no sync markers, no moves over the rows', () => {
	const command = 'docker build -t registry.example.com/shop:release .';
	const frame = (typed: string) => ['top', typedLine(typed), 'bottom'];
	let at: CursorSpot | undefined;
	const sizes: number[] = [];
	for (let length = 1; length <= command.length; length++) {
		const update = frameUpdate(frame(command.slice(0, length - 1)), frame(command.slice(0, length)), at, 120);
		if (length > 1) sizes.push(Buffer.byteLength(update.bytes));
		at = update.at;
	}

	// The character (1), a step back over the old block (1), the block in its truecolour (19 + 3 bytes) and a reset (3).
	assert.ok(
		sizes.every(size => size <= 26),
		`bytes per typed character: ${sizes.join(' ')}`,
	);
});

test('frames written from where the cursor was left show what writing them whole would', async () => {
	const rng = random(7);
	const words = ['a', 'bb', '12/45', ' ', '日本', '█', 'x y', 'éé'];
	const styles: Array<Style | undefined> = [undefined, {bold: true}, {fg: '#ff0000'}];
	const randomLine = (): string =>
		renderLine(
			Array.from({length: rng.int(0, 3)}, () => {
				const style = rng.pick(styles);
				return {text: Array.from({length: rng.int(1, 2)}, () => rng.pick(words)).join(''), ...(style ? {style} : {})};
			}),
			ansi,
		);
	const rows = 6;
	const diffed = new VirtualScreen(40, rows);
	const written = new VirtualScreen(40, rows);
	try {
		let lines = Array.from({length: rows}, randomLine);
		await diffed.write(`\u001B[H${lines.join('\r\n')}`);
		let at: CursorSpot | undefined;
		for (let round = 0; round < 200; round++) {
			const next = lines.map(line => (rng.int(0, 3) === 0 ? randomLine() : line));
			const update = frameUpdate(lines, next, at, 40);
			await diffed.write(update.bytes);
			at = update.at;
			if (rng.int(0, 4) === 0) {
				// Before Ink's own writes, the cursor goes back to its place.
				await diffed.write(toInkPlace(rows));
				at = undefined;
			}

			lines = next;
			await written.write(`\u001B[m\u001B[2J\u001B[H${lines.join('\r\n')}`);
			for (let row = 0; row < rows; row++) assert.deepEqual(diffed.cells(row), written.cells(row), `round ${round}, row ${row}`);
		}
	} finally {
		diffed.dispose();
		written.dispose();
	}
});
