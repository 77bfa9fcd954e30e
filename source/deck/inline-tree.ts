/**
 * Small pure helpers over inline trees: plain text, splitting at line breaks.
 */
import type {Inline} from './model.js';

/** The text of inline content as a reader would read it (`<br>` is a newline). */
export function inlineText(inlines: readonly Inline[]): string {
	let text = '';
	for (const node of inlines) {
		switch (node.type) {
			case 'text':
			case 'code': {
				text += node.text;
				break;
			}

			case 'break': {
				text += '\n';
				break;
			}

			default: {
				text += inlineText(node.children);
			}
		}
	}

	return text;
}

/**
 * Splits inline content at its `<br>` breaks, wherever they are nested, into
 * lines. Containers around a break are split too, so `.red[a<br>b]` becomes
 * `.red[a]` and `.red[b]`. There is always at least one line.
 */
export function splitAtBreaks(inlines: readonly Inline[]): Inline[][] {
	// Most content has no break: one line, an array of its length (see InlineBuilder.finish).
	if (!containsBreak(inlines)) return [inlines.slice()];
	const lines: Inline[][] = [[]];
	for (const node of inlines) {
		if (node.type === 'break') {
			lines.push([]);
			continue;
		}

		if (node.type === 'text' || node.type === 'code' || !containsBreak(node.children)) {
			lines.at(-1)!.push(node);
			continue;
		}

		const parts = splitAtBreaks(node.children);
		parts.forEach((children, index) => {
			if (index > 0) lines.push([]);
			if (children.length > 0) lines.at(-1)!.push({...node, children});
		});
	}

	return lines;
}

function containsBreak(inlines: readonly Inline[]): boolean {
	return inlines.some(node => {
		if (node.type === 'break') return true;
		if (node.type === 'text' || node.type === 'code') return false;
		return containsBreak(node.children);
	});
}

/** True when the content shows nothing but whitespace (including nbsp). */
export function isBlank(inlines: readonly Inline[]): boolean {
	return inlineText(inlines).trim() === '';
}
