/**
 * `LineState` is markdown-it's inline state made cheaply: with it, markdown-it
 * must give exactly the tokens it gives with its own state.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import MarkdownIt from 'markdown-it';
import {LineState} from '../../source/deck/inline-state.js';

const document = `
*em* _em_ **strong** __strong__ ***both*** **bold* foo*bar*baz snake_case_name
\`code\` \`\`a \` b\`\` \\*escaped\\* \\q &amp; &copy; &#42; &#27; &bogus;
[link *em*](https://x.test "title") [ref] [full][ref] [a [b](https://b.test) c](https://a.test)
![image **alt**](pic.png) ![a ![b](b.png) c](a.png) <https://auto.test> <me@mail.test>
~~strike~~ ~one~ <b>html</b> <!-- comment --> line  
break\\
end [unclosed](x ![ **a *b** c* _a __b__ c_
> quoted *em* and [ref]

- item **one**
- item [two](https://two.test)

[ref]: https://ref.test "Ref"
`;

function parsers(options: ConstructorParameters<typeof MarkdownIt>[1]) {
	const own = new MarkdownIt('commonmark', options).enable('strikethrough');
	const light = new MarkdownIt('commonmark', options).enable('strikethrough');
	light.inline.State = LineState;
	return {own, light};
}

for (const html of [true, false]) {
	test(`the same tokens as markdown-it's own state (html ${html ? 'on' : 'off'})`, () => {
		const {own, light} = parsers({html});
		const expected = own.parse(document, {});
		const actual = light.parse(document, {});
		assert.ok(
			expected.some(token => (token.children?.length ?? 0) > 10),
			'the document has inline content',
		);
		assert.deepEqual(actual, expected);
	});
}

test('tokens are markdown-it tokens, methods included', () => {
	const {light} = parsers({});
	const tokens = light.parseInline('[x](https://x.test)', {})[0]!.children!;
	assert.ok(tokens[0] instanceof MarkdownIt.Token);
	assert.equal(tokens[0].attrGet('href'), 'https://x.test');
});

test('nesting limits and delimiters work as in markdown-it', () => {
	const {own, light} = parsers({maxNesting: 5});
	const sources = [`${'['.repeat(20)}x${'](https://x.test)'.repeat(20)}`, '[a](https://x.test) '.repeat(10), `${'*_'.repeat(50)}x${'_*'.repeat(50)}`];
	for (const source of sources) {
		assert.deepEqual(light.parseInline(source, {}), own.parseInline(source, {}));
	}
});
