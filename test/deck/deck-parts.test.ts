/**
 * A shorthand deck parsed a part at a time (what the player does with a large
 * one, a part per turn of the event loop) is the deck parsed at once, and its
 * slides are as small as they can be made.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {loadDeck, loadDeckInParts, loadDeckInSteps, type DeckParts} from '../../source/deck/load-deck.js';
import type {Deck} from '../../source/deck/model.js';
import {maxSlides} from '../../source/deck/slide-cap.js';

const encoder = new TextEncoder();
const fixture = (name: string): Uint8Array => readFileSync(join(process.cwd(), 'fixtures', name));

/** Slides of every kind, with notes, drafts (diagnostics) and a terminal session. */
function mixed(count: number): string {
	const kinds = [
		(index: number) => `#= Title ${index}\n## A subtitle\n### a part`,
		(index: number) => `# Heading ${index}\n\n- **one** \`two\`\n- *three* [four](https://example.com)\n\nA paragraph.\nNote: say ${index}`,
		(index: number) => `$$terminal session ${index}\n$$prompt ~/shop\nls dist\nmain.js`,
		(index: number) => `$$terminal session ${index}\n$$prompt ~/shop\nls dist\nmain.js\n$$prompt ~/shop\nnpm ci`,
		(index: number) => `@= picture-${index}.png\nvv [A caption](https://example.com) more`,
		(index: number) => `#todo finish ${index}`,
		() => '.e[🦄]',
		() => '',
	];
	return Array.from({length: count}, (_, index) => kinds[index % kinds.length]!(index)).join('\n---\n');
}

/** Every part asked for, `size` slides each, until the deck is whole; and how many calls that took. */
function drain(parts: DeckParts, size: number): {deck: Deck; calls: number} {
	for (let calls = 1; ; calls++) {
		const deck = parts(size);
		if (deck) return {deck, calls};
	}
}

const decks: Array<[string, Uint8Array, number?]> = [
	['the reference-style fixture', fixture('reference-style.txt')],
	['the demo deck', fixture('demo.txt')],
	['CRLF line ends and a BOM', fixture('crlf-bom.txt')],
	['slides of every kind', encoder.encode(mixed(203))],
	// Its slides past the cap are only counted (no part is asked for them), and the last one shown says how many.
	['past the cap', encoder.encode(mixed(maxSlides + 40)), maxSlides + 40],
];

for (const [name, bytes, inFile] of decks) {
	test(`${name}: the deck in parts is the deck parsed at once, whatever the size of a part`, () => {
		const whole = loadDeck(bytes);
		const count = Math.min(inFile ?? whole.slides.length, maxSlides + 1);
		for (const size of [1, 7, 200, Number.POSITIVE_INFINITY]) {
			const {deck, calls} = drain(loadDeckInParts(bytes)!, size);
			assert.deepEqual(deck, whole, `parts of ${size}`);
			assert.equal(calls, Math.max(1, Math.ceil(count / size)), `parts of ${size}`);
		}
	});
}

test('the player gets the same parts: the opening first, then the whole deck a part at a time', () => {
	const bytes = encoder.encode(mixed(500));
	const steps = loadDeckInSteps(bytes, {}, 0);
	assert.ok(steps.inParts);
	const {deck} = drain(steps.inParts, 64);
	assert.deepEqual(deck, loadDeck(bytes));
	// Once whole, asked again (or for the whole deck): the same deck, not another parse.
	assert.equal(steps.inParts(64), deck);
	assert.equal(steps.whole(), deck);
});

test('only a deck read a slide at a time comes in parts: Markdown is parsed whole', () => {
	const markdown = encoder.encode(Array.from({length: 30}, (_, index) => `# Slide ${index}\n\ntext`).join('\n\n---\n\n'));
	assert.equal(loadDeckInParts(markdown), undefined);
	assert.equal(loadDeckInSteps(markdown, {}, 0).inParts, undefined);
	assert.equal(loadDeckInParts(encoder.encode(mixed(8)), {format: 'markdown'}), undefined);
});

test('slides of the same kind and fields share their hidden classes (spread from their bodies, each slide had its own: 2 MiB at 10,000 slides)', () => {
	// In a fresh process, as the player parses: what V8 does with a spread depends on what it has seen before.
	const script = `import {readFileSync} from 'node:fs';
import {loadDeck} from ${JSON.stringify(join(process.cwd(), 'build', 'source', 'deck', 'load-deck.js'))};
const apart = [];
for (const text of JSON.parse(readFileSync(0, 'utf8'))) {
	const deck = loadDeck(new TextEncoder().encode(text), {format: 'shorthand'});
	// Each slide against the last one of its shape: V8 may move a class on as a field's type widens, never for every slide.
	const lastOfShape = new Map();
	let count = 0;
	for (const slide of deck.slides) {
		const shape = Object.keys(slide).join();
		const last = lastOfShape.get(shape);
		lastOfShape.set(shape, slide);
		if (last && !%HaveSameMap(last, slide)) count++;
	}
	apart.push(count);
}
console.log(JSON.stringify(apart));`;
	// A deck of each kind of slide (a run of one kind gave each slide a class of its own), and one of every kind.
	const slides = mixed(8 * 300).split('\n---\n');
	const texts = [...Array.from({length: 8}, (_, kind) => slides.filter((_, index) => index % 8 === kind).join('\n---\n')), mixed(800)];
	const result = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], {encoding: 'utf8', input: JSON.stringify(texts)});
	assert.equal(result.status, 0, result.stderr);
	const apart = JSON.parse(result.stdout) as number[];
	for (const [index, count] of apart.entries()) assert.ok(count <= 15, `deck ${index + 1}: ${count} slides have a hidden class other than the one before them`);
});
