/**
 * Terminal-session slides: `$$terminal TITLE`, `$$prompt DIR`, `$$w [TEXT]`,
 * and content whose `<br>` ends a line.
 *
 * A `$$prompt` line does not break: the content after it is the command. A
 * content line breaks at its end unless it already ended in `<br>`.
 */
import type {Diagnostic, Inline, TerminalLine, TerminalSegment} from './model.js';
import type {SourceLine} from './parse-blocks.js';
import {splitAtBreaks} from './inline-tree.js';
import {parseInline} from './parse-inline.js';
import {neutralize} from './neutralize.js';

const directive = /^\$\$(\S+)(?:\s(.*))?$/;

type OpenLine = {prompt?: string; segments: TerminalSegment[]; cursor: boolean; line: number};

export function parseTerminal(lines: readonly SourceLine[], diagnostics: Diagnostic[]): TerminalLine[] {
	const out: TerminalLine[] = [];
	let current: OpenLine | undefined;

	const isEmpty = (line: OpenLine) => line.prompt === undefined && line.segments.length === 0 && !line.cursor;
	const flush = (keepEmpty: boolean) => {
		if (current && (keepEmpty || !isEmpty(current))) out.push({...current, segments: current.segments.slice()});
		current = undefined;
	};

	const open = (line: number) => (current ??= {segments: [], cursor: false, line});

	const addContent = (inlines: Inline[], line: number, typed: boolean) => {
		const parts = splitAtBreaks(inlines);
		parts.forEach((content, index) => {
			if (index > 0) {
				open(line);
				flush(true);
			}

			if (content.length > 0) open(line).segments.push({content, typed});
		});
		return parts.length > 1 && parts.at(-1)!.length === 0;
	};

	for (const {text, line} of lines) {
		if (text.trim() === '') continue;
		const match = directive.exec(text.trimEnd());
		const name = match?.[1];
		const argument = match?.[2]?.trim() ?? '';

		if (name === 'prompt') {
			flush(false);
			current = {prompt: neutralize(argument), segments: [], cursor: false, line};
			continue;
		}

		if (name === 'w') {
			const target = open(line);
			if (argument !== '') addContent(parseInline(argument, {line, diagnostics}), line, true);
			(current ?? target).cursor = true;
			continue;
		}

		if (name !== undefined) {
			diagnostics.push({
				severity: 'warning',
				line,
				code: 'unknown-directive',
				message: `unknown terminal directive "$$${neutralize(name)}"; shown as written`,
			});
		}

		const endedInBreak = addContent(parseInline(text, {line, diagnostics}), line, false);
		if (!endedInBreak) {
			open(line);
			flush(true);
		}
	}

	flush(false);
	// Arrays of their length: see parseBlocks.
	return out.slice();
}
