/**
 * A deck never loses content silently: for every fixture deck of every
 * format, each word of its source that is not markup in its format shows in
 * `print --notes` (on the slide or in the notes), a word written once shows
 * once (never on the slide and in the notes both), and no word of the
 * speaker notes ever shows on the audience's slide.
 *
 * `fixtures/content-preservation.json` lists each deck's notes as written,
 * and the words that are markup. Big-text titles are read from the model
 * (their letters are drawn, not written); everything else from the printout.
 */
import assert from 'node:assert/strict';
import {decodeHTML} from 'entities';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {printDeck} from '../../source/commands/print.js';
import {inlineText} from '../../source/deck/inline-tree.js';
import {loadDeck} from '../../source/deck/load-deck.js';
import type {Deck, Slide} from '../../source/deck/model.js';
import {struck} from '../../source/layout/plan-title.js';
import '../support/yaml.js';

/** A deck's notes, its markup words (and `why`, when they are not plain markup), or why it is skipped. */
type Expectation = {
	readonly notes?: readonly string[];
	readonly markup?: readonly string[];
	readonly why?: string;
	readonly skip?: string;
	readonly shorthandNotes?: boolean;
};
type Expectations = {readonly markup: readonly string[]; readonly decks: Readonly<Record<string, Expectation>>};

const fixtures = join(process.cwd(), 'fixtures');
const expectations = JSON.parse(readFileSync(join(fixtures, 'content-preservation.json'), 'utf8')) as Expectations;

/** Words of three letters or more, lower-cased; markup characters split words (`kettle_photo` is two). */
function words(text: string): string[] {
	return [...text.matchAll(/\p{L}[\p{L}'’]{2,}/gu)].map(match => match[0].toLowerCase().replace(/['’]s$/, ''));
}

/** Image files: `@= FILE`, `~@ FILE`, `@ FILE`, `![alt](FILE)`, `src="FILE"`, `url(FILE)`. */
const imageFile = /^(?:@=|~@|@)[ \t]+(\S+)|!\[[^\]]*\]\(([^)\s]+)|\bsrc="([^"]+)"|url\(([^)]+)\)/gm;

function tally(list: readonly string[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const word of list) counts.set(word, (counts.get(word) ?? 0) + 1);
	return counts;
}

/** The shorthand's notes by its own rule: a `Note:` line and the rest of its slide. */
function shorthandNotes(text: string): string[] {
	const notes: string[] = [];
	for (const slide of text.split(/^---[ \t]*$/m)) {
		const at = slide.search(/^Note:/m);
		if (at !== -1) notes.push(slide.slice(at).replace(/^Note:/, ''));
	}

	return notes;
}

/**
 * What the audience sees, and what the notes pane holds, as `print --notes`
 * gives it. The steps of one slide repeat each other: the audience's words
 * are counted from the last step, the notes once for each different text.
 */
function printed(deck: Deck): {audience: string; notes: string} {
	let audience = '';
	let notes = '';
	const notesSeen = new Set<string>();
	let current: {slide: Slide; audience: string; notes: string} | undefined;
	const finish = () => {
		if (!current) return;
		const {slide} = current;
		if (!slide.step || slide.step.index === slide.step.of) audience += current.audience;
		if (!notesSeen.has(current.notes)) notes += current.notes;
		notesSeen.add(current.notes);
	};

	let inNotes = false;
	for (const line of printDeck(deck, {size: {columns: 160, rows: 60}, notes: true, ansi: {level: 0, hyperlinks: false}})) {
		const header = /^-- slide (\d+)\/\d+ --$/.exec(line);
		if (header) {
			finish();
			const slide = deck.slides[Number(header[1]) - 1]!;
			// A title with struck-out words is written as text, not drawn big (plan-title.ts).
			const drawnBig = (slide.kind === 'title' || slide.kind === 'draft') && !struck(slide.title);
			current = {slide, audience: drawnBig ? `${inlineText(slide.title)}\n` : '', notes: ''};
			inNotes = false;
			continue;
		}

		if (line === 'Notes:') inNotes = true;
		else if (inNotes) current!.notes += `${line}\n`;
		else current!.audience += `${line}\n`;
	}

	finish();
	return {audience, notes};
}

describe('content preservation: every word of every fixture deck shows, notes only in the notes', () => {
	const markup = new Set(words(expectations.markup.join(' ')));
	for (const [name, expected] of Object.entries(expectations.decks)) {
		if (expected.skip) continue;
		test(name, () => {
			const source = readFileSync(join(fixtures, name));
			const deck = loadDeck(source, {fileName: name});
			// Entities count as the characters they stand for.
			const text = decodeHTML(source.toString('utf8'));
			const {audience, notes} = printed(deck);
			const shown = tally(words(audience));
			const inNotes = tally(words(notes));
			const ignored = new Set([...markup, ...words((expected.markup ?? []).join(' '))]);
			const noteWords = expected.shorthandNotes ? shorthandNotes(text).flatMap(note => words(note)) : (expected.notes ?? []).flatMap(note => words(note));
			const sourceCounts = tally(words(text));
			const noteCounts = tally(noteWords);

			const missing = [...sourceCounts.keys()].filter(word => !ignored.has(word) && !shown.has(word) && !inNotes.has(word));
			assert.deepEqual(missing, [], `${name}: words of the source that never show`);

			// A picture's file shows twice where it cannot be drawn: a name made from it, and the file.
			const files = new Set(words([...text.matchAll(imageFile)].map(match => match.slice(1).find(Boolean) ?? '').join(' ')));
			const twice = [...sourceCounts]
				.filter(([word, count]) => count === 1 && !ignored.has(word) && !files.has(word) && (shown.get(word) ?? 0) + (inNotes.get(word) ?? 0) > 1)
				.map(([word]) => word);
			assert.deepEqual(twice, [], `${name}: words written once that show more than once (on the slide and in the notes?)`);

			// Words only the notes have: in the notes, never on a slide.
			const onlyNotes = [...noteCounts].filter(([word, count]) => count === sourceCounts.get(word) && !ignored.has(word)).map(([word]) => word);
			assert.deepEqual(
				onlyNotes.filter(word => shown.has(word)),
				[],
				`${name}: note words on the audience's slide`,
			);
			assert.deepEqual(
				onlyNotes.filter(word => !inNotes.has(word)),
				[],
				`${name}: note words missing from the notes`,
			);
		});
	}

	test('every fixture deck has its entry', () => {
		const listed = new Set(Object.keys(expectations.decks));
		for (const folder of ['formats', 'real-decks']) {
			const names = readdir(join(fixtures, folder)).map(file => `${folder}/${file}`);
			assert.deepEqual(
				names.filter(each => !listed.has(each)),
				[],
				`fixtures/${folder} decks without an entry in content-preservation.json`,
			);
		}
	});
});

function readdir(path: string): string[] {
	return readdirSync(path).filter(file => /\.(?:md|txt|html|Rmd)$/.test(file));
}
