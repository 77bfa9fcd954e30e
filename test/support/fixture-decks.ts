/**
 * Every deck of fixtures/ a person would present (not the hostile, binary or
 * benchmark ones), read as the player reads it: for the tests that hold a
 * property for every slide of every fixture (title fill, glyph coverage).
 */
import {readdirSync} from 'node:fs';
import {join, relative} from 'node:path';
import type {Deck} from '../../source/deck/model.js';
import {readDeck} from '../../source/read-deck.js';

export type FixtureDeck = {
	/** The path from the repository's root, e.g. `fixtures/reference-style.txt`. */
	readonly path: string;
	readonly deck: Deck;
};

const folders = ['fixtures', 'fixtures/screen', 'fixtures/real-decks', 'fixtures/formats', 'fixtures/images'];
const deckFile = /\.(?:txt|md|Rmd|html)$/;

export async function fixtureDecks(): Promise<FixtureDeck[]> {
	const root = process.cwd();
	const found: FixtureDeck[] = [];
	for (const folder of folders) {
		for (const name of readdirSync(join(root, folder)).sort()) {
			if (!deckFile.test(name)) continue;
			const path = join(root, folder, name);
			try {
				found.push({path: relative(root, path), deck: await readDeck(path)});
			} catch {
				// Not a deck lectern presents (an empty or binary fixture): other tests cover those.
			}
		}
	}

	return found;
}
