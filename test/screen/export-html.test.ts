/**
 * `lectern export --to html`, opened from `file://` in a real headless Chromium (Debian's
 * `chromium` package; .ci/run installs it): every slide's text, keys, clicks, `#slide-N`,
 * a terminal slide typing (and skipped), the presenter view, the print stylesheet, and not
 * one request leaving the page. The file is checked against the HTML specification too.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {after, before, describe, test} from 'node:test';
import {HtmlValidate} from 'html-validate';
import {chromium, type Browser, type Page} from 'playwright-core';
import {assertBuilt, cli, plainEnv, printSlides, root, type Size} from './support.js';

/** The page's own globals, as far as these tests reach into it (the test files are compiled without the DOM's types). */
type Element = {
	readonly id: string;
	readonly textContent: string | null;
	readonly classList: {contains(name: string): boolean};
	getBoundingClientRect(): {height: number};
};
declare const document: {
	readonly documentElement: Element;
	querySelector(selector: string): Element | null;
	querySelectorAll(selector: string): Iterable<Element>;
};
declare const location: {hash: string};
declare const window: Record<string, unknown>;
declare const performance: {now(): number};
declare class MutationObserver {
	constructor(callback: () => void);
	observe(target: Element, options: Record<string, boolean>): void;
}

const chromiumPath = process.env['LECTERN_CHROMIUM'] ?? '/usr/bin/chromium';
const skip = existsSync(chromiumPath) ? false : `no Chromium at ${chromiumPath} (Debian: apt-get install chromium; .ci/run installs it)`;
const folder = mkdtempSync(join(tmpdir(), 'lectern-html-'));
const size: Size = {columns: 80, rows: 24};
after(() => {
	rmSync(folder, {recursive: true, force: true});
});

function exportHtml(deck: string, name: string, extra: string[] = []): string {
	assertBuilt();
	const output = join(folder, name);
	const result = spawnSync(
		process.execPath,
		[cli, 'export', deck, '--to', 'html', '-o', output, '--width', String(size.columns), '--height', String(size.rows), ...extra],
		{cwd: root, env: plainEnv(), encoding: 'utf8'},
	);
	assert.equal(result.status, 0, result.stderr);
	return output;
}

/**
 * A slide's rows as the page holds them: no pixel blocks (a picture under the text), no
 * blank cells (gaps), no URLs after links (links are clickable); trailing empty rows dropped.
 */
const rowTexts = (lines: readonly string[]) => {
	const rows = lines.map(line => line.replaceAll(/ <(?:https?|mailto|file):[^>]*>/g, '').replaceAll(/[\s█▀▄▌▐▖▗▘▝▙▚▛▜▞▟]/g, ''));
	while (rows.length > 0 && rows.at(-1) === '') rows.pop();
	return rows;
};

describe('export --to html in Chromium', {skip}, () => {
	let browser: Browser;
	const outside: string[] = [];

	before(async () => {
		browser = await chromium.launch({
			executablePath: chromiumPath,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
			],
		});
	});

	after(async () => {
		await browser?.close();
	});

	async function open(file: string, hash = ''): Promise<Page> {
		const context = await browser.newContext({viewport: {width: 1280, height: 800}, reducedMotion: 'no-preference'});
		// Nothing may leave the page: every request but the file itself is recorded and refused.
		await context.route('**/*', route => {
			const url = route.request().url();
			if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
			outside.push(url);
			return route.abort();
		});
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', error => errors.push(error.message));
		page.on('request', request => {
			const url = request.url();
			if (!url.startsWith('file:') && !url.startsWith('data:')) outside.push(url);
		});
		await page.goto(pathToFileURL(file).href + hash);
		await page.waitForFunction(() => document.documentElement.classList.contains('js'));
		assert.deepEqual(errors, []);
		return page;
	}

	const current = (page: Page) => page.evaluate(() => document.querySelector('section.slide.current')?.id);
	const rowsOf = (page: Page, id: string) =>
		page.evaluate(selector => [...document.querySelectorAll(`#${selector} .screen > .r`)].map(row => row.textContent ?? ''), id);

	test("every slide's text is in the page, as print shows it", async () => {
		for (const deck of ['fixtures/export/talk.txt', 'fixtures/demo.txt', 'fixtures/reference-style.txt']) {
			const file = exportHtml(deck, `${deck.replaceAll(/\W/g, '-')}.html`);
			const page = await open(file);
			for (const slide of printSlides(deck, size)) {
				const rows = await rowsOf(page, `slide-${slide.position}`);
				assert.equal(rows.length, size.rows - 2, `${deck} slide ${slide.position}: rows`);
				assert.deepEqual(rowTexts(rows), rowTexts(slide.lines), `${deck} slide ${slide.position}`);
			}

			await page.context().close();
		}

		assert.deepEqual(outside, []);
	});

	test('keys, digits, clicks and #slide-N move between slides', async () => {
		const file = exportHtml('fixtures/export/talk.txt', 'keys.html', ['--no-animation']);
		const page = await open(file, '#slide-5');
		assert.equal(await current(page), 'slide-5');
		await page.keyboard.press('ArrowRight');
		assert.equal(await current(page), 'slide-6');
		assert.equal(await page.evaluate(() => location.hash), '#slide-6');
		await page.keyboard.press('Home');
		assert.equal(await current(page), 'slide-1');
		await page.keyboard.press(' ');
		await page.keyboard.press('l');
		assert.equal(await current(page), 'slide-3');
		await page.keyboard.press('ArrowLeft');
		assert.equal(await current(page), 'slide-2');
		await page.keyboard.press('End');
		assert.equal(await current(page), 'slide-7');
		await page.keyboard.type('4');
		await page.keyboard.press('Enter');
		assert.equal(await current(page), 'slide-4');
		await page.mouse.click(1100, 400);
		assert.equal(await current(page), 'slide-5');
		await page.mouse.click(100, 400);
		assert.equal(await current(page), 'slide-4');
		await page.evaluate(() => {
			location.hash = '#slide-2';
		});
		await page.waitForFunction(() => document.querySelector('section.slide.current')?.id === 'slide-2');
		const visible = await page.evaluate(() =>
			[...document.querySelectorAll('section.slide')].filter(slide => slide.getBoundingClientRect().height > 0).map(slide => slide.id),
		);
		assert.deepEqual(visible, ['slide-2'], 'one slide at a time');
		await page.context().close();
		assert.deepEqual(outside, []);
	});

	test("a terminal slide types on the player's schedule when reached, and a key finishes it", async () => {
		const file = exportHtml('fixtures/export/talk.txt', 'typing.html');
		const page = await open(file, '#slide-3');
		/** What is typed after the prompt on slide 4 (the cursor is a coloured cell, not a character). */
		const typed = async () => /~\/talk \$ (.*?)\s*│\s*$/.exec((await rowsOf(page, 'slide-4')).find(row => row.includes('~/talk $')) ?? '')?.[1] ?? '';
		assert.equal(await typed(), 'echo hello', 'the page holds the final state');
		// Every change of the command row, with its time, recorded by the page itself.
		await page.evaluate(() => {
			const log: Array<[number, string]> = [];
			window['typingLog'] = log;
			const row = () => [...document.querySelectorAll('#slide-4 .screen > .r')].find(candidate => (candidate.textContent ?? '').includes('~/talk $'));
			new MutationObserver(() => {
				const text = /~\/talk \$ (.*?)\s*│\s*$/.exec(row()?.textContent ?? '')?.[1] ?? '';
				if (log.at(-1)?.[1] !== text) log.push([performance.now(), text]);
			}).observe(document.querySelector('#slide-4 .screen')!, {childList: true, subtree: true, characterData: true});
		});
		await page.keyboard.press('ArrowRight');
		await page.waitForFunction(() => (window['typingLog'] as Array<[number, string]>).some(entry => entry[1] === 'echo hello'), undefined, {timeout: 10_000});
		const log = (await page.evaluate(() => window['typingLog'])) as Array<[number, string]>;
		const seen = log.map(entry => entry[1]);
		// 300 ms before the first character, then about 25 a second: ten characters take well over half a second.
		assert.ok(log.at(-1)![0] - log[0]![0] > 500, `typing took ${log.at(-1)![0] - log[0]![0]} ms`);
		assert.equal(seen[0], '', `it starts at the prompt: ${seen.join(' | ')}`);
		assert.equal(seen.at(-1), 'echo hello');
		// Character by character (the space shows as nothing new).
		const prefixes = [...new Set(Array.from({length: 'echo hello'.length + 1}, (_, count) => 'echo hello'.slice(0, count).trimEnd()))];
		assert.deepEqual(seen, prefixes);
		// Again, and a key during the typing shows the end at once, staying on the slide. The
		// typing ends at its duration, a little after the last character: a key before that
		// would finish it, not go back.
		await page.waitForFunction(() => !document.querySelector('#slide-4')?.classList.contains('typing'), undefined, {timeout: 10_000});
		await page.keyboard.press('ArrowLeft');
		await page.keyboard.press('ArrowRight');
		assert.notEqual(await typed(), 'echo hello');
		await page.keyboard.press('ArrowRight');
		assert.equal(await typed(), 'echo hello');
		assert.equal(await current(page), 'slide-4');
		await page.context().close();
	});

	test('the presenter view shows the notes and the next slide; the help lists the keys', async () => {
		const file = exportHtml('fixtures/export/talk.txt', 'notes.html', ['--notes']);
		const page = await open(file, '#slide-4');
		const notesVisible = () => page.evaluate(() => document.querySelector('#slide-4 .notes')?.getBoundingClientRect().height ?? 0);
		assert.equal(await notesVisible(), 0, 'notes are hidden from the audience');
		await page.keyboard.press('p');
		assert.ok((await notesVisible()) > 0, 'notes show in the presenter view');
		assert.match((await page.textContent('#slide-4 .notes')) ?? '', /The command types itself\./);
		assert.ok(await page.evaluate(() => document.querySelector('#slide-5')!.getBoundingClientRect().height > 0), 'the next slide shows');
		await page.keyboard.press('?');
		assert.ok(await page.isVisible('#help'));
		assert.match((await page.textContent('#help')) ?? '', /next slide/);
		await page.keyboard.press('Escape');
		assert.ok(!(await page.isVisible('#help')));
		await page.context().close();
	});

	test('printing puts every slide on a page of its own', async () => {
		const file = exportHtml('fixtures/export/talk.txt', 'print.html');
		const page = await open(file);
		const pdf = await page.pdf({printBackground: true, preferCSSPageSize: true});
		const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
		assert.equal(pages, 7);
		await page.context().close();
		assert.deepEqual(outside, []);
	});
});

describe('export --to html validates', () => {
	test("as HTML: html-validate's standard rules (the specification's content models, attributes, ids) find nothing", async () => {
		const file = exportHtml('fixtures/export/talk.txt', 'valid.html', ['--notes']);
		const report = await new HtmlValidate({extends: ['html-validate:standard']}).validateFile(file);
		assert.deepEqual(
			report.results.flatMap(result => result.messages.map(message => `${message.line}:${message.column} ${message.ruleId} ${message.message}`)),
			[],
		);
		assert.ok(report.valid);
		assert.ok(readFileSync(file, 'utf8').startsWith('<!DOCTYPE html>'));
	});
});
