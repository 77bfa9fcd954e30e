/**
 * The remark lexer's walk: it tries its rules only where one can match
 * (`Source.ruleStart`), only those that can match there (`Source.ruleKind`,
 * `Source.kindAtTokenEnd`), and finds a bracket's pair from the bracket
 * (`Source.close`); all must give what trying every rule at every place and
 * a table of every pair give.
 */
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {test} from 'node:test';
import {lex, TokenList, walk} from '../../../source/deck/formats/remark/lexer.js';
import {plainSeparators} from '../../../source/deck/formats/remark/plain-slides.js';
import {Kind, Source, type RuleKind} from '../../../source/deck/formats/remark/source-tables.js';
import {random} from '../../support/random.js';

/** A source that has the lexer try every rule at every place. */
class EveryPlace extends Source {
	override ruleStart(from: number): number {
		this.ruleKind = Kind.any;
		return from;
	}

	override kindAtTokenEnd(): RuleKind {
		return Kind.any;
	}
}

function everyPlace(text: string): unknown[] {
	const tokens = new TokenList(text);
	walk(new EveryPlace(text), tokens);
	return tokens.list;
}

const bits = [
	'\n',
	'\n\n',
	'    ',
	' ',
	'x',
	'word',
	'---',
	'--',
	'???',
	'```',
	'~~~',
	'````',
	'`',
	'.a[',
	'.b.c[',
	'\\.a[',
	'\\',
	'.',
	'!',
	'[',
	']',
	'(',
	')',
	'[id]: http://u "t"',
	'![:m a, b](o)',
	'![:x',
	'<!-- break -->',
	'<!--',
	'-->',
	':',
	'-',
	'?',
	'~',
	'{{content}}',
];

test('the lexer tried only where a rule can match gives the tokens it gives tried at every place', () => {
	const {int, pick} = random(20_191_005);
	for (let round = 0; round < 20_000; round++) {
		let text = '';
		for (let count = int(1, 30); count > 0; count--) text += pick(bits);
		assert.deepEqual(lex(text), everyPlace(text), JSON.stringify(text));
	}

	for (const folder of ['fixtures/formats', 'fixtures/real-decks']) {
		for (const name of readdirSync(folder)) {
			const text = readFileSync(`${folder}/${name}`, 'utf8');
			assert.deepEqual(lex(text), everyPlace(text), name);
		}
	}
});

/** Every `[` of the text asked for its pair, three times over, against a stack of the open ones. */
function assertPairs(text: string): void {
	const pairs = new Map<number, number>();
	const open: number[] = [];
	for (let index = 0; index < text.length; index++) {
		if (text[index] === '[') open.push(index);
		else if (text[index] === ']' && open.length > 0) pairs.set(open.pop()!, index);
	}

	const source = new Source(text);
	for (let pass = 0; pass < 3; pass++) {
		for (let index = 0; index < text.length; index++) {
			if (text[index] === '[') assert.equal(source.close(index), pairs.get(index) ?? -1, `${JSON.stringify(text.slice(0, 80))} at ${index}`);
		}
	}
}

test('a bracket’s pair found from it is the one a stack of open brackets gives, searched and from the table', () => {
	const {int, pick} = random(7);
	const brackets = (count: number) => Array.from({length: count}, () => pick(['[', ']', 'x', '\n'])).join('');
	for (let round = 0; round < 2000; round++) assertPairs(brackets(int(1, 60)));
	// Unclosed brackets searched to the end, over and over: past its budget the source makes the table.
	assertPairs(`${'['.repeat(2000)}${brackets(4000)}${']'.repeat(500)}`);
});

/** Bits of plain remark text, and a few that make it not plain. */
const plainBits = [
	'\n---\n',
	'\n--\n',
	'---',
	'--',
	'-',
	'\n',
	'\n\n',
	'    ',
	' ',
	'word',
	'`code`',
	'`',
	'``',
	'???',
	'\n???\n',
	'[link](x)',
	'\n[',
	']',
	'main.js',
	'.a',
	'![image](x.png)',
	'{{content}}',
	'class: title\n',
	'name: n\n',
	':',
	'<div>',
];
const notPlain = [
	'```\n---\n```',
	'```js\n---\n```',
	'~~~\n--\n~~~',
	'.a[\n---\n]',
	'\\.a[\n---\n]',
	'![:m](\n---\n)',
	'[id\n---\n]: http://u',
	'<!--\nbreak\n-->',
	'\nlayout: true\n',
	'\nexclude: true\n',
	'`\n`\n---\n',
	'`a`---\n',
	'`a`--\n',
];

test('separators found in plain text are the lexer’s; text that is not plain is left to the lexer', () => {
	const {int, pick, chance} = random(5);
	let plain = 0;
	for (let round = 0; round < 20_000; round++) {
		let text = '';
		for (let count = int(1, 30); count > 0; count--) text += chance(0.02) ? pick(notPlain) : pick(plainBits);
		const plainText = plainSeparators(text, 0);
		if (!plainText) continue;
		const found = plainText.lines.map((line, index) => [line, plainText.continued[index] ? '--' : '---']);

		plain++;
		const separators = lex(text).flatMap(token => (token.type === 'separator' ? [[token.at, token.text]] : []));
		assert.deepEqual(found, separators, JSON.stringify(text));
	}

	assert.ok(plain > 6000, `${plain} plain texts`);
});
