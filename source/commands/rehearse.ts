/**
 * The end of `lectern rehearse`: the summary table on stdout and the report
 * next to the deck (`talk.txt.rehearsal.json`), compared with the last one.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import type {Deck} from '../deck/model.js';
import {neutralize} from '../deck/neutralize.js';
import {buildReport, formatReport, readReport, type SlideTimes} from '../rehearsal/rehearsal.js';

export function reportPath(file: string): string | undefined {
	return file === '-' ? undefined : `${file}.rehearsal.json`;
}

/** The report's lines (at most `width` columns wide), after saving it. */
export function finishRehearsal(deck: Deck, file: string, times: SlideTimes, targetMs: number | undefined, now: number, width = 80): string[] {
	const {perSlide, totalMs} = times.snapshot(now);
	const report = buildReport(deck.slides, perSlide, {deck: file, date: new Date(now).toISOString(), totalMs, ...(targetMs === undefined ? {} : {targetMs})});
	const path = reportPath(file);
	let previous;
	if (path) {
		try {
			previous = readReport(readFileSync(path, 'utf8'));
		} catch {
			// No earlier rehearsal.
		}
	}

	const lines = [`Rehearsal of ${neutralize(file)}`, '', ...formatReport(report, previous, width)];
	if (path) {
		try {
			writeFileSync(path, `${JSON.stringify(report, null, '\t')}\n`);
			lines.push(`Saved to ${neutralize(path)}`);
		} catch (error) {
			lines.push(`Could not save ${neutralize(path)}: ${error instanceof Error ? error.message : String(error)}`);
		}
	}

	return lines;
}
