/**
 * A deck's code blocks coloured by the highlighter. A deck without a code
 * block in a named language never imports the highlighter (a chunk of its own,
 * with Shiki and each grammar in chunks of their own), so it starts as fast as
 * before.
 */
import type {Block, CodeToken, Deck} from '../deck/model.js';
import {mapSlideBlocks, slideBlocks} from '../deck/slide-blocks.js';

const keyOf = (code: Extract<Block, {type: 'code'}>['code']) => `${code.language}\n${code.lines.join('\n')}`;

/**
 * The deck with its code blocks' `tokens` filled in, in the named Shiki theme
 * (see source/theme/). The same block text is highlighted once (the steps of a
 * slide repeat their blocks).
 */
export async function highlightDeck(deck: Deck, shikiTheme: string): Promise<Deck> {
	const blocks = deck.slides.flatMap(slide => slideBlocks(slide)).filter(block => block.type === 'code' && block.code.language !== '');
	if (blocks.length === 0) return deck;
	const [{highlightLines}, {loadShikiTheme}] = await Promise.all([import('./highlighter.js'), import('../theme/shiki-themes.js')]);
	const theme = await loadShikiTheme(shikiTheme);
	const found = new Map<string, CodeToken[][] | undefined>();
	for (const block of blocks) {
		if (block.type !== 'code') continue;
		const key = keyOf(block.code);
		if (found.has(key)) continue;
		try {
			found.set(key, await highlightLines(block.code.lines, block.code.language, theme));
		} catch {
			// A grammar that fails on this text leaves the block plain: a deck's code never stops the talk.
			found.set(key, undefined);
		}
	}

	const slides = deck.slides.map(slide =>
		mapSlideBlocks(slide, block => {
			const tokens = block.type === 'code' && block.code.language !== '' ? found.get(keyOf(block.code)) : undefined;
			return tokens && block.type === 'code' ? {...block, code: {...block.code, tokens}} : block;
		}),
	);
	return {...deck, slides};
}
