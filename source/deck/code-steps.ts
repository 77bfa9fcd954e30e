/**
 * Stepped highlighting (presenterm's `{1-4|6-10|all}`): each range of a code
 * block is a step of its slide, like a pause, showing that range with the
 * other lines dimmed. A slide's steps are slides of their own (as remark's
 * `--` and `<!-- pause -->` are), so navigation, the presenter's next-step
 * preview and export see them as any other step. A single range (`{2,4}`) is
 * a fixed highlight, not a step.
 */
import {codeAttributes} from './code-attributes.js';
import type {Block, Deck, Slide} from './model.js';
import {mapSlideBlocks, slideBlocks} from './slide-blocks.js';

type Ranges = ReadonlyArray<readonly number[] | undefined>;

function stepsOf(block: Block): Ranges | undefined {
	if (block.type !== 'code' || !block.code.attributes.includes('{')) return undefined;
	return codeAttributes(block.code.attributes, block.code.lines.length).steps;
}

/** The code blocks of a slide shown at a step of their ranges: `at` maps a block's line to its step. */
function atSteps(slide: Slide, at: ReadonlyMap<number, number>, stepped: ReadonlyMap<number, Ranges>): Slide {
	return mapSlideBlocks(slide, block => {
		const ranges = block.type === 'code' ? stepped.get(block.line) : undefined;
		if (!ranges || block.type !== 'code') return block;
		const focus = ranges[Math.min(at.get(block.line) ?? ranges.length - 1, ranges.length - 1)];
		const {focus: _old, ...code} = block.code;
		return {...block, code: focus ? {...code, focus} : code};
	});
}

/** The slides of one incremental slide (its steps), or one slide, with the code steps added. */
function expandGroup(group: readonly Slide[]): Slide[] {
	const stepped = new Map<number, Ranges>();
	const out: Slide[] = [];
	const seen = new Set<number>();
	for (const slide of group) {
		const fresh: number[] = [];
		for (const block of slideBlocks(slide)) {
			const ranges = stepsOf(block);
			if (!ranges || seen.has(block.line)) continue;
			seen.add(block.line);
			stepped.set(block.line, ranges);
			if (ranges.length > 1) fresh.push(block.line);
		}

		// Blocks already stepped through show their last range; each new one goes through its ranges in turn.
		const at = new Map<number, number>(fresh.map(line => [line, 0]));
		out.push(atSteps(slide, at, stepped));
		for (const line of fresh) {
			for (let step = 1; step < stepped.get(line)!.length; step++) {
				at.set(line, step);
				out.push(atSteps(slide, at, stepped));
			}

			at.delete(line);
		}
	}

	if (out.length === group.length) return out;
	return out.map((slide, index) => ({...slide, step: {index: index + 1, of: out.length}}));
}

export function stepCodeBlocks(deck: Deck): Deck {
	if (!deck.slides.some(slide => slideBlocks(slide).some(block => stepsOf(block)))) return deck;
	const slides: Slide[] = [];
	let group: Slide[] = [];
	const flush = () => {
		slides.push(...expandGroup(group));
		group = [];
	};

	for (const slide of deck.slides) {
		// A slide that is not the next step of the group before it starts a group of its own.
		if (!(slide.step && slide.step.index > 1 && group.length > 0)) flush();
		group.push(slide);
	}

	flush();
	return {...deck, slides: slides.map((slide, index) => ({...slide, index}))};
}
