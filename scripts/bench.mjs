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
 *            session) and image slides (images are missing, so placeholders are drawn);
 *            one seed for every size, so a smaller deck is the start of a larger one and
 *            the rows that compare sizes time the same slides
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
 *   Ink floor        scripts/bench/ink-floor.mjs: floor.mjs's screen and keys drawn by Ink (with
 *                    React and Yoga), bundled at the start of the bench as lectern is, Ink
 *                    patched as lectern ships it (scripts/bench/build-ink-floor.mjs): what Ink
 *                    costs before an app does anything of its own (goal 4 names it).
 *   / node -e 0      first frame divided by spawn-to-exit of `node -e 0` in the same pty (the
 *                    cost of starting Node at all; its own median is printed under the table).
 *   First frame bytes  everything written up to the end of the first frame's output burst.
 *   Key -> first byte  one Right arrow (ESC [ C) written to the pty, until lectern's first output
 *                    byte after it. Keys go one at a time, the first once the player is idle
 *                    (below), each next once the output has been quiet for 150 ms: 20 keys on the generated decks, every slide change (up to 200)
 *                    on the fixed deck, all in the first measured run. Median / p90.
 *   Key -> position shown  the same key until the new position "K/N" is in the output.
 *   Key -> frame     the same key until the last byte of the burst in which "K/N" appeared, a
 *                    burst ending when the output has been quiet for 30 ms (the 30 ms are not
 *                    included). Median / p90. Output lines that a terminal slide appends one
 *                    per 16 ms belong to that burst while they come less than 30 ms apart;
 *                    typing (after a 300 ms pause) does not.
 *   Key -> frame, no animation  the same for the changes that start no terminal slide's
 *                    animation (the goals' next-slide rows; the floor program has none): the
 *                    others' frame runs on with the lines their session appends.
 *   Changes that start an animation  changes to a terminal slide whose session grows from
 *                    the slide before (lectern's layout, `animationFor`, says which), of all.
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
 * Keys wait for a player that is idle: after the first frame, the pty driver waits until the
 * program has written nothing and used under 5 % of a CPU (all its threads, from /proc) for
 * 200 ms, so a key meets a player whose start-up (the rest of the deck, the takeover) is over.
 * "Idle after start" under the table is spawn -> that moment. A key taken for "finished an
 * animation" must also find the program idle (not running, not waiting for a CPU), and a frame
 * is complete only once every synchronized-output block (ESC[?2026h) in it is closed: on a
 * loaded machine a slow frame is waited for, never cut in two or mistaken for a lost key.
 * Every wait of a job scales with the load (scripts/bench/drive.mjs: max(1, load average /
 * cores)), a job that fails is run once more and the retry is printed under the table, and
 * a loaded run says so there.
 *
 * Goals table (issue #18), the rows not explained above
 *   Slide 2 shown, Right pressed as slide 1 shows  scripts/bench/rounds.mjs, 7 paired rounds.
 *   Bytes the takeover writes  on 60 slides, no key: what comes after the first frame's burst
 *                    until the player is idle and then quiet for 150 ms.
 *   Overview at 10,000 slides   scripts/bench/overlays.mjs: `o`, then Down, Up, Right, Left in
 *                    it, Esc or `o` to close, five more opens, in 3 processes; key -> the end of
 *                    the burst holding its frame (the "Overview" heading; the new cursor's cell
 *                    in inverse video). First `o` (target < 20 ms), later `o`, and arrows after
 *                    each arrow's first press (< 5 ms): median / p90.
 *   Search at 10,000 slides  the same, in 3 other processes: `/`, a word typed one character
 *                    at a time (each frame marked by the prompt with the query so far and what
 *                    it found), Esc; four words. The first `/` and first character are the
 *                    first use (median printed in the row); every later key: median / p90.
 *   First frame, remark deck   the generated 60- and 10,000-slide decks written in remark's
 *                    format (scripts/bench/decks.mjs `generateRemarkDeck`: shell-wrap terminals,
 *                    `???` notes; the bench checks lectern detects them as remark), spawn ->
 *                    "1/N" in turn for 5 rounds, median of the per-round ratios.
 *   First frame, Markdown deck   the same from the peers' rounds (scripts/bench/peers.mjs).
 *
 * LECTERN_BENCH_ARGS="--no-animation" (split at spaces) adds options to every lectern run, to
 * compare.
 *
 * Exit status: 0 when every measurement succeeded, 1 when one failed (the table shows what was
 * measured; the error says what went wrong), 2 when something needed is missing (the built CLI,
 * build/, python3). The whole bench takes about five minutes on a quiet machine.
 */
import {spawnSync} from 'node:child_process';
import {copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {generateDeck, generateRemarkDeck} from './bench/decks.mjs';
import {fixedDeck, referenceDeck} from './bench/fixed-decks.mjs';
import {createDriver, loadFactor} from './bench/drive.mjs';
import {goalLines, goalRows} from './bench/goals.mjs';
import {measureOverlays} from './bench/overlays.mjs';
import {measurePeers, peerLines} from './bench/peers.mjs';
import {measureFirstFramePairs, measureKeyAtPaint} from './bench/rounds.mjs';
import {median, min, max} from './bench/stats.mjs';
import {buildInkFloor} from './bench/build-ink-floor.mjs';
import {deckTable, summarize} from './bench/table.mjs';
import {measureTyping} from './bench/typing-run.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const loader = join(root, 'build', 'source', 'deck', 'load-deck.js');
const ptyRun = join(root, 'scripts', 'bench', 'pty_run.py');
const floor = join(root, 'scripts', 'bench', 'floor.mjs');
const resultsFile = join(root, 'bench-results.json');
const size = {cols: 120, rows: 40};
const runs = 5;
const keyCount = 20;
const fixedKeyLimit = 200;

const started = performance.now();
let temp = ''; // the temporary directory of generated decks and driver jobs
const stops = []; // what stops the pty driver running now
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
const driver = createDriver({driver: ptyRun, temp, log});
stops.push(driver.stop);
const {drive} = driver;
const loadAtStart = loadFactor();
function cleanup() {
	for (const stop of stops) stop();
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

// ---------------------------------------------------------------- decks
const {loadDeck} = await import(pathToFileURL(loader).href);
const {detectFormat} = await import(pathToFileURL(join(root, 'build', 'source', 'deck', 'detect-format.js')).href);
const {animationFor} = await import(pathToFileURL(join(root, 'build', 'source', 'layout', 'terminal-animation.js')).href);
const decks = [];
{
	const path = fixedDeck(root, log);
	decks.push({key: 'fixed', name: relative(root, path), path});
	const check = spawnSync(process.execPath, [cliCopy, 'print', '--width', '120', '--height', '40', path], {encoding: 'utf8', timeout: 30_000});
	if (check.status !== 0) {
		const why = check.error?.message ?? (check.stderr.trim().split('\n').slice(-3).join(' / ') || `exit ${check.status}`);
		fatal(`the built CLI does not work (\`lectern print ${relative(root, path)}\`: ${why}); rebuild with \`npm run build\``);
	}
	const reference = referenceDeck(root);
	if (reference) decks.push({key: 'fixed', name: reference.name, path: reference.path});
	// A code slide first: its first frame waits for the highlighter (Shiki's core and the Python grammar).
	const code = join(root, 'fixtures', 'bench', 'code-python.md');
	decks.push({key: 'fixed', name: relative(root, code), path: code});
	for (const count of [60, 1000, 10_000]) {
		const path = join(temp, `generated-${count}.txt`);
		writeFileSync(path, generateDeck(count));
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
	// Arriving here from the slide before starts a terminal slide's animation (its session grows: lines appended, a command typed).
	deck.animated = parsed.slides.map((_, index) => index > 0 && animationFor(parsed.slides, index - 1, index, {charactersPerSecond: 40}) !== undefined);
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
log('Ink floor ...');
const inkFloor = await buildInkFloor(join(root, 'scripts', 'bench', 'ink-floor.mjs'), temp);
const inkFloorResult = await drive(
	{...base, label: 'Ink floor', mode: 'tui', cmd: [node, inkFloor, '100'], first_marker: [1, 100], runs, warmup: 1, transitions: keyCount},
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
const at60 = decks.find(deck => deck.key === '60');
const at10k = decks.find(deck => deck.key === '10000');
const lecternCmd = path => [node, cliCopy, ...extraArgs, path];
const interactive = await measureKeyAtPaint({
	drive,
	base,
	floorCmd: [node, floor, '60'],
	lecternCmd: lecternCmd(at60.path),
	slides: at60.slides,
	rounds: 7,
	log,
});
failures.push(...interactive.failures);

// Overview and search on 10,000 slides (scripts/bench/overlays.mjs).
const overlays = await measureOverlays({drive, base, cmd: lecternCmd(at10k.path), slides: at10k.slides, runs: 3, log});
failures.push(...overlays.failures);

// The same decks in remark's format, first frame at 60 and 10,000 slides in turn.
const remarkDecks = [60, 10_000].map(count => {
	const path = join(temp, `remark-${count}.md`);
	const text = generateRemarkDeck(count);
	writeFileSync(path, text);
	const format = detectFormat(text, path);
	if (format !== 'remark') fatal(`the generated remark deck reads as ${format}: fix scripts/bench/decks.mjs`);
	return {path, slides: count};
});
const remark = await measureFirstFramePairs({
	drive,
	base,
	cmd: lecternCmd,
	small: remarkDecks[0],
	large: remarkDecks[1],
	rounds: 5,
	label: 'lectern remark',
	log,
});
failures.push(...remark.failures);

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
		cmd: lecternCmd(at10k.path),
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
const floorSummary = summarize(floorResult);
const inkFloorSummary = summarize(inkFloorResult);
const nodeExit = nodeFloor.runs.map(run => run.exit_ms).filter(v => typeof v === 'number');
const nodeSummary = {failed: nodeFloor.failed, exit_ms: {median: median(nodeExit), min: min(nodeExit), max: max(nodeExit)}};
for (const deck of decks) deck.summary = summarize(deck.pty, deck.kinds, deck.animated);
for (const [label, result] of [
	['node -e 0', nodeFloor],
	['floor.mjs', floorResult],
	['Ink floor', inkFloorResult],
	...decks.map(deck => [`lectern ${deck.name}`, deck.pty]),
]) {
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
const markdown = {small: peerRun.results['lectern 60'].first, large: peerRun.results['lectern 10000'].first};
markdown.ratios = markdown.large.map((value, index) => value / markdown.small[index]).filter(Number.isFinite);
const tppNext = peerRun.results['tpp 60'] ? median(peerRun.results['tpp 60'].next) : undefined;
const markdownNext = median(peerRun.results['lectern 60'].next);

// ---------------------------------------------------------------- table
const fmt = (value, digits = 1) => (Number.isFinite(value) ? value.toLocaleString('en', {minimumFractionDigits: digits, maximumFractionDigits: digits}) : '-');
const nodeFirst = nodeSummary.exit_ms.median;
const lines = deckTable({decks, floorSummary, inkFloorSummary, nodeFirst});
// Bytes per typed character (scripts/bench/typing-run.mjs).
log('typing frames ...');
const typingResult = await measureTyping({root, temp});
const typing = typingResult.typing;
if (typingResult.failed) failures.push(`typing frames: ${typingResult.failed}`);

const seconds = (performance.now() - started) / 1000;
const loadedRun = max([loadAtStart, ...driver.factors]) > 1.2;
const columnsIdle = decks
	.map(deck => `${deck.key === 'fixed' ? deck.name : `${deck.slides.toLocaleString('en')} slides`} ${fmt(median(deck.pty.runs.map(run => run.idle_ms)), 0)} ms`)
	.join(', ');
const notes = [
	...(typing
		? [
				`Typing: ${typing.bytes_per_typed_char} bytes per typed character at 120x40 (${typing.command_chars} characters in ${typing.typing_frames} frames, median ${typing.median_frame_bytes} bytes a frame; the window itself is not redrawn).`,
			]
		: []),
	`\`node -e 0\` spawn to exit: ${fmt(nodeFirst)} ms median (${fmt(nodeSummary.exit_ms.min)}-${fmt(nodeSummary.exit_ms.max)}).`,
	`Node ${process.version}${extraArgs.length ? `, lectern ${extraArgs.join(' ')}` : ''}, ${runs} runs per deck, ${seconds.toFixed(0)} s in all. Meaning of each row: the comment at the top of scripts/bench.mjs.`,
	`Idle after start (spawn -> no output and no CPU for 200 ms), median: ${columnsIdle}.`,
	...(loadedRun
		? [
				`Loaded machine: load average / cores ${loadAtStart.toFixed(1)} at the start, up to ${max(driver.factors).toFixed(1)} during the bench (waits scaled by it); timings are slower than on a quiet machine.`,
			]
		: []),
	...driver.retries.map(retry => `Run again after a failure: ${retry.label}: ${retry.first.slice(0, 160)} -> second attempt: ${retry.second.slice(0, 160)}.`),
];
// ---------------------------------------------------------------- goals table
const goals = goalRows({
	at60,
	at10k,
	floor: floorSummary,
	inkFloor: inkFloorSummary,
	interactive,
	jumpTimes,
	overlays,
	markdown,
	remark,
	tppNext,
	markdownNext,
	typing,
});
console.log(
	lines.join('\n') +
		'\n\n' +
		notes.join('\n') +
		'\n\n' +
		goalLines(goals).join('\n') +
		`\n\nPeers (${peerRounds} interleaved rounds, 10 keys each; medians):\n\n` +
		peerTable.join('\n'),
);

const queries = [floorSummary, inkFloorSummary, ...decks.map(deck => deck.summary)].flatMap(s => Object.keys(s.queries_answered));
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
			goals,
			interactive,
			overlays: overlays.times,
			remark,
			retries: driver.retries,
			load_factors: driver.factors,
			jump_ms: jumpTimes,
			peers: peerRun,
			node_e_0: {...nodeSummary, runs: nodeFloor.runs},
			floor: {...floorSummary, runs: floorResult.runs},
			ink_floor: {...inkFloorSummary, runs: inkFloorResult.runs},
			decks: decks.map(({kinds, animated, pty, ...deck}) => ({
				...deck,
				animated: animated.filter(Boolean).length,
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
