/**
 * pandoc's simple, multiline and grid tables, which CommonMark does not know
 * (their dashed rulers would read as thematic breaks and cut slides): each
 * is indented into a code block, so that it shows as written, aligned.
 */
import type {Line} from '../blocks.js';

/** A ruler of column groups: dashes and spaces, two groups at least (`------- ------`). */
const groupRuler = /^[ \t]*-{2,}(?:[ \t]+-{2,})+[ \t]*$/;
/** A full-width ruler (a multiline table's top and bottom). */
const fullRuler = /^[ \t]*-{3,}[ \t]*$/;
const gridRuler = /^[ \t]*\+(?:[-=:]+\+)+[ \t]*$/;

export function indentTables(lines: readonly Line[]): Line[] {
	const out = [...lines];
	const blank = (index: number) => index < 0 || index >= out.length || out[index]!.text.trim() === '';
	let index = 0;
	while (index < out.length) {
		const end = tableEnd(out, index, blank);
		if (end === -1) {
			index++;
			continue;
		}

		for (let at = index; at < end; at++) out[at] = {text: `    ${out[at]!.text}`, line: out[at]!.line};
		index = end;
	}

	return out;
}

/** When a table starts at `start` (after a blank line): the index after its last line; else -1. */
function tableEnd(lines: readonly Line[], start: number, blank: (index: number) => boolean): number {
	if (!blank(start - 1) || blank(start)) return -1;
	const text = (index: number) => lines[index]?.text ?? '';
	// Grid table: `+---+---+` rulers around `|` rows.
	if (gridRuler.test(text(start))) {
		let end = start + 1;
		while (!blank(end) && (gridRuler.test(text(end)) || /^[ \t]*\|/.test(text(end)))) end++;
		return end > start + 1 ? end : -1;
	}

	// Multiline table: a full ruler, a header, a ruler of groups, rows (blank lines between), a full ruler.
	if (fullRuler.test(text(start))) {
		let end = start + 1;
		while (end < lines.length && !fullRuler.test(text(end)) && !(blank(end) && blank(end + 1))) end++;
		const grouped = lines.slice(start + 1, end).some(line => groupRuler.test(line.text));
		return grouped && fullRuler.test(text(end)) ? end + 1 : -1;
	}

	// Simple table: a ruler of groups under the header (or at the top, headerless), rows to a blank line.
	if (groupRuler.test(text(start + 1)) || groupRuler.test(text(start))) {
		let end = start + 1;
		while (!blank(end)) end++;
		return end;
	}

	return -1;
}
