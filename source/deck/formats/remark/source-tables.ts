/**
 * Tables over a remark deck's Markdown, for the lexer (lexer.ts): each `[`'s
 * `]`, where a character next occurs, where fences can close, where a rule
 * can next match. Filled as the lexer asks, so that a walk over part of the
 * text reads little more than that part, and lexing stays linear in the
 * length of the text. Pure.
 */

/**
 * Where a rule of the lexer can match when it is not at the end of a token,
 * each found by its first character: a line end before indented code, a
 * fence, a definition, a separator or `???`; a `` ` `` that has its closing
 * one on its line (inline code); the first `.` of a run of `.class` names
 * that `[` follows (a content class), or a `\` before one; `!` of `![:` (a
 * macro). A `.` right after a class name is no place to look: the run it is
 * in was looked at from its first `.` (so a long run is read once, not once
 * for each of its names). One character a match: `test` finds it, and no
 * match is made.
 */
const ruleStart =
	/\n(?=\n {4}| *(?:```|~~~|\[)|--|<!--|\?\?\?)|`(?=[^`][^`\n]*`)|\\(?=(?:\.[A-Za-z_-][\w-]*)+\[)|(?<!\.[A-Za-z_-][\w-]*)\.(?=[A-Za-z_-][\w-]*(?:\.[A-Za-z_-][\w-]*)*\[)|!(?=\[:)/g;

/**
 * Which of the lexer's rules can match at a place, no other: the kinds of
 * place `ruleStart` finds, and at the end of a token the character there
 * (`space`: indented code, a fence, a definition; `backtick`: inline code,
 * a fence; `newline`: the rules that start a line); `any`: every rule.
 * Numbers, so that the lexer picks its rules from an array.
 */
export const Kind = {
	code: 0,
	fences: 1,
	def: 2,
	separator: 3,
	notes: 4,
	inline: 5,
	content: 6,
	macro: 7,
	space: 8,
	backtick: 9,
	newline: 10,
	none: 11,
	any: 12,
} as const;

export type RuleKind = (typeof Kind)[keyof typeof Kind];

/** At the end of a token, by the character there (below 128): what can match. */
const tokenEndKinds = new Uint8Array(128).fill(Kind.none);
for (const [char, kind] of [
	[' ', Kind.space],
	['`', Kind.backtick],
	['~', Kind.fences],
	['.', Kind.content],
	['\\', Kind.content],
	['[', Kind.def],
	['!', Kind.macro],
	['-', Kind.separator],
	['?', Kind.notes],
	['\n', Kind.newline],
] as const) {
	tokenEndKinds[char.charCodeAt(0)] = kind;
}

/** Tables over the whole source, built once. */
export class Source {
	private bracketTable: Int32Array | undefined;
	/** Characters looked at by `close` so far. */
	private bracketsSearched = 0;
	private readonly nextChar = new Map<string, Int32Array>();
	private readonly lastFound = new Map<string, {readonly from: number; readonly found: number}>();
	/** Characters looked at by `next` so far. */
	private searched = 0;
	private readonly closings = new Map<string, Runs>();
	/** The last `ruleStart`: asked from, found, what kind of place. */
	private ruleFrom = 0;
	private ruleFound = -1;
	/** The kind of place the last `ruleStart` found. */
	ruleKind: RuleKind = Kind.none;

	constructor(readonly text: string) {}

	/**
	 * The `]` that closes the `[` at `open`, or -1: brackets counted plainly,
	 * as remark does (its `]` is the first after it that leaves more `]` than
	 * `[` between them, whatever comes before). Searched from `open`; asked
	 * about far more than the text in all (many `[` never closed), a table of
	 * every pair is made once.
	 */
	close(open: number): number {
		if (this.bracketTable) return this.bracketTable[open]!;
		const {text} = this;
		let depth = 0;
		let index = open + 1;
		for (; index < text.length; index++) {
			const char = text.charCodeAt(index);
			if (char === 0x5b) depth++;
			else if (char === 0x5d && depth-- === 0) break;
		}

		this.bracketsSearched += index - open;
		if (this.bracketsSearched > 4 * text.length + 65_536) this.bracketTable = bracketPairs(text);
		return index < text.length ? index : -1;
	}

	/**
	 * The first index ≥ `from` where a rule can match other than at the end of
	 * a token (see `ruleStart`), or the length; `ruleKind` says which rules.
	 * Asked from places that move forward, as `next` is; the answer holds for
	 * any `from` up to it.
	 */
	ruleStart(from: number): number {
		if (from >= this.ruleFrom && from <= this.ruleFound) return this.ruleFound;
		const {text} = this;
		ruleStart.lastIndex = from;
		this.ruleFrom = from;
		this.ruleFound = ruleStart.test(text) ? ruleStart.lastIndex - 1 : text.length;
		this.ruleKind = this.kindOf(this.ruleFound);
		return this.ruleFound;
	}

	/** The kind of place `ruleStart` found at `at`. */
	private kindOf(at: number): RuleKind {
		const {text} = this;
		switch (text[at]) {
			case '`': {
				return Kind.inline;
			}

			case '!': {
				return Kind.macro;
			}

			case '\n': {
				const next = text[at + 1];
				if (next === '\n') return Kind.code;
				if (next === '-' || next === '<') return Kind.separator;
				if (next === '?') return Kind.notes;
				let first = at + 1;
				while (text[first] === ' ') first++;
				return text[first] === '[' ? Kind.def : Kind.fences;
			}

			case undefined: {
				return Kind.none;
			}

			default: {
				return Kind.content;
			}
		}
	}

	/** What can match at the end of a token at `at`, from the character there (see `RuleKind`). */
	kindAtTokenEnd(at: number): RuleKind {
		const char = this.text.charCodeAt(at);
		if (char >= 128) return Kind.none;
		// `<` starts only `<!-- break -->`.
		return char === 0x3c ? (this.text.startsWith('<!--', at) ? Kind.separator : Kind.none) : (tokenEndKinds[char] as RuleKind);
	}

	/**
	 * The first index ≥ `from` that holds `char`, or the length. The lexer asks
	 * from places that move forward, so the last answer for a character holds
	 * for any `from` up to it, and each search starts where the last one
	 * could not answer. Asked far back too often (more than a few times the
	 * text searched in all), a character gets a table of every answer, so the
	 * lexer stays linear in the length of the text whatever it holds.
	 */
	next(char: string, from: number): number {
		const {length} = this.text;
		if (from >= length) return length;
		const table = this.nextChar.get(char);
		if (table) return table[from]!;
		const last = this.lastFound.get(char);
		if (last && from >= last.from && from <= last.found) return last.found;
		const index = this.text.indexOf(char, from);
		const found = index === -1 ? length : index;
		this.searched += found - from;
		if (this.searched > 4 * length + 65_536) this.nextChar.set(char, nextTable(this.text, char.charCodeAt(0)));
		this.lastFound.set(char, {from, found});
		return found;
	}

	/**
	 * The first place ≥ `from` where `length` marks `char` close a fence:
	 * the last `length` marks of a run of at least that many that ends its
	 * line (spaces after it allowed); -1 when there is none.
	 */
	fenceClose(char: string, length: number, from: number): number {
		const runs = this.runsOf(char);
		// The first run that ends after `from` + `length`.
		let low = 0;
		let high = runs.ends.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (runs.ends[middle]! - length < from) low = middle + 1;
			else high = middle;
		}

		const index = runs.firstAtLeast(low, length);
		return index === -1 ? -1 : runs.ends[index]! - length;
	}

	/** The longest closing run that ends after `from`: no fence longer than this can close there. */
	longestClose(char: string, from: number): number {
		const runs = this.runsOf(char);
		let low = 0;
		let high = runs.ends.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (runs.ends[middle]! <= from) low = middle + 1;
			else high = middle;
		}

		return runs.maxFrom(low);
	}

	private runsOf(char: string): Runs {
		let runs = this.closings.get(char);
		if (!runs) {
			runs = new Runs(this.text, char);
			this.closings.set(char, runs);
		}

		return runs;
	}
}

/** For each `[` of `text`, its `]` (a stack of the open ones), or -1. */
function bracketPairs(text: string): Int32Array {
	const pairs = new Int32Array(text.length).fill(-1);
	const open: number[] = [];
	for (let index = 0; index < text.length; index++) {
		const char = text.charCodeAt(index);
		if (char === 0x5b) open.push(index);
		else if (char === 0x5d && open.length > 0) pairs[open.pop()!] = index;
	}

	return pairs;
}

/** For each index of `text` (and its length), the first index at or after it that holds `code`, or the length. */
function nextTable(text: string, code: number): Int32Array {
	const table = new Int32Array(text.length + 1);
	let next = text.length;
	table[text.length] = next;
	for (let index = text.length - 1; index >= 0; index--) {
		if (text.charCodeAt(index) === code) next = index;
		table[index] = next;
	}

	return table;
}

/** The runs of one fence mark that end their line, with a max tree over their lengths. */
class Runs {
	readonly ends: number[] = [];
	private readonly lengths: number[] = [];
	private readonly tree: Int32Array;
	private readonly size: number;

	constructor(text: string, char: string) {
		for (let at = text.indexOf(char); at !== -1;) {
			let end = at;
			while (text[end] === char) end++;
			let after = end;
			while (text[after] === ' ') after++;
			if (after === text.length || text[after] === '\n') {
				this.ends.push(end);
				this.lengths.push(end - at);
			}

			at = text.indexOf(char, end);
		}

		let size = 1;
		while (size < this.lengths.length) size *= 2;
		this.size = size;
		this.tree = new Int32Array(2 * size);
		for (let index = 0; index < this.lengths.length; index++) this.tree[size + index] = this.lengths[index]!;
		for (let index = size - 1; index >= 1; index--) this.tree[index] = Math.max(this.tree[2 * index]!, this.tree[2 * index + 1]!);
	}

	/** The first run at index ≥ `from` at least `length` long, or -1. */
	firstAtLeast(from: number, length: number): number {
		if (from >= this.lengths.length || this.maxFrom(from) < length) return -1;
		// Down the tree: the leftmost leaf ≥ from with a length ≥ `length`.
		const search = (node: number, low: number, high: number): number => {
			if (high <= from || this.tree[node]! < length) return -1;
			if (high - low === 1) return low;
			const middle = (low + high) >>> 1;
			const left = search(2 * node, low, middle);
			return left === -1 ? search(2 * node + 1, middle, high) : left;
		};

		return search(1, 0, this.size);
	}

	/** The longest run at index ≥ `from`. */
	maxFrom(from: number): number {
		let best = 0;
		let low = from + this.size;
		let high = 2 * this.size;
		while (low < high) {
			if (low & 1) best = Math.max(best, this.tree[low++]!);
			if (high & 1) best = Math.max(best, this.tree[--high]!);
			low >>= 1;
			high >>= 1;
		}

		return best;
	}
}
