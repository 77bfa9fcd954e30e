/**
 * Where a shorthand deck's slides are: the text between `---` lines, found by
 * one scan of the text that makes no string per line, so that the opening
 * screen of a deck of 10,000 slides reads only its own slides' lines (the
 * whole deck's lines, one object each, took some 80 ms of a 2 MB deck's first
 * frame). Pure.
 */
import type {SourceLine} from './parse-blocks.js';

const separator = /^---[ \t]*$/;

/** The slides of a text: how many, and each one's lines (with their line numbers) when asked. */
export type SlideChunks = {
	readonly count: number;
	/** The lines of slide `index`, numbered from 1 in the whole text. */
	readonly lines: (index: number) => SourceLine[];
	/** The line a slide starts on: its first line, or 1 for a slide with none. */
	readonly firstLine: (index: number) => number;
};

/**
 * Splits at lines that are `---` (trailing spaces or tabs allowed). A text
 * that ends with a newline has no empty line after it.
 */
export function slideChunks(text: string): SlideChunks {
	// Per slide: the offset of its first line, where it ends (the newline before the next `---`, or the end), its first line's number.
	const starts: number[] = [0];
	const ends: number[] = [];
	const lineNumbers: number[] = [1];
	let at = 0;
	let line = 1;
	for (;;) {
		const newline = text.indexOf('\n', at);
		const end = newline === -1 ? text.length : newline;
		// Only a line that starts with three dashes can be a separator: no string is made for any other.
		if (text.startsWith('---', at) && separator.test(text.slice(at, end))) {
			ends.push(Math.max(at - 1, starts.at(-1)!));
			starts.push(end + 1);
			lineNumbers.push(line + 1);
		}

		if (newline === -1) break;
		at = newline + 1;
		line++;
	}

	ends.push(text.length);
	const count = starts.length;
	// Lines in slide k: the separator lines are not counted, nor the empty line after a final newline.
	const lineCount = (index: number): number => {
		const first = lineNumbers[index]!;
		const next = index + 1 < count ? lineNumbers[index + 1]! - 1 : line + 1;
		const lines = next - first;
		return index === count - 1 && text.endsWith('\n') && lines > 0 ? lines - 1 : text === '' ? 0 : lines;
	};

	return {
		count,
		lines(index) {
			const total = lineCount(index);
			if (total <= 0) return [];
			const first = lineNumbers[index]!;
			return text
				.slice(starts[index], ends[index])
				.split('\n')
				.slice(0, total)
				.map((lineText, offset) => ({text: lineText, line: first + offset}));
		},
		firstLine: index => (lineCount(index) > 0 ? lineNumbers[index]! : 1),
	};
}

/** True when the text has nothing but blank lines and `---` lines (no slide shows anything, none has notes); stops at the first other line. */
export function onlyBreaks(text: string): boolean {
	let at = 0;
	for (;;) {
		const newline = text.indexOf('\n', at);
		const lineText = text.slice(at, newline === -1 ? text.length : newline);
		if (lineText.trim() !== '' && !separator.test(lineText)) return false;
		if (newline === -1) return true;
		at = newline + 1;
	}
}
