/**
 * GFM tables read within their caps: markdown-it's own table rule makes three
 * tokens of every cell, so a 1,000 by 1,000 table (5 MB) took seconds and a
 * gigabyte before a single cell was dropped. This wrapper lets the rule see
 * only the rows and columns that are shown (each line cut after its
 * `maxTableColumns`th cell, at most `maxTableRows` rows), counts the rest
 * without tokenising it, and leaves the real shape on the `table_open`
 * token's `meta` for the table to say what is left out.
 */
import type MarkdownIt from 'markdown-it';
import type {StateBlock} from 'markdown-it';

/** The most rows (under the header) and columns of a table that are read and shown. */
export const maxTableRows = 1000;
export const maxTableColumns = 50;

/** The shape of a table past its caps, on its `table_open` token. */
export type TableShape = {readonly columns: number; readonly moreRows: number};

type TableRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

export function boundTables(markdown: ReturnType<typeof MarkdownIt>): void {
	const rules = markdown.block.ruler;
	const index = rules.__find__('table');
	if (index < 0) return;
	const table = rules.__rules__[index]!.fn as TableRule;
	rules.at('table', (state: StateBlock, startLine: number, endLine: number, silent: boolean) =>
		silent ? table(state, startLine, endLine, true) : boundedTable(table, state, startLine, endLine),
	);
}

function boundedTable(table: TableRule, state: StateBlock, startLine: number, endLine: number): boolean {
	if (startLine + 2 > endLine) return false;
	const columns = cellCount(lineOf(state, startLine));
	// A header and a delimiter row of different widths are no table: cut, they would be one.
	const cutColumns = columns > maxTableColumns && cellCount(lineOf(state, startLine + 1)) === columns;
	const lastLine = Math.min(endLine, startLine + 2 + maxTableRows);
	const saved = new Map<number, number>();
	if (cutColumns) {
		for (let line = startLine; line < lastLine; line++) {
			const end = cutAfterCells(state, line, maxTableColumns);
			if (end === undefined) continue;
			saved.set(line, state.eMarks[line]!);
			state.eMarks[line] = end;
		}
	}

	const first = state.tokens.length;
	let found: boolean;
	try {
		found = table(state, startLine, lastLine, false);
	} finally {
		for (const [line, end] of saved) state.eMarks[line] = end;
	}

	if (!found) return false;
	let moreRows = 0;
	if (state.line === lastLine && lastLine < endLine) {
		// The rows past the cap, ended as the rule ends a table; counted, never split into cells.
		const terminators = state.md.block.ruler.getRules('blockquote');
		let line = lastLine;
		for (; line < endLine; line++) {
			if (state.sCount[line]! < state.blkIndent || state.sCount[line]! - state.blkIndent >= 4) break;
			if (state.isEmpty(line)) break;
			if (terminators.some(terminates => terminates(state, line, endLine, true))) break;
			moreRows++;
		}

		state.line = line;
		for (const token of state.tokens.slice(first)) {
			if ((token.type === 'table_open' || token.type === 'tbody_open') && token.map) token.map[1] = line;
		}
	}

	if (cutColumns || moreRows > 0) state.tokens[first]!.meta = {columns, moreRows} satisfies TableShape;
	return true;
}

function lineOf(state: StateBlock, line: number): string {
	return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]).trim();
}

/** The cells of a table line as markdown-it counts them: split at pipes not after a backslash, an empty first and last cell dropped. */
function cellCount(text: string): number {
	let pipes = 0;
	for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) === 124 && (index === 0 || text.charCodeAt(index - 1) !== 92)) pipes++;
	let cells = pipes + 1;
	if (text.startsWith('|')) cells--;
	if (cells > 0 && text.length > 1 && text.endsWith('|') && text.charCodeAt(text.length - 2) !== 92) cells--;
	return cells;
}

/** Where line `line` ends when it keeps `keep` cells (just after the pipe that closes the last one), or undefined when it has no more. */
function cutAfterCells(state: StateBlock, line: number, keep: number): number | undefined {
	const start = state.bMarks[line]! + state.tShift[line]!;
	const end = state.eMarks[line]!;
	const source = state.src;
	let pipesToKeep = keep + (source.charCodeAt(start) === 124 ? 1 : 0);
	for (let index = start; index < end; index++) {
		if (source.charCodeAt(index) !== 124 || (index > start && source.charCodeAt(index - 1) === 92)) continue;
		pipesToKeep--;
		if (pipesToKeep === 0) return index + 1 < end ? index + 1 : undefined;
	}

	return undefined;
}
