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
const breakTag = /^<br\s*\/?>/i;
const spanOpen = /^\.([A-Za-z][\w-]*)\[/;
const entity = /^&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i;
const escapable = new Set('\\`*_{}[]()#+-.!~<>&|'.split(''));

export function parseInline(source: string, context: InlineContext): Inline[] {
	return new InlineParser(context).parse(source, 0);
}

class InlineParser {
	private reportedDepth = false;

	constructor(private readonly context: InlineContext) {}

	parse(source: string, depth: number): Inline[] {
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
			index = this.parseAt(source, index, depth, out);
		}

		return out.finish();
	}

	/** Parses the construct starting at `index` (a special character); returns the index after it. */
	private parseAt(source: string, index: number, depth: number, out: InlineBuilder): number {
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
				if (open) return this.span(source, index, open[1]!, open[0].length, depth, out);
				break;
			}

			case '[': {
				return this.link(source, index, depth, out);
			}

			case '*':
			case '_':
			case '~': {
				return this.emphasis(source, index, depth, out);
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

	private span(source: string, index: number, className: string, openLength: number, depth: number, out: InlineBuilder): number {
		const contentStart = index + openLength;
		const close = matchingBracket(source, contentStart - 1);
		if (close === -1) {
			this.report('unbalanced-span', `unbalanced span: ".${className}[" has no closing "]"; shown as written`);
			out.text(source.slice(index, contentStart));
			return contentStart;
		}

		const inner = source.slice(contentStart, close);
		if (!knownClasses.has(className)) {
			this.report('unknown-class', `unknown span class ".${className}[...]"; its content is shown unstyled`);
		}

		out.push({type: 'span', className, children: this.nested(inner, depth)});
		return close + 1;
	}

	private link(source: string, index: number, depth: number, out: InlineBuilder): number {
		const close = matchingBracket(source, index);
		if (close === -1 || source[close + 1] !== '(') {
			out.text('[');
			return index + 1;
		}

		const urlEnd = source.indexOf(')', close + 2);
		if (urlEnd === -1) {
			out.text('[');
			return index + 1;
		}

		const rawUrl = source.slice(close + 2, urlEnd).trim().split(/\s+/)[0] ?? '';
		const url = safeLinkTarget(decodeHTML(rawUrl));
		const children = this.nested(source.slice(index + 1, close), depth);
		if (url) {
			out.push({type: 'link', url, children});
		} else {
			this.report('unsafe-link', `link target "${neutralize(rawUrl)}" is not an http, https, mailto or file URL; shown as text`);
			out.pushAll(children);
		}

		return urlEnd + 1;
	}

	private emphasis(source: string, index: number, depth: number, out: InlineBuilder): number {
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
		const end = opens ? findCloser(source, index + marker.length, marker) : -1;
		if (end === -1) {
			out.text(marker);
			return index + marker.length;
		}

		const children = this.nested(source.slice(index + marker.length, end), depth);
		const type = char === '~' ? 'strike' : double ? 'strong' : 'emphasis';
		out.push({type, children});
		return end + marker.length;
	}

	private nested(inner: string, depth: number): Inline[] {
		if (depth + 1 < maxDepth) return this.parse(inner, depth + 1);
		if (!this.reportedDepth) {
			this.reportedDepth = true;
			this.report('nesting-too-deep', `markup nested more than ${maxDepth} levels deep; the inner part is shown as written`);
		}

		return [{type: 'text', text: neutralize(inner)}];
	}

	private report(code: string, message: string): void {
		this.context.diagnostics.push({severity: 'warning', line: this.context.line, code, message});
	}
}

/** The index of the `]` matching the `[` at `open`, or -1. Backslash escapes are skipped. */
function matchingBracket(source: string, open: number): number {
	let depth = 0;
	for (let index = open; index < source.length; index++) {
		const char = source[index];
		if (char === '\\') {
			index++;
		} else if (char === '[') {
			depth++;
		} else if (char === ']') {
			depth--;
			if (depth === 0) return index;
		}
	}

	return -1;
}

/** Finds a closing emphasis marker: not preceded by whitespace, and for `_` not followed by a letter. */
function findCloser(source: string, from: number, marker: string): number {
	let index = source.indexOf(marker, from);
	while (index !== -1) {
		const before = source[index - 1];
		const after = source[index + marker.length];
		const single = marker.length === 1;
		const doubled = single && (after === marker || before === marker);
		const rightFlanking = before !== undefined && !/\s/.test(before);
		const wordAfter = marker.startsWith('_') && after !== undefined && /[\p{L}\p{N}]/u.test(after);
		if (index > from && rightFlanking && !wordAfter && !doubled) return index;
		index = source.indexOf(marker, index + 1);
	}

	return -1;
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
