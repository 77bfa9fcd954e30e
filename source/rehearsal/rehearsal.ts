/**
 * Rehearsal: time per slide, pace against checkpoints in the notes
 * (`⏰ 03:00`: by this slide three minutes should have passed) and against a
 * target length, and the report. Pure: times come in as numbers.
 */
import {cellWidth} from '../text/cell-width.js';
import type {Slide} from '../deck/model.js';
import {slideLabel} from '../deck/slide-title.js';
import {stableText} from '../text/stable-width.js';
import {clipLine} from '../text/wrap.js';

const checkpointPattern = /\u23F0\uFE0F?\s*(?:(\d{1,2}):)?(\d{1,3}):(\d{2})/u;

/** The checkpoint in a slide's notes, in ms from the start of the talk. */
export function checkpointOf(slide: Slide | undefined): number | undefined {
	const match = slide?.notes ? checkpointPattern.exec(slide.notes.text) : null;
	if (!match) return undefined;
	const [hours, minutes, seconds] = [Number(match[1] ?? 0), Number(match[2]), Number(match[3])];
	return ((hours * 60 + minutes) * 60 + seconds) * 1000;
}

/** Parses `25m`, `90s`, `1h10m`, `25:00` or a number of minutes. */
export function parseDuration(text: string): number | undefined {
	const clock = /^(?:(\d+):)?(\d+):(\d{2})$/.exec(text.trim());
	if (clock) return ((Number(clock[1] ?? 0) * 60 + Number(clock[2])) * 60 + Number(clock[3])) * 1000;
	if (/^\d+(?:\.\d+)?$/.test(text.trim())) return Number(text) * 60_000;
	const parts = [...text.matchAll(/(\d+(?:\.\d+)?)\s*([hms])/g)];
	if (
		parts.length === 0 ||
		parts
			.map(part => part[0])
			.join('')
			.replace(/\s/g, '') !== text.replace(/\s/g, '')
	)
		return undefined;
	const unit = {h: 3_600_000, m: 60_000, s: 1000} as const;
	return parts.reduce((total, part) => total + Number(part[1]) * unit[part[2] as 'h' | 'm' | 's'], 0);
}

/** A duration as a clock shows it: `04:05`, or `1:02:03` from an hour on. */
export function formatDuration(ms: number): string {
	const total = Math.max(0, Math.floor(ms / 1000));
	const hours = Math.floor(total / 3600);
	const minutes = Math.floor((total % 3600) / 60);
	const seconds = total % 60;
	const pad = (value: number) => String(value).padStart(2, '0');
	return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}

/** Time spent per slide: visits add up. */
export class SlideTimes {
	private readonly totals: number[];
	private current: {index: number; since: number} | undefined;

	constructor(
		count: number,
		private readonly startedAt: number,
	) {
		this.totals = Array.from({length: count}, () => 0);
	}

	visit(index: number, at: number): void {
		this.leave(at);
		this.current = {index, since: at};
	}

	/** Totals so far, counting the slide on screen up to `at`. */
	snapshot(at: number): {perSlide: number[]; totalMs: number} {
		const perSlide = [...this.totals];
		if (this.current && this.current.index < perSlide.length) perSlide[this.current.index]! += Math.max(0, at - this.current.since);
		return {perSlide, totalMs: Math.max(0, at - this.startedAt)};
	}

	private leave(at: number): void {
		if (this.current && this.current.index < this.totals.length) this.totals[this.current.index]! += Math.max(0, at - this.current.since);
		this.current = undefined;
	}
}

type PaceAnchor = {readonly index: number; readonly ms: number};

/**
 * What the pace is measured against, made once per deck: the plan runs from 0
 * at the first slide through each checkpoint (in slide order) to the target at
 * the end, straight between them; undefined without checkpoints or target.
 */
export type PacePlan = readonly PaceAnchor[];

export function pacePlan(slides: readonly Slide[], targetMs?: number): PacePlan | undefined {
	const anchors: PaceAnchor[] = [{index: 0, ms: 0}];
	for (const slide of slides) {
		const checkpoint = checkpointOf(slide);
		if (checkpoint !== undefined && slide.index > 0) anchors.push({index: slide.index, ms: checkpoint});
	}

	if (targetMs !== undefined && slides.length > 0) anchors.push({index: slides.length, ms: targetMs});
	if (anchors.length < 2) return undefined;
	return anchors.sort((a, b) => a.index - b.index);
}

/** Pace on arriving at slide `index`, in ms (positive: behind); a binary search of the plan, so it costs nothing per frame. */
export function paceAt(plan: PacePlan | undefined, index: number, arrivedAtMs: number): {behindMs: number} | undefined {
	if (!plan) return undefined;
	// The first anchor at or after `index`.
	let low = 0;
	let high = plan.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (plan[middle]!.index < index) low = middle + 1;
		else high = middle;
	}

	const after = plan[low] ?? plan.at(-1)!;
	const before = after.index === index ? after : (plan[low - 1] ?? plan[0]!);
	const expected = after.index === before.index ? after.ms : before.ms + ((after.ms - before.ms) * (index - before.index)) / (after.index - before.index);
	return {behindMs: Math.round(arrivedAtMs - expected)};
}

type RehearsalSlide = {
	readonly slide: number;
	readonly title: string;
	readonly ms: number;
	readonly cumulativeMs: number;
	readonly checkpointMs?: number;
	/** Arrival at this slide minus its checkpoint (positive: behind). */
	readonly deltaMs?: number;
};

export type RehearsalReport = {
	readonly deck: string;
	readonly date: string;
	readonly totalMs: number;
	readonly targetMs?: number;
	readonly slides: readonly RehearsalSlide[];
};

export function buildReport(
	slides: readonly Slide[],
	perSlide: readonly number[],
	meta: {deck: string; date: string; totalMs: number; targetMs?: number},
): RehearsalReport {
	let cumulative = 0;
	const rows = slides.map((slide, index) => {
		const ms = perSlide[index] ?? 0;
		const arrived = cumulative;
		cumulative += ms;
		const checkpointMs = checkpointOf(slide);
		return {
			slide: index + 1,
			title: slideLabel(slide),
			ms,
			cumulativeMs: cumulative,
			...(checkpointMs === undefined ? {} : {checkpointMs, deltaMs: arrived - checkpointMs}),
		};
	});
	return {deck: meta.deck, date: meta.date, totalMs: meta.totalMs, ...(meta.targetMs === undefined ? {} : {targetMs: meta.targetMs}), slides: rows};
}

/** A report read back from JSON, or undefined if it is not one. */
export function readReport(json: string): RehearsalReport | undefined {
	try {
		const value = JSON.parse(json) as Partial<RehearsalReport>;
		if (typeof value.totalMs !== 'number' || !Array.isArray(value.slides)) return undefined;
		if (!value.slides.every(row => typeof row?.ms === 'number' && typeof row.slide === 'number')) return undefined;
		return value as RehearsalReport;
	} catch {
		return undefined;
	}
}

const signed = (ms: number) => `${ms > 0 ? '+' : ms < 0 ? '-' : ' '}${formatDuration(Math.abs(ms))}`;

/** The summary table printed after a rehearsal, with the difference to the previous one, at most `width` columns wide (the slide titles are cut to fit). */
export function formatReport(report: RehearsalReport, previous?: RehearsalReport, width = 80): string[] {
	// Number, time, total and delta take 35 columns with their gaps (⏰ is two wide), "vs last" 10 more; the titles have the rest, 10 to 34.
	const titleWidth = Math.max(10, Math.min(34, width - (previous ? 45 : 35)));
	const fit = (text: string) => {
		const full = stableText(text);
		const cut = (width: number) =>
			clipLine([{text: full}], width)
				.map(segment => segment.text)
				.join('');
		const shown = cellWidth(full) <= titleWidth ? full : `${cut(titleWidth - 1)}…`;
		return shown + ' '.repeat(Math.max(0, titleWidth - cellWidth(shown)));
	};

	const header = `${'#'.padStart(3)}  ${'slide'.padEnd(titleWidth)}  ${'time'.padStart(6)}  ${'total'.padStart(8)}  ${'⏰ delta'.padStart(9)}${previous ? `  ${'vs last'.padStart(8)}` : ''}`;
	const lines = [header];
	// Only the slides visited: a rehearsal that skipped ahead says how many it skipped instead of listing them at 00:00.
	const visited = report.slides.filter(row => row.ms > 0);
	for (const row of visited) {
		const before = previous?.slides.find(old => old.slide === row.slide);
		lines.push(
			[
				String(row.slide).padStart(3),
				fit(row.title || '(untitled)'), // Reports saved before slideLabel have empty titles.
				formatDuration(row.ms).padStart(6),
				formatDuration(row.cumulativeMs).padStart(8),
				(row.deltaMs === undefined ? '' : signed(row.deltaMs)).padStart(9),
				...(previous ? [(before ? signed(row.ms - before.ms) : '').padStart(8)] : []),
			].join('  '),
		);
	}

	const skipped = report.slides.length - visited.length;
	if (skipped > 0) lines.push(`${String(skipped).padStart(3)}  ${skipped === 1 ? 'slide' : 'slides'} not visited`);
	let summary = `Total ${formatDuration(report.totalMs)}`;
	if (report.targetMs !== undefined) {
		const over = report.totalMs - report.targetMs;
		summary += `, target ${formatDuration(report.targetMs)} (${formatDuration(Math.abs(over))} ${over > 0 ? 'over' : 'under'})`;
	}

	if (previous) summary += `, last rehearsal ${formatDuration(previous.totalMs)} (${signed(report.totalMs - previous.totalMs).trim()})`;
	return [...lines, '', summary];
}
