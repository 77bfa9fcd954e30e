/**
 * remark.js's lexer (gnab/remark `src/remark/lexer.js`), rule for rule: the
 * tokens that give a remark deck its structure. At each point the earliest
 * match of these wins, in this order where two start at the same place:
 *
 * - `code`: lines indented 4 spaces, at the start or after a blank line;
 * - inline code: `` `x` `` on one line (kept as text; it only shields what is inside);
 * - `content_start`/`content_end`: `.class[...]` with balanced brackets, over
 *   any number of lines (then a block); `\.class[` is text; unclosed is text;
 * - `fences`: a fence with at most one word of info, closed by the same run
 *   (a fence that is never closed is not a fence: remark shows every slide);
 * - `def`: a link reference definition `[id]: url "title"`;
 * - `macro`: `![:name args](obj)`;
 * - `separator`: a line `---` or `<!-- break -->` (a new slide), `--` (a step);
 * - `notes_separator`: a line `???`.
 *
 * Rules that start "at a line start" start at the line end before it, so they
 * win over inline code on the same line. Inside a content class only the
 * first six apply. The end of every token counts as a line start, as remark's
 * `^` does after it cuts the text.
 *
 * Offsets (`at`) index the source, for line numbers. Linear in the length of
 * the text: bracket pairs and fence closings are looked up in tables, not
 * searched for again at each attempt. A walk (`walk`) tells a sink what it
 * finds, so that the opening (opening.ts) can note where slides are without
 * keeping the tokens.
 */

import {Kind, Source} from './source-tables.js';

export type LexToken =
	| {readonly type: 'text' | 'code' | 'fences'; readonly text: string; readonly at: number}
	| {readonly type: 'def'; readonly id: string; readonly href: string; readonly title?: string; readonly at: number}
	| {readonly type: 'macro'; readonly name: string; readonly args: readonly string[]; readonly obj?: string; readonly at: number}
	| {readonly type: 'separator'; readonly text: '---' | '--' | string; readonly at: number}
	| {readonly type: 'notes_separator'; readonly at: number}
	| {readonly type: 'content_start'; readonly classes: readonly string[]; readonly block: boolean; readonly at: number}
	| {readonly type: 'content_end'; readonly block: boolean; readonly at: number};

type Match = {readonly end: number; readonly tokens: readonly LexToken[]};

/**
 * What a walk over the text is told, in order: the plain text between
 * matches, and each token with where its match began and ended (a content
 * class's tokens bracket what is inside it, walked at `depth` + 1).
 */
export type LexSink = {
	text(start: number, end: number, depth: number): void;
	token(token: LexToken, at: number, end: number, depth: number): void;
	/** Set by the sink to end the walk after a token of the whole text: the walk ends there, as if at a token's end. */
	readonly stopped?: boolean;
};

/** The tokens of a remark deck's Markdown. */
export function lex(text: string): LexToken[] {
	const tokens = new TokenList(text);
	lexRange(new Source(text), 0, text.length, true, tokens, 0);
	if (text === '') tokens.list.push({type: 'text', text: '', at: 0});
	return tokens.list;
}

/** Walks the source's text from `from` (0, or where a walk stopped: the end of a token), telling the sink what it finds. */
export function walk(source: Source, sink: LexSink, from = 0): void {
	lexRange(source, from, source.text.length, true, sink, 0);
}

/** A sink that keeps the tokens, adjacent text tokens joined into one. */
export class TokenList implements LexSink {
	readonly list: LexToken[] = [];

	constructor(private readonly source: string) {}

	text(start: number, end: number): void {
		this.push({type: 'text', text: this.source.slice(start, end), at: start});
	}

	token(token: LexToken): void {
		this.push(token);
	}

	private push(token: LexToken): void {
		const {list} = this;
		const last = list.at(-1);
		if (token.type === 'text' && last?.type === 'text') list[list.length - 1] = {type: 'text', text: last.text + token.text, at: last.at};
		else list.push(token);
	}
}

type Rule = (source: Source, at: number, start: number, end: number) => Match | undefined;

/** Content classes nested deeper than this keep their inner classes as text (remark would recurse without end). */
const maxClassNesting = 32;

/**
 * Rules are tried at the end of each token, and then only where one can
 * match (`Source.ruleStart`), only those that can match there (`RuleKind`);
 * the first rule that matches wins.
 */
function lexRange(source: Source, from: number, to: number, block: boolean, sink: LexSink, depth: number): void {
	const rules = block ? blockRules : depth >= maxClassNesting ? flatRules : inlineRules;
	const some = rulesByKind.get(rules)!;
	let start = from;
	let at = from;
	while (at < to) {
		let tried: readonly Rule[];
		if (at === start) {
			tried = some[source.kindAtTokenEnd(at)]!;
		} else {
			at = source.ruleStart(at);
			if (at >= to) break;
			tried = some[source.ruleKind]!;
		}

		// Indexed loops: this runs once a deck, mostly before the engine has optimised it.
		let match: Match | undefined;
		for (let index = 0; index < tried.length && match === undefined; index++) match = tried[index]!(source, at, start, to);
		if (match === undefined) {
			at++;
			continue;
		}

		if (at > start) sink.text(start, at, depth);
		const {tokens} = match;
		for (let index = 0; index < tokens.length; index++) {
			const token = tokens[index]!;
			sink.token(token, at, match.end, depth);
			if (token.type === 'content_start') {
				const inner = token.at;
				lexRange(source, inner, source.close(inner - 1), false, sink, depth + 1);
			}
		}

		start = match.end;
		at = match.end;
		if (sink.stopped && depth === 0) return;
	}

	if (to > start) sink.text(start, to, depth);
}

/** A rule for one line: `line` is where the line starts, `at` where the match starts. */
type LineRule = (source: Source, line: number, at: number, end: number) => Match | undefined;

/**
 * A rule that starts "at a line start": tried at `at` when it is one (the end
 * of a token), then past the newline `at` holds.
 */
function atLineStart(rule: LineRule): Rule {
	return (source, at, start, end) =>
		(at === start ? rule(source, at, at, end) : undefined) ?? (source.text.charCodeAt(at) === 0x0a ? rule(source, at + 1, at, end) : undefined);
}

const code: Rule = (source, at, start, end) => {
	const {text} = source;
	let line: number;
	if (at === start) line = at;
	else if (text[at] === '\n' && text[at + 1] === '\n') line = at + 2;
	else return undefined;
	let position = line;
	let matched = false;
	while (position < end && text.startsWith('    ', position) && position + 4 < end && text[position + 4] !== '\n') {
		matched = true;
		position = Math.min(end, source.next('\n', position + 4));
		while (position < end && text[position] === '\n') position++;
	}

	return matched ? {end: position, tokens: [{type: 'code', text: text.slice(at, position), at}]} : undefined;
};

const inlineCode: Rule = (source, at, _start, end) => {
	const {text} = source;
	if (text[at] !== '`' || at + 1 >= end || text[at + 1] === '`') return undefined;
	const newline = Math.min(end, source.next('\n', at + 2));
	const close = source.next('`', at + 2);
	if (close >= newline) return undefined;
	return {end: close + 1, tokens: [{type: 'text', text: text.slice(at, close + 1), at}]};
};

const className = /(?:\.[A-Za-z_-][\w-]*)+\[/y;

const content: Rule = (source, at, _start, end) => {
	const {text} = source;
	const escaped = text[at] === '\\';
	const dot = escaped ? at + 1 : at;
	if (text[dot] !== '.') return undefined;
	className.lastIndex = dot;
	const found = className.exec(text);
	if (!found || dot + found[0].length > end) return undefined;
	const open = dot + found[0].length - 1;
	const close = source.close(open);
	const head = text.slice(at, open + 1);
	if (close === -1 || close >= end) return {end: open + 1, tokens: [{type: 'text', text: head, at}]};
	if (escaped) return {end: close + 1, tokens: [{type: 'text', text: text.slice(at + 1, close + 1), at}]};
	const inner = text.slice(open + 1, close);
	const isBlock = inner.includes('\n');
	const classes = found[0].slice(1, -1).split('.');
	return {
		end: close + 1,
		tokens: [
			{type: 'content_start', classes, block: isBlock, at: open + 1},
			{type: 'content_end', block: isBlock, at: close},
		],
	};
};

const fences = atLineStart((source, line, at, end) => {
	const {text} = source;
	{
		let position = line;
		while (text[position] === ' ') position++;
		const char = text[position];
		if (char !== '`' && char !== '~') return undefined;
		let run = position;
		while (text[run] === char) run++;
		const longest = run - position;
		if (longest < 3) return undefined;
		const lineEnd = Math.min(end, source.next('\n', run));
		if (lineEnd >= end) return undefined;
		const rest = text.slice(run, lineEnd);
		// The run may give back marks to the info word, as the regular expression backtracks: then the word must touch the run.
		const length =
			isInfo(rest) && source.fenceClose(char, longest, lineEnd + 2) !== -1
				? longest
				: /^\S* *$/.test(rest)
					? Math.min(longest - 1, source.longestClose(char, lineEnd + 2))
					: 0;
		if (length < 3) return undefined;
		const close = source.fenceClose(char, length, lineEnd + 2);
		if (close === -1 || close + length > end) return undefined;
		let after = close + length;
		while (text[after] === ' ') after++;
		while (after < end && text[after] === '\n') after++;
		return {end: after, tokens: [{type: 'fences', text: text.slice(at, after), at}]};
	}
});

/** ` *(?:\S+)? *`: spaces, at most one word, spaces. */
function isInfo(rest: string): boolean {
	return /^ *(?:\S+)? *$/.test(rest);
}

/** After a definition's `[label]`: `: url "title"`. */
const definitionRest = /^: *<?([^\s>]+)>?(?: +["(]([^\n]+)[")])? */;

const def = atLineStart((source, line, at, end) => {
	const {text} = source;
	{
		let position = line;
		while (text[position] === ' ') position++;
		if (text[position] !== '[') return undefined;
		// `[^\]]+` may run over lines: the label ends at the next `]`.
		const close = source.next(']', position + 1);
		if (close >= end || close === position + 1 || text[close + 1] !== ':') return undefined;
		const label = text.slice(position + 1, close);
		const rest = definitionRest.exec(text.slice(close + 1, Math.min(end, source.next('\n', close + 1))));
		if (!rest) return undefined;
		let after = close + 1 + rest[0].length;
		if (after < end && text[after] !== '\n') return undefined;
		while (after < end && text[after] === '\n') after++;
		return {end: after, tokens: [{type: 'def', id: label.toLowerCase(), href: rest[1]!, ...(rest[2] === undefined ? {} : {title: rest[2]}), at}]};
	}
});

const macro: Rule = (source, at, _start, end) => {
	const {text} = source;
	if (!text.startsWith('![:', at)) return undefined;
	const close = source.next(']', at + 3);
	if (close >= end) return undefined;
	const inside = text.slice(at + 3, close);
	const name = /^[^\] ]+/.exec(inside);
	if (!name) return undefined;
	let after = close + 1;
	let obj: string | undefined;
	if (text[after] === '(') {
		const paren = source.next(')', after + 1);
		if (paren < end) {
			obj = text.slice(after + 1, paren);
			after = paren + 1;
		}
	}

	const args = inside
		.slice(name[0].length)
		.split(',')
		.map(arg => arg.trim());
	return {end: after, tokens: [{type: 'macro', name: name[0], args, ...(obj === undefined ? {} : {obj}), at}]};
};

const breakComment = /<!--\s*break\s*-->/y;

const slideSeparator = atLineStart((source, line, _at, end) => {
	const {text} = source;
	let length = 0;
	if (text.startsWith('---', line)) {
		length = 3;
	} else {
		breakComment.lastIndex = line;
		const found = breakComment.exec(text);
		if (found) length = found[0].length;
	}

	const after = line + length;
	if (length === 0 || after > end || (after < end && text.charCodeAt(after) !== 0x0a)) return undefined;
	const separator: LexToken = {type: 'separator', text: length === 3 ? '---' : text.slice(line, after), at: line};
	return {end: after === end ? after : after + 1, tokens: [separator]};
});

const fragmentSeparator = atLineStart((source, line, _at, end) => {
	const {text} = source;
	return text.startsWith('--', line) && (line + 2 === end || text.charCodeAt(line + 2) === 0x0a)
		? {end: line + 2, tokens: [{type: 'separator', text: '--', at: line}]}
		: undefined;
});

const notesSeparator = atLineStart((source, line, _at, end) => {
	const {text} = source;
	if (!text.startsWith('???', line)) return undefined;
	if (line + 3 === end) return {end: line + 3, tokens: [{type: 'notes_separator', at: line}]};
	return text.charCodeAt(line + 3) === 0x0a ? {end: line + 4, tokens: [{type: 'notes_separator', at: line}]} : undefined;
});

const inlineRules: readonly Rule[] = [code, inlineCode, content, fences, def, macro];
/** Past `maxClassNesting`: no more content classes. */
const flatRules: readonly Rule[] = [code, inlineCode, fences, def, macro];
const blockRules: readonly Rule[] = [...inlineRules, slideSeparator, fragmentSeparator, notesSeparator];

/** The rules that can match at each kind of place (source-tables.ts `Kind`), in the order they are tried. */
const kindRules: ReadonlyArray<readonly Rule[]> = [];
for (const [kind, rules] of [
	[Kind.code, [code]],
	[Kind.fences, [fences]],
	[Kind.def, [def]],
	[Kind.separator, [slideSeparator, fragmentSeparator]],
	[Kind.notes, [notesSeparator]],
	[Kind.inline, [inlineCode]],
	[Kind.content, [content]],
	[Kind.macro, [macro]],
	[Kind.space, [code, fences, def]],
	[Kind.backtick, [inlineCode, fences]],
	[Kind.newline, [code, fences, def, slideSeparator, fragmentSeparator, notesSeparator]],
	[Kind.none, []],
] as const) {
	(kindRules as Array<readonly Rule[]>)[kind] = rules;
}

/** Those of the rules that can match at each kind of place (by `Kind`), then (`Kind.any`) all of them. */
function byKind(rules: readonly Rule[]): ReadonlyArray<readonly Rule[]> {
	return [...kindRules.map(kinds => kinds.filter(rule => rules.includes(rule))), rules];
}

/** For each set of rules, those of each kind of place that are in it. */
const rulesByKind = new Map([inlineRules, flatRules, blockRules].map(rules => [rules, byKind(rules)]));
