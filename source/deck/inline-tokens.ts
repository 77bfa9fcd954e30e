/**
 * markdown-it's inline tokens (see `inline-markdown.ts`) to the deck's inline
 * model, without recursion: containers past `maxNesting` levels show their
 * content as written, link targets are checked, every text is neutralised.
 */
import type {Token} from 'markdown-it';
import type {Inline} from './model.js';
import {maxNesting} from './inline-markdown.js';
import {safeLinkTarget} from './link-target.js';
import {neutralize} from './neutralize.js';

/** Span classes the format defines; any other class is shown plainly and reported. */
export const knownClasses: ReadonlySet<string> = new Set(['e', 'red', 'noop', 'w', 'fix-tilt-long']);

export type Report = (code: string, message: string) => void;

export type InlineOptions = {
	/**
	 * What a line end inside a paragraph is: a line break (the shorthand,
	 * presenterm, patat, mdp) or a space (remark, lookatme, slides).
	 * @default 'line'
	 */
	readonly softBreak?: 'line' | 'space';
	/** Told of every span class; by default a class the shorthand does not define is reported. */
	readonly spanClass?: (className: string) => void;
};

type Frame = {readonly open: Token; readonly out: InlineBuilder};

export function inlinesOf(tokens: readonly Token[], report: Report, options: InlineOptions = {}): Inline[] {
	const spanClass =
		options.spanClass ??
		((className: string) => {
			if (!knownClasses.has(className)) report('unknown-class', `unknown span class ".${className}[...]"; its content is shown unstyled`);
		});
	const softBreak = options.softBreak ?? 'line';
	const root = new InlineBuilder();
	const stack: Frame[] = [];
	const top = () => stack.at(-1)?.out ?? root;
	for (let index = 0; index < tokens.length; index++) {
		const token = tokens[index]!;
		if (token.nesting === 1) {
			if (isDunderName(tokens, index)) {
				top().text(`__${tokens[index + 1]!.content}__`);
				index += 2;
				continue;
			}

			const className = classOf(token);
			if (className !== undefined) spanClass(className);

			if (stack.length + 1 >= maxNesting) {
				report('nesting-too-deep', `markup nested more than ${maxNesting} levels deep; the inner part is shown as written`);
				const end = closingIndex(tokens, index);
				top().pushAll(container(token, [{type: 'text', text: neutralize(asWritten(tokens, index + 1, end))}], report));
				index = end;
				continue;
			}

			stack.push({open: token, out: new InlineBuilder()});
		} else if (token.nesting === -1) {
			const frame = stack.pop();
			if (frame) top().pushAll(container(frame.open, frame.out.finish(), report));
		} else if (token.type === 'softbreak' && softBreak === 'space') {
			top().text(' ');
		} else {
			leaf(token, top(), report);
		}
	}

	// markdown-it closes what it opens; this only keeps the content of a stray opener.
	for (let frame = stack.pop(); frame; frame = stack.pop()) top().pushAll(container(frame.open, frame.out.finish(), report));
	return root.finish();
}

/**
 * `__init__`, `__main__`: CommonMark makes a Python dunder name strong; the
 * deck shows it as written. `__two words__` is strong.
 */
function isDunderName(tokens: readonly Token[], index: number): boolean {
	const [open, inner, close] = [tokens[index]!, tokens[index + 1], tokens[index + 2]];
	return open.type === 'strong_open' && open.markup === '__' && inner?.type === 'text' && close?.type === 'strong_close' && dunderName.test(inner.content);
}

const dunderName = /^[\p{L}\p{N}_]+$/u;

function classOf(token: Token): string | undefined {
	const name = token.meta?.['className'];
	return typeof name === 'string' ? name : undefined;
}

function leaf(token: Token, out: InlineBuilder, report: Report): void {
	switch (token.type) {
		case 'text': {
			out.text(token.content);
			break;
		}

		case 'text_special': {
			if (token.info === 'unbalanced-span') {
				report('unbalanced-span', `unbalanced span: "${token.content}" has no closing "]"; shown as written`);
			}

			out.text(token.content);
			break;
		}

		case 'code_inline': {
			out.push({type: 'code', text: neutralize(token.content)});
			break;
		}

		case 'hardbreak':
		case 'softbreak': {
			out.push({type: 'break'});
			break;
		}

		case 'image': {
			// An image in a line of text cannot be drawn there: its alt text stands for it.
			out.text(altText(token.children ?? []));
			break;
		}

		case 'html_inline': {
			// A tag is markup (`<b>`, `<span class>`); an `<img>` stands for its alt text.
			out.text(htmlImageAlt(token.content));
			break;
		}

		default: {
			break;
		}
	}
}

/** The node an opening token and its converted children make. */
function container(open: Token, children: Inline[], report: Report): Inline[] {
	switch (open.type) {
		case 'em_open': {
			return [{type: 'emphasis', children}];
		}

		case 'strong_open': {
			return [{type: 'strong', children}];
		}

		case 's_open': {
			return [{type: 'strike', children}];
		}

		case 'span_open': {
			return [{type: 'span', className: classOf(open) ?? '', children}];
		}

		case 'link_open': {
			const href = String(open.attrGet('href') ?? '');
			const url = safeLinkTarget(href);
			if (url) return [{type: 'link', url, children}];
			report('unsafe-link', `link target "${neutralize(href)}" is not an http, https, mailto or file URL; shown as text`);
			return children;
		}

		default: {
			return children;
		}
	}
}

/** The index of the token that closes the opener at `index` (or the last token). */
function closingIndex(tokens: readonly Token[], index: number): number {
	let depth = 0;
	for (let at = index; at < tokens.length; at++) {
		depth += tokens[at]!.nesting;
		if (depth === 0) return at;
	}

	return tokens.length - 1;
}

/** The source of tokens `from` to `to` (exclusive), as near as the tokens tell it. */
function asWritten(tokens: readonly Token[], from: number, to: number): string {
	let text = '';
	const hrefs: string[] = [];
	for (let index = from; index < to; index++) {
		const token = tokens[index]!;
		switch (token.type) {
			case 'text': {
				text += token.content;
				break;
			}

			case 'text_special': {
				text += token.markup || token.content;
				break;
			}

			case 'code_inline': {
				text += token.markup + token.content + token.markup;
				break;
			}

			case 'hardbreak': {
				text += '<br>';
				break;
			}

			case 'span_open': {
				text += `.${classOf(token) ?? ''}[`;
				break;
			}

			case 'span_close': {
				text += ']';
				break;
			}

			case 'link_open': {
				const auto = token.info === 'auto';
				text += auto ? '<' : '[';
				hrefs.push(auto ? '>' : `](${String(token.attrGet('href') ?? '')})`);
				break;
			}

			case 'link_close': {
				text += hrefs.pop() ?? '';
				break;
			}

			case 'image': {
				text += `![${token.content}](${String(token.attrGet('src') ?? '')})`;
				break;
			}

			default: {
				text += token.markup;
			}
		}
	}

	return text;
}

/** The alt text of an image token (its description as plain text). */
export function imageAlt(token: Token): string {
	return altText(token.children ?? []);
}

/** The plain text of an image's description, nested images by their own description. */
function altText(tokens: readonly Token[]): string {
	let text = '';
	const pending: Token[] = [...tokens].reverse();
	for (let token = pending.pop(); token; token = pending.pop()) {
		if (token.type === 'text' || token.type === 'text_special' || token.type === 'code_inline') text += token.content;
		else if (token.type === 'image') for (const child of [...(token.children ?? [])].reverse()) pending.push(child);
	}

	return text;
}

const imageTag = /^<img\b/i;
const altAttribute = /\balt\s*=\s*(?:"([^"]{0,500})"|'([^']{0,500})')/i;

/** The alt text of an `<img>` tag; nothing for any other tag. */
function htmlImageAlt(tag: string): string {
	if (!imageTag.test(tag)) return '';
	const alt = altAttribute.exec(tag);
	return alt?.[1] ?? alt?.[2] ?? '';
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

	/** The nodes, in an array of their number: one grown by `push` keeps room for 17, and a deck has tens of thousands of these. */
	finish(): Inline[] {
		this.flush();
		return this.nodes.slice();
	}

	private flush(): void {
		if (this.pending === '') return;
		this.nodes.push({type: 'text', text: neutralize(this.pending)});
		this.pending = '';
	}
}
