/**
 * Screen tests of the built player (`node dist/cli.js DECK`) in a real terminal (tmux):
 * every slide against `lectern print` at two sizes, the big title, the status bar,
 * resizing, and the overlays and jumps through the real keys.
 *
 * Run from the repository root after `node scripts/build.mjs`.
 */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {after, before, describe, test} from 'node:test';
import iconv from 'iconv-lite';
import stringWidth from 'string-width';
import {execFileSync} from 'node:child_process';
import {hyperlinksWork} from '../../source/render/hyperlink-support.js';
import {stopAll} from '../harness/tmux.js';
import {
	assertBuilt,
	bodyRows,
	hasShownUrl,
	hasZwjSequence,
	pressRight,
	printSlides,
	shownUrl,
	showsPosition,
	startPlayer,
	statusRow,
	stepDecks,
	tooWide,
	waitForSlide,
	wordsBesideUrls,
	type Size,
} from './support.js';

before(assertBuilt);

/** Whether the tmux the tests run in passes OSC 8 hyperlinks on (3.4 and later). */
const tmuxKeepsHyperlinks = hyperlinksWork({
	TMUX: 'tests',
	TERM_PROGRAM: 'tmux',
	TERM_PROGRAM_VERSION: execFileSync('tmux', ['-V'], {encoding: 'utf8'})
		.replace(/^tmux\s+/, '')
		.trim(),
});
after(stopAll);

const demo = 'fixtures/demo.txt';
const small: Size = {columns: 80, rows: 24};
const large: Size = {columns: 200, rows: 50};

describe('every slide, stepped through with Right, matches lectern print', () => {
	const runs: Array<{size: Size; env?: Record<string, string>; label: string; only?: string}> = [
		{size: small, label: 'colours and hyperlinks'},
		{size: {columns: 120, rows: 40}, label: 'colours and hyperlinks', only: 'reference-style'},
		{size: large, label: 'colours and hyperlinks'},
		// Without colours there are no clickable links, so link URLs are shown as text, as in print.
		{size: small, env: {NO_COLOR: '1'}, label: 'NO_COLOR'},
		// CI in the environment (some shells, containers and cloud editors set it) made Ink keep every frame until it quit.
		{size: small, env: {CI: 'true'}, label: 'CI=true', only: 'demo'},
	];
	for (const deck of stepDecks()) {
		for (const {size, env, label, only} of runs) {
			if (only && !deck.includes(only)) continue;
			test(`${deck} at ${size.columns}x${size.rows}, ${label}`, async t => {
				const coloured = env?.['NO_COLOR'] === undefined;
				// tmux before 3.4 drops OSC 8: there the player shows link targets as text too.
				const hyperlinks = coloured && tmuxKeepsHyperlinks;
				const slides = printSlides(deck, size, {plain: !coloured});
				const notCompared: string[] = [];
				const repeated: number[] = [];
				for (const slide of slides) {
					assert.deepEqual(tooWide(slide.lines, size.columns), [], `print: slide ${slide.position} has lines wider than ${size.columns}`);
				}

				const screen = await startPlayer([deck], {size, ...(env ? {env} : {})});
				try {
					for (const slide of slides) {
						if (slide.position > 1 && (await pressRight(screen, slide.position - 1, slide.total)) > 1) repeated.push(slide.position - 1);
						const zwj = hasZwjSequence(slide.lines);
						// With clickable hyperlinks the player leaves out the URL text that print shows; a caption's shows its host.
						const link = hasShownUrl(slide.lines);
						if (zwj) notCompared.push(`${slide.position} (ZWJ emoji sequence)`);
						else if (link) notCompared.push(`${slide.position} (link URL shown only by print)`);
						const rows = await waitForSlide(screen, {
							position: slide.position,
							total: slide.total,
							size,
							...(zwj || link ? {} : {lines: slide.lines}),
							what: `${deck} slide ${slide.position}/${slide.total} at ${size.columns}x${size.rows}`,
						});
						if (link && !zwj) {
							if (hyperlinks)
								assert.ok(!rows.some(row => shownUrl.test(row)), `slide ${slide.position}: the player shows a link URL as text although hyperlinks are on`);
							// Everything else print shows is on screen (perhaps wrapped or centered differently).
							const onScreen = new Set(wordsBesideUrls(bodyRows(rows)));
							const missing = wordsBesideUrls(slide.lines).filter(word => !onScreen.has(word));
							assert.deepEqual(missing, [], `slide ${slide.position}: words of print's slide missing on screen`);
						}
					}

					if (notCompared.length > 0) t.diagnostic(`status bar only (not compared with print) for slides: ${notCompared.join(', ')}`);
					if (repeated.length > 0) t.diagnostic(`Right pressed twice (the first finished an animation) on slides: ${repeated.join(', ')}`);
					await screen.keys('q');
					const state = await screen.waitForExit();
					assert.equal(state.exitStatus, 0);
				} finally {
					await screen.stop();
				}
			});
		}
	}
});

test('the big title on the first slide is drawn in block letters and centered', async () => {
	const screen = await startPlayer([demo], {size: small});
	try {
		const rows = await waitForSlide(screen, {position: 1, total: printSlides(demo, small)[0]!.total, size: small, lines: printSlides(demo, small)[0]!.lines});
		const block = bodyRows(rows).filter(row => row.includes('█'));
		assert.ok(block.length >= 3, `block letters on ${block.length} rows:\n${rows.join('\n')}`);
		const left = Math.min(...block.map(row => row.length - row.trimStart().length));
		const right = small.columns - Math.max(...block.map(row => stringWidth(row)));
		assert.ok(left > 0 && right > 0, `the title touches an edge (left ${left}, right ${right})`);
		assert.ok(Math.abs(left - right) <= 2, `not centered: left margin ${left}, right margin ${right}`);
		// The block rows are contiguous (one title, not scattered).
		const indices = bodyRows(rows).flatMap((row, index) => (row.includes('█') ? [index] : []));
		assert.equal(indices.at(-1)! - indices[0]! + 1, indices.length, 'block-letter rows are not contiguous');
	} finally {
		await screen.stop();
	}
});

describe('status bar', () => {
	test('the audience sees a quiet counter (c hides it, --no-counter starts without); the presenter view has title, DRAFT and ? help', async () => {
		const slides = printSlides(demo, small);
		const total = slides.length;
		const screen = await startPlayer(['--session', 'quiet-bar', demo], {size: small});
		try {
			let rows = await waitForSlide(screen, {position: 1, total, size: small});
			assert.equal(statusRow(rows), ` 1/${total}`, 'a counter and nothing else');
			const quiet = await screen.cells();
			assert.equal(quiet.cell(0, small.rows - 2).bg, undefined, 'no bar: the counter sits on the slide background');
			quiet.dispose();

			await screen.type('9');
			await screen.waitFor(current => statusRow(current).includes('go to 9'), {what: 'the typed number shows while it is typed'});
			await screen.keys('Enter');
			rows = await waitForSlide(screen, {position: 9, total, size: small});
			assert.equal(statusRow(rows), ` 9/${total}`, 'no DRAFT on the projector');
			await screen.type('c');
			await screen.waitFor(current => statusRow(current) === '', {what: 'c hides the counter'});
			await screen.type('p');
			rows = await waitForSlide(screen, {position: 9, total, size: small});
			assert.match(statusRow(rows), new RegExp(`^ 9/${total}  What is still missing +DRAFT  \\? help$`));
			// The bar's background spans the whole width, to the last column.
			const cells = await screen.cells();
			const bar = small.rows - 2;
			assert.notEqual(cells.cell(0, bar).bg, undefined, 'the status bar has a background colour');
			for (const x of [0, Math.floor(small.columns / 2), small.columns - 1]) {
				assert.equal(cells.cell(x, bar).bg, cells.cell(0, bar).bg, `status bar background at column ${x}`);
			}
			cells.dispose();

			await screen.keys('Right');
			rows = await waitForSlide(screen, {position: 10, total, size: small});
			assert.match(statusRow(rows), new RegExp(`^ 10/${total}  Thanks! +\\? help$`));
		} finally {
			await screen.stop();
		}

		const hidden = await startPlayer(['--no-counter', '--session', 'no-counter', demo], {size: small});
		try {
			await hidden.waitFor(current => bodyRows(current).some(row => row.trim() !== ''), {what: 'the first slide'});
			assert.equal(statusRow(await hidden.text()), '', '--no-counter: nothing under the slide');
			await hidden.type('c');
			await hidden.waitFor(current => statusRow(current) === ` 1/${total}`, {what: 'c shows the counter'});
		} finally {
			await hidden.stop();
		}
	});

	test('a Mac OS Roman mojibake deck is repaired, with a notice for the speaker only', async () => {
		const fixture = 'fixtures/screen/mojibake-macroman.txt';
		// How the fixture was made: the UTF-8 bytes of this deck decoded as Mac OS Roman (iconv-lite,
		// with 0xF0 as the Apple logo U+F8FF as in Apple's table; iconv-lite leaves it undefined) and
		// saved as UTF-8. Check the committed file still is exactly that.
		const source = '# You’ve got this 💪\n\nCafé au lait — strong, like you.\n\n---\n\n# Thanks\n';
		const macRoman = new Map<string, number>([['\uF8FF', 0xf0]]);
		for (let byte = 0x80; byte <= 0xff; byte++) if (byte !== 0xf0) macRoman.set(iconv.decode(Buffer.from([byte]), 'macintosh'), byte);
		const text = readFileSync(fixture, 'utf8');
		const bytes = Buffer.from(
			Array.from(text, character => (character.codePointAt(0)! < 0x80 ? character.codePointAt(0)! : (macRoman.get(character) ?? 0x3f))),
		);
		assert.equal(bytes.toString('utf8'), source, 'the fixture is not the Mac OS Roman mojibake of the source deck');
		assert.notEqual(text, source);

		const screen = await startPlayer([fixture], {size: small});
		try {
			const rows = await waitForSlide(screen, {
				position: 1,
				total: 2,
				size: small,
				lines: printSlides(fixture, small)[0]!.lines,
				what: 'the repaired first slide',
			});
			assert.equal(statusRow(rows), ' 1/2', 'the projector is not told');
		} finally {
			await screen.stop();
		}

		const speaker = await startPlayer(['--notes', fixture], {size: small});
		try {
			const rows = await speaker.waitFor(current => statusRow(current).includes('mojibake repaired'), {
				what: 'the presenter view with the "mojibake repaired" notice',
			});
			assert.match(statusRow(rows), /^ 1\/2  You’ve got this 💪 +mojibake repaired {2}\? help$/);
			assert.ok(bodyRows(rows).some(row => row.includes('Café au lait')));
		} finally {
			await speaker.stop();
		}
	});
});

test('resizing redraws the slide for every size, and says when the terminal is too small', async () => {
	const total = printSlides(demo, small).length;
	const screen = await startPlayer([demo], {size: small});
	try {
		await waitForSlide(screen, {position: 1, total, size: small});
		// The last slide is a title slide ("Thanks!").
		await screen.keys('G');
		await waitForSlide(screen, {position: total, total, size: small, lines: printSlides(demo, small).at(-1)!.lines});

		for (const size of [
			{columns: 120, rows: 40},
			{columns: 50, rows: 15},
			{columns: 10, rows: 4},
			{columns: 100, rows: 30},
		]) {
			await screen.resize(size.columns, size.rows);
			const what = `the screen after resizing to ${size.columns}x${size.rows}`;
			if (size.columns < 20 || size.rows < 6) {
				const rows = await screen.waitFor(current => current.length === size.rows && current.join(' ').includes('Too small'), {what});
				assert.deepEqual(tooWide(rows, size.columns), [], `${what}: rows wider than the screen`);
				assert.equal(rows.at(-1), '', `${what}: the last row is not blank`);
				assert.ok(!rows.some(row => row.includes('█') || row.includes(`${total}/${total}`)), `${what}: something of the slide is left:\n${rows.join('\n')}`);
			} else {
				await waitForSlide(screen, {position: total, total, size, lines: printSlides(demo, size).at(-1)!.lines, what});
			}
		}

		const state = await screen.state();
		assert.equal(state.alternateOn, true);
	} finally {
		await screen.stop();
	}
});

describe('keys', () => {
	const total = () => printSlides(demo, small).length;

	test('o opens the overview; Down then Enter opens slide 2', async () => {
		const screen = await startPlayer([demo], {size: small});
		try {
			await waitForSlide(screen, {position: 1, total: total(), size: small});
			await screen.keys('o');
			const rows = await screen.waitFor(current => (current[0] ?? '').startsWith('Overview'), {what: 'the overview'});
			assert.ok(
				rows.some(row => row.includes('What is still missing')),
				'the overview lists the slides',
			);
			assert.ok(showsPosition(rows, 1, total()), 'the overview does not move the slide');
			await screen.keys('Down');
			await screen.keys('Enter');
			await waitForSlide(screen, {position: 2, total: total(), size: small, lines: printSlides(demo, small)[1]!.lines});
		} finally {
			await screen.stop();
		}
	});

	test('? shows the help; any key closes it', async () => {
		const screen = await startPlayer([demo], {size: small});
		try {
			await waitForSlide(screen, {position: 1, total: total(), size: small});
			await screen.keys('?');
			// The whole box, not just its first rows (tmux may show a frame half drawn).
			const rows = await screen.waitFor(current => current.some(row => row.includes('press any key to close')), {what: 'the help overlay'});
			assert.ok(rows.some(row => row.includes('lectern keys')));
			assert.ok(
				rows.some(row => row.includes('q Esc Ctrl-C')),
				'the help lists the quit keys',
			);
			assert.deepEqual(tooWide(rows, small.columns), []);
			await screen.type('x');
			await waitForSlide(screen, {position: 1, total: total(), size: small, lines: printSlides(demo, small)[0]!.lines, what: 'slide 1 after closing the help'});
		} finally {
			await screen.stop();
		}
	});

	test('/ then text then Enter lands on the matching slide', async () => {
		const screen = await startPlayer([demo], {size: small});
		try {
			await waitForSlide(screen, {position: 1, total: total(), size: small});
			await screen.keys('/');
			await screen.waitFor(rows => statusRow(rows).startsWith('/'), {what: 'the search prompt'});
			await screen.type('still missing');
			await screen.waitFor(rows => statusRow(rows).startsWith('/still missing'), {what: 'the typed query'});
			await screen.keys('Enter');
			// Slide 9 ("What is still missing"), exactly as print draws it.
			await waitForSlide(screen, {position: 9, total: total(), size: small, lines: printSlides(demo, small)[8]!.lines});
		} finally {
			await screen.stop();
		}
	});

	test('b blanks the whole screen; a key brings the slide back', async () => {
		const screen = await startPlayer([demo], {size: small});
		try {
			await waitForSlide(screen, {position: 1, total: total(), size: small});
			await screen.keys('b');
			const rows = await screen.waitFor(current => current.every(row => row === ''), {what: 'a blank screen'});
			assert.equal(rows.length, small.rows);
			const cells = await screen.cells();
			try {
				assert.equal(cells.cell(0, 0).bg, '#000000', 'black, not the terminal background');
				assert.equal(cells.cell(small.columns - 1, small.rows - 2).bg, '#000000', 'black to the status row');
			} finally {
				cells.dispose();
			}
			const state = await screen.state();
			assert.equal(state.alternateOn, true);
			await screen.keys('Space');
			await waitForSlide(screen, {position: 1, total: total(), size: small, lines: printSlides(demo, small)[0]!.lines, what: 'slide 1 after the blackout'});
		} finally {
			await screen.stop();
		}
	});

	test('4 Enter jumps to slide 4', async () => {
		const screen = await startPlayer([demo], {size: small});
		try {
			await waitForSlide(screen, {position: 1, total: total(), size: small});
			await screen.type('4');
			await screen.waitFor(rows => statusRow(rows).includes('go to 4'), {what: '"go to 4" in the status bar'});
			await screen.keys('Enter');
			await waitForSlide(screen, {position: 4, total: total(), size: small, lines: printSlides(demo, small)[3]!.lines});
		} finally {
			await screen.stop();
		}
	});
});
