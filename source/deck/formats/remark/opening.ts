/**
 * The opening of a remark deck, for the player's first paint: the slide at
 * `start` and the one after it read, every other slide a blank placeholder,
 * and the slide count the whole deck's, so that the opening screen is the
 * one the whole deck gives. At 10,000 slides this costs little more than 60
 * slides do.
 *
 * A walk of the lexer (slide-scan.ts) finds the slides, their `--` steps,
 * the slides that `exclude: true` drops and the `layout: true` slides that
 * are not shown, and the link definitions, and keeps the tokens of the
 * slides up to the group of steps after the opening one, which the parser,
 * the templates and markdown-it then read as the whole deck does. Past
 * those it stops: when the rest of the text is plain (plain-slides.ts:
 * nothing in it can make, hide or drop a slide) its separator lines are
 * counted; otherwise the walk goes on to the end. Where the walk and the
 * parser disagree on the slides kept, the deck is read whole. Pure.
 */
import type {Deck, Slide} from '../../model.js';
import {maxSteps, numberSlides} from '../blocks.js';
import {walk} from './lexer.js';
import {parseTokens} from './parser.js';
import {plainSeparators} from './plain-slides.js';
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
	const read = remarkMarkdown(text, []);
	if ('deck' in read || read.markdown === '') return undefined;
	const {markdown, firstLine, drafts} = read;
	const steps = new StepCount(drafts.length);
	// Tokens are kept up to the slide that starts a group of steps after the one after the opening slide.
	let keptGroups = -1;
	const scan = new SlideScan(
		markdown,
		slide => {
			const begins = slide.excluded || slide.layout ? undefined : steps.add(slide.separator, slide.continued);
			if (begins === undefined || begins <= start + 1) return true;
			if (keptGroups === -1) keptGroups = steps.groups - 1;
			return false;
		},
		true,
	);
	const source = new Source(markdown);
	walk(source, scan);
	// Past the slides it keeps, the walk stops: the rest is counted from its separator lines when it is plain (then it has no fence).
	const plain = scan.stopped ? plainSeparators(markdown, scan.resumeAt) : undefined;
	if (plain) {
		scan.finishPlain();
		for (let index = 0; index < plain.lines.length; index++) steps.add(plain.lines[index]!, plain.continued[index]!);
	} else {
		if (scan.stopped) {
			scan.resume();
			walk(source, scan, scan.resumeAt);
		}

		scan.finish();
	}

	if (steppedCode.test(plain ? markdown.slice(0, scan.resumeAt) : markdown)) return undefined;

	const parsed = parseTokens(scan.tokens.list, new LineIndex(markdown.slice(0, scan.keptEnd), firstLine));
	const groups = stepGroups(buildSlides(parsed.slides, []));
	const kept = scan.slides.slice(0, scan.keptSlides);
	if (!agrees(kept, parsed.slides, groups, keptGroups === -1 ? steps.groups : keptGroups, steps)) return undefined;

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

	// Whether a deck of blank slides is empty takes reading every slide (the slides after are blank).
	if (slides.every(slide => slide.kind === 'blank' && !slide.notes)) return undefined;
	// The groups after: blank, each on the line after its separator.
	let line = firstLine;
	let counted = 0;
	for (let group = groups.length; group < steps.groups; group++) {
		const separator = steps.first[group]!;
		for (let newline = markdown.indexOf('\n', counted); newline !== -1 && newline < separator; newline = markdown.indexOf('\n', newline + 1)) {
			line++;
			counted = newline + 1;
		}

		for (let step = Math.min(steps.size[group]!, maxSteps); step > 0; step--) slides.push({kind: 'blank', index: slides.length, line: line + 1});
	}

	return {format: 'remark', slides, diagnostics: []};
}

/** A fence with stepped code (`{1|2}`), which makes steps only reading tells (code-steps.ts). */
const steppedCode = /^[ \t]*(?:`{3,}|~{3,}).*\{[^}\n]*\|/m;

/** The groups of steps of the shown slides, as `buildSlides` and `stepGroups` make them, counted as slides are scanned. */
class StepCount {
	/** Per group: the start of its first slide's separator line, and its steps. */
	readonly first: number[] = [];
	readonly size: number[] = [];
	/** The steps before the last group. */
	private before: number;

	constructor(titleSlides: number) {
		this.before = titleSlides;
	}

	get groups(): number {
		return this.first.length;
	}

	/** A shown slide: the step its group starts at when it starts one; undefined when it joins the group before it. */
	add(separator: number, continued: boolean): number | undefined {
		const last = this.size.length - 1;
		if (continued && last >= 0) {
			this.size[last] = this.size[last]! + 1;
			return undefined;
		}

		if (last >= 0) this.before += Math.min(this.size[last]!, maxSteps);
		this.first.push(separator);
		this.size.push(1);
		return this.before;
	}
}

/** Whether the parser finds the kept slides where the scan found them: the same slides dropped, steps and layouts, the same groups. */
function agrees(
	kept: readonly ScannedSlide[],
	parsed: ReturnType<typeof parseTokens>['slides'],
	groups: ReadonlyArray<readonly unknown[]>,
	keptGroups: number,
	steps: StepCount,
): boolean {
	const shown = kept.filter(slide => !slide.excluded);
	if (kept.length === 0 || shown.length !== parsed.length || groups.length !== keptGroups) return false;
	const same = (slide: ScannedSlide, index: number) => {
		const other = parsed[index]!;
		return other.continued === slide.continued && (other.properties.get('layout') === 'true') === slide.layout;
	};

	return shown.every(same) && groups.every((group, index) => group.length === steps.size[index]);
}
