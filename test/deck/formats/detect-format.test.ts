import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {detectDeck, detectFormat, headCharacters, leadingCharacter, lineSigns, type DeckFormat} from '../../../source/deck/detect-format.js';
import {random} from '../../support/random.js';
import {loadDeck} from '../../../source/deck/load-deck.js';
import {parseDeck} from '../../../source/deck/parse-deck.js';
import {fixture, utf8} from './support.js';

describe('detectFormat', () => {
	const cases: Array<[DeckFormat, string, string]> = [
		['remark', 'an HTML page with a textarea', '<html><textarea id="source">\n# Hi\n</textarea></html>'],
		['remark', 'a page that calls remark.create', '<script>remark.create({sourceUrl: "a.md"})</script>'],
		['remark', 'a textarea in capitals', '<HTML><TextArea id="source">\n# Hi\n</TEXTAREA></HTML>'],
		['remark', 'remark.create with a space before its parenthesis', 'var slideshow = remark.create ({ratio: "16:9"});'],
		['remark', 'a textarea past the head the lines are read from', `${'<p>filler</p>\n'.repeat(headCharacters / 10)}<textarea id="source">\n# Hi\n</textarea>`],
		['markdown', 'a word that ends in remark.create', '# Hi\n\nmyremark.create(x)\n'],
		['markdown', 'textarea without its bracket', '# The textarea\n\n<text area> is not <textareas\n'],
		['remark', '??? notes', '# Hi\n\n???\nnotes\n'],
		['remark', '-- steps', '- one\n--\n- two\n'],
		['remark', 'class: at the top of the file', 'class: center, middle\n\n# Hi\n'],
		['remark', 'name: at the top of a slide', '# One\n---\n\nname: two\n# Two\n'],
		['remark', 'layout: true at the top of a slide', '# One\n---\nlayout: true\n.footer[x]\n'],
		['remark', 'properties in a run', '# One\n---\ncount: false\nclass: middle\n# Two\n'],
		['shorthand', '#=', '#= Title\n## Sub\n'],
		['shorthand', '$$terminal', '# Hi\n---\n$$terminal bash\n$$prompt ~\n'],
		['shorthand', '#todo', '#todo later\n'],
		['shorthand', 'Note:', '# Hi\n\nNote: notes\n'],
		['shorthand', '#= wins over a Markdown sign', '#= Title\n\n```\ncode\n```\n'],
		['markdown', 'plain Markdown', '# Hi\n\ntext\n---\n# Two\n'],
		['markdown', 'front matter', '---\ntitle: Hi\nlayout: post\n---\n# Hi\n\nNote: this\n'],
		['presenterm', 'end_slide', '# Hi\n<!-- end_slide -->\n# Two\n'],
		['presenterm', 'pause', '# Hi\n<!-- pause -->\ntext\n\nNote: x\n'],
		['markdown', 'fenced code with Note:', '# Hi\n\n```\nx\n```\n\nNote: x\n'],
		['mdp', "mdp's header", '%title: Hi\n\n# Hi\n'],
		['markdown', 'class: in the middle of a slide', '# Hi\n\nclass: not a property here\n'],
		['markdown', 'an empty file', ''],
	];
	for (const [format, what, text] of cases) {
		test(`${what} is ${format}`, () => {
			assert.equal(detectFormat(text), format);
		});
	}

	test('--- and ??? inside fenced code say nothing', () => {
		assert.equal(detectFormat('```\n???\n--\n---\nclass: x\n```\n'), 'markdown');
	});

	test('every shorthand deck of the project is still read as shorthand', () => {
		for (const name of [
			'demo.txt',
			'reference-style.txt',
			'crlf-bom.txt',
			'legit-mojibake-text.txt',
			'mojibake-cp1252.txt',
			'mojibake-macroman.txt',
			'bench/reference.txt',
		]) {
			assert.equal(loadDeck(readFileSync(join(process.cwd(), 'fixtures', name))).format, 'shorthand', name);
		}
	});

	test('the format fixtures', () => {
		assert.deepEqual(
			['remark-shell.html', 'remark-deck.md', 'presenterm.md', 'slides.md', 'remark-shell-equivalent.txt'].map(name =>
				detectFormat(fixture(name).toString('utf8')),
			),
			['remark', 'remark', 'presenterm', 'slides', 'shorthand'],
		);
	});
});

describe('loadDeck and the format', () => {
	test('parseDeck is the shorthand parser, and says so', () => {
		assert.equal(parseDeck('# Hi').format, 'shorthand');
	});

	test('the format option overrides detection', () => {
		const text = utf8('# Hi\n---\n#= Big\n');
		assert.equal(loadDeck(text).format, 'shorthand');
		const markdown = loadDeck(text, {format: 'markdown'});
		assert.equal(markdown.format, 'markdown');
		assert.deepEqual(
			markdown.slides.map(slide => slide.kind),
			['title', 'text'],
		);
		assert.equal(loadDeck(text, {format: 'remark'}).format, 'remark');
	});

	test('decoding and repair come first for every format', () => {
		const deck = loadDeck(
			Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\r\ntitle: Caf\u00c3\u00a9 \u00f0\u0178\u2019\u00aa\r\n---\r\n# Hi\r\n', 'utf8')]),
		);
		assert.equal(deck.format, 'markdown');
		assert.equal(deck.repair?.encoding, 'windows-1252');
		assert.equal(deck.diagnostics[0]?.code, 'mojibake-repaired');
		assert.match(JSON.stringify(deck.slides[0]), /Café 💪/);
		assert.doesNotMatch(JSON.stringify(deck), /\\r|\uFEFF/);
	});
});

describe('detection by evidence (issue 14)', () => {
	const real = (name: string) => readFileSync(join(process.cwd(), 'fixtures', 'real-decks', name), 'utf8');

	test("one stray `--` or `???` flips nothing: the shorthand's own signs outweigh them", () => {
		assert.equal(detectFormat(real('dashdash-shorthand.txt')), 'shorthand');
		assert.equal(detectFormat('#= Title\n## sub\nNote: a\n--\nb\n---\n#= Two\n\n???\n'), 'shorthand');
	});

	test('a Markdown deck with a stray ??? is the dialect its own signs say', () => {
		assert.equal(detectFormat(real('qqq-presenterm.md')), 'presenterm');
	});

	test('each real deck is read as its tool', () => {
		const cases: Array<[string, DeckFormat]> = [
			['unclosed-fence.md', 'remark'],
			['pre-code-fence.md', 'remark'],
			['br-in-text.md', 'remark'],
			['xaringan.Rmd', 'remark'],
			['property-expansion.md', 'remark'],
			['shell-wrap.md', 'remark'],
			['heading-above-shell.md', 'remark'],
			['style-block.md', 'remark'],
			['xhr-loader.html', 'remark'],
			['patat-slidelevel.md', 'patat'],
			['presenterm-implicit.md', 'presenterm'],
			['mdp-centering.md', 'mdp'],
			['setext-title.md', 'markdown'],
			['br-in-text.txt', 'shorthand'],
		];
		assert.deepEqual(
			cases.map(([name]) => [name, detectFormat(real(name), name)]),
			cases,
		);
	});

	test('the dialect fixtures', () => {
		assert.deepEqual(
			['patat.md', 'mdp.md', 'lookatme.md', 'markdown.md'].map(name => detectFormat(fixture(name).toString('utf8'))),
			['patat', 'mdp', 'lookatme', 'markdown'],
		);
	});

	test('front matter and the file name are evidence', () => {
		assert.equal(detectFormat('---\npatat:\n  wrap: true\n---\n# A\n'), 'patat');
		assert.equal(detectFormat('---\nstyles:\n  style: x\n---\n# A\n'), 'lookatme');
		assert.equal(detectFormat('---\npaging: "%d"\n---\n# A\n'), 'slides');
		assert.equal(detectFormat('---\ntitle: T\noutput: xaringan::moon_reader\n---\n# A\n'), 'remark');
		assert.equal(detectFormat('# A\n', 'talk.Rmd'), 'remark');
		assert.equal(detectFormat('% Title\n% Me\n\n# A\n'), 'patat');
	});

	test('the evidence names what and where; mixed evidence names the other format', () => {
		const detection = detectDeck('#= Title\n---\n$$terminal bash\n---\n<!-- end_slide -->\n');
		assert.equal(detection.format, 'shorthand');
		assert.deepEqual(detection.evidence[0], {format: 'shorthand', what: '`$$terminal`', line: 3, weight: 10});
		assert.equal(detection.mixed, 'presenterm');
		assert.equal(detectDeck('#= Title\n--\n').mixed, undefined, 'a hint is no mixture');
	});

	test('the format option says so', () => {
		assert.deepEqual(loadDeck(utf8('# Hi\n'), {format: 'patat'}).detection, {by: 'option', evidence: []});
	});
});

describe('detection reads the head of the deck', () => {
	test('signs after the head do not change the format, so detection costs the same at any deck size', () => {
		const slide = '# A slide\n\n- a point\n- another point\n\n---\n\n';
		const head = slide.repeat(Math.ceil(headCharacters / slide.length) + 1);
		assert.equal(detectFormat(head + '#= Late title\n$$terminal late\n'), 'markdown');
		assert.equal(detectFormat('#= Early title\n' + head), 'shorthand');
	});
});

describe('signs are looked for only in lines that can give them', () => {
	test('a line a sign matches starts (after spaces and tabs) with a character the sign names', () => {
		const {int, pick} = random(11);
		const bits = [
			...['$$terminal x', '$$prompt', '$$w', '#= x', '#todo', '@= a', '~@ b', '@ p.png', 'vv [', 'Note: x', '???', '--', '.a[', '.a.b[ '],
			...['<!-- end_slide -->', '<!-- speaker_note', '<!-- pause -->', '<!-- stop -->', '<!-- column_layout', '. . .', '<!--config:', '-> x <-', '^'],
			...['![a](b)', '===', '{{content}}', '<div class="shell-wrap">', ' ', '\t', 'x', '-', '<', '.', '#', '!', '=', '$'],
		];
		const matched = new Set<string>();
		for (let round = 0; round < 50_000; round++) {
			let line = pick(['', ' ', '  ', '\t', ' \t']);
			for (let count = int(1, 3); count > 0; count--) line += pick(bits);
			for (const sign of lineSigns) {
				if (sign.first === undefined || !sign.test(line)) continue;
				matched.add(sign.what);
				assert.ok(sign.first.includes(leadingCharacter(line)), `${sign.what} matches ${JSON.stringify(line)}`);
			}
		}

		assert.equal(matched.size, lineSigns.filter(sign => sign.first !== undefined).length, 'every sign matched some line');
	});
});
