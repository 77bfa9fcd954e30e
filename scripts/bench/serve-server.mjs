/**
 * The server side of `npm run bench:serve`: lectern's viewers' server (its
 * worker thread, from build/), fed a deck and a presenter who moves on every
 * `--every` ms for `--seconds`. Writes JSON lines to stdout: `listening`, each
 * `move` with its time, and `stats` (this process's memory and CPU, both
 * threads) every second; exits by itself when the talk is done.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {monitorEventLoopDelay} from 'node:perf_hooks';
import {parseArgs} from 'node:util';

const {values} = parseArgs({options: {deck: {type: 'string'}, seconds: {type: 'string'}, every: {type: 'string'}, viewers: {type: 'string'}}});
const root = resolve(import.meta.dirname, '..', '..');
const {readDeck} = await import(join(root, 'build/source/read-deck.js'));
const {startAudience} = await import(join(root, 'build/source/serve/remote-audience.js'));

const now = () => performance.timeOrigin + performance.now();
const say = message => process.stdout.write(`${JSON.stringify(message)}\n`);
const home = mkdtempSync(join(tmpdir(), 'lectern-bench-serve-'));
const deck = await readDeck(values.deck, {});
const count = deck.slides.length;
const {audience, listening} = await startAudience({
	host: '127.0.0.1',
	port: 0,
	maxViewers: Number(values.viewers) + 10,
	maxPerAddress: 16,
	password: undefined,
	authorizedKeys: undefined,
	canBrowse: false,
	motion: {animate: true, charactersPerSecond: 25},
	configFolder: join(home, 'lectern'),
	images: 'auto',
	deckFolder: resolve(values.deck, '..'),
	setupMs: 60_000,
	stallMs: 300_000,
});
audience.deck(deck.slides);
let index = 0;
let moves = 0;
const talk = from => ({index, from, moves, since: Date.now(), finished: false, blackout: false});
audience.talk(talk(-1));
say({type: 'listening', port: listening.port, slides: count});

const startCpu = process.cpuUsage();
const stats = () => {
	const cpu = process.cpuUsage(startCpu);
	const memory = process.memoryUsage();
	say({
		type: 'stats',
		at: now(),
		rss: memory.rss,
		heapUsed: memory.heapUsed,
		external: memory.external,
		cpuMs: (cpu.user + cpu.system) / 1000,
		viewers: audience.viewers,
	});
};

const statsTimer = setInterval(stats, 1000);
// The parent says when every viewer is in; the talk starts then.
process.stdin.once('data', () => {
	const started = now();
	const startCpuTalk = process.cpuUsage();
	// This thread stands for the presenter's player: how late its event loop runs while viewers are served.
	const delay = monitorEventLoopDelay({resolution: 10});
	delay.enable();
	const timer = setInterval(() => {
		const from = index;
		index = (index + 1) % count;
		moves++;
		say({type: 'move', index, at: now()});
		audience.talk(talk(from));
		if (now() - started >= Number(values.seconds) * 1000) {
			clearInterval(timer);
			const cpu = process.cpuUsage(startCpuTalk);
			delay.disable();
			say({
				type: 'talk-cpu',
				cpuMs: (cpu.user + cpu.system) / 1000,
				ms: now() - started,
				presenterDelayP99Ms: delay.percentile(99) / 1e6,
				presenterDelayMaxMs: delay.max / 1e6,
			});
			// Let the last move reach everyone, then end the talk.
			setTimeout(async () => {
				stats();
				clearInterval(statsTimer);
				await audience.stop('bench over');
				rmSync(home, {recursive: true, force: true});
				say({type: 'done'});
				process.exit(0);
			}, 3000);
		}
	}, Number(values.every));
});
