/**
 * The opening of a remark deck, for the player's first paint: the slide at
 * `start` and the one after it read, every other slide a blank placeholder,
 * and the slide count the whole deck's, so that the opening screen is the
 * one the whole deck gives. At 10,000 slides this costs little more than 60
 * slides do.
 *
 * One walk of the lexer (slide-scan.ts) over the whole Markdown finds the
 * slides, their `--` steps, the slides that `exclude: true` drops and the
 * `layout: true` slides that are not shown, and the link definitions; it
 * keeps the tokens of the slides up to the group of steps after the opening
 * one, which the parser, the templates and markdown-it then read as the
 * whole deck does. Where the scan and the parser disagree on those slides,
 * the deck is read whole. Pure.
 */
import type {Deck, Slide} from '../../model.js';
import {maxSteps, numberSlides} from '../blocks.js';
import {walk} from './lexer.js';
import {parseTokens} from './parser.js';
import {groupDrafts, readOptions, remarkMarkdown, stepGroups} from './read-remark.js';
import {SlideScan, type ScannedSlide} from './slide-scan.js';
import {buildSlides} from './slideshow.js';
import {Source} from './source-tables.js';
import {LineIndex} from './sourced.js';

/**
 * The deck as far as the opening screen needs it, or undefined when it must
 * be read whole: a deck with stepped code (whose steps only reading tells),
 * a page that loads its slides, a deck whose slides all show nothing (empty
 * or not, only reading tells). Diagnostics are left to the whole parse.
 */
export function remarkOpening(text: string, start: number): Deck | undefined {
	if (/^[ \t]*(?:`{3,}|~{3,}).*\{[^}\n]*\|/m.test(text)) return undefined;
	const read = remarkMarkdown(text, []);
	if ('deck' in read || read.markdown === '') return undefined;
	const {markdown, firstLine, drafts} = read;
	const steps = new StepCount(drafts.length);
	// Tokens are kept up to the slide that starts a group of steps after the one after the opening slide.
	const scan = new SlideScan(markdown, slide => {
		const begins = steps.add(slide);
		return begins === undefined || begins <= start + 1;
	});
	walk(new Source(markdown), scan);
	scan.finish();
	const kept = scan.slides.slice(0, scan.keptSlides);
	const parsed = parseTokens(scan.tokens.list, new LineIndex(markdown.slice(0, scan.keptEnd), firstLine));
	const groups = stepGroups(buildSlides(parsed.slides, []));
	if (!agrees(kept, parsed.slides, groups, steps.groups)) return undefined;

	const options = readOptions(scan.links, []);
	const slides: Slide[] = numberSlides(drafts);
	if (drafts.length === 0) slides.pop();
	// markdown-it keeps the link definitions it finds in a slide for the slides read after it: before the opening, they are read for them.
	const replay = markdown.slice(0, scan.keptEnd).includes(']:');
	for (const group of groups) {
		const count = Math.min(group.length, maxSteps);
		if (slides.length + count > start && slides.length <= start + 1) {
			for (const draft of groupDrafts(group, options)) slides.push({...numberSlides([draft])[0]!, index: slides.length});
			continue;
		}

		if (replay && slides.length <= start) groupDrafts(group, options);
		for (let step = 0; step < count; step++) slides.push({kind: 'blank', index: slides.length, line: group[0]!.line});
	}

	const rest = steps.groups.slice(groups.length);
	const lines = separatorLines(
		markdown,
		rest.map(group => group.first.separator),
		firstLine,
	);
	for (const [index, group] of rest.entries()) {
		for (let step = 0; step < Math.min(group.size, maxSteps); step++) slides.push({kind: 'blank', index: slides.length, line: lines[index]! + 1});
	}

	// Whether a deck of blank slides is empty takes reading every slide.
	if (slides.every(slide => slide.kind === 'blank' && !slide.notes)) return undefined;
	return {format: 'remark', slides, diagnostics: []};
}

type Group = {readonly first: ScannedSlide; size: number};

/** The groups of steps of the shown slides, as `buildSlides` and `stepGroups` make them, counted as slides are scanned. */
class StepCount {
	readonly groups: Group[] = [];
	/** The steps before the last group. */
	private before: number;

	constructor(titleSlides: number) {
		this.before = titleSlides;
	}

	/** The step a slide's group starts at when it starts one; undefined when it joins the group before it or is not shown. */
	add(slide: ScannedSlide): number | undefined {
		if (slide.excluded || slide.layout) return undefined;
		const last = this.groups.at(-1);
		if (slide.continued && last) {
			last.size++;
			return undefined;
		}

		if (last) this.before += Math.min(last.size, maxSteps);
		this.groups.push({first: slide, size: 1});
		return this.before;
	}
}

/** Whether the parser finds the kept slides where the scan found them: the same slides dropped, steps and layouts, the same groups. */
function agrees(
	kept: readonly ScannedSlide[],
	parsed: ReturnType<typeof parseTokens>['slides'],
	groups: ReadonlyArray<readonly unknown[]>,
	counted: readonly Group[],
): boolean {
	const shown = kept.filter(slide => !slide.excluded);
	const keptSet = new Set(kept);
	const keptGroups = counted.findIndex(group => !keptSet.has(group.first));
	if (kept.length === 0 || shown.length !== parsed.length || groups.length !== (keptGroups === -1 ? counted.length : keptGroups)) return false;
	const same = (slide: ScannedSlide, index: number) => {
		const other = parsed[index]!;
		return other.continued === slide.continued && (other.properties.get('layout') === 'true') === slide.layout;
	};

	return shown.every(same) && groups.every((group, index) => group.length === counted[index]!.size);
}

/** The deck line of each offset (ascending), counted forward once. */
function separatorLines(text: string, offsets: readonly number[], firstLine: number): number[] {
	const lines: number[] = [];
	let line = firstLine;
	let at = 0;
	for (const offset of offsets) {
		for (let newline = text.indexOf('\n', at); newline !== -1 && newline < offset; newline = text.indexOf('\n', newline + 1)) {
			line++;
			at = newline + 1;
		}

		lines.push(line);
	}

	return lines;
}
