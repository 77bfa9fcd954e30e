/**
 * Runs a command in a real terminal (a pane of a private, detached tmux server) for screen
 * tests: send keys, read the screen (text or with colours), resize, signal, and check how
 * the program left the terminal.
 *
 * Each TmuxScreen has its own tmux server (`tmux -L <unique name> -f /dev/null`), so tests
 * can run in parallel and never touch the user's tmux. Call `stop()` (or `stopAll()`) in
 * `after`/`finally`; a watchdog process also kills the server if the test process dies.
 *
 * How the command runs: `sh` (the pane's process) runs `env -u CI ... TERM=... command`,
 * waits for it and then records its exit status without touching the screen, so the last
 * screen, the cursor and the alternate-screen flag stay exactly as the program left them
 * (tmux's own `remain-on-exit` would scroll the screen by a line to print "Pane is dead"
 * and hide the cursor). `remain-on-exit` is still on as a fallback.
 *
 * Needs tmux (3.3 tested; LECTERN_TEST_TMUX overrides the binary), /bin/sh, env and pgrep.
 */
import {execFile, spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {mkdtempSync, rmSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {VirtualScreen} from './xterm.js';

// Captured at load time so tests that mock timers (node:test `mock.timers`) cannot stall polling.
const realSetTimeout = globalThis.setTimeout;
const now = () => performance.now();
const pause = (ms: number) => new Promise<void>(resolve => realSetTimeout(resolve, ms));

const TMUX = process.env.LECTERN_TEST_TMUX ?? 'tmux';
const SESSION = 'lectern';
const POLL_MS = 20;
// Only a guard against a hang: every wait ends on what the screen shows (a load of 14 on
// 2 cores made 10 s too short for a slide change).
const DEFAULT_TIMEOUT_MS = 60_000;
const EXIT_TITLE = 'lectern-exit:';
/** What the wrapper writes after the program: CAN, then the start of OSC 2. */
const EXIT_MARKER = Buffer.from(`\x18\x1b]2;${EXIT_TITLE}`);

/**
 * Removed from the program's environment. CI/CONTINUOUS_INTEGRATION make Ink draw only the
 * final frame; TMUX/TMUX_PANE are set by tmux itself; `node --test` sets FORCE_COLOR=1 (16
 * colours!) in test processes when its stdout is a terminal and NODE_TEST_CONTEXT always.
 */
const UNSET = ['CI', 'CONTINUOUS_INTEGRATION', 'TMUX', 'TMUX_PANE', 'FORCE_COLOR', 'NO_COLOR', 'NODE_TEST_CONTEXT'];
const DEFAULT_ENV: Record<string, string> = {TERM: 'xterm-256color', COLORTERM: 'truecolor', LANG: 'C.UTF-8'};

/**
 * The pane's process. $1 is the tmux binary, the rest the command (already wrapped in
 * `env`). SIGINT/SIGQUIT from the keyboard reach the whole foreground process group: the
 * trap keeps this shell alive (a handler, not an ignore, so the command gets default
 * dispositions). After the command exits, CAN aborts any escape sequence it left half
 * written and OSC 2 sets the pane title to the exit status: it goes through the pty after
 * everything the command wrote, so once tmux shows the title, the screen is final. Then it
 * waits for a tmux channel nobody signals (it dies with the server).
 */
const WRAPPER = [
	'trap : INT QUIT; t=$1; shift; "$@"; s=$?;',
	`printf '\\030\\033]2;${EXIT_TITLE}%s\\033\\\\' "$s";`,
	'exec "$t" wait-for lectern-never-signalled',
].join(' ');

/** Watchdog: waits for EOF on stdin (its parent, the test process, died or stopped us). */
const WATCHDOG = 'read -r socket; read -r _; "$0" -L "$1" kill-server 2>/dev/null; [ -n "$socket" ] && rm -f "$socket"';

/** tmux splits its command line at arguments ending in ";"; "\;" at the end is a literal ";". */
function escapeArgument(argument: string): string {
	return argument.endsWith(';') ? `${argument.slice(0, -1)}\\;` : argument;
}

function cleanEnvironment(): NodeJS.ProcessEnv {
	const env = {...process.env};
	for (const name of UNSET) delete env[name];
	return env;
}

export interface TmuxStartOptions {
	/** The program and its arguments (run directly, not through a shell). */
	command: string[];
	columns: number;
	rows: number;
	/** Added to (and overriding) the cleaned environment, including TERM/COLORTERM/LANG. */
	env?: Record<string, string>;
	cwd?: string;
	/**
	 * Record every byte the program writes to the terminal (tmux `pipe-pane -O`, started
	 * before the program's first output is read); read them with `output()`.
	 */
	recordOutput?: boolean;
	/** Leave TMUX and TMUX_PANE as tmux sets them, so the program knows it runs inside tmux (this test server). */
	insideTmux?: boolean;
	/** tmux commands run before the session starts, e.g. `['set', '-g', 'allow-passthrough', 'on']`. */
	tmuxCommands?: string[][];
}

export interface WaitOptions {
	/** Milliseconds, default 10 000. */
	timeout?: number;
	/** Named in the timeout error. */
	what?: string;
}

export interface TmuxState {
	alternateOn: boolean;
	cursorVisible: boolean;
	/** The command has exited (the screen is then final). */
	dead: boolean;
	/** Exit status once dead; 128 + N when killed by signal N (shell convention). */
	exitStatus?: number;
	cursorX: number;
	cursorY: number;
	columns: number;
	rows: number;
}

const live = new Set<TmuxScreen>();
let counter = 0;
let exitHookInstalled = false;

function installExitHook(): void {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.on('exit', () => {
		for (const screen of live) screen.stopSync();
	});
}

/** Stops every TmuxScreen still running in this process. */
export async function stopAll(): Promise<void> {
	await Promise.all([...live].map(screen => screen.stop()));
}

/** Row numbers and a left bar (a right border would not line up: wide characters are one string character but two columns). */
function formatScreen(rows: string[]): string {
	return rows.map((row, index) => `${String(index).padStart(3)} |${row}`).join('\n');
}

export class TmuxScreen {
	/** The tmux socket name: `tmux -L <socketName> attach` to watch a test (set a breakpoint first). */
	readonly socketName: string;
	private paneId = `${SESSION}:`;
	private socketPath: string | undefined;
	private temporaryDirectory: string | undefined;
	private outputFile: string | undefined;
	private watchdog: ChildProcess | undefined;
	private stopping: Promise<void> | undefined;
	private readonly env = cleanEnvironment();

	private constructor(socketName: string) {
		this.socketName = socketName;
	}

	static async start(options: TmuxStartOptions): Promise<TmuxScreen> {
		const {command, columns, rows, cwd} = options;
		if (command.length === 0) throw new Error('TmuxScreen.start: empty command');
		const environment = {...DEFAULT_ENV, ...options.env};
		for (const name of Object.keys(environment)) {
			if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`TmuxScreen.start: bad environment variable name ${JSON.stringify(name)}`);
		}
		const kept = options.insideTmux ? ['TMUX', 'TMUX_PANE'] : [];
		const unset = UNSET.filter(name => !(name in environment) && !kept.includes(name)).flatMap(name => ['-u', name]);
		const assignments = Object.entries(environment).map(([name, value]) => `${name}=${value}`);

		const screen = new TmuxScreen(`lectern-test-${process.pid}-${++counter}-${randomBytes(4).toString('hex')}`);
		live.add(screen);
		installExitHook();
		screen.startWatchdog();
		try {
			const record: string[][] = [];
			if (options.recordOutput) {
				screen.temporaryDirectory = mkdtempSync(join(tmpdir(), 'lectern-tmux-'));
				screen.outputFile = join(screen.temporaryDirectory, 'output.bin');
				// Same command list as new-session: tmux has not read the pane yet, nothing is missed.
				record.push(['pipe-pane', '-O', '-t', `${SESSION}:`, `exec cat >> '${screen.outputFile.replaceAll("'", "'\\''")}'`]);
			}
			const output = await screen.tmux(
				['set', '-g', 'default-terminal', 'xterm-256color'],
				['set', '-as', 'terminal-features', ',xterm*:RGB'],
				['set', '-g', 'status', 'off'],
				['set', '-g', 'remain-on-exit', 'on'],
				['set', '-g', 'escape-time', '0'],
				...(options.tmuxCommands ?? []),
				[
					'new-session',
					'-d',
					'-P',
					'-F',
					'#{pane_id} #{socket_path}',
					'-s',
					SESSION,
					'-x',
					String(columns),
					'-y',
					String(rows),
					...(cwd === undefined ? [] : ['-c', cwd]),
					'--',
					'/bin/sh',
					'-c',
					WRAPPER,
					'lectern-pane',
					TMUX,
					'env',
					...unset,
					...assignments,
					...command,
				],
				...record,
				// Only after a session exists: tmux 3.3a's server dies on `set -g window-size` before.
				['set', '-g', 'window-size', 'manual'],
			);
			const [paneId, socketPath] = output.trim().split(' ');
			if (!paneId?.startsWith('%') || !socketPath) throw new Error(`unexpected new-session output: ${output}`);
			screen.paneId = paneId;
			screen.socketPath = socketPath;
			screen.watchdog?.stdin?.write(`${socketPath}\n`);
		} catch (error) {
			await screen.stop();
			throw error;
		}
		return screen;
	}

	/** Runs tmux commands (one command list, one tmux client) on this server; resolves to stdout. */
	tmux(...commands: string[][]): Promise<string> {
		const args = ['-L', this.socketName, '-f', '/dev/null'];
		commands.forEach((command, index) => {
			if (index > 0) args.push(';');
			args.push(...command.map(escapeArgument));
		});
		return new Promise((resolve, reject) => {
			execFile(TMUX, args, {env: this.env, maxBuffer: 64 * 1024 * 1024}, (error, stdout, stderr) => {
				if (error) {
					const what = commands.map(command => command.join(' ')).join(' ; ');
					reject(new Error(`tmux ${what}: ${stderr.trim() || error.message}`, {cause: error}));
				} else {
					resolve(stdout);
				}
			});
		});
	}

	/** Sends tmux key names: `Right`, `Enter`, `Space`, `C-c`, `Escape`, `BSpace`, `F5`, `q`... */
	async keys(...keys: string[]): Promise<void> {
		if (keys.length === 0) return;
		await this.tmux(['send-keys', '-t', this.paneId, ...keys]);
	}

	/** Types text literally (`\n` is sent as LF; use `keys('Enter')` for the Enter key, CR). */
	async type(text: string): Promise<void> {
		if (text === '') return;
		await this.tmux(['send-keys', '-t', this.paneId, '-l', '--', text]);
	}

	/**
	 * The visible screen, one string per row, trailing spaces trimmed. A wide character is
	 * one string character but two columns: use `cells()` to reason about columns.
	 */
	async text(): Promise<string[]> {
		const output = await this.tmux(['capture-pane', '-p', '-t', this.paneId]);
		return output
			.replace(/\n$/, '')
			.split('\n')
			.map(row => row.replace(/ +$/, ''));
	}

	/**
	 * The visible screen with SGR escapes (`capture-pane -p -e -N`), rows separated by `\n`.
	 * tmux emits SGR only where attributes change, carrying them across rows: a row alone
	 * is not self-describing, parse the whole capture (e.g. with `cells()`). `-N` keeps
	 * trailing spaces that were written (otherwise background-coloured blanks vanish).
	 */
	async ansi(): Promise<string> {
		return this.tmux(['capture-pane', '-p', '-e', '-N', '-t', this.paneId]);
	}

	/**
	 * The visible screen replayed into a VirtualScreen of the pane's size, for cell-level
	 * assertions (colours as `#rrggbb` / palette index, attributes, columns).
	 *
	 * Limits, because this replays tmux's text rather than tmux's cells: columns are
	 * xterm.js's widths of that text, which differ from tmux 3.3a's for ZWJ emoji
	 * sequences (tmux puts the character after a ZWJ into the previous cell: 👩🏻‍🔧 is 4
	 * cells in tmux, 6 in xterm.js); and blanks coloured only by an erase (`ESC[44m ESC[K`,
	 * background colour erase) are not in tmux's capture at all. For those, record the
	 * output (`recordOutput`) and feed it to a VirtualScreen.
	 */
	async cells(): Promise<VirtualScreen> {
		const output = await this.tmux(['display', '-p', '-t', this.paneId, '#{pane_width} #{pane_height}'], ['capture-pane', '-p', '-e', '-N', '-t', this.paneId]);
		const newline = output.indexOf('\n');
		const [columns, rows] = output.slice(0, newline).split(' ').map(Number);
		const screen = new VirtualScreen(columns!, rows!);
		await screen.write(
			output
				.slice(newline + 1)
				.replace(/\n$/, '')
				.replaceAll('\n', '\r\n'),
		);
		return screen;
	}

	async state(): Promise<TmuxState> {
		const format = [
			'#{alternate_on}',
			'#{cursor_flag}',
			'#{pane_dead}',
			'#{pane_dead_status}',
			'#{cursor_x}',
			'#{cursor_y}',
			'#{pane_width}',
			'#{pane_height}',
			'#{pane_title}',
		].join('\t');
		const output = await this.tmux(['display', '-p', '-t', this.paneId, format]);
		const [alternate, cursor, paneDead, deadStatus, x, y, columns, rows, ...title] = output.replace(/\n$/, '').split('\t');
		const titleText = title.join('\t');
		const recorded = titleText.startsWith(EXIT_TITLE) ? Number(titleText.slice(EXIT_TITLE.length)) : undefined;
		const state: TmuxState = {
			alternateOn: alternate === '1',
			cursorVisible: cursor === '1',
			dead: recorded !== undefined || paneDead === '1',
			cursorX: Number(x),
			cursorY: Number(y),
			columns: Number(columns),
			rows: Number(rows),
		};
		const exitStatus = recorded ?? (paneDead === '1' && deadStatus ? Number(deadStatus) : undefined);
		if (exitStatus !== undefined) state.exitStatus = exitStatus;
		return state;
	}

	/** The pane's title, as the program (or a deck, if it could) set it. */
	async paneTitle(): Promise<string> {
		return (await this.tmux(['display', '-p', '-t', this.paneId, '#{pane_title}'])).replace(/\n$/, '');
	}

	/**
	 * Polls the screen every ~20 ms until `predicate(rows)` holds; resolves to those rows.
	 * On timeout, rejects with an error naming `what` and showing the last screen.
	 */
	async waitFor(predicate: (rows: string[]) => boolean, options: WaitOptions = {}): Promise<string[]> {
		const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
		const what = options.what ?? predicate.toString().slice(0, 200);
		const deadline = now() + timeout;
		for (;;) {
			const rows = await this.text();
			if (predicate(rows)) return rows;
			if (now() >= deadline) throw await this.timeoutError(`Timed out after ${timeout} ms waiting for ${what}`, rows);
			await pause(POLL_MS);
		}
	}

	/** Waits until some row contains `text` (or matches the RegExp). */
	waitForText(text: string | RegExp, options: WaitOptions = {}): Promise<string[]> {
		const test = typeof text === 'string' ? (row: string) => row.includes(text) : (row: string) => text.test(row);
		return this.waitFor(rows => rows.some(test), {...options, what: options.what ?? JSON.stringify(String(text))});
	}

	/** Waits until the command has exited; resolves to the final state. */
	async waitForExit(options: WaitOptions = {}): Promise<TmuxState> {
		const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
		const deadline = now() + timeout;
		for (;;) {
			const state = await this.state();
			if (state.dead) return state;
			if (now() >= deadline) {
				throw await this.timeoutError(`Timed out after ${timeout} ms waiting for ${options.what ?? 'the program to exit'}`, await this.text());
			}
			await pause(POLL_MS);
		}
	}

	/**
	 * Every byte the program has written so far (needs `recordOutput: true`). The copy lags
	 * the screen slightly (tmux -> cat -> file): use `waitForOutput` or `finalOutput`.
	 */
	async output(): Promise<Buffer> {
		const bytes = await this.recorded();
		// Drop what the pane's wrapper shell writes after the program has exited.
		const marker = bytes.indexOf(EXIT_MARKER);
		return marker === -1 ? bytes : bytes.subarray(0, marker);
	}

	/** Polls `output()` until the predicate holds, e.g. `bytes => bytes.includes('Slide 2')`. */
	async waitForOutput(predicate: (bytes: Buffer) => boolean, options: WaitOptions = {}): Promise<Buffer> {
		const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
		const deadline = now() + timeout;
		for (;;) {
			const bytes = await this.output();
			if (predicate(bytes)) return bytes;
			if (now() >= deadline) {
				const what = options.what ?? predicate.toString().slice(0, 200);
				throw await this.timeoutError(`Timed out after ${timeout} ms waiting for output ${what} (${bytes.length} bytes recorded)`, await this.text());
			}
			await pause(POLL_MS);
		}
	}

	/** Waits until the program has exited and everything it wrote is recorded; resolves to those bytes. */
	async finalOutput(options: WaitOptions = {}): Promise<Buffer> {
		const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
		const deadline = now() + timeout;
		await this.waitForExit(options);
		for (;;) {
			const bytes = await this.recorded();
			const marker = bytes.indexOf(EXIT_MARKER);
			if (marker !== -1) return bytes.subarray(0, marker);
			if (now() >= deadline) {
				throw await this.timeoutError(
					`Timed out after ${timeout} ms waiting for the recorded output to end (${bytes.length} bytes recorded)`,
					await this.text(),
				);
			}
			await pause(POLL_MS);
		}
	}

	private async recorded(): Promise<Buffer> {
		if (!this.outputFile) throw new Error('output(): start the TmuxScreen with recordOutput: true');
		return readFile(this.outputFile).catch((error: NodeJS.ErrnoException) => {
			if (error.code === 'ENOENT') return Buffer.alloc(0);
			throw error;
		});
	}

	/** Resizes the terminal (tmux then sends SIGWINCH to the program). */
	async resize(columns: number, rows: number): Promise<void> {
		await this.tmux(['resize-window', '-t', SESSION, '-x', String(columns), '-y', String(rows)]);
	}

	/** Sends a signal to the command (not to the pane's wrapper shell). Throws if it has exited. */
	async signal(name: NodeJS.Signals): Promise<void> {
		const output = await this.tmux(['display', '-p', '-t', this.paneId, '#{pane_pid}\t#{pane_dead}\t#{pane_title}']);
		const [panePid, paneDead, title] = output.replace(/\n$/, '').split('\t');
		if (paneDead === '1' || title?.startsWith(EXIT_TITLE)) throw new Error(`signal(${name}): the program has already exited`);
		const children = await new Promise<number[]>((resolve, reject) => {
			execFile('pgrep', ['-P', panePid!], (error, stdout) => {
				// pgrep exits 1 when nothing matches.
				if (error && error.code !== 1) reject(error);
				else resolve(stdout.split('\n').filter(Boolean).map(Number));
			});
		});
		if (children.length !== 1) throw new Error(`signal(${name}): expected one program process under pane ${panePid}, found ${children.length}`);
		process.kill(children[0]!, name);
	}

	/** Kills the tmux server (and with it the program). Safe to call more than once. */
	stop(): Promise<void> {
		this.stopping ??= (async () => {
			await this.tmux(['kill-server']).catch(() => undefined);
			this.cleanUp();
		})();
		return this.stopping;
	}

	/** Synchronous stop for `process.on('exit')`. */
	stopSync(): void {
		if (!live.has(this)) return;
		spawnSync(TMUX, ['-L', this.socketName, 'kill-server'], {env: this.env, stdio: 'ignore'});
		this.cleanUp();
	}

	private cleanUp(): void {
		if (this.socketPath) rmSync(this.socketPath, {force: true});
		if (this.temporaryDirectory) rmSync(this.temporaryDirectory, {recursive: true, force: true});
		const watchdog = this.watchdog;
		if (watchdog?.pid !== undefined && watchdog.exitCode === null && watchdog.signalCode === null) {
			watchdog.kill();
		}
		this.watchdog = undefined;
		live.delete(this);
	}

	private startWatchdog(): void {
		const watchdog = spawn('/bin/sh', ['-c', WATCHDOG, TMUX, this.socketName], {
			detached: true,
			stdio: ['pipe', 'ignore', 'ignore'],
			env: this.env,
		});
		watchdog.on('error', () => undefined);
		watchdog.stdin?.on('error', () => undefined);
		watchdog.unref();
		(watchdog.stdin as unknown as {unref?: () => void} | null)?.unref?.();
		this.watchdog = watchdog;
	}

	private async timeoutError(message: string, rows: string[]): Promise<Error> {
		let stateLine: string;
		try {
			const state = await this.state();
			stateLine = `\nstate: ${JSON.stringify(state)}`;
		} catch (error) {
			stateLine = `\nstate: unavailable (${(error as Error).message})`;
		}
		return new Error(`${message}\nscreen (tmux -L ${this.socketName}):\n${formatScreen(rows)}${stateLine}`);
	}
}
