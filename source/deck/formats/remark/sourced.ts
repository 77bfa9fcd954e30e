/**
 * Text that remembers where it came from: the deck line of each of its lines,
 * through the cutting and joining remark's parser and templates do.
 */
import type {Line} from '../blocks.js';

export type Sourced = {
	readonly text: string;
	/** The deck line of each line of `text` (one more than its newlines). */
	readonly lines: readonly number[];
};

/** Line numbers of a source, from character offsets. */
export class LineIndex {
	private readonly starts: number[] = [0];

	/** `first` is the deck line of the text's first line, or the deck line of each of its lines. */
	constructor(
		text: string,
		private readonly first: number | readonly number[],
	) {
		for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) this.starts.push(index + 1);
	}

	/** The deck line of offset `at`. */
	lineAt(at: number): number {
		let low = 0;
		let high = this.starts.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >>> 1;
			if (this.starts[middle]! <= at) low = middle;
			else high = middle - 1;
		}

		return typeof this.first === 'number' ? this.first + low : (this.first[low] ?? this.first.at(-1) ?? 1);
	}

	/** `text`, found at offset `at`, with its lines. */
	sourced(text: string, at: number): Sourced {
		const first = this.lineAt(at);
		return {text, lines: Array.from({length: newlines(text) + 1}, (_, index) => first + index)};
	}
}

export function newlines(text: string): number {
	let count = 0;
	for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
	return count;
}

/** Text with every line at `line`. */
export function at(text: string, line: number): Sourced {
	return {text, lines: Array.from({length: newlines(text) + 1}, () => line)};
}

const empty: Sourced = {text: '', lines: [0]};

/** `a` then `b`; the line where they meet keeps `a`'s number (unless `a` ends on an empty line). */
export function join(a: Sourced, b: Sourced): Sourced {
	return concat([a, b]);
}

/** The parts one after another, in one pass (joining them two by two would be quadratic). */
export function concat(parts: readonly Sourced[]): Sourced {
	const shown = parts.filter(part => part.text !== '');
	if (shown.length <= 1) return shown[0] ?? parts[0] ?? empty;
	let text = '';
	const lines: number[] = [];
	// Whether the text so far ends a line: asking the growing string itself would flatten it
	// on every part (quadratic: 3,200 nested spans took 5.5 s).
	let endsLine = false;
	for (const part of shown) {
		// The line where two parts meet is the earlier part's, unless that part ended with its line.
		const meets = lines.length > 0 && !endsLine;
		for (let index = 0; index < part.lines.length; index++) {
			if (index === 0 && lines.length > 0) {
				if (!meets) lines[lines.length - 1] = part.lines[0]!;
				continue;
			}

			lines.push(part.lines[index]!);
		}

		text += part.text;
		endsLine = part.text.endsWith('\n');
	}

	return {text, lines};
}

/** Characters `start` to `end` of `sourced`. */
export function slice(sourced: Sourced, start: number, end = sourced.text.length): Sourced {
	const before = newlines(sourced.text.slice(0, start));
	const text = sourced.text.slice(start, end);
	return {text, lines: sourced.lines.slice(before, before + newlines(text) + 1)};
}

/** Replaces what `pattern` (global) matches, line by line: replacements must not hold newlines. */
export function replace(sourced: Sourced, pattern: RegExp, replacer: (match: string, ...groups: string[]) => string): Sourced {
	const text = sourced.text.replace(pattern, (...args: unknown[]) => replacer(...(args as [string, ...string[]])).replace(/\n/g, ' '));
	return text === sourced.text ? sourced : {text, lines: sourced.lines};
}

/** The numbered lines of `sourced`. */
export function toLines(sourced: Sourced): Line[] {
	return sourced.text.split('\n').map((text, index) => ({text, line: sourced.lines[index] ?? sourced.lines.at(-1) ?? 1}));
}
