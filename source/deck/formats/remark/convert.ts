/**
 * A remark slide's content (text, content classes, macros) as the Markdown the
 * block reader reads, or as the HTML remark would give the browser (for the
 * shell-wrap idiom). An inline content class stays `.class[...]` (a span of
 * the inline pipeline); a block content class (`.left-column[` over lines)
 * is its content in place, in order, like a column flattened.
 */
import type {Line} from '../blocks.js';
import type {Item} from './parser.js';
import {at, concat, toLines, type Sourced} from './sourced.js';

const imageFile = /\.(?:png|jpe?g|gif|svg|webp|bmp|avif)(?:[?#].*)?$/i;

/** The Markdown of the items, line by line. */
export function markdownLines(items: readonly Item[]): Line[] {
	return toLines(markdownOf(items));
}

/** A block content class stands apart, as remark's `<div>` does: an empty comment on its own lines around it ends lists and paragraphs. */
const blockEdge = '\n\n<!-- -->\n\n';

function markdownOf(items: readonly Item[]): Sourced {
	const parts: Sourced[] = [];
	collect(items, parts, item => (item.block ? [blockEdge, blockEdge] : [`.${item.classes.join('.')}[`, ']']));
	return concat(parts);
}

type Wrap = (item: Extract<Item, {kind: 'class'}>) => readonly [string, string];

/** The parts of the items, each content class inside what `wrap` puts around it. */
function collect(items: readonly Item[], parts: Sourced[], wrap: Wrap): void {
	for (const item of items) {
		switch (item.kind) {
			case 'text': {
				parts.push(item.value);
				break;
			}

			case 'class': {
				const [open, close] = wrap(item);
				parts.push(at(open, item.line));
				collect(item.items, parts, wrap);
				parts.push(at(close, item.line));
				break;
			}

			case 'macro': {
				parts.push(at(macroMarkdown(item), item.line));
				break;
			}
		}
	}
}

/** A macro lectern cannot run: `![:scale 50%](x.png)` is the image; otherwise its argument's text. */
function macroMarkdown(item: Extract<Item, {kind: 'macro'}>): string {
	const object = item.obj?.trim() ?? '';
	if (imageFile.test(object)) return `![](${object})`;
	return object;
}

/** The items as remark hands them to the browser: content classes as `<span class>` and `<div class>`. */
export function htmlLines(items: readonly Item[]): Line[] {
	return toLines(htmlOf(items));
}

function htmlOf(items: readonly Item[]): Sourced {
	const parts: Sourced[] = [];
	collect(items, parts, item => {
		const tag = item.block ? 'div' : 'span';
		return [`<${tag} class="${item.classes.join(' ')}">`, `</${tag}>`];
	});
	return concat(parts);
}

/** Every span class used in the items, with the line of its first use. */
export function classesUsed(items: readonly Item[], found = new Map<string, number>()): Map<string, number> {
	for (const item of items) {
		if (item.kind !== 'class') continue;
		for (const name of item.classes) if (!found.has(name)) found.set(name, item.line);
		classesUsed(item.items, found);
	}

	return found;
}
