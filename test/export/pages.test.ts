import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {loadDeck} from '../../source/deck/load-deck.js';
import {castTimeline, playerScreen} from '../../source/export/cast-timeline.js';
import {pageOf, shownSlides, typingOf, type PageOptions} from '../../source/export/pages.js';
import {createProgress} from '../../source/export/progress.js';
import {slideArea} from '../../source/layout/plan-screen.js';
import {planSlide} from '../../source/layout/plan-slide.js';
import {animationFor, viewAt} from '../../source/layout/terminal-animation.js';
import {renderLine} from '../../source/render/ansi.js';

const deck = (name: string) => loadDeck(readFileSync(join(process.cwd(), 'fixtures', name)));
const options: PageOptions = {size: {columns: 80, rows: 24}, steps: true, notes: true, showUrls: false};
const text = (lines: readonly Parameters<typeof renderLine>[0][]) => lines.map(line => renderLine(line, {level: 0, hyperlinks: false}));

test("a page is the player's frame of the slide at the slide area, with its notes", () => {
	const talk = deck('export/talk.txt');
	const page = pageOf(talk, talk.slides[2]!, options);
	assert.deepEqual(text(page.frame.lines), text(planSlide(talk.slides, 2, slideArea(options.size), {showUrls: false}).lines));
	assert.equal(page.frame.lines.length, 22);
	assert.ok(text(page.notes).join('\n').includes('Mention the link'));
	assert.deepEqual(pageOf(talk, talk.slides[2]!, {...options, notes: false}).notes, []);
});

test('without steps, an incremental slide is shown once, whole', () => {
	const remark = deck('formats/remark-deck.md');
	const stepped = remark.slides.filter(slide => slide.step);
	assert.ok(stepped.length > 2, 'the fixture has incremental slides');
	const shown = shownSlides(remark.slides, false);
	assert.equal(shown.length, remark.slides.length - stepped.filter(slide => slide.step!.index < slide.step!.of).length);
	assert.ok(shown.every(slide => !slide.step || slide.step.index === slide.step.of));
	assert.equal(shownSlides(remark.slides, true).length, remark.slides.length);
});

test("typing frames follow the player's schedule, view by view", () => {
	const talk = deck('export/talk.txt');
	const motion = {charactersPerSecond: 25};
	const typing = typingOf(talk, 3, options, motion);
	const animation = animationFor(talk.slides, 2, 3, motion)!;
	assert.ok(typing && animation);
	assert.equal(typing.duration, animation.duration);
	assert.deepEqual(
		typing.frames.map(frame => frame.at),
		animation.steps.map(step => step.at),
	);
	typing.frames.forEach((frame, index) => {
		const view = viewAt(animation, frame.at) ?? animation.steps[index]!;
		assert.deepEqual(text(frame.lines), text(planSlide(talk.slides, 3, slideArea(options.size), {showUrls: false, terminal: {cursorOn: true, ...view}}).lines));
	});
	assert.ok(
		text(typing.frames[0]!.lines).some(line => line.includes('~/talk $ █')),
		'typing starts at the prompt',
	);
	assert.equal(typingOf(talk, 2, options, motion), undefined, 'a text slide does not type');
});

test("a recording's timeline: each slide stays its pause after typing, or its rehearsed time", () => {
	const talk = deck('export/talk.txt');
	const motion = {charactersPerSecond: 25, animate: true};
	const pauses = talk.slides.map(() => ({kind: 'pause' as const, ms: 1000}));
	const timeline = castTimeline(talk, pauses, options, motion);
	const typing = animationFor(talk.slides, 2, 3, motion)!.duration;
	assert.deepEqual(
		timeline.slides.map(slide => slide.at),
		[
			0,
			1000,
			2000,
			3000,
			4000 + typing,
			5000 + typing + animationFor(talk.slides, 3, 4, motion)!.duration,
			6000 + typing + animationFor(talk.slides, 3, 4, motion)!.duration,
		],
	);
	const rehearsed = castTimeline(
		talk,
		talk.slides.map((_, index) => ({kind: 'total' as const, ms: index === 3 ? 10 : 500})),
		options,
		motion,
	);
	assert.equal(rehearsed.slides[4]!.at - rehearsed.slides[3]!.at, typing, 'a slide rehearsed shorter than its typing still types to the end');
	assert.equal(rehearsed.slides[1]!.at, 500);
	const still = castTimeline(talk, pauses, options, {...motion, animate: false});
	assert.equal(still.end, 7000);
});

test("a recording's screen is the player's: slide area, status bar, empty last row", () => {
	const talk = deck('export/talk.txt');
	const screen = text(playerScreen(talk, 6, options));
	assert.equal(screen.length, 23);
	assert.equal(screen[22]!.trimEnd(), ' 7/7', "the audience's quiet counter");
});

test('progress: a bar on a terminal, only the closing line elsewhere', () => {
	let written = '';
	let now = 0;
	const terminal = {isTTY: true, columns: 80, write: (text: string) => (written += text)};
	const progress = createProgress(terminal, 'PDF talk.pdf', 4, () => now);
	for (let done = 1; done <= 4; done++) {
		now += 100;
		progress.update(done);
	}

	assert.match(written, /\rPDF talk\.pdf \[█+░*\] 1\/4/);
	assert.match(written, /\] 4\/4/);
	progress.finish('Wrote talk.pdf');
	assert.ok(written.endsWith('\r\u001B[KWrote talk.pdf\n'));
	let piped = '';
	const log = createProgress({isTTY: false, write: (text: string) => (piped += text)}, 'x', 4);
	log.update(2);
	log.finish('done');
	assert.equal(piped, 'done\n');
});

test('pauses read as seconds unless they say otherwise; outputs are named after the deck', async () => {
	const {pauseMs, defaultOutput} = await import('../../source/commands/export.js');
	assert.equal(pauseMs('3'), 3000);
	assert.equal(pauseMs('2.5'), 2500);
	assert.equal(pauseMs('2.5s'), 2500);
	assert.equal(pauseMs('1m30s'), 90_000);
	assert.equal(pauseMs('0:05'), 5000);
	assert.equal(pauseMs('250ms'), 250);
	assert.equal(pauseMs('soon'), undefined);
	assert.equal(pauseMs('3 s'), undefined);
	assert.equal(defaultOutput('decks/talk.txt', 'pdf'), 'talk.pdf');
	assert.equal(defaultOutput('talk', 'cast'), 'talk.cast');
	assert.equal(defaultOutput('my.talk.md', 'html'), 'my.talk.html');
	assert.throws(() => defaultOutput('-', 'html'), /-o FILE/);
});
