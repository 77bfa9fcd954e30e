/**
 * A code block as a panel: the theme's code background, a column of padding
 * each side, as wide as its longest line (or the slide), optional line
 * numbers, long lines wrapped with a marker (never clipped), the highlighter's
 * colours, marked lines on their own background and, for a stepped block, the
 * lines outside the step dimmed.
 */
import {codeAttributes} from '../deck/code-attributes.js';
import type {Block, CodeToken} from '../deck/model.js';
import type {Line, Segment, Style} from '../frame/frame.js';
import {cellWidth} from '../text/cell-width.js';
import {hardWrap, lineWidth} from '../text/wrap.js';

const codeStyle: Style = {fg: 'code'};

type CodeBlock = Extract<Block, {type: 'code'}>['code'];

/** What starts a row that goes on from the row above it. */
const wrapMarker = '↪';

/** What live code blocks printed, by the block's source line. */
export type CodeOutput = ReadonlyMap<number, readonly Line[]>;

/** The code panel, with the output of a run below it (or, for `+exec_replace`, instead of it). */
export function planCode(code: CodeBlock, width: number, output?: readonly Line[]): Line[] {
	const attributes = codeAttributes(code.attributes, code.lines.length);
	if (output === undefined) return codePanel(code, width, attributes.lineNumbers);
	const panel = attributes.run === 'exec_replace' ? [] : codePanel(code, width, attributes.lineNumbers);
	const panelWidth = panel[0] ? lineWidth(panel[0]) : 0;
	const outputWidth = Math.min(width, Math.max(panelWidth, ...output.map(line => lineWidth(line) + 2)));
	const rows = output
		.flatMap(line => hardWrap(line as Line, outputWidth - 2))
		.map(line => [
			{text: ' ', style: outputStyle},
			...line.map(segment => ({...segment, style: {...outputStyle, ...segment.style}})),
			{text: ' '.repeat(Math.max(0, outputWidth - 1 - lineWidth(line))), style: outputStyle},
		]);
	const label: Line = [{text: ' output'.padEnd(outputWidth), style: {...outputStyle, fg: 'lineNumber'}}];
	return [...panel, label, ...rows, [{text: ' '.repeat(outputWidth), style: outputStyle}]];
}

const outputStyle: Style = {bg: 'statusBg'};

function codePanel(code: CodeBlock, width: number, lineNumbers: boolean): Line[] {
	const numberWidth = lineNumbers ? String(code.lines.length).length + 1 : 0;
	const longest = Math.max(0, ...code.lines.map(line => cellWidth(line)));
	// One column of padding each side, the line numbers, then the code.
	const panelWidth = Math.max(1, Math.min(width, longest + numberWidth + 2));
	const textWidth = panelWidth - numberWidth - 2;
	if (textWidth < 1) return code.lines.flatMap(line => hardWrap([{text: line, style: codeStyle}], width));
	const marked = new Set(code.marked ?? []);
	const focus = code.focus ? new Set(code.focus) : undefined;
	const blank: Line = [{text: ' '.repeat(panelWidth), style: {bg: 'codeBg'}}];
	const rows: Line[] = [blank];
	for (const [index, text] of code.lines.entries()) {
		const bg = marked.has(index) ? 'codeMark' : 'codeBg';
		const dim = focus !== undefined && !focus.has(index);
		const line = codeLine(text, code.tokens?.[index], bg, dim);
		for (const [part, piece] of hardWrap(line, textWidth).entries()) {
			const gutter: string = lineNumbers ? (part === 0 ? String(index + 1).padStart(numberWidth - 1) + ' ' : ' '.repeat(numberWidth)) : '';
			const row: Segment[] = [
				part === 0 ? {text: ' ', style: {bg}} : {text: wrapMarker, style: {fg: 'lineNumber', bg}},
				...(gutter ? [{text: gutter, style: {fg: 'lineNumber', bg, ...(dim ? {dim} : {})} satisfies Style}] : []),
				...piece,
			];
			row.push({text: ' '.repeat(Math.max(0, panelWidth - lineWidth(row))), style: {bg}});
			rows.push(row);
		}
	}

	rows.push(blank);
	return rows;
}

/** One line of code as segments: the highlighter's tokens, or the theme's code colour. */
function codeLine(text: string, tokens: readonly CodeToken[] | undefined, bg: 'codeBg' | 'codeMark', dim: boolean): Line {
	const base: Style = {bg, ...(dim ? {dim} : {})};
	if (!tokens || tokens.map(token => token.text).join('') !== text) return text === '' ? [] : [{text, style: {...base, fg: 'code'}}];
	return tokens.map(token => ({
		text: token.text,
		style: {
			...base,
			...(token.colour ? {fg: token.colour} : {fg: 'code'}),
			...(token.bold ? {bold: true} : {}),
			...(token.italic ? {italic: true} : {}),
			...(token.underline ? {underline: true} : {}),
		},
	}));
}
