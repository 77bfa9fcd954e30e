/**
 * `lectern check`: problems in a deck, each with file:line and a short reason.
 * Pure: the caller says which image files exist.
 */
import type {Deck, Diagnostic, Image} from '../deck/model.js';
import {oneLine} from '../fault-line.js';
import {planSlide} from '../layout/plan-slide.js';
import {terminalText} from '../layout/plan-terminal.js';
import {lookAlikes, lookAlikesIn} from '../text/look-alikes.js';
import {codeAttributes} from '../deck/code-attributes.js';
import {runnableBlocks} from '../deck/slide-blocks.js';
import {thousands} from '../text/thousands.js';

export type CheckOptions = {
	readonly file: string;
	/** Whether an image source exists next to the deck. */
	readonly imageExists: (src: string) => boolean;
	/** Why an existing image cannot be drawn (corrupt, too big, unsupported), if it cannot. */
	readonly imageProblem?: (src: string) => {readonly reason: string; readonly unsupported: boolean} | undefined;
};

/** The size every slide should fit. */
export const checkSize = {columns: 80, rows: 24} as const;

export function checkDeck(deck: Deck, options: CheckOptions): Diagnostic[] {
	const found: Diagnostic[] = [...deck.diagnostics];
	for (const image of deckImages(deck)) {
		if (/^[a-z][a-z\d+.-]*:/i.test(image.src)) continue;
		if (!options.imageExists(image.src)) {
			found.push({severity: 'warning', line: image.line, code: 'missing-image', message: `image "${image.src}" not found next to the deck; alt text is shown`});
			continue;
		}

		const problem = options.imageProblem?.(image.src);
		if (problem) {
			found.push({
				// An SVG is a format choice, not a broken file: a notice.
				severity: problem.unsupported ? 'notice' : 'warning',
				line: image.line,
				code: problem.unsupported ? 'unsupported-image' : 'unreadable-image',
				message: `image "${image.src}" cannot be drawn: ${problem.reason}; alt text is shown`,
			});
		}
	}

	for (const slide of deck.slides) {
		const frame = planSlide(deck.slides, slide.index, {columns: checkSize.columns, rows: checkSize.rows - 1}, {showUrls: false});
		if (frame.cut) {
			found.push({
				severity: 'warning',
				line: slide.line,
				code: 'cut',
				message: `slide ${slide.index + 1} is longer than ${thousands(frame.cut)} lines: only those are laid out, and the slide says it is cut`,
			});
		} else if (frame.overflow) {
			found.push({
				severity: 'warning',
				line: slide.line,
				code: 'overflow',
				message: `slide ${slide.index + 1} does not fit ${checkSize.columns}x${checkSize.rows}: ${frame.overflow} lines are cut`,
			});
		}
	}

	found.push(...lookAlikeNotices(deck));

	// Live code is listed, so that a presenter knows what --run-code would run (the steps of a slide repeat a block: once).
	const runnable = new Map(deck.slides.flatMap(slide => runnableBlocks(slide)).map(block => [block.line, block]));
	for (const block of runnable.values()) {
		const how = codeAttributes(block.code.attributes, block.code.lines.length).run!;
		found.push({
			severity: 'notice',
			line: block.line,
			code: 'runnable-code',
			message: `runnable ${block.code.language || 'code'} block (+${how}): runs on Ctrl-E only with --run-code`,
		});
	}

	return found.sort((a, b) => a.line - b.line);
}

/** A notice for each terminal slide that uses characters terminal fonts lack, which are drawn as ASCII. */
function lookAlikeNotices(deck: Deck): Diagnostic[] {
	return deck.slides.flatMap(slide => {
		if (slide.kind !== 'terminal') return [];
		const used = lookAlikesIn(terminalText(slide));
		if (used.length === 0) return [];
		const named = used.map(character => {
			const lookAlike = lookAlikes.get(character)!;
			return `${character} (U+${character.codePointAt(0)!.toString(16).toUpperCase()} ${lookAlike.name}) as ${lookAlike.ascii}`;
		});
		const it = used.length === 1 ? 'it' : 'them';
		return [
			{
				severity: 'notice' as const,
				line: slide.line,
				code: 'look-alike',
				message: `slide ${slide.index + 1}: the terminal window draws ${named.join(', ')}: most terminal fonts lack ${it}`,
			},
		];
	});
}

export function formatDiagnostic(file: string, diagnostic: Diagnostic): string {
	// The file name is the user's, the message may quote the deck: one neutralised line either way.
	return oneLine(`${diagnostic.file ?? file}:${diagnostic.line}: ${diagnostic.severity}: ${diagnostic.message} [${diagnostic.code}]`);
}

/** How many pieces of evidence the summary names. */
const evidenceShown = 3;

/**
 * The last line of `check`: the slide count, the format and why (`--format`,
 * or the strongest evidence, with lines), and the findings.
 */
export function checkSummary(deck: Deck, diagnostics: readonly Diagnostic[]): string {
	const findings = diagnostics.length === 0 ? 'no problems' : `${diagnostics.length} ${diagnostics.length === 1 ? 'finding' : 'findings'}`;
	return `${deck.slides.length} slides, ${deck.format} format${formatReason(deck)}, ${findings}`;
}

function formatReason(deck: Deck): string {
	const detection = deck.detection;
	if (!detection) return '';
	if (detection.by === 'option') return ' (--format)';
	if (detection.by === 'page') return ' (loaded by its page)';
	if (detection.by === 'default') return ' (no sign of another format)';
	const signs = detection.evidence.filter(item => item.format === deck.format).slice(0, evidenceShown);
	return signs.length === 0 ? '' : ` (${signs.map(item => `${item.what}, line ${item.line}`).join('; ')})`;
}

/** Notices (a repair, a draft) pass; warnings and errors fail the check. */
export function failsCheck(diagnostics: readonly Diagnostic[]): boolean {
	return diagnostics.some(diagnostic => diagnostic.severity !== 'notice');
}

/** Every image a deck's slides show (image slides' pictures and images among their blocks). */
export function deckImages(deck: Deck): Image[] {
	const images: Image[] = [];
	for (const slide of deck.slides) {
		if (slide.kind === 'image') images.push(slide.image);
		const blocks = [...(slide.kind === 'image' ? (slide.before ?? []) : []), ...('body' in slide ? slide.body : [])];
		for (const block of blocks) if (block.type === 'image') images.push(block.image);
	}

	return images;
}
