import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseDeck} from '../../source/deck/parse-deck.js';
import {planSlide} from '../../source/layout/plan-slide.js';
import {hyperlinksWork, shownTarget} from '../../source/render/hyperlink-support.js';

test('OSC 8 hyperlinks: not in tmux before 3.4 (it drops them) nor on the Linux console; elsewhere yes', () => {
	assert.equal(hyperlinksWork({TERM: 'xterm-256color'}), true);
	assert.equal(hyperlinksWork({TERM: 'linux'}), false);
	assert.equal(hyperlinksWork({TMUX: '/tmp/tmux-0/default,1,0', TERM_PROGRAM: 'tmux', TERM_PROGRAM_VERSION: '3.3a'}), false);
	assert.equal(hyperlinksWork({TMUX: '/tmp/tmux-0/default,1,0', TERM_PROGRAM: 'tmux', TERM_PROGRAM_VERSION: '3.4'}), true);
	assert.equal(hyperlinksWork({TMUX: '/tmp/tmux-0/default,1,0', TERM_PROGRAM: 'tmux', TERM_PROGRAM_VERSION: 'next-3.6'}), true);
	assert.equal(hyperlinksWork({TMUX: '/tmp/tmux-0/default,1,0'}), false, 'a tmux of unknown version');
});

test('a link target is shown as the URL when short, else as its host', () => {
	assert.equal(shownTarget('https://x.org/a'), 'https://x.org/a');
	assert.equal(shownTarget('https://www.youtube.com/watch?v=abcdefghijk'), 'youtube.com');
	assert.equal(shownTarget('mailto:someone.with.a.long.name@example.org'), 'mailto:someone.with.a.long.name@example.org');
});

test("where links cannot be clicked in the player, a caption shows its link's host dimmed after the caption text; body links keep the whole URL", () => {
	const deck = parseDeck(
		'@ talk.png\nvv [The talk](https://www.youtube.com/watch?v=abcdefghijk) PyCon 2019\n---\nSee [the docs](https://docs.example.org/a/long/path/to/page.html)\n',
	);
	const text = (index: number, showUrls: boolean) => planSlide(deck.slides, index, {columns: 80, rows: 20}, {showUrls, shortCaptionUrls: true}).lines;
	const caption = text(0, true).find(line => line.some(segment => segment.text.includes('The talk')))!;
	assert.equal(
		caption
			.map(segment => segment.text)
			.join('')
			.trim(),
		'The talk youtube.com PyCon 2019',
	);
	const host = caption.find(segment => segment.text.includes('youtube.com'))!;
	assert.equal(host.style?.dim, true);
	assert.ok(!text(0, false).some(line => line.some(segment => segment.text.includes('youtube.com'))), 'with hyperlinks, the link is the text itself');
	assert.ok(
		text(1, true).some(line =>
			line
				.map(segment => segment.text)
				.join('')
				.includes('<https://docs.example.org/a/long/path/to/page.html>'),
		),
	);
	const printed = planSlide(deck.slides, 0, {columns: 80, rows: 20}, {showUrls: true}).lines.map(line =>
		line
			.map(segment => segment.text)
			.join('')
			.trim(),
	);
	assert.ok(printed.includes('The talk <https://www.youtube.com/watch?v=abcdefghijk> PyCon 2019'), 'print keeps the whole URL');
});
