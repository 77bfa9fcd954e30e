/**
 * remark.js conformance: the cases of remark's own lexer and parser tests
 * (gnab/remark `test/remark/lexer_test.js`, `parser_test.js`) and of its
 * slide model (`models/slide_test.js`, `slideshow_test.js`), written again
 * against lectern's port. Where remark runs a JavaScript macro, lectern
 * keeps the macro as an item it cannot run.
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {lex, type LexToken} from '../../../source/deck/formats/remark/lexer.js';
import {parseTokens, type Item, type ParsedSlide} from '../../../source/deck/formats/remark/parser.js';
import {buildSlides} from '../../../source/deck/formats/remark/slideshow.js';
import {dedent} from '../../../source/deck/formats/remark/source.js';
import {LineIndex} from '../../../source/deck/formats/remark/sourced.js';
import {assertLinear} from '../../support/growth.js';
import {random} from '../../support/random.js';
import {Source} from '../../../source/deck/formats/remark/source-tables.js';

/** A token as remark's tests write it (no source offsets). */
function shape(token: LexToken): Record<string, unknown> {
	const {at: _at, ...rest} = token;
	return token.type === 'notes_separator' ? {...rest, text: '???'} : rest;
}

const tokens = (source: string) => lex(source).map(token => shape(token));

/** Content as remark's parser gives it: strings, and `{class, block, content}` for content classes. */
function content(items: readonly Item[]): unknown[] {
	return items.map(item => {
		if (item.kind === 'text') return item.value.text;
		if (item.kind === 'class') return {class: item.classes.join(' '), block: item.block, content: content(item.items)};
		return {macro: item.name, args: item.args, obj: item.obj};
	});
}

function parse(source: string): ParsedSlide[] {
	const text = dedent(source);
	return [...parseTokens(lex(text), new LineIndex(text, 1)).slides];
}

describe('remark lexer (lexer_test.js)', () => {
	const cases: Array<[string, string, unknown[]]> = [
		['text', '1', [{type: 'text', text: '1'}]],
		['empty source as one empty text token', '', [{type: 'text', text: ''}]],
		['the normal separator', '\n---', [{type: 'separator', text: '---'}]],
		['no trailing line break kept after a normal separator', '\n---\n', [{type: 'separator', text: '---'}]],
		['the silent separator', '\n<!-- break -->', [{type: 'separator', text: '<!-- break -->'}]],
		['no trailing line break kept after a silent separator', '\n<!-- break -->\n', [{type: 'separator', text: '<!-- break -->'}]],
		['whitespace inside the silent separator', '\n<!--    break  -->', [{type: 'separator', text: '<!--    break  -->'}]],
		['the continued separator', '\n--', [{type: 'separator', text: '--'}]],
		[
			'the line break after a continued separator kept',
			'\n--\n',
			[
				{type: 'separator', text: '--'},
				{type: 'text', text: '\n'},
			],
		],
		['the notes separator', '\n???\n', [{type: 'notes_separator', text: '???'}]],
		['indented code', '    code', [{type: 'code', text: '    code'}]],
		['inline code with single backticks', '`code`', [{type: 'text', text: '`code`'}]],
		['inline code with double backticks', '``code``', [{type: 'text', text: '``code``'}]],
		['inline code holding backticks', '`` `code` ``', [{type: 'text', text: '`` `code` ``'}]],
		['fences', '```\ncode```', [{type: 'fences', text: '```\ncode```'}]],
		[
			'a content class',
			'.classA[content]',
			[
				{type: 'content_start', classes: ['classA'], block: false},
				{type: 'text', text: 'content'},
				{type: 'content_end', block: false},
			],
		],
		[
			'several content classes',
			'.c1.c2[content]',
			[
				{type: 'content_start', classes: ['c1', 'c2'], block: false},
				{type: 'text', text: 'content'},
				{type: 'content_end', block: false},
			],
		],
		['an escaped content class is text', '\\.class[content]', [{type: 'text', text: '.class[content]'}]],
		['an unclosed content class is text', 'text .class[content', [{type: 'text', text: 'text .class[content'}]],
		['a separator inside fences', '```\n---\n```', [{type: 'fences', text: '```\n---\n```'}]],
		[
			'a separator inside a content class',
			'.class[\n---\n]',
			[
				{type: 'content_start', classes: ['class'], block: true},
				{type: 'text', text: '\n---\n'},
				{type: 'content_end', block: true},
			],
		],
		['a content class inside code', '    .class[x]', [{type: 'code', text: '    .class[x]'}]],
		['a content class inside inline code', '`.class[x]`', [{type: 'text', text: '`.class[x]`'}]],
		['a content class inside fences', '```\n.class[x]\n```', [{type: 'fences', text: '```\n.class[x]\n```'}]],
		[
			'content classes, recursively',
			'.c1[.c2[x]]',
			[
				{type: 'content_start', classes: ['c1'], block: false},
				{type: 'content_start', classes: ['c2'], block: false},
				{type: 'text', text: 'x'},
				{type: 'content_end', block: false},
				{type: 'content_end', block: false},
			],
		],
		['a link definition', '[id]: http://url.com "website"', [{type: 'def', id: 'id', href: 'http://url.com', title: 'website'}]],
		['a macro', '![:piechart a, b, c](d)', [{type: 'macro', name: 'piechart', args: ['a', 'b', 'c'], obj: 'd'}]],
	];
	for (const [what, source, expected] of cases) {
		test(`recognises ${what}`, () => {
			assert.deepEqual(tokens(source), expected);
		});
	}
});

describe('remark lexer: what the regular expressions imply', () => {
	test('an unclosed fence is no fence: the separators after it separate (remark shows every slide)', () => {
		assert.deepEqual(
			tokens('a\n\n~~~~~~~~\n\nb\n---\nc').map(token => token['type']),
			['text', 'separator', 'text'],
		);
	});

	test('a fence takes at most one word of info', () => {
		assert.deepEqual(
			tokens('```js\nx\n```').map(token => token['type']),
			['fences'],
		);
		assert.deepEqual(
			tokens('```python title\n---\n```').map(token => token['type']),
			['text', 'separator', 'text'],
		);
	});

	test('a fence closes at the first run as long that ends a line (the end of a longer run too)', () => {
		assert.deepEqual(
			tokens('~~~\na\n~~~~\nb\n~~~\n---\nc').map(token => token['type']),
			['fences', 'text', 'separator', 'text'],
		);
		assert.deepEqual(
			tokens('```\ncode```\n---\nx').map(token => token['type']),
			['fences', 'separator', 'text'],
		);
	});

	test('a longer run closes a shorter fence; a shorter one does not close a longer', () => {
		assert.deepEqual(
			tokens('````\nx\n```\n---\n````\n').map(token => token['type']),
			['fences'],
		);
	});

	test('a fence inside <pre><code> is not at a line start: the separator after it separates', () => {
		assert.deepEqual(
			tokens('<pre><code>```js\nx = 1\n```</code></pre>\n---\n# Two').map(token => token['type']),
			['text', 'separator', 'text'],
		);
	});

	test('a content class may hold a separator over lines, and the lexer keeps its lines', () => {
		const found = lex('.left-column[\n## A\n]\n.right-column[\nB\n]');
		assert.deepEqual(
			found.map(token => token.type),
			['content_start', 'text', 'content_end', 'text', 'content_start', 'text', 'content_end'],
		);
	});

	test('`--` followed by more dashes is not a step; `---` followed by text is not a slide', () => {
		assert.deepEqual(
			tokens('a\n---x\nb\n----\nc').map(token => token['type']),
			['text'],
		);
	});

	test('content classes nested past the limit stay text, without recursion', () => {
		const deep = `${'.a['.repeat(5000)}x${']'.repeat(5000)}`;
		const found = lex(deep);
		assert.ok(found.filter(token => token.type === 'content_start').length <= 40);
		assert.ok(found.some(token => token.type === 'text' && token.text.includes('.a[.a[')));
	});

	test('stays linear on hostile input: long fence runs, many unclosed openers', () => {
		const inputs: Array<[string, (size: number) => string]> = [
			['a long fence run', size => `${'~'.repeat(size * 4)}\n${'x\n'.repeat(size)}`],
			['fences of many lengths', size => Array.from({length: size}, (_, index) => '`'.repeat(3 + (index % 7))).join('\n')],
			['unclosed content classes', size => '.a[\n'.repeat(size)],
			['unclosed links', size => '[x\n'.repeat(size)],
			['unclosed macros', size => '![:m '.repeat(size)],
		];
		for (const [label, make] of inputs) assertLinear(label, 40_000, size => lex(make(size)));
	});

	test('a long run of class names is read once, not once for each name in it', () => {
		assertLinear('a run of class names', 4000, size => lex(`${'.a'.repeat(size)} x`));
		assertLinear('a run of class names, then its bracket', 4000, size => lex(`${'x.a'.repeat(size)}[x]`));
	});

	test("the source's next-character search answers as indexOf does, asked forward, back and at random, and stays linear asked backwards", () => {
		const text = 'ab`c]\n'.repeat(50) + 'x'.repeat(300) + '`';
		const source = new Source(text);
		const {int, pick} = random(31);
		const froms = [...Array.from({length: text.length + 2}, (_, index) => index), ...Array.from({length: text.length}, (_, index) => text.length - index)];
		for (let round = 0; round < 2000; round++) froms.push(int(0, text.length + 1));
		for (const from of froms) {
			const char = pick(['`', ']', '\n', ')']);
			const index = text.indexOf(char, from);
			assert.equal(source.next(char, from), from >= text.length || index === -1 ? text.length : index, `${JSON.stringify(char)} from ${from}`);
		}

		// Each search from the end back to the start would scan to the far end: the table keeps it linear.
		assertLinear('searches going back', 60_000, size => {
			const far = new Source(`${'x'.repeat(size)}\``);
			for (let from = size; from >= 0; from--) far.next('`', from);
		});
	});
});

describe('remark parser (parser_test.js)', () => {
	test('splits source into the right number of slides', () => {
		assert.equal(parse('1').length, 1);
		assert.equal(parse('1\n---\n2\n---\n3').length, 3);
		assert.equal(parse('1\n<!-- break -->\n2\n<!-- break -->\n3').length, 3);
		assert.equal(parse('').length, 1);
		assert.equal(parse('1\n---\n```\n---\n```\n---\n3').length, 3);
		assert.equal(parse('1\n---\n2\n.class[\n---\n]\n---\n3').length, 3);
		assert.equal(parse('1\n---\nTest inline ``code``\n---\n3 More `code`').length, 3);
		assert.equal(parse('1\n---\nTest inline ``code``\n---\n```\ncode\n```').length, 3);
	});

	test('maps source to its slides', () => {
		assert.deepEqual(content(parse('1')[0]!.content), ['1']);
		assert.deepEqual(
			parse('1\n---\n2\n---\n3').map(slide => content(slide.content)),
			[['1'], ['2'], ['3']],
		);
		assert.deepEqual(content(parse('')[0]!.content), ['']);
	});

	test('drops excluded slides', () => {
		assert.deepEqual(
			parse('1\n---\nexclude: true\n2\n---\n3').map(slide => content(slide.content)),
			[['1'], ['3']],
		);
	});

	test('notes: ??? starts them, and they leave the content', () => {
		const [slide] = parse('content\n???\nnotes');
		assert.deepEqual(content(slide!.notes ?? []), ['notes']);
		assert.deepEqual(content(slide!.content), ['content']);
	});

	test('code: included, and content classes inside it are code', () => {
		assert.deepEqual(
			parse('1\n\n    code\n2\n---\n3\n\n    code\n4').map(slide => content(slide.content)),
			[['1\n\n    code\n2'], ['3\n\n    code\n4']],
		);
		assert.deepEqual(content(parse('some code\n\n    .class[x]')[0]!.content), ['some code\n\n    .class[x]']);
	});

	test('fences: included, and content classes inside them are code', () => {
		assert.deepEqual(
			parse('1\n```\n\n```\n2\n---\n3\n```\n\n```\n4').map(slide => content(slide.content)),
			[['1\n```\n\n```\n2'], ['3\n```\n\n```\n4']],
		);
		assert.deepEqual(content(parse('```\n.class[x]\n```')[0]!.content), ['```\n.class[x]\n```']);
	});

	test('link definitions are gathered for the deck', () => {
		const text = '[id]: http://url.com "title"';
		assert.deepEqual(parseTokens(lex(text), new LineIndex(text, 1)).links.get('id'), {href: 'http://url.com', title: 'title'});
	});

	test('macros are items lectern cannot run, with their arguments', () => {
		assert.deepEqual(content(parse('a ![:sum 1, 2, 3] b')[0]!.content), ['a ', {macro: 'sum', args: ['1', '2', '3'], obj: undefined}, ' b']);
	});

	test('content classes', () => {
		assert.deepEqual(content(parse('1 .class[\nx\n] 2')[0]!.content), ['1 ', {class: 'class', block: true, content: ['\nx\n']}, ' 2']);
		assert.deepEqual(content(parse('1 .class[x] 2')[0]!.content), ['1 ', {class: 'class', block: false, content: ['x']}, ' 2']);
		assert.deepEqual(content(parse('1 .c1.c2[x]')[0]!.content), ['1 ', {class: 'c1 c2', block: false, content: ['x']}]);
		assert.deepEqual(content(parse('1 .class[x 2')[0]!.content), ['1 .class[x 2']);
		assert.deepEqual(content(parse('1 .class[\n2')[0]!.content), ['1 .class[\n2']);
		assert.deepEqual(content(parse('.c1[.c2[x]]')[0]!.content), [{class: 'c1', block: false, content: [{class: 'c2', block: false, content: ['x']}]}]);
	});

	test('continued slides', () => {
		assert.deepEqual(
			parse('1\n--\n2\n---\n3').map(slide => slide.continued),
			[false, true, false],
		);
	});

	test('slide properties', () => {
		assert.equal(parse('name: a\n1')[0]!.properties.get('name'), 'a');
		const [slide] = parse('name: a\nclass:b\n1');
		assert.equal(slide!.properties.get('name'), 'a');
		assert.equal(slide!.properties.get('class'), 'b');
		assert.equal(parse('a:   \n\nContent.')[0]!.properties.get('a'), '');
		assert.deepEqual(content(slide!.content), ['\n1']);
	});

	test('properties in comments, and where properties stop', () => {
		const [slide] = parse('# Title\n<!-- class: center -->\ntext');
		assert.equal(slide!.properties.get('class'), 'center');
		assert.deepEqual(content(slide!.content), ['# Title\ntext']);
		// A property value stops at `$`; a key must touch its colon.
		assert.equal(parse('price: $5\n')[0]!.properties.get('price'), '');
		assert.equal(parse('key : value\n')[0]!.properties.size, 0);
	});

	test('indented content', () => {
		assert.deepEqual(
			parse('      1\n      ---\n      2\n      ---\n      3').map(slide => content(slide.content)),
			[['1'], ['2'], ['3']],
		);
		assert.deepEqual(
			parse('      1\n\n      1\n      ---\n      2\n      ---\n      3').map(slide => content(slide.content)),
			[['1\n\n1'], ['2'], ['3']],
		);
		assert.deepEqual(
			parse('      1\n \n      1\n      ---\n      2\n      ---\n      3').map(slide => content(slide.content)),
			[['1\n\n1'], ['2'], ['3']],
		);
		assert.deepEqual(
			parse('      1\n      ---\n          2\n      ---\n      3').map(slide => content(slide.content)),
			[['1'], ['    2\n'], ['3']],
		);
		assert.deepEqual(
			parse('          1\n      ---\n      2\n      ---\n      3').map(slide => content(slide.content)),
			[['    1\n'], ['2'], ['3']],
		);
		assert.deepEqual(
			parse('      1\n      ---\n      2\n      ---\n          3').map(slide => content(slide.content)),
			[['1'], ['2'], ['    3']],
		);
	});
});

describe('remark slideshow (slide_test.js, slideshow_test.js)', () => {
	const build = (source: string) => buildSlides(parse(source), []);
	const texts = (source: string) => build(source).map(slide => content(slide.content).join(''));

	test('a layout slide is not shown; the slides after it build on it until layout: false', () => {
		assert.deepEqual(texts('layout: true\nA\n---\n1\n---\n2\n---\nlayout: false\n3'), ['\nA1', '\nA2', '\n3']);
	});

	test('a template puts its content first, or the slide at {{content}}', () => {
		assert.deepEqual(texts('name: a\nA\n---\ntemplate: a\nB'), ['\nA', '\nA\nB']);
		assert.deepEqual(texts('name: a\n[{{content}}]\n---\ntemplate: a\nB'), ['\n[]', '\n[\nB]']);
	});

	test('properties: the template under the slide; classes add up; name, layout and count are not inherited', () => {
		const [, slide] = build('name: a\nclass: x\ncount: false\nmood: calm\nA\n---\ntemplate: a\nclass: y\nB');
		assert.equal(slide!.properties.get('class'), 'x, y');
		assert.equal(slide!.properties.get('mood'), 'calm');
		assert.equal(slide!.properties.has('name'), false);
		assert.equal(slide!.properties.has('count'), false);
	});

	test('a continued slide builds on the slide before it', () => {
		assert.deepEqual(texts('A\n--\nB\n--\nC'), ['A', 'A\nB', 'A\nB\nC']);
	});

	test('{{name}} is the property; unknown names stay; \\{{name}} is written {{name}}', () => {
		assert.deepEqual(texts('name: x\ntitle: Tea\n{{title}} {{ name }} {{nope}} \\{{title}}'), ['\nTea x {{nope}} {{title}}']);
	});

	test('a template that is not an earlier slide is reported, and the slide shown on its own', () => {
		const diagnostics: never[] = [];
		const slides = buildSlides(parse('template: later\nA\n---\nname: later\nB'), diagnostics);
		assert.equal(slides.length, 2);
		assert.deepEqual(
			(diagnostics as Array<{code: string}>).map(diagnostic => diagnostic.code),
			['unknown-template'],
		);
	});
});
