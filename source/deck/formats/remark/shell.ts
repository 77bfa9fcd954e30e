/**
 * The HTML terminal idiom of remark.js decks, read as a terminal slide:
 *
 *     <div class="shell-wrap"><p class="shell-top-bar">bash</p><p class="shell-body">
 *     <ps>me</ps> <dr>~/my_project $</dr> ls my_project/<br>
 *     settings.py<br>
 *     <ps>me</ps> <dr>~/my_project $</dr> <w>&nbsp;</w>
 *     </p></div>
 *
 * The top bar is the window title. In the body, HTML rules apply: source line
 * ends are spaces, runs of spaces are one, `<br>` ends a terminal line. A line
 * with `<dr>` is a prompt line for that directory (its trailing `$` dropped;
 * `<ps>` is the host, not shown); `<w>` is the cursor. On the last prompt
 * line, the command before `<w>` is typed out, as `$$w TEXT` does. Text goes
 * through `parseInline`, as in `$$terminal` slides; `<span class>`, `<b>`,
 * `<i>` and `<s>` style it.
 */
import {decodeHTML} from 'entities';
import type {Diagnostic, Inline, TerminalLine, TerminalSegment} from '../../model.js';
import {parseInline} from '../../parse-inline.js';
import {neutralize} from '../../neutralize.js';
import {mergeText, trimSpaceEnd, type Line} from '../blocks.js';
import {LineIndex} from './sourced.js';
import {append} from '../../../frame/lists.js';

// Attribute and content lengths are bounded, so that text full of unclosed tags cannot make matching quadratic.
const classAttribute = (name: string) => `\\bclass\\s*=\\s*(["'])[^"'<>]{0,200}?\\b${name}\\b[^"'<>]{0,200}\\1`;
const wrapStart = new RegExp(`<div\\b[^<>]{0,200}?${classAttribute('shell-wrap')}[^<>]{0,200}>`, 'i');
const topBar = new RegExp(`<p\\b[^<>]{0,200}?${classAttribute('shell-top-bar')}[^<>]{0,200}>([^]{0,1000}?)</p\\s*>`, 'i');
const bodyStart = new RegExp(`<(?:p|div)\\b[^<>]{0,200}?${classAttribute('shell-body')}[^<>]{0,200}>`, 'i');
const token = /<!--[\s\S]*?(?:-->|$)|<(\/?)([A-Za-z][\w-]{0,63})((?:[^<>"']|"[^"<>]{0,500}"|'[^'<>]{0,500}'){0,1000})>|[^<]+|</g;
const promptEnd = /\s*[$#%>\u276F]$/;
/** Style tags open at once, at most (unclosed tags would otherwise nest without end). */
const maxStyles = 16;

/** True when the lines hold the shell-wrap idiom. */
export function hasShellWrap(lines: readonly Line[]): boolean {
	return lines.some(line => /\bshell-wrap\b/.test(line.text)) && wrapStart.test(lines.map(line => line.text).join('\n'));
}

type Style = {readonly tag: string; readonly node?: 'strong' | 'emphasis' | 'strike' | {span: string}};
type Piece = {text: string; readonly styles: readonly Style[]; readonly line: number};
type Draft = {
	line?: number;
	prompt?: string;
	host?: string;
	readonly before: Piece[];
	readonly after: Piece[];
	cursor: boolean;
	/** Whitespace here is dropped: the start of a line, right after the prompt, after a space. */
	dropSpace: boolean;
};

const styleTags: Readonly<Record<string, Style['node']>> = {
	b: 'strong',
	strong: 'strong',
	i: 'emphasis',
	em: 'emphasis',
	s: 'strike',
	del: 'strike',
	strike: 'strike',
};

/**
 * The terminal of a shell-wrap slide, or undefined when the lines have none;
 * `before` is how many of the lines come before the window (a heading above
 * it, for the caller to read). Text after the window is reported.
 */
export function parseShellWrap(lines: readonly Line[], diagnostics: Diagnostic[]): {title: string; lines: TerminalLine[]; before: number} | undefined {
	const source = new JoinedLines(lines);
	const wrap = wrapStart.exec(source.text);
	if (!wrap) return undefined;
	const fromWrap = source.text.slice(wrap.index);
	const bar = topBar.exec(fromWrap);
	const title = bar ? plainText(bar[2]!) : '';
	const body = bodyStart.exec(fromWrap);
	const bodyOffset = wrap.index + (body ? body.index + body[0].length : bar ? bar.index + bar[0].length : wrap[0].length);

	const {drafts, end} = readBody(source, bodyOffset);
	const after = plainText(source.text.slice(end));
	if (after !== '') {
		diagnostics.push({
			severity: 'notice',
			line: source.lineAt(end),
			code: 'terminal-extra-content',
			message: 'text after the shell-wrap terminal is not shown on this slide',
		});
	}

	const before = lines.findIndex(line => wrapStart.test(line.text));
	return {title, lines: terminalLines(drafts, diagnostics), before: Math.max(0, before)};
}

/** Lines joined with `\n`, with the source line of every offset. */
class JoinedLines {
	readonly text: string;
	private readonly index: LineIndex;

	constructor(lines: readonly Line[]) {
		this.text = lines.map(line => line.text).join('\n');
		this.index = new LineIndex(this.text, lines.length > 0 ? lines.map(line => line.line) : 1);
	}

	lineAt(offset: number): number {
		return this.index.lineAt(offset);
	}
}

function readBody(source: JoinedLines, start: number): {drafts: Draft[]; end: number} {
	const drafts: Draft[] = [];
	const styles: Style[] = [];
	let draft = newDraft();
	let capture: {tag: string; text: string} | undefined;
	let end = source.text.length;

	const finish = (keepEmpty: boolean, line: number) => {
		const empty = draft.prompt === undefined && draft.host === undefined && !draft.cursor && draft.before.length === 0 && draft.after.length === 0;
		if (!empty || keepEmpty) drafts.push({...draft, line: draft.line ?? line});
		draft = newDraft();
	};

	const text = (raw: string, line: number) => {
		let collapsed = raw.replace(/[ \t\n\r\f]+/g, ' ');
		if (draft.dropSpace) collapsed = collapsed.replace(/^ /, '');
		if (collapsed === '') return;
		draft.line ??= line;
		(draft.cursor ? draft.after : draft.before).push({text: collapsed, styles: [...styles], line});
		draft.dropSpace = collapsed.endsWith(' ');
	};

	token.lastIndex = start;
	for (let match = token.exec(source.text); match; match = token.exec(source.text)) {
		const offset = match.index;
		const line = source.lineAt(offset);
		const [whole, slash, rawName] = match;
		if (whole.startsWith('<!--')) continue;
		const name = rawName?.toLowerCase();
		if (capture) {
			const closes = name === capture.tag && slash;
			// An unclosed `<w>`, `<ps>` or `<dr>` ends with its line or the body.
			const ends = name === 'br' || (slash && (name === 'p' || name === 'div'));
			if (closes || ends) {
				closeCapture(capture, draft, line);
				capture = undefined;
			} else if (name === undefined) {
				capture.text += whole;
			}

			if (!ends) continue;
		}

		if (name === undefined) {
			// The line of the text's first visible character, not of the line end before it.
			const visible = whole.search(/[^ \t\n\r\f]/);
			text(whole, visible > 0 ? source.lineAt(offset + visible) : line);
			continue;
		}

		if (!slash && (name === 'ps' || name === 'dr' || name === 'w')) {
			if (name === 'w') {
				draft.line ??= line;
				draft.cursor = true;
				draft.dropSpace = false;
			}

			capture = {tag: name, text: ''};
			continue;
		}

		if (name === 'br') {
			finish(true, line);
			continue;
		}

		if (slash && (name === 'p' || name === 'div') && !styles.some(style => style.tag === name)) {
			end = offset;
			break;
		}

		if (slash) {
			const at = styles.map(style => style.tag).lastIndexOf(name);
			if (at !== -1) styles.splice(at);
			continue;
		}

		// Self-closing and void tags style nothing; unclosed tags nest no deeper than `maxStyles`.
		if (/\/\s*$/.test(match[3] ?? '') || name === 'img' || name === 'hr' || styles.length >= maxStyles) continue;
		const spanClass = name === 'span' ? /\bclass\s*=\s*["']?([\w-]+)/i.exec(match[3] ?? '')?.[1] : undefined;
		styles.push({tag: name, ...(styleTags[name] ? {node: styleTags[name]} : spanClass ? {node: {span: spanClass}} : {})});
	}

	if (capture) closeCapture(capture, draft, source.lineAt(end));
	finish(false, source.lineAt(end));
	// Skip the closing tags of the window itself.
	return {drafts, end: end === source.text.length ? end : skipClosingTags(source.text, end)};
}

function newDraft(): Draft {
	return {before: [], after: [], cursor: false, dropSpace: true};
}

function closeCapture(capture: {tag: string; text: string}, draft: Draft, line: number): void {
	if (capture.tag === 'ps') {
		draft.line ??= line;
		draft.host = plainText(capture.text);
	} else if (capture.tag === 'dr') {
		draft.line ??= line;
		draft.prompt = plainText(capture.text).replace(promptEnd, '').trim();
		draft.before.length = 0;
		draft.dropSpace = true;
	}
}

function skipClosingTags(text: string, from: number): number {
	const closing = /^(?:\s*<\/(?:p|div)\s*>)+/i.exec(text.slice(from));
	return from + (closing ? closing[0].length : 0);
}

/** Text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed, neutralised. */
function plainText(html: string): string {
	return neutralize(
		decodeHTML(html.replace(/<!--[\s\S]*?(?:-->|$)/g, '').replace(/<\/?[A-Za-z][^<>]*>/g, ''))
			.replace(/[ \t\n\r\f]+/g, ' ')
			.trim(),
	);
}

function terminalLines(drafts: readonly Draft[], diagnostics: Diagnostic[]): TerminalLine[] {
	const lastPrompt = drafts.findLastIndex(draft => draft.prompt !== undefined || draft.host !== undefined);
	return drafts.map((draft, index) => {
		const prompt = draft.prompt ?? (draft.host === undefined ? undefined : draft.host.replace(promptEnd, '').trim());
		const typed = prompt !== undefined && index === lastPrompt && draft.cursor && draft.before.some(piece => piece.text.trim() !== '');
		if (!draft.cursor || typed) trimEnd(draft.before);
		trimEnd(draft.after);
		const before = inlinesOf(draft.before, diagnostics);
		const after = inlinesOf(draft.after, diagnostics);
		const segments: TerminalSegment[] = [];
		if (typed) {
			segments.push({content: before, typed: true});
			if (after.length > 0) segments.push({content: after, typed: false});
		} else {
			const content = mergeText([...before, ...after]);
			if (content.length > 0) segments.push({content, typed: false});
		}

		return {...(prompt === undefined ? {} : {prompt}), segments, cursor: draft.cursor, line: draft.line ?? 1};
	});
}

/**
 * Neighbouring pieces of the same styles as one, so that Markdown read
 * across a tag-like `<` still pairs up: `` `<`QuerySet `` is a code span.
 */
function sameStyleRuns(pieces: readonly Piece[]): Piece[] {
	const runs: Piece[] = [];
	for (const piece of pieces) {
		const last = runs.at(-1);
		if (last && last.styles.length === piece.styles.length && last.styles.every((style, index) => style === piece.styles[index])) last.text += piece.text;
		else runs.push({...piece});
	}

	return runs;
}

/** Drops the trailing (collapsed) space of the last pieces: HTML does not show it. */
function trimEnd(pieces: Piece[]): void {
	while (pieces.length > 0) {
		const last = pieces.at(-1)!;
		last.text = trimSpaceEnd(last.text);
		if (last.text !== '') break;
		pieces.pop();
	}
}

function inlinesOf(pieces: readonly Piece[], diagnostics: Diagnostic[]): Inline[] {
	const out: Inline[] = [];
	for (const piece of sameStyleRuns(pieces)) {
		let nodes: Inline[] = parseInline(piece.text, {line: piece.line, diagnostics});
		for (const style of [...piece.styles].reverse()) {
			if (!style.node) continue;
			nodes = [typeof style.node === 'string' ? {type: style.node, children: nodes} : {type: 'span', className: neutralize(style.node.span), children: nodes}];
		}

		append(out, nodes);
	}

	return mergeText(out);
}
