/**
 * A short, one-line name for a slide: for the status bar, the overview and
 * search results.
 */
import {assertNever, type Slide} from './model.js';
import {inlineText} from './inline-tree.js';

/** `sprout_localhost_0.png` reads "sprout localhost 0". */
export function readableImageName(src: string): string {
	const base = src.split(/[\\/]/).at(-1) ?? src;
	const stem = base.replace(/\.[a-z\d]{1,5}$/i, '');
	const words = stem.replace(/[_\-.]+/g, ' ').trim();
	return words === '' ? base : words;
}

export function slideTitle(slide: Slide): string {
	return oneLine(rawTitle(slide));
}

function rawTitle(slide: Slide): string {
	switch (slide.kind) {
		case 'title':
		case 'draft': {
			return inlineText(slide.title);
		}

		case 'emoji': {
			return slide.rows.map(row => row.join('')).join(' ');
		}

		case 'image': {
			const heading = slide.before?.find(block => block.type === 'heading');
			return heading?.type === 'heading' ? inlineText(heading.content) : (slide.image.alt ?? readableImageName(slide.image.src));
		}

		case 'terminal': {
			const command = slide.lines.findLast(line => line.prompt !== undefined && line.segments.length > 0);
			const text = command ? command.segments.map(segment => inlineText(segment.content)).join('') : '';
			return text.trim() === '' ? slide.title : `${slide.title}: ${text}`;
		}

		case 'text': {
			for (const block of slide.body) {
				if (block.type === 'heading' || block.type === 'caption') return inlineText(block.content);
				if (block.type === 'paragraph') return inlineText(block.lines[0] ?? []);
				if (block.type === 'code') return block.code.lines.find(line => line.trim() !== '') ?? '';
				if (block.type === 'list') return inlineText(block.items[0] ?? []);
				if (block.type === 'image') return block.image.alt ?? readableImageName(block.image.src);
			}

			return '';
		}

		case 'blank': {
			return '';
		}

		default: {
			return assertNever(slide);
		}
	}
}

function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/** How many words of the notes tell an emoji slide from its neighbours. */
const noteWords = 6;

/**
 * A slide's name in lists (the overview, the rehearsal report), the same in
 * each: its title; an emoji slide's emoji followed by the first words of its
 * notes (👩🏻‍🔧 and 👩🏼‍💻 read alike where a terminal cannot draw their
 * sequences); "(blank)" for a blank slide; "(untitled)" for one with no words.
 */
export function slideLabel(slide: Slide): string {
	if (slide.kind === 'blank') return '(blank)';
	const title = slideTitle(slide);
	if (slide.kind === 'emoji' && slide.notes) {
		const words = oneLine(slide.notes.text)
			.split(' ')
			.filter(word => word !== '');
		if (words.length > 0) return `${title} · ${words.slice(0, noteWords).join(' ')}${words.length > noteWords ? '…' : ''}`;
	}

	return title === '' ? '(untitled)' : title;
}
