/**
 * Block structure of slide bodies and notes: headings, paragraphs (every
 * source line a line on the slide), lists, images and captions.
 */
import type {Block, Diagnostic, ImageMode, Inline} from './model.js';
import {parseInline} from './parse-inline.js';
import {neutralize} from './neutralize.js';

export type SourceLine = {readonly text: string; readonly line: number};

const heading = /^(#{1,6})\s+(.*)$/;
const bullet = /^\s{0,3}[-*+]\s+(.*)$/;
const numbered = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const imageLine = /^(@=|~@|@)\s+(\S.*?)\s*$/;
const caption = /^vv\s+(.*)$/;
const directive = /^\$\$(\S*)/;

const imageModes: Record<string, ImageMode> = {'@=': 'full', '~@': 'wide', '@': 'inline'};

/** Recognises an image line (`@= FILE`, `~@ FILE`, `@ FILE`). */
export function parseImageLine(text: string, line: number): {src: string; mode: ImageMode; line: number} | undefined {
	const match = imageLine.exec(text);
	if (!match) return undefined;
	return {src: neutralize(match[2]!), mode: imageModes[match[1]!]!, line};
}

export function parseBlocks(lines: readonly SourceLine[], diagnostics: Diagnostic[]): Block[] {
	const blocks: Block[] = [];
	let paragraph: {lines: Inline[][]; line: number} | undefined;
	let list: {ordered: boolean; start: number; items: Inline[][]; line: number} | undefined;

	const inline = (text: string, line: number) => parseInline(text, {line, diagnostics});
	const closeParagraph = () => {
		if (paragraph) blocks.push({type: 'paragraph', ...paragraph, lines: paragraph.lines.slice()});
		paragraph = undefined;
	};

	const closeList = () => {
		if (list) blocks.push({type: 'list', ...list, items: list.items.slice()});
		list = undefined;
	};

	const close = () => {
		closeParagraph();
		closeList();
	};

	for (const {text, line} of lines) {
		if (text.trim() === '') {
			close();
			continue;
		}

		const image = parseImageLine(text, line);
		if (image) {
			close();
			blocks.push({type: 'image', image, line});
			continue;
		}

		const captionMatch = caption.exec(text);
		if (captionMatch) {
			close();
			blocks.push({type: 'caption', content: inline(captionMatch[1]!, line), line});
			continue;
		}

		const headingMatch = heading.exec(text);
		if (headingMatch) {
			close();
			blocks.push({type: 'heading', depth: headingMatch[1]!.length, content: inline(headingMatch[2]!, line), line});
			continue;
		}

		const bulletMatch = bullet.exec(text);
		const numberMatch = bulletMatch ? undefined : numbered.exec(text);
		if (bulletMatch || numberMatch) {
			const ordered = Boolean(numberMatch);
			if (!list || list.ordered !== ordered) {
				close();
				list = {ordered, start: numberMatch ? Number(numberMatch[1]) : 1, items: [], line};
			}

			list.items.push(inline(bulletMatch ? bulletMatch[1]! : numberMatch![2]!, line));
			continue;
		}

		if (list && /^\s+\S/.test(text)) {
			// An indented line continues the last list item on a new line.
			list.items[list.items.length - 1] = [...list.items.at(-1)!, {type: 'break'}, ...inline(text.trim(), line)];
			continue;
		}

		const directiveMatch = directive.exec(text);
		if (directiveMatch) {
			diagnostics.push({
				severity: 'warning',
				line,
				code: 'unknown-directive',
				message: `"$$${neutralize(directiveMatch[1]!)}" is not a directive here; shown as written`,
			});
		}

		closeList();
		paragraph ??= {lines: [], line};
		paragraph.lines.push(inline(text, line));
	}

	close();
	// Arrays of their length (`slice`): one grown by `push` keeps room for 17 entries, and a deck has tens of thousands.
	return blocks.slice();
}
