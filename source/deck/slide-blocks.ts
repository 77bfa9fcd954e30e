/**
 * The blocks of a slide wherever they are (body, the part above a picture or
 * a terminal window, notes), to read them all or to change each one.
 */
import {codeAttributes} from './code-attributes.js';
import type {Block, Slide} from './model.js';

/** Every block of a slide and its notes, in order. */
export function slideBlocks(slide: Slide): readonly Block[] {
	const notes = slide.notes?.blocks ?? [];
	switch (slide.kind) {
		case 'title':
		case 'draft':
		case 'text': {
			return [...slide.body, ...notes];
		}

		case 'image': {
			return [...(slide.before ?? []), ...slide.body, ...notes];
		}

		case 'terminal': {
			return [...(slide.before ?? []), ...notes];
		}

		default: {
			return notes;
		}
	}
}

/** The slide with `change` applied to each of its blocks (its notes' too). */
export function mapSlideBlocks(slide: Slide, change: (block: Block) => Block): Slide {
	const list = (blocks: readonly Block[]) => blocks.map(block => change(block));
	const notes = slide.notes ? {notes: {...slide.notes, blocks: list(slide.notes.blocks)}} : {};
	switch (slide.kind) {
		case 'title':
		case 'draft':
		case 'text': {
			return {...slide, body: list(slide.body), ...notes};
		}

		case 'image': {
			return {...slide, body: list(slide.body), ...(slide.before ? {before: list(slide.before)} : {}), ...notes};
		}

		case 'terminal': {
			return {...slide, ...(slide.before ? {before: list(slide.before)} : {}), ...notes};
		}

		default: {
			return {...slide, ...notes};
		}
	}
}

type Code = Extract<Block, {type: 'code'}>;

/** The code blocks of a slide that ask to be run (`+exec`, `+exec_replace`, `+pty`). */
export function runnableBlocks(slide: Slide): Code[] {
	return slideBlocks(slide).filter(
		(block): block is Code => block.type === 'code' && codeAttributes(block.code.attributes, block.code.lines.length).run !== undefined,
	);
}
