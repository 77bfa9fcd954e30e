/**
 * The peers of issue #18 driven on the same decks as lectern: the generated deck
 * (60 / 1,000 / 10,000 slides) written in each tool's format, every slide tagged
 * "slide mark K" so that players with no "K/N" status can be timed too. Rounds are
 * interleaved (each round runs every player once per size), so load that comes and
 * goes falls on all of them. A player that is not installed is skipped, and said so.
 */
import {spawnSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {generateMarkdownDeck} from './decks.mjs';

const installed = name => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;

/** The players: how each is started, its deck dialect, its keys. */
const players = [
	// tpp reads ESC as the start of its command prompt, and mdp ignores an arrow sent the moment it draws: both take space.
	{name: 'tpp', dialect: 'tpp', extension: 'tpp', cmd: path => ['tpp', path], key: ' '},
	{name: 'mdp', dialect: 'markdown', extension: 'md', cmd: path => ['mdp', path], key: ' '},
	{name: 'patat', dialect: 'markdown', extension: 'md', cmd: path => ['patat', path]},
	{name: 'lookatme', dialect: 'markdown', extension: 'md', cmd: path => ['lookatme', path], missing: 'not packaged in Debian (pip only), skipped'},
];

/**
 * Runs `rounds` interleaved rounds; returns per player and size the first-frame times
 * (ms, one per round) and the next-slide times (key -> the new slide's text shows, `keys`
 * per round; mdp then fades it in for some 100 ms more, not counted).
 */
export async function measurePeers({drive, base, lectern, temp, sizes, rounds, keys, log}) {
	const skipped = [];
	const active = [];
	for (const player of players) {
		if (installed(player.name)) active.push(player);
		else skipped.push(`${player.name}: ${player.missing ?? 'not installed, skipped'}`);
	}

	const lecternPlayer = {name: 'lectern', dialect: 'markdown', extension: 'md', cmd: lectern, usesStatus: true};
	const results = {};
	const decks = {};
	for (const count of sizes) {
		for (const player of [lecternPlayer, ...active]) {
			const path = join(temp, `peer-${player.name}-${count}.${player.extension}`);
			writeFileSync(path, generateMarkdownDeck(count, 1, player.dialect, true));
			decks[`${player.name} ${count}`] = path;
			results[`${player.name} ${count}`] = {first: [], next: []};
		}
	}

	for (let round = 0; round < rounds; round++) {
		for (const count of sizes) {
			for (const player of [lecternPlayer, ...active]) {
				const key = `${player.name} ${count}`;
				log(`peers round ${round + 1} of ${rounds}: ${key} ...`);
				// curses players redraw only the characters that change, so after a key any text at all is the new slide coming.
				const markers = player.usesStatus ? {} : {slide_markers: ['slide mark 1(?![0-9])', ...Array.from({length: keys}, () => '\\S')]};
				const run = await drive(
					{
						...base,
						label: key,
						mode: 'tui',
						cmd: player.cmd(decks[key]),
						first_marker: [1, count],
						...markers,
						runs: 1,
						warmup: 0,
						transitions: keys,
						timeout_first_s: 60,
						...(player.key ? {next_key: player.key} : {}),
					},
					120,
				);
				const record = run.runs[0];
				if (run.failed || !record) {
					results[key].failed = run.failed ?? 'no run';
					continue;
				}

				results[key].first.push(record.first_frame_ms);
				for (const transition of record.transitions ?? []) results[key].next.push(transition.marker_ms);
			}
		}
	}

	return {players: ['lectern', ...active.map(player => player.name)], skipped, results};
}

/** The lines the readme and the goals need: per player and size, first frame and next slide (medians). */
export function peerLines({players, skipped, results}, sizes, median) {
	const ms = value => (typeof value === 'number' ? `${value.toFixed(1)} ms` : '-');
	const lines = [
		`| player (same deck, 120x40 pty) | ${sizes.map(count => `first frame ${count.toLocaleString('en')}`).join(' | ')} | ${sizes.map(count => `next slide ${count.toLocaleString('en')}`).join(' | ')} |`,
		`| --- | ${sizes.map(() => '---').join(' | ')} | ${sizes.map(() => '---').join(' | ')} |`,
	];
	for (const player of players) {
		const cell = (count, what) => {
			const result = results[`${player} ${count}`];
			return result.failed && result[what].length === 0 ? 'failed' : ms(median(result[what]));
		};

		lines.push(`| ${player} | ${sizes.map(count => cell(count, 'first')).join(' | ')} | ${sizes.map(count => cell(count, 'next')).join(' | ')} |`);
	}

	return [...lines, '', ...(skipped.length > 0 ? [`Skipped: ${skipped.join('; ')}.`] : [])];
}
