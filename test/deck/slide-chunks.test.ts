import assert from 'node:assert/strict';
import {test} from 'node:test';
import {onlyBreaks, slideChunks} from '../../source/deck/slide-chunks.js';
import {random} from '../support/random.js';

/** The plain way: every line split out, a new slide at each `---` line, no empty line after a final newline. */
function reference(text: string): Array<Array<{text: string; line: number}>> {
	const chunks: Array<Array<{text: string; line: number}>> = [[]];
	const lines = text.split('\n');
	for (const [index, line] of lines.entries()) {
		if (/^---[ \t]*$/.test(line)) chunks.push([]);
		else chunks.at(-1)!.push({text: line, line: index + 1});
	}

	const last = chunks.at(-1)!;
	if (last.length > 0 && last.at(-1)!.text === '' && lines.at(-1) === '') last.pop();
	return chunks;
}

const pieces = ['---', '--- ', '---\t', '----', ' ---', '-- -', '', ' ', 'a', '#= Title', 'Note: n', '$$terminal', '\r', '---\r', 'é😀'];

test('slides found by the scan are the slides of splitting every line, on edge cases and 3,000 random texts', () => {
	const texts = ['', '\n', '\n\n', '---', '---\n', '\n---', 'a', 'a\n', 'a\n---', 'a\n---\n', '---\n---\n', 'a\n\n---\n\nb\n\n'];
	const {int, pick} = random(2026);
	for (let round = 0; round < 3000; round++) {
		const lines = Array.from({length: int(0, 12)}, () => pick(pieces));
		texts.push(lines.join('\n') + (int(0, 1) ? '\n' : ''));
	}

	for (const text of texts) {
		const expected = reference(text);
		const chunks = slideChunks(text);
		const label = JSON.stringify(text);
		assert.equal(chunks.count, expected.length, label);
		for (let index = 0; index < chunks.count; index++) {
			assert.deepEqual(chunks.lines(index), expected[index], `${label} slide ${index}`);
			assert.equal(chunks.firstLine(index), expected[index]![0]?.line ?? 1, `${label} slide ${index}`);
		}

		const blank = expected.every(chunk => chunk.every(line => line.text.trim() === ''));
		assert.equal(onlyBreaks(text), blank, label);
	}
});
