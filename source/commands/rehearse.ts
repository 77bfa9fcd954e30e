/**
 * The end of `lectern rehearse`: the summary table on stdout and the report
 * next to the deck (`talk.txt.rehearsal.json`), compared with the last one.
 */
import type {Deck} from '../deck/model.js';
import {oneLine} from '../fault-line.js';
import {readRegularFileSync} from '../files/read-regular.js';
import {writeFileAtomically} from '../files/write-atomically.js';
import {buildReport, formatReport, readReport, type SlideTimes} from '../rehearsal/rehearsal.js';

/** A report is a few KB; anything much larger is not one. */
export const maxReportBytes = 4 * 1024 * 1024;

export function reportPath(file: string): string | undefined {
	return file === '-' ? undefined : `${file}.rehearsal.json`;
}

/** The report's lines (at most `width` columns wide), after saving it, and whether it could not be saved (the player then exits 1). */
export function finishRehearsal(
	deck: Deck,
	file: string,
	times: SlideTimes,
	targetMs: number | undefined,
	now: number,
	width = 80,
): {lines: string[]; saveFailed: boolean} {
	const {perSlide, totalMs} = times.snapshot(now);
	const report = buildReport(deck.slides, perSlide, {deck: file, date: new Date(now).toISOString(), totalMs, ...(targetMs === undefined ? {} : {targetMs})});
	const path = reportPath(file);
	let previous;
	if (path) {
		try {
			previous = readReport(readRegularFileSync(path, maxReportBytes).toString('utf8'));
		} catch {
			// No earlier rehearsal (or not a file that can be one).
		}
	}

	let saveFailed = false;
	const lines = [`Rehearsal of ${oneLine(file)}`, '', ...formatReport(report, previous, width)];
	if (path) {
		try {
			writeFileAtomically(path, `${JSON.stringify(report, null, '\t')}\n`);
			lines.push(`Saved to ${oneLine(path)}`);
		} catch (error) {
			saveFailed = true;
			lines.push(`Could not save ${oneLine(path)}: ${oneLine(error instanceof Error ? error.message : String(error))}`);
		}
	}

	return {lines, saveFailed};
}
