/**
 * Inline markup: `.class[...]` spans (nested, brackets balanced), `<br>`, HTML
 * entities, and Markdown inline (`code`, **bold**, *italic*, ~~strike~~,
 * [text](url)). Never throws: what does not parse stays literal text, and a
 * diagnostic says why.
 */
import {decodeHTML} from 'entities';
import type {Diagnostic, Inline} from './model.js';
import {neutralize, safeLinkTarget} from './text-hygiene.js';

/** Span classes the format defines; any other class is shown plainly and reported. */
export const knownClasses: ReadonlySet<string> = new Set(['e', 'red', 'noop', 'w', 'fix-tilt-long']);

/** Spans nested deeper than this are shown as their literal text. */
const maxDepth = 64;

export type InlineContext = {
	readonly line: number;
	readonly diagnostics: Diagnostic[];
};

const special = /[\\<`.[*_~&]/g;
const breakTag = /^<br\s*\/?\s*>/i;
const spanOpen = /^\.([A-Za-z][\w-]*)\[/;
const entity = /^&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i;
const escapable = new Set('\\`*_{}[]()#+-.!~<>&|'.split(''));

export function parseInline(source: string, context: InlineContext): Inline[] {
	return new InlineParser(context, new SourceIndex(source)).parse(source, 0, 0);
}

/**
 * Parses one line. Nested content (span, link text, emphasis) is parsed as a
 * substring of the line; `offset` is where that substring starts in the whole
 * line, so that bracket matching and emphasis closers are looked up in tables
 * built once per line (`SourceIndex`) instead of being searched for again at
 * every opener, which made long lines of openers quadratic.
 */
class InlineParser {
	private reportedDepth = false;
	private readonly reported = new Set<string>();

	constructor(
		private readonly context: InlineContext,
		private readonly index: SourceIndex,
	) {}

	parse(source: string, depth: number, offset: number): Inline[] {
		const out = new InlineBuilder();
		let index = 0;
		while (index < source.length) {
			special.lastIndex = index;
			const found = special.exec(source);
			if (!found) {
				out.text(source.slice(index));
				break;
			}

			out.text(source.slice(index, found.index));
			index = found.index;
			index = this.parseAt(source, index, depth, offset, out);
		}

		return out.finish();
	}

	/** Parses the construct starting at `index` (a special character); returns the index after it. */
	private parseAt(source: string, index: number, depth: number, offset: number, out: InlineBuilder): number {
		const rest = source.slice(index, index + 40);
		const char = source[index]!;
		switch (char) {
			case '\\': {
				const next = source[index + 1];
				if (next !== undefined && escapable.has(next)) {
					out.text(next);
					return index + 2;
				}

				break;
			}

			case '<': {
				const tag = breakTag.exec(rest);
				if (tag) {
					out.push({type: 'break'});
					return index + tag[0].length;
				}

				break;
			}

			case '&': {
				const match = entity.exec(rest);
				if (match) {
					out.text(decodeHTML(match[0]));
					return index + match[0].length;
				}

				break;
			}

			case '`': {
				return this.code(source, index, out);
			}

			case '.': {
				const open = spanOpen.exec(source.slice(index, index + 66));
				if (open) return this.span(source, index, open[1]!, open[0].length, depth, offset, out);
				break;
			}

			case '[': {
				return this.link(source, index, depth, offset, out);
			}

			case '*':
			case '_':
			case '~': {
				return this.emphasis(source, index, depth, offset, out);
			}
		}

		out.text(char);
		return index + 1;
	}

	private code(source: string, index: number, out: InlineBuilder): number {
		let ticks = 1;
		while (source[index + ticks] === '`') ticks++;
		const fence = '`'.repeat(ticks);
		const end = source.indexOf(fence, index + ticks);
		if (end === -1) {
			out.text(fence);
			return index + ticks;
		}

		let text = source.slice(index + ticks, end);
		if (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') text = text.slice(1, -1);
		out.push({type: 'code', text: neutralize(text)});
		return end + ticks;
	}

	private span(source: string, index: number, className: string, openLength: number, depth: number, offset: number, out: InlineBuilder): number {
		const contentStart = index + openLength;
		const close = this.index.matching(contentStart - 1, offset, source.length);
		if (close === -1) {
			this.report('unbalanced-span', `unbalanced span: ".${className}[" has no closing "]"; shown as written`);
			out.text(source.slice(index, contentStart));
			return contentStart;
		}

		const inner = source.slice(contentStart, close);
		if (!knownClasses.has(className)) {
			this.report('unknown-class', `unknown span class ".${className}[...]"; its content is shown unstyled`);
		}

		out.push({type: 'span', className, children: this.nested(inner, depth, offset + contentStart)});
		return close + 1;
	}

	private link(source: string, index: number, depth: number, offset: number, out: InlineBuilder): number {
		const close = this.index.matching(index, offset, source.length);
		if (close === -1 || source[close + 1] !== '(') {
			out.text('[');
			return index + 1;
		}

		// Parentheses inside the target balance, as in Markdown: `(https://en.wikipedia.org/wiki/Tea_(drink))`.
		const urlEnd = this.index.matching(close + 1, offset, source.length);
		if (urlEnd === -1) {
			out.text('[');
			return index + 1;
		}

		const rawUrl = source.slice(close + 2, urlEnd).trim().split(/\s+/)[0] ?? '';
		const url = safeLinkTarget(decodeHTML(rawUrl));
		const children = this.nested(source.slice(index + 1, close), depth, offset + index + 1);
		if (url) {
			out.push({type: 'link', url, children});
		} else {
			this.report('unsafe-link', `link target "${neutralize(rawUrl)}" is not an http, https, mailto or file URL; shown as text`);
			out.pushAll(children);
		}

		return urlEnd + 1;
	}

	private emphasis(source: string, index: number, depth: number, offset: number, out: InlineBuilder): number {
		const char = source[index]!;
		const double = source[index + 1] === char;
		if (char === '~' && !double) {
			out.text(char);
			return index + 1;
		}

		const marker = double ? char + char : char;
		const after = source[index + marker.length];
		const before = index > 0 ? source[index - 1] : undefined;
		const opens =
			after !== undefined && !/\s/.test(after) && after !== char && !(char === '_' && before !== undefined && /[\p{L}\p{N}]/u.test(before));
		const end = opens ? this.index.closer(marker, index + marker.length, offset, source.length) : -1;
		const inner = end === -1 ? '' : source.slice(index + marker.length, end);
		// A Python dunder name (`__init__`, `__init__.py`) is not bold: presenters mean it as written.
		if (end === -1 || (marker === '__' && dunderName.test(inner))) {
			out.text(marker);
			return index + marker.length;
		}

		const children = this.nested(inner, depth, offset + index + marker.length);
		const type = char === '~' ? 'strike' : double ? 'strong' : 'emphasis';
		out.push({type, children});
		return end + marker.length;
	}

	private nested(inner: string, depth: number, offset: number): Inline[] {
		if (depth + 1 < maxDepth) return this.parse(inner, depth + 1, offset);
		if (!this.reportedDepth) {
			this.reportedDepth = true;
			this.report('nesting-too-deep', `markup nested more than ${maxDepth} levels deep; the inner part is shown as written`);
		}

		return [{type: 'text', text: neutralize(inner)}];
	}

	/** Reports a problem once per line, however often it occurs in the line. */
	private report(code: string, message: string): void {
		const key = `${code}\n${message}`;
		if (this.reported.has(key)) return;
		this.reported.add(key);
		this.context.diagnostics.push({severity: 'warning', line: this.context.line, code, message});
	}
}

const dunderName = /^[\p{L}\p{N}_]+$/u;

/**
 * Tables over the whole source of one `parseInline` call, built on first use:
 * the matching `]` of every `[` and `)` of every `(` (backslash escapes
 * skipped), and the positions where each emphasis marker can close. Nested
 * parses look them up with the offset of their substring.
 */
class SourceIndex {
	private brackets: Int32Array | undefined;
	private parens: Int32Array | undefined;
	private readonly closers = new Map<string, Int32Array>();

	constructor(private readonly text: string) {}

	/**
	 * The local index of the bracket matching the `[` or `(` at local index
	 * `open` of the substring that starts at `offset` and is `length` long, or
	 * -1 when it has none inside that substring.
	 */
	matching(open: number, offset: number, length: number): number {
		const global = offset + open;
		const table = this.text[global] === '(' ? (this.parens ??= matchTable(this.text, '(', ')')) : (this.brackets ??= matchTable(this.text, '[', ']'));
		const close = table[global] ?? -1;
		return close === -1 || close - offset >= length ? -1 : close - offset;
	}

	/**
	 * The local index of the first place after local index `from` where
	 * `marker` closes emphasis inside the substring at `offset` of `length`:
	 * not preceded by whitespace, not a single marker next to another, and
	 * for `_` not followed by a letter or digit. -1 when there is none.
	 */
	closer(marker: string, from: number, offset: number, length: number): number {
		let positions = this.closers.get(marker);
		if (!positions) {
			positions = closerPositions(this.text, marker);
			this.closers.set(marker, positions);
		}

		const end = offset + length;
		let found = -1;
		// Inside the substring a closer has the same neighbours as in the whole text ...
		const next = firstAbove(positions, offset + from);
		if (next !== -1 && next + marker.length < end) found = next - offset;
		// ... except one that ends the substring: nothing follows it there.
		const last = length - marker.length;
		if (last > from && (found === -1 || last < found) && this.text.startsWith(marker, offset + last) && closesAt(this.text, offset + last, marker, end)) {
			found = last;
		}

		return found;
	}
}

/** For each opening character, the index of its matching closing character; -1 elsewhere. */
function matchTable(text: string, open: string, close: string): Int32Array {
	const table = new Int32Array(text.length).fill(-1);
	const stack: number[] = [];
	for (let index = 0; index < text.length; index++) {
		const char = text[index];
		if (char === '\\') {
			index++;
		} else if (char === open) {
			stack.push(index);
		} else if (char === close && stack.length > 0) {
			table[stack.pop()!] = index;
		}
	}

	return table;
}

/** Every index where `marker` could close emphasis in `text`, in order. */
function closerPositions(text: string, marker: string): Int32Array {
	const positions: number[] = [];
	for (let index = text.indexOf(marker, 1); index !== -1; index = text.indexOf(marker, index + 1)) {
		if (closesAt(text, index, marker, text.length)) positions.push(index);
	}

	return Int32Array.from(positions);
}

/** Whether `marker` at `index` can close emphasis when the text ends at `end`. */
function closesAt(text: string, index: number, marker: string, end: number): boolean {
	const before = text[index - 1];
	const afterIndex = index + marker.length;
	const after = afterIndex < end ? text[afterIndex] : undefined;
	const single = marker.length === 1;
	const doubled = single && (after === marker || before === marker);
	const rightFlanking = before !== undefined && !/\s/.test(before);
	const wordAfter = marker.startsWith('_') && after !== undefined && /[\p{L}\p{N}]/u.test(after);
	return rightFlanking && !wordAfter && !doubled;
}

/** The first value in ascending `values` greater than `value`, or -1. */
function firstAbove(values: Int32Array, value: number): number {
	let low = 0;
	let high = values.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (values[middle]! > value) high = middle;
		else low = middle + 1;
	}

	return low < values.length ? values[low]! : -1;
}

/** Collects inline nodes, merging adjacent text and neutralising it. */
class InlineBuilder {
	private readonly nodes: Inline[] = [];
	private pending = '';

	text(text: string): void {
		this.pending += text;
	}

	push(node: Inline): void {
		this.flush();
		this.nodes.push(node);
	}

	pushAll(nodes: readonly Inline[]): void {
		for (const node of nodes) {
			if (node.type === 'text') this.text(node.text);
			else this.push(node);
		}
	}

	finish(): Inline[] {
		this.flush();
		return this.nodes;
	}

	private flush(): void {
		if (this.pending === '') return;
		this.nodes.push({type: 'text', text: neutralize(this.pending)});
		this.pending = '';
	}
}
