import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {Inline} from '../../source/deck/model.js';
import {inlineText, splitAtBreaks} from '../../source/deck/inline-tree.js';
import {graphemes} from '../../source/text/graphemes.js';
import {assertLinear} from '../support/growth.js';
import {br, code, em, link, parse, span, strike, strong, table, text} from '../support/inline.js';

table('spans', [
	['.red[hot]', [span('red', text('hot'))]],
	['a .red[b] c', [text('a '), span('red', text('b')), text(' c')]],
	['.red[.noop[python] manage.py runserver]', [span('red', span('noop', text('python')), text(' manage.py runserver'))]],
	['.fix-tilt-long[.w[....]and&nbsp;more!]', [span('fix-tilt-long', span('w', text('....')), text('and\u00A0more!'))]],
	['.e[🦄<br>🏢<br>🚚]', [span('e', text('🦄'), br, text('🏢'), br, text('🚚'))]],
	['.red[a [b] c]', [span('red', text('a [b] c'))]],
	['.red[list[0][1]]', [span('red', text('list[0][1]'))]],
	['.red[a \\] c]', [span('red', text('a ] c'))]],
	['.red[]', [span('red')]],
	['http:/.noop[/]127.0.0.1:8000/', [text('http:/'), span('noop', text('/')), text('127.0.0.1:8000/')]],
	['.shiny[x]', [span('shiny', text('x'))], ['unknown-class']],
	['.a-b[x] .a_b[y]', [span('a-b', text('x')), text(' '), span('a_b', text('y'))], ['unknown-class', 'unknown-class']],
	['.red[oops', [text('.red[oops')], ['unbalanced-span']],
	['.red[a .blue[b]', [text('.red[a '), span('blue', text('b'))], ['unbalanced-span', 'unknown-class']],
	['.red[oops .red[oops', [text('.red[oops .red[oops')], ['unbalanced-span']],
	['.9[x]', [text('.9[x]')]],
	['end of sentence. [not a span]', [text('end of sentence. [not a span]')]],
	['\\.red[x]', [text('.red[x]')]],
]);

table('line breaks', [
	['a<br>b', [text('a'), br, text('b')]],
	['a<BR>b<Br/>c<br/>d<br />e<BR />f', [text('a'), br, text('b'), br, text('c'), br, text('d'), br, text('e'), br, text('f')]],
	['a<br><br>b', [text('a'), br, br, text('b')]],
	['line<br>', [text('line'), br]],
	['<b>bold?</b> <brr>', [text('<b>bold?</b> <brr>')]],
	['\\<br>', [text('<br>')]],
]);

table('entities', [
	['a &amp; b', [text('a & b')]],
	['Don&#8217;t', [text('Don’t')]],
	['and&nbsp;more', [text('and\u00A0more')]],
	['&#x2019;&#128170;', [text('’💪')]],
	['&lt;br&gt;', [text('<br>')]],
	['&amp;lt;', [text('&lt;')]],
	['&unknownentity; & ;', [text('&unknownentity; & ;')]],
	// Decoded control characters are made visible, never emitted.
	['&#27;[31mred', [text('␛[31mred')]],
	['&#x1b;]0;title&#7;', [text('␛]0;title␇')]],
	// As in HTML, the C1 range of numeric references means Windows-1252: 155 is ›, not CSI.
	['&#155;2J', [text('›2J')]],
	['&#0;', [text('\uFFFD')]],
	['&#x110000;', [text('\uFFFD')]],
]);

table('code spans', [
	['`code`', [code('code')]],
	['run `ls -la` now', [text('run '), code('ls -la'), text(' now')]],
	['`a *b* .red[c] <br>`', [code('a *b* .red[c] <br>')]],
	['``a ` b``', [code('a ` b')]],
	['` padded `', [code('padded')]],
	['`unclosed', [text('`unclosed')]],
	['`\u001B[2J`', [code('␛[2J')]],
]);

table('emphasis', [
	['**bold**', [strong(text('bold'))]],
	['*italic*', [em(text('italic'))]],
	['~~strike~~', [strike(text('strike'))]],
	['~~It depends~~', [strike(text('It depends'))]],
	['~single~', [text('~single~')]],
	['_em_', [em(text('em'))]],
	['__two words__', [strong(text('two words'))]],
	['*a **b** c*', [em(text('a '), strong(text('b')), text(' c'))]],
	['**.red[hot] tea**', [strong(span('red', text('hot')), text(' tea'))]],
	['x ** y ** z', [text('x ** y ** z')]],
	['2 * 3 * 4', [text('2 * 3 * 4')]],
	['**', [text('**')]],
	['\\*not\\*', [text('*not*')]],
	// Identifiers keep their underscores.
	['snake_case_words', [text('snake_case_words')]],
	['my_project.settings', [text('my_project.settings')]],
	['__init__', [text('__init__')]],
	['__init__.py and __main__', [text('__init__.py and __main__')]],
	['a_b_', [text('a_b_')]],
]);

table('links', [
	['[the guide](https://example.com/tea)', [link('https://example.com/tea', text('the guide'))]],
	['[**bold** link](http://x.test/)', [link('http://x.test/', strong(text('bold')), text(' link'))]],
	['[x](  https://a.test "title")', [link('https://a.test', text('x'))]],
	['[Tea](https://en.wikipedia.org/wiki/Tea_(drink)) here', [link('https://en.wikipedia.org/wiki/Tea_(drink)', text('Tea')), text(' here')]],
	['[mail](mailto:sam@example.com)', [link('mailto:sam@example.com', text('mail'))]],
	['[file](file:///tmp/deck.txt)', [link('file:///tmp/deck.txt', text('file'))]],
	['[a [nested] text](http://x.test)', [link('http://x.test', text('a [nested] text'))]],
	// Unsafe targets: the text stays, the target goes, and nothing of it leaks.
	['[click](javascript:alert(1)) after', [text('click after')], ['unsafe-link']],
	['[data](data:text/html,hi)', [text('data')], ['unsafe-link']],
	['[x](&#106;avascript:alert(1))', [text('x')], ['unsafe-link']],
	// A reference to a control character stays as written in a link target (CommonMark, as markdown-it reads it).
	['[x](http://a.test/&#27;[2J)', [link('http://a.test/&#27;[2J', text('x'))]],
	['[x](relative/path.html)', [text('x')], ['unsafe-link']],
	// Not links at all.
	['[just brackets]', [text('[just brackets]')]],
	['[unclosed](http://x', [text('[unclosed](http://x')]],
	['[a](b(c)', [text('[a](b(c)')]],
	['[05/Oct/2019 13:06:42] "GET / HTTP/1.1" 200 193', [text('[05/Oct/2019 13:06:42] "GET / HTTP/1.1" 200 193')]],
]);

table('escapes and stray characters', [
	['\\\\', [text('\\')]],
	['a\\', [text('a\\')]],
	['\\q', [text('\\q')]],
	['\\[x](http://a.test)', [text('[x](http://a.test)')]],
	['C:\\tea\\pot', [text('C:\\tea\\pot')]],
	['100% & 50% off; a < b > c', [text('100% & 50% off; a < b > c')]],
	['a\u001B[31mb\u0007c\u009Bd\u0008', [text('a␛[31mb␇c\uFFFDd␈')]],
	['rtl\u202Eoverride', [text('rtloverride')]],
]);

/** Every string in an inline tree: text, code and link targets. */
function strings(inlines: readonly Inline[]): string[] {
	return inlines.flatMap(node => {
		if (node.type === 'text' || node.type === 'code') return [node.text];
		if (node.type === 'break') return [];
		return [...(node.type === 'link' ? [node.url] : []), ...strings(node.children)];
	});
}

/** C0 controls other than tab and newline, DEL and C1 controls. */
const controls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;

describe('inline content never carries control characters', () => {
	const hostile = [
		'\u001B]8;;http://evil.test\u001B\\click\u001B]8;;\u001B\\',
		'.red[\u001B[2J]',
		'**\u001B[5m**',
		'[\u001B[31m](http://x.test)',
		'`\u001Bc`',
		'&#27;&#x1B;&#155;&#x9b;&#7;&#8;',
		'\u0000\u0001\u007F\u0085',
	];
	for (const source of hostile) {
		test(JSON.stringify(source), () => {
			for (const value of strings(parse(source).inline)) assert.doesNotMatch(value, controls);
		});
	}
});

describe('diagnostics', () => {
	test('carry the line number and a readable message', () => {
		const {diagnostics} = parse('.shiny[x] and .red[oops');
		assert.deepEqual(
			diagnostics.map(({severity, line, code}) => ({severity, line, code})),
			[
				{severity: 'warning', line: 7, code: 'unknown-class'},
				{severity: 'warning', line: 7, code: 'unbalanced-span'},
			],
		);
		assert.match(diagnostics[0]!.message, /\.shiny\[/);
		assert.match(diagnostics[1]!.message, /\.red\[/);
	});

	test('the same problem is reported once per line', () => {
		assert.deepEqual(parse('.shiny[a] .shiny[b] .sparkle[c]').codes, ['unknown-class', 'unknown-class']);
		assert.deepEqual(parse('.red['.repeat(500)).codes, ['unbalanced-span']);
	});
});

describe('splitAtBreaks', () => {
	test('splits containers around a nested break', () => {
		const lines = splitAtBreaks(parse('a .red[b<br>c] d').inline);
		assert.deepEqual(lines, [
			[text('a '), span('red', text('b'))],
			[span('red', text('c')), text(' d')],
		]);
	});

	test('a trailing break leaves an empty last line', () => {
		assert.deepEqual(splitAtBreaks(parse('x<br>').inline), [[text('x')], []]);
	});
});

describe('pathological input', () => {
	test('10,000 nested spans parse without throwing, in time linear in the depth', () => {
		const nested = (depth: number) => `${'.red['.repeat(depth)}deep${']'.repeat(depth)}`;
		assertLinear('nested spans', 1250, depth => parse(nested(depth)));
		const {inline, codes} = parse(nested(10_000));
		assert.equal(inline.length, 1);
		assert.deepEqual(codes, ['nesting-too-deep']);
		assert.ok(inlineText(inline).includes('deep'));
	});

	// Each input made for a count n (10,000 here); its time must grow linearly with n.
	const cases: Array<[string, (n: number) => string]> = [
		['10,000 unclosed spans', n => '.red['.repeat(n)],
		['10,000 unclosed mixed spans', n => '.red[.w[.e['.repeat(n)],
		['10,000 open brackets', n => '['.repeat(n)],
		['10,000 nested link texts', n => `${'['.repeat(n)}x${']'.repeat(n)}(http://x.test)`],
		['10,000 unclosed emphasis openers', n => '*a **b '.repeat(n)],
		['10,000 strong openers, then closers', n => `${'**a '.repeat(n)}${'b**'.repeat(n)}`],
		['10,000 nested emphasis', n => `${'*_~~'.repeat(n)}x${'~~_*'.repeat(n)}`],
		['10,000 link starts', n => '[a]('.repeat(n)],
		['10,000 entities and breaks', n => '&amp;<br>&#27;'.repeat(n)],
	];
	for (const [name, make] of cases) {
		test(`${name} parse in time linear in their count`, () => {
			assertLinear(name, 1250, n => parse(make(n)));
			const {codes} = parse(make(10_000));
			assert.ok(codes.length <= 3, `${codes.length} diagnostics`);
		});
	}

	test('backticks of every length parse in time linear in the text', () => {
		// Runs of 1 to n backticks: some n²/2 characters (300 runs, 45,000), so n grows as the root of the length.
		const backticks = (n: number) => Array.from({length: n}, (_, index) => '`'.repeat(index + 1)).join('a');
		assertLinear('backticks of every length', 6000, length => parse(backticks(Math.round(Math.sqrt(2 * length)))));
		assert.ok(parse(backticks(300)).codes.length <= 3);
	});
});

describe('graphemes', () => {
	const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	const reference = (text: string) => Array.from(segmenter.segment(text), part => part.segment);

	test('clusters: ZWJ sequences, skin tones, flags, keycaps, combining marks, CR LF', () => {
		assert.deepEqual(graphemes('a👩🏻‍🔧🇬🇧1️⃣e\u0301\r\n日'), ['a', '👩🏻‍🔧', '🇬🇧', '1️⃣', 'e\u0301', '\r\n', '日']);
	});

	test('long text gives the same clusters as Intl.Segmenter', () => {
		const pieces = [
			'tea ',
			'x',
			'👩🏻‍🔧',
			'🏳️‍🌈',
			'🇬🇧',
			'🇬',
			'1️⃣',
			'e\u0301',
			'\u0301',
			'\u200D',
			'\r',
			'\n',
			'日本',
			'가',
			'ᄀ',
			'ᆨ',
			'क्ष',
			'\u0600',
			'🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}',
			'\uFE0F',
			'🏻',
		];
		let state = 7;
		const next = () => {
			state = (state * 48_271) % 2_147_483_647;
			return state;
		};

		for (let round = 0; round < 200; round++) {
			let text = '';
			const favourite = pieces[next() % pieces.length]!;
			while (text.length < 300 + (next() % 3000)) text += next() % 3 === 0 ? favourite : pieces[next() % pieces.length]!;
			assert.deepEqual(graphemes(text), reference(text), JSON.stringify(text.slice(0, 80)));
		}
	});

	test('100,000 characters are segmented in time linear in their length', () => {
		for (const unit of ['a', 'tea 🫖 ', '日本語', '👩🏻‍🔧']) {
			const text = (length: number) => unit.repeat(Math.ceil(length / unit.length));
			assertLinear(JSON.stringify(unit), 12_500, length => graphemes(text(length)));
			assert.equal(graphemes(text(100_000)).join(''), text(100_000));
		}
	});
});
