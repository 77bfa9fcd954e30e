/**
 * `npm run bench` (after `npm run build`): how fast lectern parses, starts and turns
 * slides, measured in a real pseudo-terminal. Prints a Markdown table and writes every
 * number (and every run) to bench-results.json in the repository root.
 *
 * Decks
 *   fixed    fixtures/demo.txt, else the first .txt in fixtures/ (sorted by name), else
 *            fixtures/bench/reference.txt (a small committed deck with terminal slides)
 *   reference  the real talk lectern is built for: LECTERN_BENCH_REFERENCE, else
 *            ../shared/decks/pygotham-2019-deployment.txt beside the repository, else
 *            fixtures/reference-style.txt
 *   code     fixtures/bench/code-python.md: a Python code slide first (the highlighter is loaded
 *            before its first frame)
 *   1,000 / 10,000   generated at run time in a temporary directory (scripts/bench/decks.mjs):
 *            a fixed-seed mix of title, text, terminal (in runs of 2-4 that grow one
 *            session) and image slides (images are missing, so placeholders are drawn)
 *
 * What each number means (one row of the table each)
 *   Deck size        bytes of the deck file.
 *   Parse            `loadDeck(bytes)` from build/source/deck/load-deck.js, in this process,
 *                    after 3 warm-up calls: median (and minimum) of 5-21 timed calls.
 *   First frame      spawn (fork) of `node dist/cli.js DECK` in a 120x40 pty (TERM=xterm-256color,
 *                    COLORTERM=truecolor; CI, NO_COLOR, FORCE_COLOR, NODE_OPTIONS unset) until
 *                    the output, ANSI escapes stripped, contains the status bar position "1/N";
 *                    median (min-max) of 5 runs, after one unreported warm-up run on the first
 *                    deck (page cache).
 *   / floor.mjs      first frame divided by the first frame of scripts/bench/floor.mjs, the
 *                    smallest raw-mode Node program that enters the alternate screen and draws
 *                    one screen of text with a "1/N" status bar (same pty, same detection).
 *   / node -e 0      first frame divided by spawn-to-exit of `node -e 0` in the same pty (the
 *                    cost of starting Node at all; its own median is printed under the table).
 *   First frame bytes  everything written up to the end of the first frame's output burst.
 *   Key -> first byte  one Right arrow (ESC [ C) written to the pty, until lectern's first output
 *                    byte after it. Keys go one at a time, each once the output has been quiet
 *                    for 150 ms: 20 keys on the generated decks, every slide change (up to 200)
 *                    on the fixed deck, all in the first measured run. Median / p90.
 *   Key -> position shown  the same key until the new position "K/N" is in the output.
 *   Key -> frame     the same key until the last byte of the burst in which "K/N" appeared, a
 *                    burst ending when the output has been quiet for 30 ms (the 30 ms are not
 *                    included). Median / p90. Output lines that a terminal slide appends one
 *                    per 16 ms belong to that burst while they come less than 30 ms apart;
 *                    typing (after a 300 ms pause) does not.
 *   Bytes per change everything written from the key until the frame is complete. Median / p90.
 *   Bytes until settled  the same plus what came after it until 150 ms of silence (animation
 *                    frames of terminal slides, e.g. appended lines more than 30 ms apart).
 *   Terminal -> terminal bytes  for the changes from a terminal slide to the next terminal slide
 *                    (a session growing by a command): median bytes per change / until settled
 *                    (count).
 *   Keys that finished an animation  keys that did not move because they finished a terminal
 *                    slide's animation (lectern plays one when a session slide is reached going
 *                    forward; a key during it jumps to the final state). After such a key and
 *                    250 ms of silence Right is sent again, and the change is timed from that one.
 *   Changes with a full clear  slide changes whose output contains ESC[2J (clear screen: the
 *                    whole screen is redrawn, which may flicker), out of all changes measured.
 *   Frames per change  Ink frames (synchronized-output ESC[?2026h blocks) in one change, max.
 *   Peak RSS         VmHWM of the lectern process (/proc/PID/status) just before quitting,
 *                    the largest of the runs (the run with key presses is the largest).
 *   Quit             `q` was sent and the process exited with status 0 within 2 s, in how many
 *                    runs; the slowest exit. A process still running is killed, and the bench fails.
 *
 * LECTERN_BENCH_ARGS="--no-animation" (split at spaces) adds options to every lectern run, to
 * compare.
 *
 * Exit status: 0 when every measurement succeeded, 1 when one failed (the table shows what was
 * measured; the error says what went wrong), 2 when something needed is missing (the built CLI,
 * build/, python3). The whole bench takes about a minute.
 */
import {spawn, spawnSync} from 'node:child_process';
import {copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {basename, dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {generateDeck} from './bench/decks.mjs';
import {measurePeers, peerLines} from './bench/peers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const loader = join(root, 'build', 'source', 'deck', 'load-deck.js');
const driver = join(root, 'scripts', 'bench', 'pty_run.py');
const floor = join(root, 'scripts', 'bench', 'floor.mjs');
const resultsFile = join(root, 'bench-results.json');
const size = {cols: 120, rows: 40};
const runs = 5;
const keyCount = 20;
const fixedKeyLimit = 200;

const started = performance.now();
let temp = ''; // the temporary directory of generated decks and driver jobs
let current; // the driver process running now, if any
const log = message => process.stderr.write(`bench: ${message}\n`);
function fatal(message, code = 2) {
	log(message);
	cleanup();
	process.exit(code);
}

// ---------------------------------------------------------------- preconditions
if (!existsSync(cli)) fatal(`${relative(root, cli)} is missing: run \`npm run build\` first (or \`npm run bench\`)`);
if (!existsSync(loader)) fatal(`${relative(root, loader)} is missing: run \`npm run build\` first`);
const python = spawnSync('python3', ['-c', 'import sys; print(sys.version_info >= (3, 8))'], {encoding: 'utf8'});
if (python.error || python.stdout.trim() !== 'True') fatal('python3 (3.8 or newer) is needed to drive the pseudo-terminal');
if (process.platform !== 'linux') fatal('the pty driver reads /proc: Linux only');

// ---------------------------------------------------------------- child processes and cleanup
temp = mkdtempSync(join(tmpdir(), 'lectern-bench-'));
function cleanup() {
	if (current && current.exitCode === null && current.signalCode === null) {
		try {
			current.kill('SIGTERM'); // the driver kills the program it started, then exits
		} catch {
			// Already gone.
		}
	}

	if (temp) rmSync(temp, {recursive: true, force: true});
}

// Measure a snapshot of the build (package.json + dist/, the layout npm installs), so that a
// rebuild by someone else during the bench cannot swap files under a running measurement.
const snapshot = join(temp, 'lectern');
try {
	cpSync(join(root, 'dist'), join(snapshot, 'dist'), {recursive: true});
	copyFileSync(join(root, 'package.json'), join(snapshot, 'package.json'));
} catch (error) {
	fatal(`cannot copy dist/ (is a build running?): ${error.message}`);
}

const cliCopy = join(snapshot, 'dist', 'cli.js');

for (const [signal, number] of [
	['SIGINT', 2],
	['SIGTERM', 15],
	['SIGHUP', 1],
]) {
	process.on(signal, () => {
		log(`interrupted (${signal})`);
		cleanup();
		process.exit(128 + number);
	});
}

/** Runs one pty_run.py job; resolves to its parsed result (with `failed` set on failure). */
function drive(job, limitSeconds) {
	const file = join(temp, `job-${job.label.replaceAll(/\W+/g, '-')}.json`);
	writeFileSync(file, JSON.stringify(job));
	return new Promise(done => {
		const child = spawn('python3', [driver, file], {stdio: ['ignore', 'pipe', 'pipe']});
		current = child;
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => {
			stdout += chunk;
		});
		child.stderr.on('data', chunk => {
			stderr += chunk;
			if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
		});
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGTERM');
			setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 2000).unref();
		}, limitSeconds * 1000);
		child.on('error', error => {
			clearTimeout(timer);
			done({label: job.label, runs: [], failed: `cannot run the pty driver: ${error.message}`});
		});
		child.on('close', code => {
			clearTimeout(timer);
			current = undefined;
			let result;
			try {
				result = JSON.parse(stdout);
			} catch {
				result = {label: job.label, runs: []};
			}

			const bad = result.runs.find(run => run.status !== 'ok');
			if (timedOut) result.failed = `gave up after ${limitSeconds} s`;
			else if (bad) result.failed = bad.error ?? bad.status;
			else if (code !== 0) result.failed = `pty driver exited with ${code}: ${stderr.trim().split('\n').at(-1)}`;
			else if (result.runs.length === 0) result.failed = 'no runs';
			done(result);
		});
	});
}

// ---------------------------------------------------------------- statistics
const median = values => quantile(values, 0.5);
/** The median and 90th percentile of `values`. */
const spread = values => ({median: median(values), p90: quantile(values, 0.9)});

function quantile(values, q) {
	const sorted = values.filter(v => typeof v === 'number').sort((a, b) => a - b);
	if (sorted.length === 0) return undefined;
	if (q === 0.5) {
		const mid = sorted.length >> 1;
		return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	}

	return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

const numbers = values => values.filter(v => typeof v === 'number');
const min = values => (numbers(values).length ? Math.min(...numbers(values)) : undefined);
const max = values => (numbers(values).length ? Math.max(...numbers(values)) : undefined);

// ---------------------------------------------------------------- decks
function fixedDeck() {
	const fixtures = join(root, 'fixtures');
	const demo = join(fixtures, 'demo.txt');
	if (existsSync(demo)) return demo;
	const first = existsSync(fixtures)
		? readdirSync(fixtures)
				.filter(name => name.endsWith('.txt') && statSync(join(fixtures, name)).isFile())
				.sort()[0]
		: undefined;
	if (first) return join(fixtures, first);
	log('no .txt deck in fixtures/: using fixtures/bench/reference.txt');
	return join(fixtures, 'bench', 'reference.txt');
}

/**
 * The talk lectern is measured against: LECTERN_BENCH_REFERENCE, else the reference deck
 * beside the repository where there is one (../shared/decks/, not part of a clone), else
 * fixtures/reference-style.txt (a deck in its style).
 */
function referenceDeck() {
	const candidates = [
		process.env.LECTERN_BENCH_REFERENCE,
		join(root, '..', 'shared', 'decks', 'pygotham-2019-deployment.txt'),
		join(root, 'fixtures', 'reference-style.txt'),
	].filter(Boolean);
	const path = candidates.find(candidate => existsSync(candidate));
	return path ? {path, name: basename(path)} : undefined;
}

const {loadDeck} = await import(pathToFileURL(loader).href);
const decks = [];
{
	const path = fixedDeck();
	decks.push({key: 'fixed', name: relative(root, path), path});
	const check = spawnSync(process.execPath, [cliCopy, 'print', '--width', '120', '--height', '40', path], {encoding: 'utf8', timeout: 30_000});
	if (check.status !== 0) {
		const why = check.error?.message ?? (check.stderr.trim().split('\n').slice(-3).join(' / ') || `exit ${check.status}`);
		fatal(`the built CLI does not work (\`lectern print ${relative(root, path)}\`: ${why}); rebuild with \`npm run build\``);
	}
	const reference = referenceDeck();
	if (reference) decks.push({key: 'fixed', name: reference.name, path: reference.path});
	// A code slide first: its first frame waits for the highlighter (Shiki's core and the Python grammar).
	const code = join(root, 'fixtures', 'bench', 'code-python.md');
	decks.push({key: 'fixed', name: relative(root, code), path: code});
	for (const count of [60, 1000, 10_000]) {
		const path = join(temp, `generated-${count}.txt`);
		writeFileSync(path, generateDeck(count, count));
		decks.push({key: String(count), name: `generated ${count.toLocaleString('en')} slides`, path});
	}
}

// ---------------------------------------------------------------- 1. parse time (in process)
for (const deck of decks) {
	const bytes = new Uint8Array(readFileSync(deck.path));
	deck.bytes = bytes.length;
	let parsed;
	for (let i = 0; i < 3; i++) parsed = loadDeck(bytes);
	deck.slides = parsed.slides.length;
	deck.kinds = parsed.slides.map(slide => slide.kind);
	const times = [];
	const budgetStart = performance.now();
	while (times.length < 5 || (times.length < 21 && performance.now() - budgetStart < 2000)) {
		const t0 = performance.now();
		loadDeck(bytes);
		times.push(performance.now() - t0);
	}

	deck.parse = {median_ms: median(times), min_ms: min(times), runs: times.length, times_ms: times};
	log(`parse ${deck.name}: ${deck.slides} slides, ${deck.parse.median_ms.toFixed(2)} ms median of ${times.length}`);
}

// ---------------------------------------------------------------- 2-5. in a pseudo-terminal
const env = {...process.env, TERM: 'xterm-256color', COLORTERM: 'truecolor'};
for (const name of ['CI', 'NO_COLOR', 'FORCE_COLOR', 'NODE_OPTIONS', 'COLUMNS', 'LINES', 'TMUX', 'TMUX_PANE', 'STY', 'TERM_PROGRAM']) {
	delete env[name];
}

if (!env.LANG && !env.LC_ALL) env.LANG = 'C.UTF-8';
const base = {env, ...size, quiet: 30, settle: 150, timeout_first_s: 30, timeout_key_s: 5, quit_wait_s: 2, next_key: '\u001B[C', quit_key: 'q'};
const failures = [];
const extraArgs = (process.env.LECTERN_BENCH_ARGS ?? '').split(' ').filter(Boolean);
const node = process.execPath;

log('node -e 0 ...');
const nodeFloor = await drive({...base, label: 'node -e 0', mode: 'exit', cmd: [node, '-e', '0'], runs, warmup: 1}, 60);
log('floor.mjs ...');
const floorResult = await drive(
	{...base, label: 'floor.mjs', mode: 'tui', cmd: [node, floor, '100'], first_marker: [1, 100], runs, warmup: 1, transitions: keyCount},
	60,
);
for (const [index, deck] of decks.entries()) {
	log(`lectern ${deck.name} ...`);
	const transitions = deck.key === 'fixed' ? Math.min(fixedKeyLimit, deck.slides - 1) : keyCount;
	deck.pty = await drive(
		{
			...base,
			label: `lectern ${deck.name}`,
			mode: 'tui',
			cmd: [node, cliCopy, ...extraArgs, deck.path],
			first_marker: [1, deck.slides],
			runs,
			warmup: index === 0 ? 1 : 0,
			transitions,
		},
		90,
	);
}

// ---------------------------------------------------------------- goals (issue #18): paired rounds
// Interactive at the first paint: Right pressed the moment slide 1 is up (its output burst
// over), spawn -> slide 2 shown; the floor program and lectern alternate, and each round's
// ratio is taken before the median, so load that comes and goes falls on both.
const goalRounds = 7;
const at60 = decks.find(deck => deck.key === '60');
const at10k = decks.find(deck => deck.key === '10000');
const interactive = {floor: [], lectern: [], ratios: []};
for (let round = 0; round < goalRounds; round++) {
	log(`interactive at first paint, round ${round + 1} of ${goalRounds} ...`);
	const job = {...base, mode: 'tui', runs: 1, warmup: 0, transitions: 0, key_at_paint: true};
	const floorRun = await drive({...job, label: 'floor key at paint', cmd: [node, floor, '60'], first_marker: [1, 60]}, 30);
	const lecternRun = await drive({...job, label: 'lectern key at paint', cmd: [node, cliCopy, ...extraArgs, at60.path], first_marker: [1, at60.slides]}, 30);
	const a = floorRun.runs[0]?.interactive_ms;
	const b = lecternRun.runs[0]?.interactive_ms;
	if (lecternRun.failed) failures.push(`lectern key at first paint: ${lecternRun.failed}`);
	if (typeof a === 'number' && typeof b === 'number') {
		interactive.floor.push(a);
		interactive.lectern.push(b);
		interactive.ratios.push(b / a);
	}
}

// Home, End and a jump on 10,000 slides, each used once before it is timed.
log('Home, End, jump on 10,000 slides ...');
const jumpKeys = [];
for (let repeat = 0; repeat < 4; repeat++) {
	jumpKeys.push(['\u001B[F', at10k.slides], ['\u001B[H', 1], ['5000\r', 5000], ['\u001B[H', 1]);
}
const jumps = await drive(
	{
		...base,
		label: 'lectern jumps',
		mode: 'tui',
		cmd: [node, cliCopy, ...extraArgs, at10k.path],
		first_marker: [1, at10k.slides],
		runs: 1,
		warmup: 0,
		transitions: jumpKeys.length,
		key_list: jumpKeys,
	},
	90,
);
if (jumps.failed) failures.push(`lectern jumps: ${jumps.failed}`);
const jumpTimes = (jumps.runs[0]?.transitions ?? []).slice(4).map(t => t.complete_ms);

// ---------------------------------------------------------------- summary
const settled = t => t.bytes + (t.late_bytes ?? 0);
function summarize(result, kinds) {
	const ok = result.runs.filter(run => run.status === 'ok' || run.first_frame_ms !== undefined);
	const firstFrames = ok.map(run => run.first_frame_ms).filter(v => typeof v === 'number');
	const transitions = result.runs.flatMap(run => run.transitions ?? []).filter(t => t.status === 'ok');
	const terminalPairs = kinds ? transitions.filter(t => kinds[t.to - 2] === 'terminal' && kinds[t.to - 1] === 'terminal') : [];
	const quits = result.runs.map(run => run.quit).filter(Boolean);
	return {
		failed: result.failed,
		first_frame_ms: {median: median(firstFrames), min: min(firstFrames), max: max(firstFrames), runs: firstFrames.length},
		first_frame_bytes: median(ok.map(run => run.first_frame_bytes)),
		first_frame_clears: max(ok.map(run => run.first_frame_clears)),
		key_first_byte_ms: spread(transitions.map(t => t.first_byte_ms)),
		key_frame_ms: spread(transitions.map(t => t.complete_ms)),
		animation_keys: transitions.reduce((sum, t) => sum + (t.extra_keys ?? 0), 0),
		key_marker_ms: spread(transitions.map(t => t.marker_ms)),
		bytes_per_change: {...spread(transitions.map(t => t.bytes)), max: max(transitions.map(t => t.bytes))},
		bytes_until_settled: {median: median(transitions.map(settled)), p90: quantile(transitions.map(settled), 0.9)},
		terminal_to_terminal_bytes: {median: median(terminalPairs.map(t => t.bytes)), settled: median(terminalPairs.map(settled)), count: terminalPairs.length},
		changes: transitions.length,
		changes_with_full_clear: transitions.filter(t => t.clears > 0).length,
		max_frames_per_change: max(transitions.map(t => t.syncs)),
		late_bytes: transitions.reduce((sum, t) => sum + (t.late_bytes ?? 0), 0),
		peak_rss_kib: max(result.runs.map(run => run.hwm_kb).filter(v => typeof v === 'number')),
		quit: {
			runs: quits.length,
			exited: quits.filter(q => q.exited && q.code === 0).length,
			max_exit_ms: max(quits.map(q => q.exit_ms).filter(v => typeof v === 'number')),
		},
		queries_answered: Object.assign({}, ...result.runs.map(run => run.queries_answered ?? {})),
	};
}

const floorSummary = summarize(floorResult);
const nodeExit = nodeFloor.runs.map(run => run.exit_ms).filter(v => typeof v === 'number');
const nodeSummary = {failed: nodeFloor.failed, exit_ms: {median: median(nodeExit), min: min(nodeExit), max: max(nodeExit)}};
for (const deck of decks) deck.summary = summarize(deck.pty, deck.kinds);
for (const [label, result] of [['node -e 0', nodeFloor], ['floor.mjs', floorResult], ...decks.map(deck => [`lectern ${deck.name}`, deck.pty])]) {
	if (result.failed) failures.push(`${label}: ${result.failed}`);
}

// ---------------------------------------------------------------- peers, same deck in each tool's format
const peerSizes = [60, 1000, 10_000];
const peerRounds = Number(process.env.LECTERN_BENCH_PEER_ROUNDS ?? 3);
const peerRun = await measurePeers({
	drive,
	base,
	lectern: path => [node, cliCopy, ...extraArgs, path],
	temp,
	sizes: peerSizes,
	rounds: peerRounds,
	keys: 10,
	log,
});
for (const [key, result] of Object.entries(peerRun.results)) if (result.failed) failures.push(`${key}: ${result.failed}`);
const peerTable = peerLines(peerRun, peerSizes, median);
const pairedRatios = (a, b, what) => peerRun.results[a][what].map((value, index) => value / peerRun.results[b][what][index]).filter(Number.isFinite);
const markdownFlat = median(pairedRatios('lectern 10000', 'lectern 60', 'first'));
const tppNext = peerRun.results['tpp 60'] ? median(peerRun.results['tpp 60'].next) : undefined;
const markdownNext = median(peerRun.results['lectern 60'].next);

// ---------------------------------------------------------------- table
const fmt = (value, digits = 1) => (Number.isFinite(value) ? value.toLocaleString('en', {minimumFractionDigits: digits, maximumFractionDigits: digits}) : '-');
const int = value => fmt(value, 0);
const pair = (a, b, digits = 1) => (a === undefined ? '-' : `${fmt(a, digits)} / ${fmt(b, digits)}`);
const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? `${(a / b).toFixed(1)}x` : '-');
const floorFirst = floorSummary.first_frame_ms.median;
const nodeFirst = nodeSummary.exit_ms.median;

const columns = [
	...decks.map(deck => ({
		head: deck.key === 'fixed' ? `${deck.name} (${deck.slides})` : `${int(deck.slides)} slides`,
		parse: `${fmt(deck.parse.median_ms, 2)} (${fmt(deck.parse.min_ms, 2)})`,
		size: `${fmt(deck.bytes / 1024, 1)} KiB`,
		s: deck.summary,
	})),
	{head: 'floor.mjs', parse: '-', size: '-', s: floorSummary},
];
const rows = [
	['Deck size', c => c.size],
	['Parse `loadDeck`, ms median (min)', c => c.parse],
	[
		'First frame, ms median (min-max)',
		c => (c.s.first_frame_ms.runs ? `${fmt(c.s.first_frame_ms.median)} (${fmt(c.s.first_frame_ms.min)}-${fmt(c.s.first_frame_ms.max)})` : '-'),
	],
	['First frame / floor.mjs', c => ratio(c.s.first_frame_ms.median, floorFirst)],
	['First frame / `node -e 0`', c => ratio(c.s.first_frame_ms.median, nodeFirst)],
	['First frame bytes', c => int(c.s.first_frame_bytes)],
	['Key -> first byte, ms median / p90', c => pair(c.s.key_first_byte_ms.median, c.s.key_first_byte_ms.p90, 2)],
	['Key -> position shown, ms median / p90', c => pair(c.s.key_marker_ms.median, c.s.key_marker_ms.p90, 2)],
	['Key -> frame, ms median / p90', c => pair(c.s.key_frame_ms.median, c.s.key_frame_ms.p90, 2)],
	['Bytes per change, median / p90', c => pair(c.s.bytes_per_change.median, c.s.bytes_per_change.p90, 0)],
	['Bytes until settled, median / p90', c => pair(c.s.bytes_until_settled.median, c.s.bytes_until_settled.p90, 0)],
	[
		'Terminal -> terminal bytes, frame / settled (n)',
		c => {
			const t = c.s.terminal_to_terminal_bytes;
			return t.count ? `${int(t.median)} / ${int(t.settled)} (${t.count})` : '-';
		},
	],
	['Keys that finished an animation', c => `${c.s.animation_keys} of ${c.s.changes + c.s.animation_keys}`],
	['Changes with a full clear (ESC[2J)', c => `${c.s.changes_with_full_clear} of ${c.s.changes}`],
	['Frames per change, max', c => int(c.s.max_frames_per_change)],
	['Peak RSS (VmHWM), MiB', c => fmt(c.s.peak_rss_kib === undefined ? undefined : c.s.peak_rss_kib / 1024)],
	['Quit: exit 0 within 2 s (slowest, ms)', c => `${c.s.quit.exited}/${c.s.quit.runs} (${fmt(c.s.quit.max_exit_ms)})`],
];
const lines = [
	`| ${['120x40 pty', ...columns.map(c => c.head)].join(' | ')} |`,
	`| ${['---', ...columns.map(() => '---:')].join(' | ')} |`,
	...rows.map(([label, cell]) => `| ${[label, ...columns.map(c => cell(c))].join(' | ')} |`),
];
// Bytes per typed character: the player in-process (Ink patched as in the bundle) drawing
// into a fake 120x40 terminal while a 51-character command types itself.
log('typing frames ...');
const typingBundle = join(temp, 'typing-bench.mjs');
const esbuild = await import('esbuild');
const {inkPatchPlugin} = await import('./ink-patches.mjs');
await esbuild.build({
	entryPoints: [join(root, 'scripts', 'bench', 'typing.tsx')],
	bundle: true,
	format: 'esm',
	platform: 'node',
	outfile: typingBundle,
	jsx: 'automatic',
	define: {'process.env.NODE_ENV': '"production"'},
	alias: {'react-devtools-core': join(root, 'scripts', 'stub-devtools.mjs')},
	banner: {js: "import {createRequire as __lecternCreateRequire} from 'node:module';const require=__lecternCreateRequire(import.meta.url);"},
	plugins: [inkPatchPlugin()],
	logLevel: 'error',
});
const typingRun = spawnSync(process.execPath, [typingBundle], {encoding: 'utf8', timeout: 30_000});
let typing;
try {
	typing = JSON.parse(typingRun.stdout.trim().split('\n')[0]);
} catch {
	failures.push(`typing frames: ${typingRun.stderr.trim() || `exit ${typingRun.status}`}`);
}

const seconds = (performance.now() - started) / 1000;
const notes = [
	...(typing
		? [
				`Typing: ${typing.bytes_per_typed_char} bytes per typed character at 120x40 (${typing.command_chars} characters in ${typing.typing_frames} frames, median ${typing.median_frame_bytes} bytes a frame; the window itself is not redrawn).`,
			]
		: []),
	`\`node -e 0\` spawn to exit: ${fmt(nodeFirst)} ms median (${fmt(nodeSummary.exit_ms.min)}-${fmt(nodeSummary.exit_ms.max)}).`,
	`Node ${process.version}${extraArgs.length ? `, lectern ${extraArgs.join(' ')}` : ''}, ${runs} runs per deck, ${seconds.toFixed(0)} s in all. Meaning of each row: the comment at the top of scripts/bench.mjs.`,
];
// ---------------------------------------------------------------- goals table
const verdict = ok => (ok === undefined ? 'NOT MEASURED' : ok ? 'PASS' : 'FAIL');
const x = value => (Number.isFinite(value) ? `${value.toFixed(2)}x` : '-');
const ms = value => (typeof value === 'number' ? `${value.toFixed(1)} ms` : '-');
const below = (value, limit) => (Number.isFinite(value) ? value <= limit : undefined);
const takeover = median(at60.pty.runs.map(run => run.late_bytes_first));
const next60 = at60.summary.key_frame_ms;
const next10k = at10k.summary.key_frame_ms;
const floorNext = floorSummary.key_frame_ms;
const flatStart = at10k.summary.first_frame_ms.median / at60.summary.first_frame_ms.median;
const peak60 = at60.summary.peak_rss_kib;
const peak10k = at10k.summary.peak_rss_kib;
const interactiveRatio = median(interactive.ratios);
const goals = [
	[
		'1. Slide 2 shown, Right pressed as slide 1 shows: lectern / floor.mjs, 60 slides, median of paired rounds',
		`${x(interactiveRatio)} (${ms(median(interactive.lectern))} / ${ms(median(interactive.floor))}, ${interactive.ratios.length} rounds)`,
		'<= 1.3x',
		below(interactiveRatio, 1.3),
	],
	['1. Bytes the takeover writes after the opening frame, no key (60 slides, median)', `${int(takeover)} B`, '0 B', below(takeover, 0)],
	[
		'2. Next slide, key -> frame median: lectern 60 slides / floor.mjs',
		`${x(next60.median / floorNext.median)} (${ms(next60.median)} / ${ms(floorNext.median)})`,
		'<= 2x',
		below(next60.median / floorNext.median, 2),
	],
	[
		'2. Next slide, key -> frame p90: lectern 60 slides / floor.mjs',
		`${x(next60.p90 / floorNext.p90)} (${ms(next60.p90)} / ${ms(floorNext.p90)})`,
		'<= 4x',
		below(next60.p90 / floorNext.p90, 4),
	],
	[
		'2. Next slide flat: key -> frame median, 10,000 / 60 slides',
		`${x(next10k.median / next60.median)} (${ms(next10k.median)} / ${ms(next60.median)})`,
		'<= 1.3x',
		below(next10k.median / next60.median, 1.3),
	],
	[
		'2. Next slide no slower than tpp: key -> slide text shows, same 60-slide deck (Markdown for lectern), medians',
		tppNext === undefined ? 'tpp not installed' : `${x(markdownNext / tppNext)} (${ms(markdownNext)} / ${ms(tppNext)})`,
		'<= 1x',
		tppNext === undefined ? undefined : markdownNext <= tppNext,
	],
	[
		'2. Home, End, jump at 10,000 slides after first use, key -> frame median',
		`${ms(median(jumpTimes))} (max ${ms(max(jumpTimes))}, ${jumpTimes.length} keys)`,
		'< 5 ms',
		typeof median(jumpTimes) === 'number' ? median(jumpTimes) < 5 : undefined,
	],
	['2. Overview and search keystrokes at 10,000 slides', 'not measured by this bench', '< 5 ms (first overview < 20 ms)', undefined],
	[
		'3. First frame, shorthand deck: 10,000 / 60 slides',
		`${x(flatStart)} (${ms(at10k.summary.first_frame_ms.median)} / ${ms(at60.summary.first_frame_ms.median)})`,
		'<= 1.2x',
		below(flatStart, 1.2),
	],
	[
		'3. First frame, Markdown deck: 10,000 / 60 slides, median of paired rounds',
		`${x(markdownFlat)} (${ms(median(peerRun.results['lectern 10000'].first))} / ${ms(median(peerRun.results['lectern 60'].first))}, ${peerRounds} rounds)`,
		'<= 1.2x',
		below(markdownFlat, 1.2),
	],
	['3. First frame, remark decks: 10,000 / 60 slides', 'not measured: no remark deck is generated', '<= 1.2x', undefined],
	[
		'4. Peak RSS, 60 slides / floor.mjs',
		`${x(peak60 / floorSummary.peak_rss_kib)} (${fmt(peak60 / 1024)} / ${fmt(floorSummary.peak_rss_kib / 1024)} MiB)`,
		'<= 1.4x',
		below(peak60 / floorSummary.peak_rss_kib, 1.4),
	],
	['4. Peak RSS, 10,000 slides', `${fmt(peak10k / 1024)} MiB`, '< 100 MiB', below(peak10k / 1024, 99.99)],
	[
		'5. Bytes per typed character (tpp: 23, as measured in the issue)',
		typing ? `${typing.bytes_per_typed_char} B` : '-',
		'<= 23 B',
		typing ? typing.bytes_per_typed_char <= 23 : undefined,
	],
];
const goalLines = [
	'| goal (issue #18) | measured | target | result |',
	'| --- | --- | --- | --- |',
	...goals.map(([what, measured, target, ok]) => `| ${what} | ${measured} | ${target} | ${verdict(ok)} |`),
];
console.log(
	lines.join('\n') +
		'\n\n' +
		notes.join('\n') +
		'\n\n' +
		goalLines.join('\n') +
		`\n\nPeers (${peerRounds} interleaved rounds, 10 keys each; medians):\n\n` +
		peerTable.join('\n'),
);

const queries = [floorSummary, ...decks.map(deck => deck.summary)].flatMap(s => Object.keys(s.queries_answered));
if (queries.length) log(`note: terminal queries were answered: ${[...new Set(queries)].join(', ')}`);

writeFileSync(
	resultsFile,
	JSON.stringify(
		{
			date: new Date().toISOString(),
			node: process.version,
			pty: size,
			seconds,
			failures,
			typing,
			goals: goals.map(([what, measured, target, ok]) => ({what, measured, target, result: verdict(ok)})),
			interactive,
			jump_ms: jumpTimes,
			peers: peerRun,
			node_e_0: {...nodeSummary, runs: nodeFloor.runs},
			floor: {...floorSummary, runs: floorResult.runs},
			decks: decks.map(({kinds, pty, ...deck}) => ({
				...deck,
				path: deck.key === 'fixed' ? relative(root, deck.path) : undefined,
				kinds: Object.fromEntries([...new Set(kinds)].map(kind => [kind, kinds.filter(k => k === kind).length])),
				runs: pty.runs,
			})),
		},
		null,
		'\t',
	) + '\n',
);
log(`wrote ${relative(root, resultsFile)}`);
cleanup();
if (failures.length) {
	for (const failure of failures) log(`FAILED ${failure}`);
	process.exit(1);
}
