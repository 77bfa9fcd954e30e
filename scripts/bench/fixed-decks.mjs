/** The bench's committed decks: the fixed deck and the reference talk (see the header of scripts/bench.mjs). */
import {existsSync, readdirSync, statSync} from 'node:fs';
import {basename, join} from 'node:path';

/** fixtures/demo.txt, else the first .txt in fixtures/ (sorted by name), else fixtures/bench/reference.txt. */
export function fixedDeck(root, log) {
	const fixtures = join(root, 'fixtures');
	const demo = join(fixtures, 'demo.txt');
	if (existsSync(demo)) return demo;
	const first = existsSync(fixtures)
		? readdirSync(fixtures)
				.filter(name => name.endsWith('.txt') && statSync(join(fixtures, name)).isFile())
				.sort()[0]
		: undefined;
	if (first) return join(fixtures, first);
	log('no .txt deck in fixtures/: using fixtures/bench/reference.txt');
	return join(fixtures, 'bench', 'reference.txt');
}

/**
 * The talk lectern is measured against: LECTERN_BENCH_REFERENCE, else the reference deck
 * beside the repository where there is one (../shared/decks/, not part of a clone), else
 * fixtures/reference-style.txt (a deck in its style).
 */
export function referenceDeck(root) {
	const candidates = [
		process.env.LECTERN_BENCH_REFERENCE,
		join(root, '..', 'shared', 'decks', 'pygotham-2019-deployment.txt'),
		join(root, 'fixtures', 'reference-style.txt'),
	].filter(Boolean);
	const path = candidates.find(candidate => existsSync(candidate));
	return path ? {path, name: basename(path)} : undefined;
}
