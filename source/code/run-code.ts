/**
 * Live code (presenterm's `+exec`, `+exec_replace`, `+pty`): a block run by
 * its language's interpreter, its output as slide lines while it streams.
 * `+pty` runs in a real pseudo-terminal (util-linux or BSD `script(1)`, no
 * native module) drawn through a terminal emulator (@xterm/headless), so
 * colours and cursor moves show as they would in a terminal. Only the player
 * started with `--run-code` calls this.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import type {Line} from '../frame/frame.js';
import {neutralize} from '../deck/neutralize.js';
import {ptyScreen} from './pty-screen.js';
import {runnerFor} from './runners.js';

export type RunRequest = {
	readonly language: string;
	readonly code: string;
	readonly pty: boolean;
	/** The output's size in cells (the pseudo-terminal's size). */
	readonly columns: number;
	readonly rows: number;
	/** Where it runs (the deck's folder). */
	readonly cwd: string;
};

export type Running = {readonly stop: () => void; readonly done: Promise<number | null>};

/** The most output lines kept of a plain run (the last ones). */
const keptLines = 200;

/** Quotes a word for `sh -c`. */
const shellWord = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;

/** Runs the block; `onOutput` gets the output so far each time it changes. */
export function runCode(request: RunRequest, onOutput: (lines: Line[]) => void): Running {
	const command = runnerFor(request.language, request.code);
	if (!command) {
		onOutput([
			[
				{
					text: `lectern cannot run ${request.language || 'a block without a language'} (it runs sh, bash, zsh, python, javascript, ruby, perl)`,
					style: {fg: 'highlight'},
				},
			],
		]);
		return {stop() {}, done: Promise.resolve(null)};
	}

	const env = {...process.env, TERM: 'xterm-256color', COLUMNS: String(request.columns), LINES: String(request.rows)};
	let child: ChildProcess;
	let draw: (chunk: Buffer) => void;
	if (request.pty) {
		const inner = `stty cols ${request.columns} rows ${request.rows} 2>/dev/null; exec ${command.map(word => shellWord(word)).join(' ')}`;
		const args = process.platform === 'linux' ? ['-qfec', inner, '/dev/null'] : ['-q', '/dev/null', 'sh', '-c', inner];
		child = spawn('script', args, {cwd: request.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true});
		const screen = ptyScreen(request.columns, request.rows);
		draw = chunk => screen.write(chunk, lines => onOutput(lines));
	} else {
		child = spawn(command[0]!, command.slice(1), {cwd: request.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true});
		let text = '';
		draw = chunk => {
			text += chunk.toString('utf8');
			const lines = text.split('\n');
			if (lines.length > keptLines * 2) text = lines.slice(-keptLines).join('\n');
			// Every byte of output goes through the funnel: no escape sequence of a program reaches the screen.
			onOutput(lines.slice(-keptLines).map(line => (line === '' ? [] : [{text: neutralize(line.replace(/\r$/, ''))}])));
		};
	}

	child.stdout?.on('data', draw);
	child.stderr?.on('data', draw);
	const done = new Promise<number | null>(resolve => {
		child.on('error', error => {
			onOutput([[{text: neutralize(`cannot run ${command[0]}: ${error.message}`), style: {fg: 'highlight'}}]]);
			resolve(null);
		});
		child.on('close', code => resolve(code));
	});
	const stop = () => {
		if (child.exitCode !== null || child.pid === undefined) return;
		try {
			// The whole group: `script` and what it started.
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			child.kill('SIGTERM');
		}
	};

	return {stop, done};
}
