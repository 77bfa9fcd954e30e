/**
 * Tables read within their caps (bounded-table.ts): the rows and columns that are kept
 * are exactly what markdown-it's own rule makes of them, and the rest is counted, not
 * tokenised.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import MarkdownIt from 'markdown-it';
import type {Token} from 'markdown-it';
import {maxTableColumns, maxTableRows, type TableShape} from '../../source/deck/bounded-table.js';
import {markdownFor, markdownInline} from '../../source/deck/inline-markdown.js';
import {random} from '../support/random.js';

const plain = new MarkdownIt('commonmark').enable(['table']);

type Table = {readonly cells: string[][]; readonly map: readonly [number, number] | null; readonly shape: TableShape | undefined};

/** The tables of `text` as cell contents, row by row (header first), at most the caps of them. */
function tables(tokens: readonly Token[]): Table[] {
	const found: Table[] = [];
	let current: string[][] | undefined;
	for (const token of tokens) {
		if (token.type === 'table_open') {
			current = [];
			found.push({cells: current, map: token.map as [number, number] | null, shape: (token.meta as TableShape | null) ?? undefined});
		} else if (token.type === 'tr_open') current?.push([]);
		else if (token.type === 'inline' && current) current.at(-1)!.push(token.content);
		else if (token.type === 'table_close') current = undefined;
	}
	return found;
}

const capped = (table: Table) => table.cells.slice(0, maxTableRows + 1).map(row => row.slice(0, maxTableColumns));

function tableText(next: () => number): string {
	const columns = maxTableColumns - 3 + Math.floor(next() * 7);
	const delimiterColumns = next() < 0.15 ? columns + (next() < 0.5 ? -1 : 1) : columns;
	const edge = () => (next() < 0.5 ? '|' : '');
	const cell = (row: number, column: number) => {
		const pick = next();
		return pick < 0.1 ? `a \\| b${column}` : pick < 0.2 ? `\`x\`` : pick < 0.25 ? '' : `r${row}c${column}`;
	};
	const line = (row: number, count: number) => `${edge()}${Array.from({length: count}, (_, column) => ` ${cell(row, column)} `).join('|')}${edge()}`;
	const delimiter = `${edge()}${Array.from({length: delimiterColumns}, () => ['---', ':--', '--:', ':-:'][Math.floor(next() * 4)]).join('|')}${edge()}`;
	const rows = Array.from({length: Math.floor(next() * 6)}, (_, row) => line(row + 1, columns - 2 + Math.floor(next() * 5)));
	const after = next() < 0.5 ? '\n\nAfter the table.' : '\n> a quote ends it';
	return `Before.\n\n${line(0, columns)}\n${delimiter}\n${rows.join('\n')}${after}\n`;
}

test('around the column cap, the kept cells are what markdown-it makes of the whole table (seeded)', () => {
	const bounded = markdownFor(markdownInline);
	for (let seed = 1; seed <= 300; seed++) {
		const text = tableText(random(seed).next);
		const ours = tables(bounded.parse(text, {}));
		const theirs = tables(plain.parse(text, {}));
		assert.equal(ours.length, theirs.length, `seed ${seed}: tables found\n${text}`);
		for (const [index, table] of ours.entries()) {
			const reference = theirs[index]!;
			assert.deepEqual(table.cells, capped(reference), `seed ${seed}: cells\n${text}`);
			assert.deepEqual(table.map, reference.map, `seed ${seed}: lines`);
			const columns = reference.cells[0]!.length;
			assert.deepEqual(table.shape, columns > maxTableColumns ? {columns, moreRows: 0} : undefined, `seed ${seed}: shape`);
		}
	}
});

test('past the row cap, the other rows are counted, not tokenised, and the table ends where it did', () => {
	const bounded = markdownFor(markdownInline);
	const text = `| a | b |\n|---|---|\n${'| x | y |\n'.repeat(maxTableRows + 250)}\nAfter.\n`;
	const tokens = bounded.parse(text, {});
	const [table] = tables(tokens);
	const [reference] = tables(plain.parse(text, {}));
	assert.deepEqual(table!.cells, capped(reference!));
	assert.deepEqual(table!.shape, {columns: 2, moreRows: 250});
	assert.deepEqual(table!.map, reference!.map);
	// Three tokens a cell, the same few around each row and the table: nothing made for the rows past the cap.
	const cells = tokens.filter(token => token.type === 'td_open' || token.type === 'th_open').length;
	assert.equal(cells, (maxTableRows + 1) * 2);
	assert.equal(tokens.at(-2)?.content, 'After.');
});
