/**
 * `lectern export --to pdf`, read back with poppler (pdfinfo, pdftotext): the page count,
 * each page's text against `lectern print` of its slide, the links, handouts and steps.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {loadDeck} from '../../source/deck/load-deck.js';
import {shownSlides} from '../../source/export/pages.js';
import {assertBuilt, cli, plainEnv, printSlides, root, type Size} from './support.js';

const folder = mkdtempSync(join(tmpdir(), 'lectern-pdf-'));
after(() => {
	rmSync(folder, {recursive: true, force: true});
});

const poppler = spawnSync('pdftotext', ['-v'], {encoding: 'utf8'}).error === undefined;
const skip = poppler ? false : 'pdftotext is not installed (Debian: apt-get install poppler-utils; .ci/run installs it)';
const size: Size = {columns: 80, rows: 24};

function exportPdf(deck: string, name: string, extra: string[] = []): string {
	assertBuilt();
	const output = join(folder, name);
	const result = spawnSync(
		process.execPath,
		[cli, 'export', deck, '--to', 'pdf', '-o', output, '--width', String(size.columns), '--height', String(size.rows), ...extra],
		{cwd: root, env: plainEnv(), encoding: 'utf8'},
	);
	assert.equal(result.status, 0, result.stderr);
	assert.match(result.stderr, /^Wrote .*\.pdf: \d+ pages, /);
	return output;
}

const run = (command: string, args: string[]) => {
	const result = spawnSync(command, args, {encoding: 'utf8'});
	assert.equal(result.status, 0, `${command} ${args.join(' ')}: ${result.stderr}`);
	return result.stdout;
};

const pageCount = (pdf: string) => Number(/^Pages:\s+(\d+)$/m.exec(run('pdfinfo', [pdf]))?.[1]);
const pageText = (pdf: string, page: number) => run('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-']);

/**
 * Words of a printed slide that are text in a PDF: pixel blocks are rectangles there, not
 * characters, and a link is clickable instead of followed by its URL as `print` shows it.
 */
const words = (lines: readonly string[]) =>
	lines
		.join(' ')
		.replaceAll(/ <(?:https?|mailto|file):[^>]*>/g, ' ')
		.replaceAll(/[█▀▄▌▐▖▗▘▝▙▚▛▜▞▟⎺⎻⎼⎽]/g, ' ')
		.split(/\s+/)
		.filter(word => word !== '' && !/\p{Extended_Pictographic}/u.test(word));

describe('export --to pdf', {skip}, () => {
	test("one page per slide, each with its slide's text, and the links clickable", () => {
		const pdf = exportPdf('fixtures/export/talk.txt', 'talk.pdf');
		const printed = printSlides('fixtures/export/talk.txt', size);
		assert.equal(pageCount(pdf), printed.length);
		for (const slide of printed) {
			const text = pageText(pdf, slide.position);
			for (const word of words(slide.lines)) assert.ok(text.includes(word), `page ${slide.position} lacks ${JSON.stringify(word)}:\n${text}`);
		}

		const links = run('pdfinfo', ['-url', pdf]);
		assert.match(links, /^\s*3\s+Annotation\s+https:\/\/example\.org\/lectern$/m);
		assert.match(links, /^\s*6\s+Annotation\s+https:\/\/example\.org\/pictures$/m);
		const info = run('pdfinfo', [pdf]);
		assert.match(info, /^Title:\s+Export test$/m);
		assert.match(info, /^Creator:\s+lectern \d/m);
		const fonts = run('pdffonts', [pdf]);
		assert.match(fonts, /DejaVuSansMono\s+(?:CID )?TrueType.*yes\s+yes/, `the font is embedded as a subset:\n${fonts}`);
	});

	test("the reference-style deck: every page's text", () => {
		const deck = 'fixtures/reference-style.txt';
		const pdf = exportPdf(deck, 'reference.pdf');
		const printed = printSlides(deck, size);
		assert.equal(pageCount(pdf), printed.length);
		for (const slide of printed) {
			const text = pageText(pdf, slide.position);
			for (const word of words(slide.lines)) assert.ok(text.includes(word), `page ${slide.position} lacks ${JSON.stringify(word)}`);
		}
	});

	test('--notes makes a handout: the notes under each slide, their links clickable', () => {
		const pdf = exportPdf('fixtures/export/talk.txt', 'handout.pdf', ['--notes']);
		assert.equal(pageCount(pdf), 7);
		assert.match(pageText(pdf, 1), /Opening notes: welcome the room\./);
		assert.match(pageText(pdf, 3), /Mention the link/);
		assert.match(run('pdfinfo', ['-url', pdf]), /^\s*3\s+Annotation\s+https:\/\/example\.org\/notes$/m);
		assert.match(run('pdfinfo', [pdf]), /^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
	});

	test('an incremental slide is one page, or one a step with --steps', () => {
		const deck = 'fixtures/formats/remark-deck.md';
		const model = loadDeck(readFileSync(join(root, deck)));
		const whole = exportPdf(deck, 'whole.pdf');
		const stepped = exportPdf(deck, 'steps.pdf', ['--steps']);
		assert.equal(pageCount(stepped), model.slides.length);
		assert.equal(pageCount(whole), shownSlides(model.slides, false).length);
		assert.ok(pageCount(whole) < pageCount(stepped));
	});

	test('an output that cannot be written is one clear line, and nothing is left behind', () => {
		const target = join(folder, 'missing-folder', 'talk.pdf');
		const result = spawnSync(process.execPath, [cli, 'export', 'fixtures/export/talk.txt', '--to', 'pdf', '-o', target], {
			cwd: root,
			env: plainEnv(),
			encoding: 'utf8',
		});
		assert.equal(result.status, 2);
		assert.equal(result.stderr, `lectern: ${target}: cannot write here (no folder ${join(folder, 'missing-folder')})\n`);
		assert.ok(!existsSync(target));
		assert.ok(readdirSync(folder).every(name => !name.endsWith('.tmp')));
	});
});
