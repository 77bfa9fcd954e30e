/**
 * Ink's incremental log-update as lectern ships it (patched: frames written from where the
 * last one left the cursor, see scripts/ink-patches.mjs and source/render/frame-update.ts),
 * driven through typing frames mixed with the writes of Ink's own that expect the cursor
 * on the last row (a frame of another height, clear after a resize, sync, done): replayed
 * in xterm.js, the screen is always the frame written whole (every line fits the width, as
 * lectern lays them out).
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {VirtualScreen} from '../harness/xterm.js';
import {random} from '../support/random.js';

type Planned = {text: string; apply: () => boolean};
type Log = ((text: string) => boolean) & {
	clear: () => void;
	sync: (text: string) => void;
	done: () => void;
	oneLine?: (text: string) => boolean;
	plan?: (text: string) => Planned | undefined;
};
type LogUpdate = {default: {create: (stream: NodeJS.WriteStream, options: {incremental: boolean}) => Log}};

const columns = 30;
const rows = 8;

test("typing frames and Ink's own writes, in any order, leave the screen as each frame written whole", async () => {
	const {default: logUpdate} = (await import(new URL('log-update.js', import.meta.resolve('ink')).href)) as LogUpdate;
	let written = '';
	const stream = {columns, rows, isTTY: true, write: (text: string) => ((written += text), true)} as unknown as NodeJS.WriteStream;
	const log = logUpdate.create(stream, {incremental: true});
	assert.equal(typeof log.oneLine, 'function', 'the patched log-update: run the tests with npm test');
	const {int, pick, chance} = random(11);
	const screen = new VirtualScreen(columns, rows, {convertEol: true});
	const whole = new VirtualScreen(columns, rows);
	const frame = (typed: string, height: number) =>
		Array.from({length: height}, (_, row) =>
			row === 3 ? `│ $ ${typed}\u001B[38;2;95;175;255m█\u001B[0m` : row === height - 1 ? ` ${Math.floor(typed.length / 4)}/9` : `row ${row} ${'x'.repeat(row)}`,
		).join('\n');
	try {
		let typed = '';
		let height = rows - 1;
		written = '\u001B[H';
		log(`${frame(typed, height)}\n`);
		for (let step = 0; step < 300; step++) {
			const what = int(0, 19);
			if (what === 0) {
				// A resize: Ink clears, the screen is cleared, the next frame is written whole from the top.
				log.clear();
				written += '\u001B[H\u001B[2J';
			} else if (what === 1) {
				height = height === rows - 1 ? rows - 3 : rows - 1;
			} else if (what === 2) {
				// A frame Ink writes itself (taller than the screen: cleared, written whole), then synced.
				written += `\u001B[2J\u001B[3J\u001B[H${frame(typed, height)}\n`;
				log.sync(`${frame(typed, height)}\n`);
				continue;
			} else {
				typed = typed.length >= 10 || chance(0.05) ? '' : typed + pick(['a', 'b', ' ', 'é', '─', '日']);
			}

			log(`${frame(typed, height)}\n`);
			await screen.write(written);
			written = '';
			await whole.write(`\u001B[H\u001B[2J${frame(typed, height).replaceAll('\n', '\r\n')}`);
			assert.deepEqual(screen.text(), whole.text(), `step ${step}`);
		}

		log.done();
	} finally {
		screen.dispose();
		whole.dispose();
	}
});

test('a frame planned ahead is the bytes the frame would write, and is dropped by any write in between', async () => {
	const {default: logUpdate} = (await import(new URL('log-update.js', import.meta.resolve('ink')).href)) as LogUpdate;
	const logs = [0, 1].map(() => {
		const out = {written: ''};
		const stream = {columns, rows, isTTY: true, write: (text: string) => ((out.written += text), true)} as unknown as NodeJS.WriteStream;
		return {out, log: logUpdate.create(stream, {incremental: true})};
	});
	const [ahead, plain] = logs as [(typeof logs)[0], (typeof logs)[0]];
	assert.equal(typeof ahead.log.plan, 'function', 'the patched log-update: run the tests with npm test');
	const frame = (slide: number) =>
		`${Array.from({length: rows - 1}, (_, row) => (row % 3 === slide % 3 ? `slide ${slide} row ${row}` : `row ${row}`)).join('\n')}\n`;
	for (const {log} of logs) log(frame(0));
	assert.equal(ahead.log.plan!(frame(0)), undefined, 'the frame on screen: nothing to plan');
	for (let slide = 1; slide < 6; slide++) {
		for (const entry of logs) entry.out.written = '';
		const planned = ahead.log.plan!(frame(slide));
		assert.ok(planned);
		assert.equal(ahead.out.written, '', 'planning writes nothing');
		plain.log(frame(slide));
		assert.equal(planned.text, plain.out.written, `slide ${slide}: the same bytes`);
		assert.equal(planned.apply(), true);
		// Both logs now hold the same frame and cursor: the next frame is written the same way by each.
	}

	assert.equal(ahead.log.plan!(`${frame(7)}extra\n`), undefined, 'another height is left to Ink');
	const stale = ahead.log.plan!(frame(9));
	ahead.log(frame(8));
	assert.equal(stale!.apply(), false, 'a frame written since: the plan is dropped');
	const cleared = ahead.log.plan!(frame(7));
	ahead.log.clear();
	assert.equal(cleared!.apply(), false, 'cleared since (a resize): the plan is dropped');
});
