/**
 * A deck's code blocks coloured by the highlighter. A deck without a code
 * block in a named language never imports the highlighter (a chunk of its own,
 * with Shiki and each grammar in chunks of their own), so it starts as fast as
 * before.
 */
import type {Block, CodeToken, Deck, Slide} from '../deck/model.js';

/** True when some slide (or its notes) has a code block that names a language. */
function deckHasCode(deck: Deck): boolean {
	return deck.slides.some(slide => slideBlocks(slide).some(block => block.type === 'code' && block.code.language !== ''));
}

function slideBlocks(slide: Slide): readonly Block[] {
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

/**
 * The deck with its code blocks' `tokens` filled in, in the named Shiki theme
 * (see source/theme/). The same block text is highlighted once (the steps of a
 * slide repeat their blocks).
 */
export async function highlightDeck(deck: Deck, shikiTheme: string): Promise<Deck> {
	if (!deckHasCode(deck)) return deck;
	const [{highlightLines}, {loadShikiTheme}] = await Promise.all([import('./highlighter.js'), import('../theme/shiki-themes.js')]);
	const theme = await loadShikiTheme(shikiTheme);
	const done = new Map<string, Promise<CodeToken[][] | undefined>>();
	const highlight = async (block: Block): Promise<Block> => {
		if (block.type !== 'code' || block.code.language === '') return block;
		const key = `${block.code.language}\n${block.code.lines.join('\n')}`;
		let found = done.get(key);
		if (!found) {
			found = highlightLines(block.code.lines, block.code.language, theme);
			done.set(key, found);
		}

		const tokens = await found;
		return tokens ? {...block, code: {...block.code, tokens}} : block;
	};

	const blocks = (list: readonly Block[]) => Promise.all(list.map(block => highlight(block)));
	const slides = await Promise.all(
		deck.slides.map(async (slide): Promise<Slide> => {
			const notes = slide.notes ? {notes: {...slide.notes, blocks: await blocks(slide.notes.blocks)}} : {};
			switch (slide.kind) {
				case 'title':
				case 'draft':
				case 'text': {
					return {...slide, body: await blocks(slide.body), ...notes};
				}

				case 'image': {
					return {...slide, body: await blocks(slide.body), ...(slide.before ? {before: await blocks(slide.before)} : {}), ...notes};
				}

				case 'terminal': {
					return {...slide, ...(slide.before ? {before: await blocks(slide.before)} : {}), ...notes};
				}

				default: {
					return {...slide, ...notes};
				}
			}
		}),
	);
	return {...deck, slides};
}
