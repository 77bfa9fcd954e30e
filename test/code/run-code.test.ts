/**
 * Live code with real child processes: `+exec` streams plain output through
 * the funnel, `+pty` runs in a real pseudo-terminal (script(1)) drawn through
 * a headless xterm, so colours and the terminal's size come through.
 */
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {runCode} from '../../source/code/run-code.js';
import {runnerFor} from '../../source/code/runners.js';
import type {Line} from '../../source/frame/frame.js';

const folder = mkdtempSync(join(tmpdir(), 'lectern-run-'));
after(() => rmSync(folder, {recursive: true, force: true}));
const text = (lines: readonly Line[]) => lines.map(line => line.map(segment => segment.text).join(''));

async function run(language: string, code: string, pty: boolean): Promise<Line[]> {
	let last: Line[] = [];
	const running = runCode({language, code, pty, columns: 40, rows: 8, cwd: folder}, lines => {
		last = lines;
	});
	await running.done;
	// The last output is drawn once the emulator has parsed it.
	await new Promise(resolve => setTimeout(resolve, 50));
	return last;
}

test('+exec: the output of a shell block, line by line, in the deck folder, escape sequences neutralised', async () => {
	const lines = await run('sh', 'echo one; echo two >&2; pwd; printf "\\033[31mred\\033]0;title\\007\\n"', false);
	const shown = text(lines);
	assert.ok(shown.includes('one') && shown.includes('two'), shown.join('|'));
	assert.ok(shown.includes(folder) || shown.some(line => line.endsWith(folder.split('/').at(-1)!)), shown.join('|'));
	assert.ok(
		shown.every(line => !line.includes('\u001B')),
		'no escape sequence survives',
	);
});

test('+exec: python and javascript run by their interpreters', async () => {
	assert.deepEqual(text(await run('javascript', 'console.log(6 * 7)', false)).filter(Boolean), ['42']);
	assert.equal(runnerFor('python', 'print(1)')![0], 'python3');
	assert.equal(runnerFor('rust', 'fn main() {}'), undefined);
});

test('+pty: a real pseudo-terminal of the block size; colours come through as cells', async () => {
	const lines = await run('bash', "test -t 1 && echo tty; tput cols; printf '\\033[31mred\\033[0m plain\\n'", true);
	const shown = text(lines);
	assert.ok(shown.includes('tty'), shown.join('|'));
	assert.ok(shown.includes('40'), shown.join('|'));
	const red = lines.flat().find(segment => segment.text.startsWith('red'));
	assert.equal(red?.style?.fg, '#cd0000');
});

test('a language lectern cannot run says so, and nothing runs', async () => {
	const lines = await run('rust', 'fn main() {}', false);
	assert.match(text(lines)[0]!, /cannot run rust/);
});
