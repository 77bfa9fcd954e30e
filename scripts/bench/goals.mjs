/** The goals table of issue #18: each goal, what the bench measured, the target, PASS or FAIL. */
import {max, median, quantile} from './stats.mjs';

const verdict = ok => (ok === undefined ? 'NOT MEASURED' : ok ? 'PASS' : 'FAIL');
const x = value => (Number.isFinite(value) ? `${value.toFixed(2)}x` : '-');
const ms = value => (typeof value === 'number' ? `${value.toFixed(1)} ms` : '-');
const below = (value, limit) => (Number.isFinite(value) ? value <= limit : undefined);
const under = (value, limit) => (Number.isFinite(value) ? value < limit : undefined);
const fmt = value => (Number.isFinite(value) ? value.toLocaleString('en', {minimumFractionDigits: 1, maximumFractionDigits: 1}) : '-');
/** "median / p90 ms (n keys)" of a list of key -> frame times. */
const keyTimes = values =>
	values?.length ? `${ms(median(values))} / ${ms(quantile(values, 0.9))} (max ${ms(max(values))}, ${values.length} keys)` : 'not measured (see the errors)';

/** Rows [goal, measured, target, ok] from the bench's measurements. */
export function goalRows({at60, at10k, floor, inkFloor, interactive, jumpTimes, overlays, markdown, remark, tppNext, markdownNext, typing}) {
	const takeover = median(at60.pty.runs.map(run => run.late_bytes_first));
	// Changes that start a terminal slide's animation are left out: their frame runs on with the lines the session appends (the floor has none).
	const next60 = at60.summary.key_frame_still_ms;
	const next10k = at10k.summary.key_frame_still_ms;
	const floorNext = floor.key_frame_still_ms;
	const still = ` (${at60.summary.changes - at60.summary.animated_changes} of ${at60.summary.changes} changes start no animation)`;
	const flatStart = at10k.summary.first_frame_ms.median / at60.summary.first_frame_ms.median;
	const peak60 = at60.summary.peak_rss_kib;
	const peak10k = at10k.summary.peak_rss_kib;
	const interactiveRatio = median(interactive.ratios);
	const o = overlays.times;
	const firstOpen = o['open first'];
	const searchLater = o.search;
	const paired = (what, run) => `${x(median(run.ratios))} (${ms(median(run.large))} / ${ms(median(run.small))}, ${run.ratios.length} rounds)${what}`;
	return [
		[
			'1. Slide 2 shown, Right pressed as slide 1 shows: lectern / floor.mjs, 60 slides, median of paired rounds',
			`${x(interactiveRatio)} (${ms(median(interactive.lectern))} / ${ms(median(interactive.floor))}, ${interactive.ratios.length} rounds)`,
			'<= 1.3x',
			below(interactiveRatio, 1.3),
		],
		['1. Bytes the takeover writes after the opening frame, no key (60 slides, median)', `${fmt(takeover).replace(/\.0$/, '')} B`, '0 B', below(takeover, 0)],
		[
			'2. Next slide, key -> frame median: lectern 60 slides / floor.mjs',
			`${x(next60.median / floorNext.median)} (${ms(next60.median)} / ${ms(floorNext.median)})${still}`,
			'<= 2x',
			below(next60.median / floorNext.median, 2),
		],
		[
			'2. Next slide, key -> frame p90: lectern 60 slides / floor.mjs',
			`${x(next60.p90 / floorNext.p90)} (${ms(next60.p90)} / ${ms(floorNext.p90)})${still}`,
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
			under(median(jumpTimes), 5),
		],
		[
			'2. Overview at 10,000 slides, first `o`: key -> frame median / p90',
			firstOpen?.length ? `${ms(median(firstOpen))} / ${ms(quantile(firstOpen, 0.9))} (${firstOpen.length} processes)` : keyTimes(firstOpen),
			'< 20 ms',
			under(median(firstOpen), 20),
		],
		['2. Overview at 10,000 slides, later `o`: key -> frame median / p90', keyTimes(o.open), '< 5 ms', under(median(o.open), 5)],
		['2. Overview at 10,000 slides, arrow keys after first use: key -> frame median / p90', keyTimes(o.arrow), '< 5 ms', under(median(o.arrow), 5)],
		[
			`2. Search at 10,000 slides, \`/\` and each character typed after first use: key -> frame median / p90 (first use: ${ms(median(o['search first']))} median)`,
			keyTimes(searchLater),
			'< 5 ms',
			under(median(searchLater), 5),
		],
		[
			'3. First frame, shorthand deck: 10,000 / 60 slides',
			`${x(flatStart)} (${ms(at10k.summary.first_frame_ms.median)} / ${ms(at60.summary.first_frame_ms.median)})`,
			'<= 1.2x',
			below(flatStart, 1.2),
		],
		['3. First frame, Markdown deck: 10,000 / 60 slides, median of paired rounds', paired('', markdown), '<= 1.2x', below(median(markdown.ratios), 1.2)],
		['3. First frame, remark deck: 10,000 / 60 slides, median of paired rounds', paired('', remark), '<= 1.2x', below(median(remark.ratios), 1.2)],
		[
			'4. Peak RSS, 60 slides / floor.mjs',
			`${x(peak60 / floor.peak_rss_kib)} (${fmt(peak60 / 1024)} / ${fmt(floor.peak_rss_kib / 1024)} MiB; the Ink floor: ${x(inkFloor.peak_rss_kib / floor.peak_rss_kib)}, ${fmt(inkFloor.peak_rss_kib / 1024)} MiB)`,
			'<= 1.4x',
			below(peak60 / floor.peak_rss_kib, 1.4),
		],
		['4. Peak RSS, 10,000 slides', `${fmt(peak10k / 1024)} MiB`, '< 100 MiB', below(peak10k / 1024, 99.99)],
		[
			'5. Bytes per typed character (tpp: 23, as measured in the issue)',
			typing ? `${typing.bytes_per_typed_char} B` : '-',
			'<= 23 B',
			typing ? typing.bytes_per_typed_char <= 23 : undefined,
		],
	].map(([what, measured, target, ok]) => ({what, measured, target, result: verdict(ok)}));
}

export const goalLines = goals => [
	'| goal (issue #18) | measured | target | result |',
	'| --- | --- | --- | --- |',
	...goals.map(({what, measured, target, result}) => `| ${what} | ${measured} | ${target} | ${result} |`),
];
