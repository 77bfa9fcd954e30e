/**
 * Inline nodes in short (`strong(text('x'))`), and a table of inline cases:
 * source, expected nodes, expected diagnostic codes.
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {Diagnostic, Inline} from '../../source/deck/model.js';
import {parseInline} from '../../source/deck/parse-inline.js';

export function parse(source: string): {inline: Inline[]; codes: string[]; diagnostics: Diagnostic[]} {
	const diagnostics: Diagnostic[] = [];
	const inline = parseInline(source, {line: 7, diagnostics});
	return {inline, codes: diagnostics.map(diagnostic => diagnostic.code), diagnostics};
}

export const text = (value: string): Inline => ({type: 'text', text: value});
export const br: Inline = {type: 'break'};
export const code = (value: string): Inline => ({type: 'code', text: value});
export const span = (className: string, ...children: Inline[]): Inline => ({type: 'span', className, children});
export const strong = (...children: Inline[]): Inline => ({type: 'strong', children});
export const em = (...children: Inline[]): Inline => ({type: 'emphasis', children});
export const strike = (...children: Inline[]): Inline => ({type: 'strike', children});
export const link = (url: string, ...children: Inline[]): Inline => ({type: 'link', url, children});

export type Case = readonly [source: string, expected: readonly Inline[], codes?: readonly string[]];

/** One test a case: `parseInline` gives exactly these nodes and diagnostics. */
export function table(name: string, cases: readonly Case[]): void {
	describe(name, () => {
		for (const [source, expected, codes = []] of cases) {
			test(JSON.stringify(source), () => {
				const result = parse(source);
				assert.deepEqual(result.inline, expected);
				assert.deepEqual(result.codes, codes);
			});
		}
	});
}
