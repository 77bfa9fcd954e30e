/**
 * Search over a deck: case-insensitive substring match, in slide order. The
 * text of every slide is indexed once, as one string with each slide's
 * start, so a query is a few `indexOf` calls over the whole deck rather than
 * one per slide, and a query that extends the last one (typing) only checks
 * the slides that matched it. The index is built on the first search, or
 * beforehand a part at a time (`indexSome`, while the player is idle).
 */
import type {Slide} from './model.js';
import {slideText} from './slide-text.js';

/** Between slides in the joined text: no query typed at the keyboard contains it. */
const separator = '\u0000';

export type SlideSearch = {
	/** The slides whose text contains `query` (any case), in order; none for an empty query. */
	(query: string): number[];
	/** Indexes up to `count` more slides; true once every slide is indexed. */
	indexSome(count: number): boolean;
};

export function searchSlides(slides: readonly Slide[]): SlideSearch {
	const texts: string[] = [];
	let joined: string | undefined;
	const starts: number[] = [];
	let last: {needle: string; matches: number[]} | undefined;

	const indexSome = (count: number): boolean => {
		const end = Math.min(slides.length, texts.length + count);
		for (let index = texts.length; index < end; index++) texts.push(slideText(slides[index]!).toLocaleLowerCase());
		return texts.length === slides.length;
	};

	const whole = (): string => {
		if (joined === undefined) {
			indexSome(slides.length);
			let at = 0;
			for (const text of texts) {
				starts.push(at);
				at += text.length + separator.length;
			}

			joined = texts.join(separator);
		}

		return joined;
	};

	/** The slide whose text holds position `at` of the joined text. */
	const slideAt = (at: number): number => {
		let low = 0;
		let high = starts.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >>> 1;
			if (starts[middle]! <= at) low = middle;
			else high = middle - 1;
		}

		return low;
	};

	const search = (query: string): number[] => {
		const needle = query.toLocaleLowerCase();
		if (needle === '') return [];
		const text = whole();
		let matches: number[];
		if (last && needle.startsWith(last.needle)) {
			matches = last.matches.filter(index => texts[index]!.includes(needle));
		} else {
			matches = [];
			let at = needle.includes(separator) ? -1 : text.indexOf(needle);
			while (at !== -1) {
				const index = slideAt(at);
				matches.push(index);
				const next = starts[index + 1];
				at = next === undefined ? -1 : text.indexOf(needle, next);
			}
		}

		last = {needle, matches};
		return [...matches];
	};

	return Object.assign(search, {indexSome});
}
