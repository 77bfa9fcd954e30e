/**
 * Inline markup of one line: CommonMark inline Markdown (code spans,
 * emphasis, strong, links, images, autolinks, escapes, entities) with GFM
 * `~~strike~~`, parsed by markdown-it, plus the deck's `.class[...]` spans
 * (nested, brackets balanced) and `<br>`. Never throws: what does not parse
 * stays literal text, and a diagnostic says why.
 */
import type {Diagnostic, Inline} from './model.js';
import {inlineTokens} from './inline-markdown.js';
import {inlinesOf} from './inline-tokens.js';
import {neutralize} from './neutralize.js';

export type InlineContext = {
	readonly line: number;
	readonly diagnostics: Diagnostic[];
};

/** A line without these is plain text (`![` needs its `[`; a `.` matters only before a letter: `.red[`). */
const markup = /[&*<[\\_`~]|\.[A-Za-z]/;

export function parseInline(source: string, context: InlineContext): Inline[] {
	if (!markup.test(source)) return source === '' ? [] : [{type: 'text', text: neutralize(source)}];
	const reported = new Set<string>();
	// Each problem once per line, however often it occurs in the line.
	const report = (code: string, message: string) => {
		const key = `${code}\n${message}`;
		if (reported.has(key)) return;
		reported.add(key);
		context.diagnostics.push({severity: 'warning', line: context.line, code, message});
	};

	return inlinesOf(inlineTokens(source), report);
}
