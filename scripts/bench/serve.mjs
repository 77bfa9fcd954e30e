/**
 * `npm run bench:serve`: lectern serve under load, on loopback only, bounded
 * in count and time, stopping by itself. 200 viewers connect with a scripted
 * SSH client (ssh2's, with a terminal of one of 20 sizes each) to a server
 * whose presenter moves on every half second for 60 s; one more viewer stops
 * reading for 20 s mid-talk. Reports each viewer's latency from a move to its
 * arrival (p50, p99), bytes per viewer, the server's memory and CPU, and
 * what became of the slow reader.
 *
 * Options: --viewers N (200), --seconds S (60), --every MS (500), --deck FILE.
 */
import {spawn} from 'node:child_process';
import {createConnection} from 'node:net';
import {createInterface} from 'node:readline';
import {resolve} from 'node:path';
import {parseArgs} from 'node:util';
import ssh2 from 'ssh2';

const {values} = parseArgs({
	options: {
		viewers: {type: 'string', default: '200'},
		seconds: {type: 'string', default: '60'},
		every: {type: 'string', default: '500'},
		deck: {type: 'string', default: 'fixtures/bench/reference.txt'},
	},
});
const viewerCount = Math.min(500, Number(values.viewers));
const seconds = Math.min(300, Number(values.seconds));
const root = resolve(import.meta.dirname, '..', '..');
const now = () => performance.timeOrigin + performance.now();
const sizes = [
	[80, 24],
	[100, 30],
	[120, 40],
	[200, 50],
	[132, 43],
	[90, 28],
	[160, 45],
	[80, 25],
	[110, 35],
	[140, 40],
	[96, 32],
	[180, 50],
	[72, 22],
	[128, 38],
	[150, 42],
	[88, 26],
	[170, 48],
	[104, 34],
	[220, 60],
	[64, 20],
];
// Everything stops by itself, whatever happens.
const deadline = setTimeout(() => fail('the bench ran over its time limit'), (seconds + 120) * 1000);
deadline.unref();

const server = spawn(
	process.execPath,
	[
		resolve(root, 'scripts/bench/serve-server.mjs'),
		'--deck',
		values.deck,
		'--seconds',
		String(seconds),
		'--every',
		values.every,
		'--viewers',
		String(viewerCount + 1),
	],
	{stdio: ['pipe', 'pipe', 'inherit']},
);
const moves = [];
const stats = [];
let talkCpu;
let port;
let slides;
const done = new Promise(resolveDone => {
	createInterface({input: server.stdout}).on('line', line => {
		const message = JSON.parse(line);
		if (message.type === 'listening') {
			port = message.port;
			slides = message.slides;
			listening();
		} else if (message.type === 'move') moves.push(message);
		else if (message.type === 'stats') stats.push(message);
		else if (message.type === 'talk-cpu') talkCpu = message;
		else if (message.type === 'done') resolveDone();
	});
});

let listening;
await new Promise(resolveListening => {
	listening = resolveListening;
});

function fail(reason) {
	process.stderr.write(`bench:serve: ${reason}\n`);
	server.kill();
	process.exit(1);
}

/** One viewer: connects from one of 20 loopback addresses (16 connections per address at most), records every slide number it is shown and when. */
function viewer(number, size) {
	return new Promise((resolveViewer, rejectViewer) => {
		const sock = createConnection({host: '127.0.0.1', port, localAddress: `127.0.0.${2 + (number % 20)}`});
		const client = new ssh2.Client();
		const record = {number, size, bytes: 0, seen: [], arrivals: [], sock, client, last: undefined};
		const marker = new RegExp(`(\\d+)/${slides}\\b`, 'g');
		let tail = '';
		client.on('ready', () => {
			client.shell({term: 'xterm-256color', cols: size[0], rows: size[1]}, (error, channel) => {
				if (error) return rejectViewer(error);
				record.channel = channel;
				channel.on('data', data => {
					const at = now();
					record.bytes += data.length;
					if (number === viewerCount) record.arrivals.push({at, bytes: data.length});
					const text = tail + data.toString('latin1');
					tail = text.slice(-12);
					for (const match of text.matchAll(marker)) {
						const index = Number(match[1]) - 1;
						if (index !== record.last) {
							record.last = index;
							record.seen.push({index, at});
						}
					}
				});
				resolveViewer(record);
			});
		});
		client.on('error', rejectViewer);
		client.connect({sock, username: `viewer${number}`, readyTimeout: 60_000});
	});
}

const connectStart = now();
const viewers = [];
for (let start = 0; start < viewerCount; start += 20) {
	const batch = [];
	for (let number = start; number < Math.min(viewerCount, start + 20); number++) batch.push(viewer(number, sizes[number % sizes.length]));
	viewers.push(...(await Promise.all(batch).catch(error => fail(`a viewer could not connect: ${error.message}`))));
}

const slow = await viewer(viewerCount, [200, 50]);
const connectMs = now() - connectStart;
const statsBefore = stats.at(-1);
server.stdin.write('go\n');
const talkStart = now();
const clientCpuStart = process.cpuUsage();

// The slow reader stops reading (its socket, so the server's send buffer fills) for 20 s (a third of a short run), a quarter in.
const pauseAt = talkStart + (seconds * 1000) / 4;
const pauseMs = Math.min(20_000, (seconds * 1000) / 3);
let pausedStats;
let resumedAt;
setTimeout(() => {
	slow.sock.pause();
	slow.pausedBytes = slow.bytes;
}, pauseAt - now());
setTimeout(
	() => {
		pausedStats = stats.at(-1);
		resumedAt = now();
		slow.sock.resume();
	},
	pauseAt + pauseMs - now(),
);

await done;
const clientCpu = process.cpuUsage(clientCpuStart);
const clientMs = now() - talkStart;
for (const {client} of [...viewers, slow]) client.end();

const latencies = [];
let missed = 0;
const perViewerP50 = [];
const perViewerP99 = [];
for (const record of viewers) {
	const own = [];
	for (const move of moves) {
		const arrival = record.seen.find(seen => seen.index === move.index && seen.at >= move.at - 1 && seen.at < move.at + 5000);
		if (arrival) own.push(arrival.at - move.at);
		else missed++;
	}

	latencies.push(...own);
	own.sort((a, b) => a - b);
	perViewerP50.push(percentile(own, 50));
	perViewerP99.push(percentile(own, 99));
}

latencies.sort((a, b) => a - b);
const lastMove = moves.at(-1);
const caughtUp = slow.seen.find(seen => seen.at >= resumedAt);
const slowFinal = slow.seen.at(-1);
const peak = key => Math.max(...stats.map(entry => entry[key]));
const bytes = viewers.map(record => record.bytes).sort((a, b) => a - b);
const mb = value => `${(value / 1024 / 1024).toFixed(1)} MB`;
const report = {
	viewers: viewerCount,
	seconds,
	moves: moves.length,
	connectSeconds: Number((connectMs / 1000).toFixed(1)),
	latencyMs: {p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)), max: round(latencies.at(-1)), missed},
	perViewerMs: {
		medianOfP50: round(
			percentile(
				perViewerP50.sort((a, b) => a - b),
				50,
			),
		),
		worstP99: round(Math.max(...perViewerP99)),
	},
	// The scripted viewers share one process: when it is busy, their latency includes its queue.
	viewersProcessCpu: `${(((clientCpu.user + clientCpu.system) / 1000 / clientMs) * 100).toFixed(0)}% of one core`,
	bytesPerViewer: {median: bytes[Math.floor(bytes.length / 2)], min: bytes[0], max: bytes.at(-1)},
	server: {
		rssBeforeTalk: mb(statsBefore.rss),
		rssPeak: mb(peak('rss')),
		rssWhileSlowReaderStalled: pausedStats ? mb(pausedStats.rss) : undefined,
		cpuDuringTalk: talkCpu ? `${((talkCpu.cpuMs / talkCpu.ms) * 100).toFixed(0)}% of one core` : undefined,
		// The thread that stands for the presenter's player: how late its event loop ran (timer resolution 10 ms).
		presenterLoopDelayMs: talkCpu ? {p99: round(talkCpu.presenterDelayP99Ms), max: round(talkCpu.presenterDelayMaxMs)} : undefined,
	},
	slowReader: {
		stalledSeconds: pauseMs / 1000,
		bytesReceived: slow.bytes,
		bytesBeforeStall: slow.pausedBytes,
		catchUpBytes: catchUpBytes(),
		catchUpMs: caughtUp ? round(caughtUp.at - resumedAt) : undefined,
		endsOnLastSlide: slowFinal?.index === lastMove?.index,
	},
};
process.stdout.write(`${JSON.stringify(report, undefined, 2)}\n`);
process.exit(0);

/** What the slow reader was sent in the half second after it read again: the backlog it had, bounded. */
function catchUpBytes() {
	return slow.arrivals.filter(arrival => arrival.at >= resumedAt && arrival.at < resumedAt + 500).reduce((sum, arrival) => sum + arrival.bytes, 0);
}

function percentile(sorted, p) {
	if (sorted.length === 0) return Number.NaN;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function round(value) {
	return Math.round(value * 10) / 10;
}
