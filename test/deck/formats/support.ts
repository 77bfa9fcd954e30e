/**
 * Helpers for the format tests: fixtures, slides by number and kind, and
 * blocks and terminal lines as short strings.
 */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import stringWidth from 'string-width';
import {printDeck} from '../../../source/commands/print.js';
import {inlineText} from '../../../source/deck/inline-tree.js';
import type {Block, Deck, Slide, TerminalLine} from '../../../source/deck/model.js';
import '../../support/yaml.js';

export const fixture = (name: string): Buffer => readFileSync(join(process.cwd(), 'fixtures', 'formats', name));
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

type Kind = Slide['kind'];

export function slideOf<K extends Kind>(deck: Deck, number: number, kind: K): Extract<Slide, {kind: K}> {
	const slide = deck.slides[number - 1];
	assert.ok(slide, `slide ${number} exists`);
	assert.equal(slide.kind, kind, `slide ${number} is a ${kind} slide`);
	assert.equal(slide.index, number - 1);
	return slide as Extract<Slide, {kind: K}>;
}

/** A terminal line as a reader sees it: `prompt $ text`, typed part in braces, `█` for the cursor. */
export function shown(line: TerminalLine): string {
	const text = line.segments.map(segment => (segment.typed ? `{${inlineText(segment.content)}}` : inlineText(segment.content))).join('');
	return `${line.prompt === undefined ? '' : `${line.prompt} $ `}${text}${line.cursor ? '█' : ''}`;
}

/** Block content as `type: text` strings, one per block. */
export function blockTexts(blocks: readonly Block[]): string[] {
	return blocks.map(block => {
		switch (block.type) {
			case 'heading': {
				return `h${block.depth}: ${inlineText(block.content)}`;
			}

			case 'paragraph': {
				return `p: ${block.lines.map(line => inlineText(line)).join(' / ')}`;
			}

			case 'list': {
				return `${block.ordered ? `ol(${block.start})` : 'ul'}: ${block.items.map(item => inlineText(item)).join(' / ')}`;
			}

			case 'image': {
				return `image(${block.image.mode}): ${block.image.src}`;
			}

			case 'caption': {
				return `caption: ${inlineText(block.content)}`;
			}

			case 'code': {
				return `code${block.code.language ? `(${block.code.language})` : ''}: ${block.code.lines.join(' / ')}`;
			}
		}
	});
}

/** Kind, first line and step of every slide, as `kind@line` or `kind@line step/of`. */
export function outline(deck: Deck): string[] {
	return deck.slides.map(slide => `${slide.kind}@${slide.line}${slide.step ? ` ${slide.step.index}/${slide.step.of}` : ''}`);
}

/** Prints the deck at 80x24 with notes; checks the frame of every slide; returns the printed slides. */
export function printsAt80x24(deck: Deck): string[][] {
	const slides: string[][] = [];
	let notes = false;
	for (const line of printDeck(deck, {size: {columns: 80, rows: 24}, notes: true, ansi: {level: 0, hyperlinks: false}})) {
		if (/^-- slide \d+\/\d+ --$/.test(line)) {
			slides.push([]);
			notes = false;
			continue;
		}

		if (line === 'Notes:') notes = true;
		if (!notes) slides.at(-1)!.push(line);
		assert.ok(stringWidth(line) <= 80, `printed line wider than 80 columns: ${JSON.stringify(line)}`);
		assert.ok(!line.includes('\u001B'), 'no escape sequence at colour level 0');
	}

	assert.equal(slides.length, deck.slides.length, 'every slide is printed');
	for (const [index, lines] of slides.entries()) assert.ok(lines.length <= 24, `slide ${index + 1} fits 24 rows`);
	return slides;
}
