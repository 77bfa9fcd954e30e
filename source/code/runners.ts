/**
 * How a block of live code is run (the interpreter for its language), and the
 * question the player asks before running code it was not started with
 * `--run-code` for. Pure: the runner itself (run-code.ts) is a chunk loaded on
 * the first run.
 */
import {neutralize} from '../deck/neutralize.js';

/** The command that runs a block's text, by language; undefined: lectern does not know how to run it. */
export function runnerFor(language: string, code: string): readonly string[] | undefined {
	switch (language) {
		case 'bash':
		case 'sh':
		case 'shell':
		case 'zsh': {
			return [language === 'shell' ? 'sh' : language, '-c', code];
		}

		case 'python':
		case 'py':
		case 'python3': {
			return ['python3', '-c', code];
		}

		case 'js':
		case 'javascript':
		case 'mjs': {
			return [process.execPath, '--input-type=module', '-e', code];
		}

		case 'ruby':
		case 'rb': {
			return ['ruby', '-e', code];
		}

		case 'perl': {
			return ['perl', '-e', code];
		}

		default: {
			return undefined;
		}
	}
}

/** The most characters of a block's first line the question quotes. */
const quotedLength = 48;

/** What a block is run by, as the question names it: `python3`, `node`, `sh`. */
function runnerName(language: string): string {
	const command = runnerFor(language, '')?.[0];
	if (command === undefined) return language || 'no language';
	return command === process.execPath ? 'node' : command;
}

/** The first line of text a block holds, neutralised and shortened for one status line. */
export function firstLine(lines: readonly string[]): string {
	const line = neutralize(lines.find(text => text.trim() !== '') ?? '').trim();
	const characters = Array.from(line);
	return characters.length > quotedLength ? `${characters.slice(0, quotedLength - 1).join('')}…` : line;
}

/**
 * The question asked before running a slide's blocks without `--run-code`:
 * `Run this python block (python3)? y/n · print("hello")`; for several
 * blocks, how many and the first one's first line.
 */
export function runQuestion(blocks: ReadonlyArray<{readonly language: string; readonly lines: readonly string[]}>): string {
	const first = blocks[0];
	if (!first) return '';
	const languages = [...new Set(blocks.map(block => block.language || 'plain'))];
	const what =
		blocks.length === 1
			? `this ${first.language || 'plain'} block (${runnerName(first.language)})`
			: `${blocks.length} ${languages.join(' and ')} blocks (${[...new Set(blocks.map(block => runnerName(block.language)))].join(', ')})`;
	return `Run ${what}? y/n · ${firstLine(first.lines)}`;
}
