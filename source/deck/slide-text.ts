/**
 * All the words of a slide as plain text (content, then notes), for search.
 */
import {assertNever, type Block, type Slide} from './model.js';
import {inlineText} from './inline-tree.js';

export function slideText(slide: Slide): string {
	return [contentText(slide), slide.notes?.text ?? ''].join('\n');
}

function contentText(slide: Slide): string {
	switch (slide.kind) {
		case 'title': {
			return [inlineText(slide.title), ...slide.subtitles.map(subtitle => inlineText(subtitle.content)), blocksText(slide.body)].join('\n');
		}

		case 'draft': {
			return [inlineText(slide.title), blocksText(slide.body)].join('\n');
		}

		case 'emoji': {
			return slide.rows.map(row => row.join('')).join('\n');
		}

		case 'image': {
			return [blocksText(slide.before ?? []), slide.image.alt ?? '', slide.image.src, blocksText(slide.body)].filter(Boolean).join('\n');
		}

		case 'terminal': {
			const lines = slide.lines.map(line => [line.prompt ?? '', ...line.segments.map(segment => inlineText(segment.content))].join(' '));
			return [blocksText(slide.before ?? []), slide.title, ...lines].filter(Boolean).join('\n');
		}

		case 'text': {
			return blocksText(slide.body);
		}

		case 'blank': {
			return '';
		}

		default: {
			return assertNever(slide);
		}
	}
}

function blocksText(blocks: readonly Block[]): string {
	return blocks
		.map(block => {
			switch (block.type) {
				case 'heading':
				case 'caption': {
					return inlineText(block.content);
				}

				case 'paragraph': {
					return block.lines.map(line => inlineText(line)).join('\n');
				}

				case 'code': {
					return block.code.lines.join('\n');
				}

				case 'list': {
					return block.items.map(item => inlineText(item)).join('\n');
				}

				case 'image': {
					return block.image.src;
				}

				default: {
					return assertNever(block);
				}
			}
		})
		.join('\n');
}
