/**
 * CommonMark inline rules in deck lines (markdown-it), and the deck's own
 * `.class[...]` spans and `<br>` mixed with them.
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {decodeHTML} from 'entities';
import {commonEntities} from '../../source/deck/inline-markdown.js';
import {inlineText} from '../../source/deck/inline-tree.js';
import type {Inline} from '../../source/deck/model.js';
import {assertLinear} from '../support/growth.js';
import {br, code, em, link, parse, span, strike, strong, table, text} from '../support/inline.js';

table('CommonMark emphasis', [
	['*em* and _em_', [em(text('em')), text(' and '), em(text('em'))]],
	['**strong** and __two words__', [strong(text('strong')), text(' and '), strong(text('two words'))]],
	['***both***', [em(strong(text('both')))]],
	['**bold*', [text('*'), em(text('bold'))]],
	['*a **b** c*', [em(text('a '), strong(text('b')), text(' c'))]],
	// `*` may split a word, `_` may not.
	['foo*bar*baz', [text('foo'), em(text('bar')), text('baz')]],
	['snake_case_name and foo_bar_', [text('snake_case_name and foo_bar_')]],
	['x_y_ _z_', [text('x_y_ '), em(text('z'))]],
	// Flanking: punctuation inside, a letter outside.
	['a*"b"*c', [text('a*"b"*c')]],
	['*x*.', [em(text('x')), text('.')]],
	['**a** **', [strong(text('a')), text(' **')]],
	// A Python dunder name stays as written (the deck's choice; CommonMark would make it strong).
	['__init__ and __main__.py', [text('__init__ and __main__.py')]],
	['**__init__**', [strong(text('__init__'))]],
]);

table('CommonMark code spans', [
	['``code with ` tick`` and `a`', [code('code with ` tick'), text(' and '), code('a')]],
	['` `` `', [code('``')]],
	['`a\\*b &amp; <br>`', [code('a\\*b &amp; <br>')]],
	['``unmatched` and `x`', [text('``unmatched'), code('and'), text('x`')]],
]);

table('CommonMark escapes', [
	['\\*not em\\* \\_x\\_', [text('*not em* _x_')]],
	// Every ASCII punctuation character can be escaped.
	['\\$5 \\"q\\" \\@ \\% \\: \\/', [text('$5 "q" @ % : /')]],
	['\\q and \\é stay', [text('\\q and \\é stay')]],
	['\\`not code\\`', [text('`not code`')]],
	['\\&amp;', [text('&amp;')]],
]);

table('CommonMark entities', [
	['&copy; &amp; &nbsp;', [text('© & \u00A0')]],
	['**&amp;**', [strong(text('&'))]],
	['&#42;not em&#42;', [text('*not em*')]],
	['[x](https://a.test/?a=1&amp;b=2)', [link('https://a.test/?a=1&b=2', text('x'))]],
]);

table('CommonMark autolinks', [
	['<https://example.org/tea>', [link('https://example.org/tea', text('https://example.org/tea'))]],
	['mail <sam@example.com>', [text('mail '), link('mailto:sam@example.com', text('sam@example.com'))]],
	['<javascript:alert(1)>', [text('javascript:alert(1)')], ['unsafe-link']],
	['<not a link> a < b', [text('<not a link> a < b')]],
	// No linkify: a bare URL is text.
	['see https://example.org', [text('see https://example.org')]],
]);

table('GFM strikethrough', [
	['~~gone~~ and ~one~', [strike(text('gone')), text(' and ~one~')]],
	['~~**both**~~', [strike(strong(text('both')))]],
]);

table('CommonMark links', [
	['[a *b*](https://x.test "title")', [link('https://x.test', text('a '), em(text('b')))]],
	['[a](<https://x.test/a b>)', [text('a')], ['unsafe-link']],
	// A link cannot contain a link: the inner one wins.
	['[a [b](https://b.test) c](https://a.test)', [text('[a '), link('https://b.test', text('b')), text(' c](https://a.test)')]],
	// A destination cannot contain a control character: not a link, the text shows (neutralised).
	['[x](https://a.test/\u001B]8;;y)', [text('[x](https://a.test/␛]8;;y)')]],
	// No reference definitions in a deck line.
	['[x] and [x][y]', [text('[x] and [x][y]')]],
]);

table('CommonMark images: the description stands for the image', [
	['![alt text](pic.png)', [text('alt text')]],
	['see ![the **logo**](logo.png "Logo") here', [text('see the logo here')]],
	['![](empty.png)', []],
	['![a ![b](b.png) c](a.png)', [text('a b c')]],
	['![unclosed](pic.png', [text('![unclosed](pic.png')]],
]);

table('spans and Markdown together', [
	['**.red[hot] tea**', [strong(span('red', text('hot')), text(' tea'))]],
	['.red[**bold** and `code`]', [span('red', strong(text('bold')), text(' and '), code('code'))]],
	['*.red[x]* .red[*y*]', [em(span('red', text('x'))), text(' '), span('red', em(text('y')))]],
	// Emphasis pairs inside a span or outside it, never across its edge.
	['*a .red[b* c]', [text('*a '), span('red', text('b* c'))]],
	['.red[a *b] c*', [span('red', text('a *b')), text(' c*')]],
	['[.red[x] y](https://q.test)', [link('https://q.test', span('red', text('x')), text(' y'))]],
	['.red[[x](https://y.test)]', [span('red', link('https://y.test', text('x')))]],
	['.red[![logo](logo.png)]', [span('red', text('logo'))]],
	['`.red[x]` and \\.red[y]', [code('.red[x]'), text(' and .red[y]')]],
	['.e[🦄]<br>**b<br>c**', [span('e', text('🦄')), br, strong(text('b'), br, text('c'))]],
	['~~.red[a\\]b]~~', [strike(span('red', text('a]b')))]],
	['.shiny[*x*]', [span('shiny', em(text('x')))], ['unknown-class']],
	['**.red[oops**', [strong(text('.red[oops'))], ['unbalanced-span']],
	['http:/.noop[/]127.0.0.1:8000/ *and*', [text('http:/'), span('noop', text('/')), text('127.0.0.1:8000/ '), em(text('and'))]],
]);

describe('nesting limits hold across Markdown and spans', () => {
	test('emphasis 10,000 deep shows past 64 levels as written', () => {
		const {inline, codes} = parse(`${'*.red['.repeat(10_000)}x${']*'.repeat(10_000)}`);
		assert.deepEqual(codes, ['nesting-too-deep']);
		let depth = 0;
		for (let nodes: readonly Inline[] = inline; nodes.length === 1 && 'children' in nodes[0]!; nodes = nodes[0].children) depth++;
		assert.equal(depth, 64);
		assert.ok(inlineText(inline).includes('*.red[x]*'), 'the inner part keeps its markup');
	});

	// Each input made for a count n (10,000 here); its time must grow linearly with n.
	const cases: Array<[string, (n: number) => string]> = [
		['10,000 nested images', n => `${'!['.repeat(n)}x${'](u)'.repeat(n)}`],
		['10,000 images in spans in images', n => `${'.red[!['.repeat(n)}x${'](u)]'.repeat(n)}`],
		['10,000 spans in images in spans', n => `${'![.red['.repeat(n)}x${']](u)'.repeat(n)}`],
		['10,000 unclosed images in spans', n => '.red[![a]('.repeat(n)],
		['10,000 unclosed autolinks', n => '<http://x.test/'.repeat(n)],
		['10,000 dunder names', n => '__a__ '.repeat(n)],
		['20,000 backslashes', n => `${'\\'.repeat(n * 2)}*`],
	];
	for (const [name, make] of cases) {
		test(`${name} parse without throwing, in time linear in their count`, () => {
			assertLinear(name, 1250, n => parse(make(n)));
			const {codes} = parse(make(10_000));
			assert.ok(codes.length <= 3, `${codes.length} diagnostics`);
		});
	}
});

test('the common entities decoded without the full table decode as decodeHTML does', () => {
	for (const [entity, decoded] of commonEntities) assert.equal(decoded, decodeHTML(entity), entity);
});
