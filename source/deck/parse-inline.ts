/**
 * Inline markup of one line: CommonMark inline Markdown (code spans,
 * emphasis, strong, links, images, autolinks, escapes, entities) with GFM
 * `~~strike~~`, parsed by markdown-it, plus the deck's `.class[...]` spans
 * (nested, brackets balanced) and `<br>`. Never throws: what does not parse
 * stays literal text, and a diagnostic says why.
 */
import type {Diagnostic, Inline} from './model.js';
import {inlineTokens, type InlineProfile} from './inline-markdown.js';
import {inlinesOf, type InlineOptions, type Report} from './inline-tokens.js';
import {neutralize} from './neutralize.js';

export type InlineContext = InlineOptions & {
	readonly line: number;
	readonly diagnostics: Diagnostic[];
	/** @default shorthandInline */
	readonly profile?: InlineProfile;
};

/** A line without these is plain text (`![` needs its `[`; a `.` matters only before a letter: `.red[`). */
const markup = /[&*<[\\_`~\n]|\.[A-Za-z]/;

export function parseInline(source: string, context: InlineContext): Inline[] {
	if (!markup.test(source)) return source === '' ? [] : [{type: 'text', text: neutralize(source)}];
	return inlinesOf(inlineTokens(source, context.profile), reporter(context.line, context.diagnostics), context);
}

/** Reports warnings at `line`, each problem once however often it occurs there. */
export function reporter(line: number, diagnostics: Diagnostic[]): Report {
	const reported = new Set<string>();
	return (code: string, message: string) => {
		const key = `${code}\n${message}`;
		if (reported.has(key)) return;
		reported.add(key);
		diagnostics.push({severity: 'warning', line, code, message});
	};
}
