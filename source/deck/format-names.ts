/**
 * The names `--format` takes: every format lectern reads, and the other
 * names their decks go by (xaringan and backslide decks are remark decks,
 * patat reads pandoc's Markdown).
 */
import {deckFormats, type DeckFormat} from './model.js';

const aliases: Readonly<Record<string, DeckFormat>> = {xaringan: 'remark', backslide: 'remark', pandoc: 'patat'};

export const formatNames: readonly string[] = [...deckFormats, ...Object.keys(aliases)];

/** The format a `--format` name means, or undefined. */
export function formatNamed(name: string): DeckFormat | undefined {
	return (deckFormats as readonly string[]).includes(name) ? (name as DeckFormat) : aliases[name];
}
