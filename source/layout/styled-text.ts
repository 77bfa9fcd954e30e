/**
 * Inline content to styled segments: the one place where span classes and
 * Markdown inline styles become styles. Breaks are not handled here: split
 * content into lines first (`splitAtBreaks`).
 */
import {cellWidth} from '../text/cell-width.js';
import {assertNever, type Inline} from '../deck/model.js';
import type {Segment, Style} from '../frame/frame.js';
import {mergeSegments} from '../text/segments.js';
import {shownTarget} from '../render/hyperlink-support.js';

/** How each span class of the format looks. Unknown classes are plain. */
const classStyles: Readonly<Record<string, Style | 'invisible'>> = {
	red: {fg: 'highlight', bold: true},
	w: 'invisible',
	noop: {},
	e: {},
	'fix-tilt-long': {italic: true},
};

export type TextOptions = {
	/** Show each link's URL after its text (where hyperlinks cannot be clicked, and in `print`). */
	readonly showUrls?: boolean;
	/** With `showUrls`: a caption's link target as the URL only when short, else its host, dimmed (the player; `print` shows it whole). */
	readonly shortUrls?: boolean;
};

export function styledSegments(inlines: readonly Inline[], base: Style = {}, options: TextOptions = {}): Segment[] {
	const out: Segment[] = [];
	append(inlines, base, out, options);
	return mergeSegments(out);
}

function append(inlines: readonly Inline[], style: Style, out: Segment[], options: TextOptions): void {
	for (const node of inlines) {
		switch (node.type) {
			case 'text': {
				out.push({text: node.text, style});
				break;
			}

			case 'break': {
				out.push({text: ' ', style});
				break;
			}

			case 'code': {
				out.push({text: node.text, style: {...style, fg: 'code'}});
				break;
			}

			case 'strong': {
				append(node.children, {...style, bold: true}, out, options);
				break;
			}

			case 'emphasis': {
				append(node.children, {...style, italic: true}, out, options);
				break;
			}

			case 'strike': {
				append(node.children, {...style, strike: true}, out, options);
				break;
			}

			case 'link': {
				const start = out.length;
				append(node.children, {...style, fg: 'link', underline: true, link: node.url}, out, options);
				const text = out
					.slice(start)
					.map(segment => segment.text)
					.join('');
				if (options.showUrls && text.trim() !== node.url) {
					out.push(
						options.shortUrls
							? {text: ` ${shownTarget(node.url)}`, style: {...style, fg: 'muted', dim: true}}
							: {text: ` <${node.url}>`, style: {...style, fg: 'muted'}},
					);
				}
				break;
			}

			case 'span': {
				const look = classStyles[node.className] ?? {};
				if (look === 'invisible') {
					const inner: Segment[] = [];
					append(node.children, style, inner, options);
					const width = cellWidth(inner.map(segment => segment.text).join(''));
					out.push({text: ' '.repeat(width), style});
				} else {
					append(node.children, {...style, ...look}, out, options);
				}

				break;
			}

			default: {
				assertNever(node);
			}
		}
	}
}
