/**
 * Which format a deck is written in, from the evidence in its text, its
 * front matter and its file name. Each sign weighs something (1 a hint, 3 a
 * sign, 10 proof); a kind of sign counts at most `maxCount` times, so that a
 * stray `--` or `???` (a hint of remark) never outweighs a `$$terminal`
 * (proof of the shorthand). The format with the most weight wins; with no
 * evidence at all, plain Markdown. A second format with a sign of its own
 * is reported as mixed evidence.
 *
 * Lines inside fenced code say nothing. Only the head of the deck is read
 * line by line (`headCharacters`): the signs of a format show in its first
 * slides, and start-up then costs the same at 60 slides as at 10,000. Pure.
 */
import type {DeckFormat, Detection, Evidence} from './model.js';
import {fenceTracker} from './formats/blocks.js';

export type {DeckFormat} from './model.js';

/** A kind of sign counts this many times at most. */
const maxCount = 5;
/** The weight from which a runner-up format makes the evidence mixed. */
const mixedWeight = 3;
/** How much of the deck is read for signs: some 250 slides of a talk (the reference deck is 12 KB). */
export const headCharacters = 64 * 1024;

type Sign = {
	readonly format: DeckFormat;
	readonly what: string;
	readonly weight: number;
	/** The characters a line it matches can start with, after spaces and tabs: other lines are not tested (most lines of a deck start with a letter). Absent: any. */
	readonly first?: string;
	/** Text that every line it matches holds, for a sign with no `first`: other lines are not tested. */
	readonly holds?: string;
	readonly test: (line: string) => boolean;
};

/** Signs a line gives wherever it is (outside fenced code). */
export const lineSigns: readonly Sign[] = [
	{format: 'shorthand', what: '`$$terminal`', first: '$', weight: 10, test: line => /^\$\$terminal\b/.test(line)},
	{format: 'shorthand', what: '`$$prompt`/`$$w`', first: '$', weight: 3, test: line => /^\$\$(?:prompt|w)\b/.test(line)},
	{format: 'shorthand', what: '`#=` title', first: '#', weight: 3, test: line => /^#=(?:[ \t]|$)/.test(line)},
	{format: 'shorthand', what: '`#todo`', first: '#', weight: 3, test: line => /^#todo\b/i.test(line)},
	{
		format: 'shorthand',
		what: 'image line (`@=`, `~@`)',
		first: '@~',
		weight: 3,
		test: line => /^(?:@=|~@)[ \t]+\S/.test(line) || /^@[ \t]+\S+\.[A-Za-z\d]{2,5}[ \t]*$/.test(line),
	},
	{format: 'shorthand', what: 'caption line (`vv [`)', first: 'v', weight: 3, test: line => /^vv[ \t]+\[/.test(line)},
	{format: 'shorthand', what: '`Note:`', first: 'N', weight: 1, test: line => /^Note:/.test(line)},
	{format: 'remark', what: '`???` notes', first: '?', weight: 1, test: line => /^\?\?\?$/.test(line)},
	{format: 'remark', what: '`--` step', first: '-', weight: 1, test: line => line === '--'},
	{
		format: 'remark',
		what: 'multi-line content class (`.class[`)',
		first: '.',
		weight: 3,
		test: line => /^\.[A-Za-z_-][\w-]*(?:\.[A-Za-z_-][\w-]*)*\[[ \t]*$/.test(line),
	},
	{
		format: 'remark',
		what: 'shell-wrap terminal',
		holds: 'shell-wrap',
		weight: 3,
		test: line => /<div\b[^<>]*\bclass\s*=\s*["'][^"']*\bshell-wrap\b/.test(line),
	},
	{format: 'remark', what: '`{{content}}`', holds: '{{', weight: 3, test: line => /\{\{\s*content\s*\}\}/.test(line)},
	{format: 'presenterm', what: '`<!-- end_slide -->`', first: '<', weight: 10, test: line => /^[ \t]*<!--[ \t]*end_slide[ \t]*-->/.test(line)},
	{format: 'presenterm', what: '`<!-- speaker_note -->`', first: '<', weight: 3, test: line => /^[ \t]*<!--[ \t]*speaker_note\b/.test(line)},
	{
		format: 'presenterm',
		what: 'presenterm command comment',
		first: '<',
		weight: 3,
		test: line =>
			/^[ \t]*<!--[ \t]*(?:column_layout|column|reset_layout|jump_to_middle|incremental_lists|new_lines?|alignment|font_size|skip_slide|no_footer|list_item_newlines|snippet_output|include)\b/.test(
				line,
			),
	},
	{format: 'presenterm', what: '`<!-- pause -->`', first: '<', weight: 2, test: line => /^[ \t]*<!--[ \t]*pause[ \t]*-->/.test(line)},
	{format: 'patat', what: '`. . .` pause', first: '.', weight: 3, test: line => /^\.[ \t]\.[ \t]\.[ \t]*$/.test(line)},
	{format: 'patat', what: '`<!--config:` comment', first: '<', weight: 10, test: line => line.startsWith('<!--config:')},
	{format: 'mdp', what: '`-> centred <-`', first: '-', weight: 3, test: line => /^[ \t]*->[ \t].*[ \t]<-[ \t]*$/.test(line)},
	{format: 'mdp', what: '`^` stop', first: '^', weight: 1, test: line => line === '^'},
	{format: 'markdown', what: 'Markdown image (`![alt](file)`)', first: '!', weight: 2, test: line => /^[ \t]*!\[[^\]]*\]\([^)]+\)[ \t]*$/.test(line)},
	{format: 'markdown', what: 'setext heading underline (`===`)', first: '=', weight: 2, test: line => /^={3,}[ \t]*$/.test(line)},
	{format: 'lookatme', what: '`<!-- stop -->`', first: '<', weight: 3, test: line => /^[ \t]*<!--[ \t]*stop[ \t]*-->/.test(line)},
];

/** The signs by the characters their lines start with, and the signs of any line: each line is tested against its own few. */
const signsByLead = new Map<string, Sign[]>();
const signsAnywhere = lineSigns.filter(sign => sign.first === undefined);
for (const sign of lineSigns) for (const lead of sign.first ?? '') signsByLead.set(lead, [...(signsByLead.get(lead) ?? []), sign]);

/** remark's slide properties, at the top of the deck or of a slide. */
const remarkProperty =
	/^(?:class[ \t]*:[ \t]*\S|template[ \t]*:[ \t]*\S|layout[ \t]*:[ \t]*(?:true|false)[ \t]*$|background-image[ \t]*:|count[ \t]*:[ \t]*false|exclude[ \t]*:[ \t]*true)/;
const nameProperty = /^name[ \t]*:[ \t]*\S+[ \t]*$/;
const anyProperty = /^[\w-]+[ \t]*:/;

/** Front matter keys that name their tool. */
const frontMatterSigns: ReadonlyArray<readonly [RegExp, DeckFormat, string]> = [
	[/^output[ \t]*:.*(?:xaringan|moon_reader)|^[ \t]+xaringan::moon_reader/m, 'remark', 'front matter `output: xaringan::moon_reader`'],
	[/^patat[ \t]*:/m, 'patat', 'front matter `patat:`'],
	[
		/^options[ \t]*:[\s\S]*^[ \t]+(?:implicit_slide_ends|end_slide_shorthand|incremental_lists|h1_slide_titles|command_prefix|strict_front_matter_parsing)[ \t]*:/m,
		'presenterm',
		'front matter `options:`',
	],
	[/^(?:sub_title|event|location)[ \t]*:/m, 'presenterm', 'front matter `sub_title`/`event`/`location`'],
	[/^theme[ \t]*:[ \t]*\n[ \t]+(?:name|path|override)[ \t]*:/m, 'presenterm', 'front matter `theme: name:`'],
	[/^(?:styles|extensions)[ \t]*:/m, 'lookatme', 'front matter `styles:`/`extensions:`'],
	[/^paging[ \t]*:/m, 'slides', 'front matter `paging:`'],
];

const fileSigns: ReadonlyArray<readonly [RegExp, DeckFormat, string, number]> = [
	[/\.rmd$/i, 'remark', 'the file name `.Rmd` (xaringan)', 3],
	[/\.html?$/i, 'remark', 'an HTML file (a remark page)', 1],
	[/\.lhs$/i, 'patat', 'the file name `.lhs` (literate Haskell, patat)', 3],
];

/** Ties go to the earlier format here. */
const priority: readonly DeckFormat[] = ['shorthand', 'remark', 'presenterm', 'patat', 'mdp', 'lookatme', 'slides', 'markdown'];

export type DetectedFormat = Detection & {readonly format: DeckFormat};

export function detectFormat(text: string, fileName = ''): DeckFormat {
	return detectDeck(text, fileName).format;
}

/** The format of a deck and the evidence for it. */
export function detectDeck(text: string, fileName = ''): DetectedFormat {
	const found = new Map<string, Evidence & {count: number}>();
	const add = (format: DeckFormat, what: string, weight: number, line: number) => {
		const key = `${format}\n${what}`;
		const known = found.get(key);
		if (known) known.count++;
		else found.set(key, {format, what, weight, line, count: 1});
	};

	if (foundAt(text, ['<t', '<T'], /<textarea\b/iy)) add('remark', 'a remark HTML page (`<textarea>`)', 10, 1);
	else if (foundAt(text, ['remark.create'], /(?<!\w)remark\.create\s*\(/y)) add('remark', 'a page that calls `remark.create`', 10, 1);
	for (const [pattern, format, what, weight] of fileSigns) if (pattern.test(fileName)) add(format, what, weight, 1);

	const lines = headOf(text).split('\n');
	let start = 0;
	const front = frontMatterEnd(lines);
	if (front > 0) {
		const header = lines.slice(1, front).join('\n');
		add('markdown', 'YAML front matter', 3, 1);
		for (const [pattern, format, what] of frontMatterSigns) if (pattern.test(header)) add(format, what, 10, 1);
		start = front + 1;
	} else if (/^%[A-Za-z_][\w-]*[ \t]*:/.test(lines[0] ?? '')) {
		add('mdp', 'mdp header (`%title:`)', 10, 1);
	} else if (/^%[ \t]+\S/.test(lines[0] ?? '')) {
		add('patat', "pandoc's title block (`% Title`)", 3, 1);
	}

	const inFence = fenceTracker();
	let slideTop = true;
	let fenced = false;
	for (let index = start; index < lines.length; index++) {
		const raw = lines[index]!;
		const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
		const wasFenced = fenced;
		fenced = inFence(line);
		if (fenced) {
			if (!wasFenced) add('markdown', 'fenced code', 2, index + 1);
			slideTop = false;
			continue;
		}

		if (line === '---') {
			slideTop = true;
			continue;
		}

		if (slideTop && line.trim() !== '') {
			if (remarkProperty.test(line) || (nameProperty.test(line) && index + 1 < lines.length))
				add('remark', `\`${/^[\w-]+/.exec(line)![0]}:\` slide property`, 3, index + 1);
			// remark's properties come in a run of `key: value` lines (`count: false` then `class: ...`).
			slideTop = anyProperty.test(line);
		}

		for (const sign of signsByLead.get(leadingCharacter(line)) ?? []) if (sign.test(line)) add(sign.format, sign.what, sign.weight, index + 1);
		for (const sign of signsAnywhere)
			if ((sign.holds === undefined || line.includes(sign.holds)) && sign.test(line)) add(sign.format, sign.what, sign.weight, index + 1);
	}

	const evidence = [...found.values()];
	const listed = evidence.sort((a, b) => b.weight - a.weight || a.line - b.line).map(({count: _count, ...item}) => item);
	const scores = new Map<DeckFormat, number>();
	for (const item of evidence) scores.set(item.format, (scores.get(item.format) ?? 0) + item.weight * Math.min(item.count, maxCount));
	const family = (format: DeckFormat): Family => (format === 'shorthand' || format === 'remark' ? format : 'markdown');
	const familyScores = new Map<Family, number>();
	for (const [format, score] of scores) familyScores.set(family(format), (familyScores.get(family(format)) ?? 0) + score);
	const byScore = <T extends string>(entries: Iterable<[T, number]>, order: readonly T[]) =>
		[...entries].sort((a, b) => b[1] - a[1] || order.indexOf(a[0]) - order.indexOf(b[0]));
	const families = byScore(familyScores, ['shorthand', 'remark', 'markdown'] as const);
	const winner = families[0]?.[0];
	if (!winner) return {format: 'markdown', by: 'default', evidence: []};
	// Plain Markdown's signs (front matter, fenced code) only say "not the shorthand, not remark": a dialect's own sign names the tool.
	const dialects = byScore(
		[...scores].filter(([format]) => family(format) === 'markdown' && format !== 'markdown'),
		priority,
	);
	const format = winner === 'markdown' ? (dialects[0]?.[0] ?? 'markdown') : winner;
	const strong = (candidate: DeckFormat) => evidence.some(item => item.format === candidate && item.weight >= mixedWeight);
	const rivalFamily = families[1]?.[0];
	const rivals: DeckFormat[] = [
		...(rivalFamily === 'markdown' ? dialects.map(([name]) => name) : rivalFamily ? [rivalFamily] : []),
		...(winner === 'markdown' ? dialects.slice(1).map(([name]) => name) : []),
	].filter(candidate => candidate !== format);
	const mixed = rivals.find(candidate => strong(candidate));
	return {format, by: 'evidence', evidence: listed, ...(mixed ? {mixed} : {})};
}

type Family = 'shorthand' | 'remark' | 'markdown';

/** A line's first character after spaces and tabs; a line end for a blank line (no sign starts with one). */
export function leadingCharacter(line: string): string {
	let at = 0;
	while (line[at] === ' ' || line[at] === '\t') at++;
	return line[at] ?? '\n';
}

/**
 * Whether the sticky `pattern` matches where one of `starts` is: the whole
 * deck is searched with indexOf, which is native, where a regular expression
 * runs interpreted the first time V8 meets it (some 10 ms over 2 MB, before
 * the first frame).
 */
function foundAt(text: string, starts: readonly string[], pattern: RegExp): boolean {
	for (const start of starts) {
		for (let at = text.indexOf(start); at !== -1; at = text.indexOf(start, at + 1)) {
			pattern.lastIndex = at;
			if (pattern.test(text)) return true;
		}
	}

	return false;
}

/** The deck's first `headCharacters`, cut after the last whole line in them. */
function headOf(text: string): string {
	if (text.length <= headCharacters) return text;
	const end = text.lastIndexOf('\n', headCharacters);
	return text.slice(0, end > 0 ? end : headCharacters);
}

/** The index of the line that closes front matter opened on the first line, or -1. */
function frontMatterEnd(lines: readonly string[]): number {
	if (!/^---[ \t]*\r?$/.test(lines[0] ?? '')) return -1;
	for (let index = 1; index < Math.min(lines.length, 502); index++) {
		if (/^(?:---|\.\.\.)[ \t]*\r?$/.test(lines[index]!)) return lines.slice(1, index).some(line => /^[A-Za-z_][\w-]*[ \t]*:/.test(line)) ? index : -1;
	}

	return -1;
}
