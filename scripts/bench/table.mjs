/** The bench's main table: one column per deck (and floor.mjs and the Ink floor), one row per measurement. */
import {max, median, min, quantile, spread} from './stats.mjs';

const settled = t => t.bytes + (t.late_bytes ?? 0);
/** What one deck's pty runs measured (the table's numbers). */
export function summarize(result, kinds, animated) {
	const ok = result.runs.filter(run => run.status === 'ok' || run.first_frame_ms !== undefined);
	const firstFrames = ok.map(run => run.first_frame_ms).filter(v => typeof v === 'number');
	const transitions = result.runs.flatMap(run => run.transitions ?? []).filter(t => t.status === 'ok');
	// Changes that start a terminal slide's animation (their frame runs on with the lines the session appends), and the others.
	const still = transitions.filter(t => !animated?.[t.to - 1]);
	const terminalPairs = kinds ? transitions.filter(t => kinds[t.to - 2] === 'terminal' && kinds[t.to - 1] === 'terminal') : [];
	const quits = result.runs.map(run => run.quit).filter(Boolean);
	return {
		failed: result.failed,
		first_frame_ms: {median: median(firstFrames), min: min(firstFrames), max: max(firstFrames), runs: firstFrames.length},
		first_frame_bytes: median(ok.map(run => run.first_frame_bytes)),
		first_frame_clears: max(ok.map(run => run.first_frame_clears)),
		key_first_byte_ms: spread(transitions.map(t => t.first_byte_ms)),
		key_frame_ms: spread(transitions.map(t => t.complete_ms)),
		key_frame_still_ms: spread(still.map(t => t.complete_ms)),
		animated_changes: transitions.length - still.length,
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

const fmt = (value, digits = 1) => (Number.isFinite(value) ? value.toLocaleString('en', {minimumFractionDigits: digits, maximumFractionDigits: digits}) : '-');
const int = value => fmt(value, 0);
const pair = (a, b, digits = 1) => (a === undefined ? '-' : `${fmt(a, digits)} / ${fmt(b, digits)}`);
const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? `${(a / b).toFixed(1)}x` : '-');

/** The table's Markdown lines. */
export function deckTable({decks, floorSummary, inkFloorSummary, nodeFirst}) {
	const floorFirst = floorSummary.first_frame_ms.median;
	const columns = [
		...decks.map(deck => ({
			head: deck.key === 'fixed' ? `${deck.name} (${deck.slides})` : `${int(deck.slides)} slides`,
			parse: `${fmt(deck.parse.median_ms, 2)} (${fmt(deck.parse.min_ms, 2)})`,
			size: `${fmt(deck.bytes / 1024, 1)} KiB`,
			s: deck.summary,
		})),
		{head: 'floor.mjs', parse: '-', size: '-', s: floorSummary},
		{head: 'Ink floor', parse: '-', size: '-', s: inkFloorSummary},
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
		['Key -> frame, no animation, ms median / p90', c => pair(c.s.key_frame_still_ms.median, c.s.key_frame_still_ms.p90, 2)],
		['Changes that start an animation', c => `${c.s.animated_changes} of ${c.s.changes}`],
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
	return lines;
}
