import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {inlineText, isBlank} from '../../source/deck/inline-tree.js';
import {graphemes} from '../../source/text/graphemes.js';
import {loadDeck} from '../../source/deck/load-deck.js';
import type {Deck, Inline, Slide, TerminalLine} from '../../source/deck/model.js';
import {parseDeck} from '../../source/deck/parse-deck.js';
import {readableImageName, slideTitle} from '../../source/deck/slide-title.js';
import {searchSlides} from '../../source/deck/slide-search.js';
import {slideText} from '../../source/deck/slide-text.js';
import {blockTexts} from './formats/support.js';

const fixture = (name: string): Buffer => readFileSync(join(process.cwd(), 'fixtures', name));
const load = (name: string): Deck => loadDeck(fixture(name));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

type Kind = Slide['kind'];
function slideOf<K extends Kind>(deck: Deck, number: number, kind: K): Extract<Slide, {kind: K}> {
	const slide = deck.slides[number - 1];
	assert.ok(slide, `slide ${number} exists`);
	assert.equal(slide.kind, kind, `slide ${number} is a ${kind} slide`);
	assert.equal(slide.index, number - 1);
	return slide as Extract<Slide, {kind: K}>;
}

/** A terminal line as a reader sees it. */
function terminalLine(line: TerminalLine): {prompt?: string; text: string; typed: string; cursor: boolean; line: number} {
	const text = line.segments.map(segment => inlineText(segment.content)).join('');
	const typed = line.segments
		.filter(segment => segment.typed)
		.map(segment => inlineText(segment.content))
		.join('');
	return {...(line.prompt === undefined ? {} : {prompt: line.prompt}), text, typed, cursor: line.cursor, line: line.line};
}

const findNode = (inlines: readonly Inline[], type: Inline['type']): Inline | undefined => {
	for (const node of inlines) {
		if (node.type === type) return node;
		if ('children' in node) {
			const found = findNode(node.children, type);
			if (found) return found;
		}
	}

	return undefined;
};

describe('fixtures/reference-style.txt, slide by slide', () => {
	const deck = load('reference-style.txt');

	test('has 23 slides of the expected kinds, each at its source line', () => {
		assert.deepEqual(
			deck.slides.map(slide => [slide.index + 1, slide.kind, slide.line]),
			[
				[1, 'title', 1],
				[2, 'image', 12],
				[3, 'emoji', 17],
				[4, 'emoji', 22],
				[5, 'emoji', 34],
				[6, 'emoji', 42],
				[7, 'terminal', 48],
				[8, 'terminal', 62],
				[9, 'terminal', 75],
				[10, 'terminal', 89],
				[11, 'image', 100],
				[12, 'image', 108],
				[13, 'image', 112],
				[14, 'image', 117],
				[15, 'title', 124],
				[16, 'title', 132],
				[17, 'title', 137],
				[18, 'text', 144],
				[19, 'draft', 167],
				[20, 'text', 176],
				[21, 'draft', 206],
				[22, 'blank', 217],
				[23, 'title', 222],
			],
		);
		assert.equal(deck.repair, undefined);
	});

	test('the diagnostics: unknown class, unbalanced span, unknown directive, two drafts', () => {
		assert.deepEqual(
			deck.diagnostics.map(({severity, line, code}) => [severity, line, code]),
			[
				['warning', 156, 'unknown-class'],
				['warning', 157, 'unbalanced-span'],
				['warning', 158, 'unknown-directive'],
				['notice', 167, 'draft'],
				['notice', 206, 'draft'],
			],
		);
		assert.match(deck.diagnostics[0]!.message, /shiny/);
		assert.match(deck.diagnostics[2]!.message, /\$\$foo/);
	});

	test('1: title with <br>, ## and ### subtitles, a footer image and notes with a heading', () => {
		const slide = slideOf(deck, 1, 'title');
		assert.equal(slide.title[0]?.type, 'break');
		assert.equal(inlineText(slide.title), '\nHow to make a proper cup of tea');
		assert.deepEqual(
			slide.subtitles.map(({depth, content, line}) => [depth, inlineText(content), line]),
			[
				[2, 'TeaCon 2024', 2],
				[3, 'a short talk about a long brew', 3],
			],
		);
		assert.deepEqual(blockTexts(slide.body), ['image(inline): footer.svg']);
		assert.equal(slide.notes?.line, 6);
		assert.equal(slide.notes?.text, 'breathe, and smile!\n\nYou got this\n\n# 💪');
		assert.deepEqual(blockTexts(slide.notes.blocks), ['p: breathe, and smile!', 'p: You got this', 'h1: 💪']);
		assert.deepEqual(
			slide.notes.blocks.map(block => block.line),
			[6, 8, 10],
		);
		assert.equal(slideTitle(slide), 'How to make a proper cup of tea');
	});

	test('2: an inline image on its own, notes with trailing spaces trimmed', () => {
		const slide = slideOf(deck, 2, 'image');
		assert.deepEqual(slide.image, {src: 'kettle_intro.png', mode: 'inline', line: 12});
		assert.deepEqual(slide.body, []);
		assert.equal(slide.notes?.text, 'this is How to make a proper cup of tea.');
		assert.equal(slideTitle(slide), 'kettle intro');
	});

	test('3-6: emoji slides: single, ZWJ with skin tone, stacked, side by side', () => {
		assert.deepEqual(slideOf(deck, 3, 'emoji').rows, [['☕']]);
		const cook = slideOf(deck, 4, 'emoji').rows;
		assert.deepEqual(cook, [['👩🏽‍🍳']]);
		assert.equal(cook[0]![0], '\u{1F469}\u{1F3FD}\u200D\u{1F373}', 'one cluster: woman, skin tone, ZWJ, cooking');
		assert.deepEqual(slideOf(deck, 5, 'emoji').rows, [['🍵'], ['💧'], ['🔥']]);
		assert.deepEqual(slideOf(deck, 6, 'emoji').rows, [['🍋', '❌']]);
		assert.equal(slideOf(deck, 3, 'emoji').notes?.text, "Hello! I'm Sam");
		assert.equal(slideOf(deck, 4, 'emoji').notes?.text, 'for the last ten years I have made tea for\n\nmy family\n\nmy friends\n\nmy colleagues');
	});

	test('5: "Note:" alone on its line starts the notes; the text follows after a blank line', () => {
		const notes = slideOf(deck, 5, 'emoji').notes;
		assert.equal(notes?.line, 36);
		assert.equal(notes?.text, 'Three things matter: the leaves, the water and the heat.');
		assert.equal(notes?.blocks[0]?.line, 38);
	});

	test('6: a "--- " separator with a trailing space still separates', () => {
		assert.equal(slideOf(deck, 6, 'emoji').line, 42);
		assert.equal(slideOf(deck, 5, 'emoji').notes?.text.includes('---'), false);
	});

	const sessionLines = (first: string) => [
		{prompt: '~/my_project', text: first, typed: '', cursor: false},
		{text: 'Filling the kettle...', typed: '', cursor: false},
		{text: 'Heating the water...', typed: '', cursor: false},
		{text: '', typed: '', cursor: false},
		{text: 'Water reached 100 degrees.', typed: '', cursor: false},
		{text: 'Serving tea at http://127.0.0.1:8000/', typed: '', cursor: false},
		{text: 'Press CTRL-C to stop.', typed: '', cursor: false},
		{text: '[05/Oct/2024 09:15:00] "GET /cup HTTP/1.1" 200 418', typed: '', cursor: false},
	];
	const withoutLine = (line: TerminalLine) => {
		const {line: _, ...rest} = terminalLine(line);
		return rest;
	};

	test('7: a terminal session: prompt, command, output, <br><br> blank line, cursor', () => {
		const slide = slideOf(deck, 7, 'terminal');
		assert.equal(slide.title, 'bash');
		assert.deepEqual(
			slide.lines.map(line => withoutLine(line)),
			[...sessionLines('kettle --boil'), {text: '', typed: '', cursor: true}],
		);
		assert.deepEqual(
			slide.lines.map(line => line.line),
			[49, 51, 52, 52, 53, 54, 54, 55, 56],
		);
		// `.noop[kettle]` is a span with no look of its own; `http:/.noop[/]` reads http://.
		const command = slide.lines[0]!.segments[0]!.content;
		assert.deepEqual(command[0], {type: 'span', className: 'noop', children: [{type: 'text', text: 'kettle'}]});
		assert.equal(slideTitle(slide), 'bash: kettle --boil');
	});

	test('8: the next slide only adds a highlight: same text, the command in .red[...]', () => {
		const before = slideOf(deck, 7, 'terminal');
		const after = slideOf(deck, 8, 'terminal');
		assert.deepEqual(
			after.lines.map(line => withoutLine(line)),
			before.lines.map(line => withoutLine(line)),
		);
		const command = after.lines[0]!.segments[0]!.content;
		assert.equal(command.length, 1);
		assert.equal(command[0]?.type === 'span' && command[0].className, 'red');
		assert.equal(findNode(before.lines[0]!.segments[0]!.content, 'span')?.type, 'span');
		assert.ok(!JSON.stringify(before.lines).includes('"red"'));
	});

	test('9: "$$w TEXT" types a command at a new prompt (trailing space after the directory ignored)', () => {
		const slide = slideOf(deck, 9, 'terminal');
		const last = slide.lines.at(-1)!;
		assert.deepEqual(terminalLine(last), {prompt: '~/my_project', text: 'steep --minutes 4', typed: 'steep --minutes 4', cursor: true, line: 83});
		assert.deepEqual(
			last.segments.map(segment => segment.typed),
			[true],
		);
		assert.deepEqual(
			slide.lines.slice(0, -1).map(line => withoutLine(line)),
			sessionLines('kettle --boil'),
		);
		assert.equal(slideTitle(slide), 'bash: steep --minutes 4');
	});

	test('10: output after the typed command, two lines from one source line, an empty prompt with the cursor', () => {
		const slide = slideOf(deck, 10, 'terminal');
		assert.deepEqual(
			slide.lines.map(line => terminalLine(line)),
			[
				{prompt: '~/my_project', text: 'steep --minutes 4', typed: '', cursor: false, line: 90},
				{text: 'Steeping...', typed: '', cursor: false, line: 92},
				{text: 'Done. Enjoy!', typed: '', cursor: false, line: 92},
				{prompt: '~/my_project', text: '', typed: '', cursor: true, line: 93},
			],
		);
	});

	test('11-14: image modes, text on an image slide, a caption', () => {
		const full = slideOf(deck, 11, 'image');
		assert.deepEqual(full.image, {src: 'sprout_teapot_0.png', mode: 'full', line: 100});
		assert.equal(slideTitle(full), 'sprout teapot 0');
		assert.equal(full.notes?.text, 'you can see your tea.\n\nAnd it looks fine to you.');

		const wide = slideOf(deck, 12, 'image');
		assert.deepEqual(wide.image, {src: 'tea_fields_169.png', mode: 'wide', line: 108});

		const logos = slideOf(deck, 13, 'image');
		assert.deepEqual(logos.image, {src: 'teapot_logos.png', mode: 'full', line: 112});
		assert.equal(logos.body.length, 1);
		const paragraph = logos.body[0]!;
		assert.equal(paragraph.type, 'paragraph');
		assert.equal(paragraph.line, 113);
		assert.deepEqual(paragraph.type === 'paragraph' && paragraph.lines, [
			[
				{
					type: 'span',
					className: 'fix-tilt-long',
					children: [
						{type: 'span', className: 'w', children: [{type: 'text', text: '....'}]},
						{type: 'text', text: 'and\u00A0more!'},
					],
				},
			],
		]);
		assert.equal(logos.notes?.line, 114, 'a Note: line straight after the text starts the notes');

		const talk = slideOf(deck, 14, 'image');
		assert.equal(talk.image.src, 'kettle_talk.png');
		const caption = talk.body[0]!;
		assert.equal(caption.type, 'caption');
		assert.equal(caption.line, 118);
		assert.deepEqual(caption.type === 'caption' && caption.content, [
			{type: 'link', url: 'https://example.com/watch?v=abc123', children: [{type: 'text', text: 'Boiling Water Explained'}]},
			{type: 'text', text: ' TeaCon 2017'},
		]);
	});

	test('15: a quoted title keeps its quotes and is not an emoji slide', () => {
		const slide = slideOf(deck, 15, 'title');
		assert.equal(inlineText(slide.title), '"🍵 🔥 ☁️❓"');
		assert.deepEqual(slide.subtitles, []);
		assert.deepEqual(slide.body, []);
		assert.ok(graphemes(inlineText(slide.title)).includes('☁️'), 'cloud with its variation selector is one cluster');
		assert.equal(slide.notes?.text, 'so I can just pour boiling water on the leaves, right?\n\nWell, no.');
	});

	test('16: "#= &nbsp;" is a title slide that shows nothing', () => {
		const slide = slideOf(deck, 16, 'title');
		assert.deepEqual(slide.title, [{type: 'text', text: '\u00A0'}]);
		assert.ok(isBlank(slide.title));
		assert.equal(slide.notes?.text, 'but the water is too hot.');
	});

	test('17: title with an entity in ## and a blank ### subtitle', () => {
		const slide = slideOf(deck, 17, 'title');
		assert.equal(inlineText(slide.title), 'Steeping');
		assert.deepEqual(
			slide.subtitles.map(({depth, content, line}) => [depth, inlineText(content), line]),
			[
				[2, 'Time & Temperature', 138],
				[3, '\u00A0', 139],
			],
		);
	});

	test('18: text slide with headings, lists, inline markup, entities and the literal leftovers', () => {
		const slide = slideOf(deck, 18, 'text');
		assert.deepEqual(blockTexts(slide.body), [
			'h1: Steeping, step by step',
			'ol(1): Warm the pot / Add one spoon per cup / Pour water just below boiling',
			'ul: Green tea: 80 C / Black tea: 95 C / Read the tea guide first',
			'h2: Don’t forget',
			'p: Milk & sugar are optional\u00A0extras. / This line has .red[oops in it / $$foo is not a directive',
		]);
		assert.deepEqual(
			slide.body.map(block => block.line),
			[144, 146, 150, 154, 156],
		);
		const [, ordered, unordered, , paragraph] = slide.body;
		assert.ok(ordered?.type === 'list' && unordered?.type === 'list' && paragraph?.type === 'paragraph');
		assert.deepEqual(ordered.items[1], [
			{type: 'text', text: 'Add '},
			{type: 'strong', children: [{type: 'text', text: 'one spoon'}]},
			{type: 'text', text: ' per cup'},
		]);
		assert.deepEqual(ordered.items[2]![1], {type: 'emphasis', children: [{type: 'text', text: 'just'}]});
		assert.deepEqual(unordered.items[0]![1], {type: 'code', text: '80 C'});
		assert.deepEqual(unordered.items[2]![1], {type: 'link', url: 'https://example.com/tea', children: [{type: 'text', text: 'the tea guide'}]});
		assert.deepEqual(paragraph.lines[0]![1], {type: 'span', className: 'shiny', children: [{type: 'text', text: 'optional'}]});
		assert.deepEqual(paragraph.lines[1], [{type: 'text', text: 'This line has .red[oops in it'}], 'unbalanced span shown literally');

		assert.equal(slide.notes?.line, 160);
		assert.equal(slide.notes?.text, "# 🫖 Reminder\n\nCount to four minutes.\n\nDon't rush it ☕");
		assert.deepEqual(blockTexts(slide.notes.blocks), ['h1: 🫖 Reminder', 'p: Count to four minutes.', "p: Don't rush it ☕"]);
		assert.equal(slideTitle(slide), 'Steeping, step by step');
	});

	test('19: "#= TODO" is a draft whose body is plain text lines', () => {
		const slide = slideOf(deck, 19, 'draft');
		assert.equal(inlineText(slide.title), 'TODO');
		assert.deepEqual(blockTexts(slide.body), ['p: green tea / oolong tea / white tea', 'p: we have a whole section on water hardness']);
		assert.equal(slide.notes, undefined);
	});

	test('20: a long text slide parses completely', () => {
		const slide = slideOf(deck, 20, 'text');
		const list = slide.body[1];
		assert.ok(list?.type === 'list');
		assert.equal(list.items.length, 26);
		assert.equal(inlineText(list.items.at(-1)!), 'Hibiscus');
	});

	test('21: "#todo TITLE" is a draft with that title; ~~strike~~ in its body', () => {
		const slide = slideOf(deck, 21, 'draft');
		assert.equal(inlineText(slide.title), 'summary');
		assert.deepEqual(blockTexts(slide.body), ["p: It's complicated", 'p: So what do you choose?', 'p: It depends', 'p: Just you? A teabag.']);
		const strike = slide.body[2];
		assert.deepEqual(strike?.type === 'paragraph' && strike.lines[0], [{type: 'strike', children: [{type: 'text', text: 'It depends'}]}]);
	});

	test('22: a slide of blank lines is an intentional blank slide', () => {
		const slide = slideOf(deck, 22, 'blank');
		assert.equal(slide.notes, undefined);
		assert.equal(slideTitle(slide), '');
	});

	test('23: the closing title with a footer image', () => {
		const slide = slideOf(deck, 23, 'title');
		assert.equal(inlineText(slide.title), '\nThanks!');
		assert.deepEqual(blockTexts(slide.body), ['image(inline): footer.svg']);
	});

	test('notes never leak into slide content, and search finds words in notes', () => {
		const search = searchSlides(deck.slides);
		assert.deepEqual(search('thermometer'), [16]);
		assert.deepEqual(search('KETTLE --BOIL'), [6, 7, 8]);
		assert.deepEqual(search(''), []);
		for (const slide of deck.slides) {
			if (!slide.notes) continue;
			const content = slideText({...slide, notes: undefined} as Slide);
			assert.ok(!content.includes(slide.notes.text) || slide.notes.text === '', `slide ${slide.index + 1}`);
		}
	});
});

describe('mojibake', () => {
	const expectRepaired = (deck: Deck) => {
		assert.deepEqual(slideOf(deck, 1, 'emoji').rows, [['💪']]);
		assert.equal(slideOf(deck, 1, 'emoji').notes?.text, 'you’ve got this\n\n# 👩🏻‍🔧');
		assert.equal(graphemes('👩🏻‍🔧').length, 1);
		const terminal = slideOf(deck, 2, 'terminal');
		assert.deepEqual(
			terminal.lines.map(line => terminalLine(line).text),
			['ls my_project/', '⎽⎽init⎽⎽.py', 'settings.py', ''],
		);
		const text = slideOf(deck, 3, 'text');
		assert.deepEqual(blockTexts(text.body), ['h1: It’s tea time', 'p: Café au lait — 💪 and 👩🏻‍🔧']);
		// Exactly the characters that were meant, and nothing of the mojibake left.
		const all = deck.slides.map(slide => slideText(slide)).join('\n');
		assert.doesNotMatch(all, /[\u0080-\u00BF\u00C3\u00F0\u201A\u0192\uF8FF]|üí|ðŸ/u);
		assert.deepEqual([...new Set(all.match(/[^\u0000-\u007F]/gu))].sort(), ['é', '⎽', '—', '’', '💪', '👩', '🏻', '\u200D', '🔧'].sort());
	};

	test('the Mac OS Roman fixture really is mojibake', () => {
		const raw = fixture('mojibake-macroman.txt').toString('utf8');
		assert.ok(raw.includes('.e[\uF8FFüí™]'), '💪 as in the reference deck');
		assert.ok(raw.includes('‚éΩ‚éΩinit‚éΩ‚éΩ.py'));
		assert.ok(raw.includes('you‚Äôve'));
	});

	test('Mac OS Roman: repaired, exact characters, reported', () => {
		const deck = load('mojibake-macroman.txt');
		expectRepaired(deck);
		assert.deepEqual(deck.repair, {encoding: 'macintosh', characters: 18});
		const notice = deck.diagnostics.find(diagnostic => diagnostic.code === 'mojibake-repaired');
		assert.equal(notice?.severity, 'notice');
		assert.equal(notice.line, 1);
		assert.match(notice.message, /Mac OS Roman/);
		assert.match(notice.message, /18 characters/);
		assert.deepEqual(
			deck.diagnostics.map(diagnostic => diagnostic.code),
			['mojibake-repaired'],
		);
	});

	test('the Windows-1252 fixture really is mojibake', () => {
		const raw = fixture('mojibake-cp1252.txt').toString('utf8');
		assert.ok(raw.includes('.e[ðŸ’ª]'));
		assert.ok(raw.includes('CafÃ©'));
		assert.ok(raw.includes('\u008F'), 'an undefined cp1252 byte passed through as a C1 character');
	});

	test('Windows-1252: repaired, exact characters, reported', () => {
		const deck = load('mojibake-cp1252.txt');
		expectRepaired(deck);
		assert.deepEqual(deck.repair, {encoding: 'windows-1252', characters: 18});
		assert.deepEqual(
			deck.diagnostics.map(diagnostic => [diagnostic.code, diagnostic.line]),
			[['mojibake-repaired', 1]],
		);
		assert.match(deck.diagnostics[0]!.message, /Windows-1252/);
	});

	test('a deck that legitimately shows mojibake stays exactly as written', () => {
		const deck = load('legit-mojibake-text.txt');
		assert.equal(deck.repair, undefined);
		assert.deepEqual(deck.diagnostics, []);
		const slide = slideOf(deck, 2, 'text');
		assert.deepEqual(blockTexts(slide.body), [
			'h1: Wrong decoder, strange letters',
			'ul: café read as Windows-1252 turns into cafÃ© / 💪 read as Mac OS Roman turns into üí™ / So if you see Ã© or üí in a deck, ask where it has been',
		]);
		const source = fixture('legit-mojibake-text.txt').toString('utf8');
		for (const word of ['cafÃ©', 'üí™', 'Ã©', 'üí', 'café', '💪']) {
			assert.ok(source.includes(word));
			assert.ok(
				deck.slides.some(each => slideText(each).includes(word)),
				word,
			);
		}
	});

	test('clean text with only Ã© and üí in it is not "repaired" either', () => {
		const deck = loadDeck(utf8('# Mojibake\n\nLook out for Ã© and üí and Ã¼.\n'));
		assert.equal(deck.repair, undefined);
		assert.equal(slideText(deck.slides[0]!).includes('Look out for Ã© and üí and Ã¼.'), true);
	});

	test('the reference-style deck, clean UTF-8 with emoji and ’, is left alone', () => {
		assert.equal(load('reference-style.txt').repair, undefined);
	});
});

describe('BOM and line ends', () => {
	const expectDeck = (deck: Deck) => {
		assert.deepEqual(
			deck.slides.map(slide => [slide.kind, slide.line]),
			[
				['title', 1],
				['text', 6],
				['terminal', 13],
			],
		);
		const title = slideOf(deck, 1, 'title');
		assert.equal(inlineText(title.title), 'Tea with a BOM', 'no U+FEFF in the title');
		assert.deepEqual(
			title.subtitles.map(subtitle => [inlineText(subtitle.content), subtitle.line]),
			[['saved on Windows', 2]],
		);
		assert.equal(title.notes?.text, 'CRLF line ends');
		assert.equal(title.notes.line, 4);
		assert.deepEqual(blockTexts(slideOf(deck, 2, 'text').body), ['h1: Steps', 'ol(1): Boil / Pour', 'p: Café ☕']);
		const terminal = slideOf(deck, 3, 'terminal');
		assert.equal(terminal.title, 'cmd');
		assert.deepEqual(terminalLine(terminal.lines[0]!), {prompt: 'C:\\tea', text: 'brew.exe', typed: 'brew.exe', cursor: true, line: 14});
		const all = JSON.stringify(deck);
		assert.ok(!all.includes('\\r'), 'no CR survives');
		assert.ok(!all.includes('\uFEFF'), 'no BOM survives');
		assert.deepEqual(deck.diagnostics, []);
	};

	test('the fixture has a BOM and CRLF line ends', () => {
		const bytes = fixture('crlf-bom.txt');
		assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
		assert.ok(bytes.includes('\r\n'));
		assert.ok(!bytes.toString('latin1').replaceAll('\r\n', '').includes('\n'), 'every line end is CRLF');
	});

	test('BOM + CRLF', () => {
		expectDeck(load('crlf-bom.txt'));
	});

	test('CR only (old Mac)', () => {
		const bytes = Buffer.from(fixture('crlf-bom.txt').toString('latin1').replaceAll('\r\n', '\r'), 'latin1');
		expectDeck(loadDeck(bytes));
	});

	test('LF without BOM', () => {
		const bytes = Buffer.from(fixture('crlf-bom.txt').subarray(3).toString('latin1').replaceAll('\r\n', '\n'), 'latin1');
		expectDeck(loadDeck(bytes));
	});
});

describe('parser edge cases', () => {
	test('an empty file is one blank slide', () => {
		assert.deepEqual(parseDeck('').slides, [{kind: 'blank', index: 0, line: 1}]);
		assert.deepEqual(
			loadDeck(new Uint8Array()).slides.map(slide => slide.kind),
			['blank'],
		);
	});

	test('a trailing newline does not add a slide or a line; a missing one loses nothing', () => {
		assert.deepEqual(
			parseDeck('# a\n---\n# b\n').slides.map(slide => slideTitle(slide)),
			['a', 'b'],
		);
		assert.deepEqual(
			parseDeck('# a\n---\n# b').slides.map(slide => slideTitle(slide)),
			['a', 'b'],
		);
	});

	test('"---" must be the whole line (trailing spaces and tabs allowed)', () => {
		const deck = parseDeck('a\n--- \t\nb\n ---\nc\n----\nd\n--- x\n');
		assert.equal(deck.slides.length, 2);
		const second = deck.slides[1]!;
		assert.ok(second.kind === 'text');
		assert.deepEqual(blockTexts(second.body), ['p: b /  --- / c / ---- / d / --- x']);
	});

	test('a slide with only notes is blank on screen and keeps its notes', () => {
		const slide = parseDeck('Note: just notes\n').slides[0]!;
		assert.equal(slide.kind, 'blank');
		assert.equal(slide.notes?.text, 'just notes');
	});

	test('"Note:" must start the line; "note:" and " Note:" are content', () => {
		const slide = parseDeck('# Tea\nnote: lower case\n Note: indented\n').slides[0]!;
		assert.equal(slide.notes, undefined);
	});

	test('unknown directives: in a terminal slide and in a text slide', () => {
		const deck = parseDeck('$$terminal sh\n$$prompt ~\n$$bogus here\nls<br>\n---\n# Text\n$$foo\n');
		assert.deepEqual(
			deck.diagnostics.map(({code, line}) => [code, line]),
			[
				['unknown-directive', 3],
				['unknown-directive', 7],
			],
		);
		const terminal = deck.slides[0]!;
		assert.ok(terminal.kind === 'terminal');
		assert.ok(
			terminal.lines.some(line => terminalLine(line).text.includes('$$bogus here')),
			'shown as written',
		);
	});

	test('terminal: a source line ending in <br> does not break twice; <br><br> leaves one empty line', () => {
		const slide = parseDeck('$$terminal t\none<br>\ntwo\nthree<br><br>\nfour<br>five\n$$w').slides[0]!;
		assert.ok(slide.kind === 'terminal');
		assert.deepEqual(
			slide.lines.map(line => terminalLine(line).text),
			['one', 'two', 'three', '', 'four', 'five', ''],
		);
		assert.equal(slide.lines.at(-1)!.cursor, true);
	});

	test('terminal: "$$terminal" with no title, and blank lines inside', () => {
		const slide = parseDeck('$$terminal\n\n$$prompt ~\n\n$$w  ls  \n').slides[0]!;
		assert.ok(slide.kind === 'terminal');
		assert.equal(slide.title, '');
		assert.deepEqual(
			slide.lines.map(line => terminalLine(line)),
			[{prompt: '~', text: 'ls', typed: 'ls', cursor: true, line: 3}],
		);
	});

	test('emoji titles: flags, keycaps and ZWJ families are single clusters', () => {
		const slide = parseDeck('#= .e[🇬🇧1️⃣👨‍👩‍👧‍👦]').slides[0]!;
		assert.ok(slide.kind === 'emoji');
		assert.deepEqual(slide.rows, [['🇬🇧', '1️⃣', '👨‍👩‍👧‍👦']]);
	});

	test('emoji spans side by side share a row; <br> inside any of them starts a new row', () => {
		const rows = (title: string) => {
			const slide = parseDeck(`#= ${title}`).slides[0]!;
			assert.ok(slide.kind === 'emoji', title);
			return slide.rows;
		};

		assert.deepEqual(rows('.e[🦄] .e[🏢]'), [['🦄', '🏢']]);
		assert.deepEqual(rows('.e[🦄<br>🏢] .e[🚚]'), [['🦄'], ['🏢', '🚚']]);
		assert.deepEqual(rows('.e[🦄 🏢<br><br>🚚]'), [['🦄', '🏢'], ['🚚']]);
	});

	test('an emoji title with a subtitle or body is a title slide', () => {
		assert.equal(parseDeck('#= .e[🦄]\n## Django').slides[0]!.kind, 'title');
		assert.equal(parseDeck('#= .e[🦄]\nsome text').slides[0]!.kind, 'title');
		assert.equal(parseDeck('#= .e[🦄] Django').slides[0]!.kind, 'title');
	});

	test('#todo without a title, and #TODO in any case', () => {
		const deck = parseDeck('#todo\nbody\n---\n#TODO Later\n');
		assert.deepEqual(
			deck.slides.map(slide => [slide.kind, slideTitle(slide)]),
			[
				['draft', 'TODO'],
				['draft', 'Later'],
			],
		);
	});

	test('image lines: a readable name from the file name', () => {
		assert.equal(readableImageName('sprout_localhost_0.png'), 'sprout localhost 0');
		assert.equal(readableImageName('images/django-framework_01.169.jpeg'), 'django framework 01 169');
		assert.equal(readableImageName('.png'), '.png');
	});

	test('control characters and escape sequences anywhere in a deck are neutralised', () => {
		const deck = parseDeck(
			'#= Title\u001B]0;pwned\u0007\n## sub\u001B[2J\n---\n$$terminal t\u001B[31m\n$$prompt ~/\u001Bc\n$$w rm\u0008\u0008\n---\n@= evil\u001B[1m.png\n---\n# H\u009B1m\n[x](http://a/\u001B)\nNote: notes\u001B[5m\n',
		);
		const all = JSON.stringify(deck);
		assert.doesNotMatch(all, /\\u001b|\\u0007|\\u0008|\\u009b/iu);
		assert.ok(all.includes('␛'), 'ESC is shown visibly');
	});

	test('invalid UTF-8 becomes U+FFFD with a warning on its line', () => {
		const bytes = Uint8Array.from([...utf8('# ok\n---\n# bad '), 0xff, 0xfe, ...utf8('\n')]);
		const deck = loadDeck(bytes);
		assert.deepEqual(
			deck.diagnostics.map(({code, line, severity}) => [code, line, severity]),
			[['invalid-utf8', 3, 'warning']],
		);
		assert.equal(slideTitle(deck.slides[1]!), 'bad \uFFFD\uFFFD');
	});
});
