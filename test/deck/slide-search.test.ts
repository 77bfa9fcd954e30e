import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseDeck} from '../../source/deck/parse-deck.js';
import {searchSlides} from '../../source/deck/slide-search.js';
import {slideText} from '../../source/deck/slide-text.js';

const words = ['deploy', 'Deployment', 'build', 'İstanbul', 'cache', 'rollout', 'ab', 'aba', 'b'];
const source = Array.from({length: 60}, (_, index) => {
	const picked = words.filter((_, word) => (index * 7 + word * 3) % 5 === 0);
	return `# Slide ${index}\n\n${picked.join(' ')}\n\nNote: ${index % 4 === 0 ? 'rollback plan' : ''}`;
}).join('\n---\n');
const deck = parseDeck(source);

/** What a search must find: each slide's text checked on its own. */
const oracle = (query: string): number[] =>
	query === '' ? [] : deck.slides.flatMap((slide, index) => (slideText(slide).toLocaleLowerCase().includes(query.toLocaleLowerCase()) ? [index] : []));

test('search finds what a slide-by-slide check finds, typed a character at a time, widened and changed', () => {
	const search = searchSlides(deck.slides);
	const queries = [
		'd',
		'de',
		'dep',
		'depl',
		'deploy',
		'deploym',
		'deploy',
		'b',
		'ba',
		'ab',
		'aba',
		'abab',
		'ROLL',
		'rollb',
		'istanbul',
		'i̇stanbul',
		'slide 1',
		'slide 12',
		'e 5\n',
		'zzz',
		'',
		'a',
	];
	for (const query of queries) assert.deepEqual(search(query), oracle(query), JSON.stringify(query));
	assert.ok(oracle('deploy').length > 1 && oracle('deploy').length < deck.slides.length, 'the fixture tells matches apart');
});

test('a search indexed ahead, a part at a time, finds the same', () => {
	const search = searchSlides(deck.slides);
	let rounds = 1;
	while (!search.indexSome(7)) rounds++;
	assert.equal(rounds, Math.ceil(deck.slides.length / 7));
	assert.deepEqual(search('cache'), oracle('cache'));
	assert.deepEqual(searchSlides([])('x'), []);
});

test("the result is the caller's own: changing it changes no later search", () => {
	const search = searchSlides(deck.slides);
	const first = search('b');
	first.length = 0;
	assert.deepEqual(search('bu'), oracle('bu'));
});
