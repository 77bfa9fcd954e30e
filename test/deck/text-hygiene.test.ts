import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import {isProbablyBinary} from '../../source/deck/binary-file.js';
import {decodeDeckBytes} from '../../source/deck/decode-deck.js';
import {safeLinkTarget} from '../../source/deck/link-target.js';
import {repairMojibake} from '../../source/deck/mojibake.js';
import {neutralize, changesUnit, unsafeUnit} from '../../source/deck/neutralize.js';
import {assertLinear} from '../support/growth.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/**
 * Reads the UTF-8 bytes of `text` one by one with iconv-lite, as a tool that
 * mis-decoded a file would, giving bytes iconv-lite leaves undefined the
 * character `undefinedByte` says.
 */
const misread = (text: string, encoding: string, undefinedByte: (byte: number) => string): string =>
	Array.from(utf8(text), byte => {
		const character = iconv.decode(Uint8Array.of(byte), encoding);
		return character === '\uFFFD' ? undefinedByte(byte) : character;
	}).join('');

/** Mac OS Roman mojibake; 0xF0 is Apple's U+F8FF, as in the reference deck. */
const macMojibake = (text: string): string => misread(text, 'macintosh', () => '\uF8FF');

/** Windows-1252 mojibake; its undefined bytes pass through as C1 characters (the Latin-1 way). */
const cp1252Mojibake = (text: string): string => misread(text, 'windows-1252', byte => String.fromCharCode(byte));

describe('repairMojibake: Mac OS Roman', () => {
	const cases = ['💪', '👩🏻‍🔧', '⎽⎽init⎽⎽.py', '’', '# 💪\nIt’s ⎽⎽init⎽⎽.py time 👩🏻‍🔧\n'];
	for (const original of cases) {
		test(`restores ${JSON.stringify(original)}`, () => {
			const mojibake = macMojibake(original);
			assert.notEqual(mojibake, original);
			const {text, repair} = repairMojibake(mojibake);
			assert.equal(text, original);
			assert.equal(repair?.encoding, 'macintosh');
			assert.equal(repair?.characters, [...original].filter(character => character > '\u007F').length);
		});
	}

	test('the fixtures look like the reference deck', () => {
		assert.equal(macMojibake('💪'), '\uF8FFüí™');
		assert.equal(macMojibake('⎽'), '\u201A\u00E9\u2126');
	});

	test('accepts the NFC form of a character (Ω U+03A9 for Mac 0xBD, as in the reference deck)', () => {
		assert.deepEqual(repairMojibake('\u201A\u00E9\u03A9'), {text: '⎽', repair: {encoding: 'macintosh', characters: 1}});
	});
});

describe('repairMojibake: Windows-1252', () => {
	test('restores cafÃ© rÃ©sumÃ©', () => {
		assert.equal(cp1252Mojibake('café résumé'), 'cafÃ© rÃ©sumÃ©');
		assert.deepEqual(repairMojibake('cafÃ© rÃ©sumÃ©'), {
			text: 'café résumé',
			repair: {encoding: 'windows-1252', characters: 3},
		});
	});

	test('restores ðŸ’ª', () => {
		assert.equal(cp1252Mojibake('💪'), 'ðŸ’ª');
		assert.deepEqual(repairMojibake('ðŸ’ª'), {text: '💪', repair: {encoding: 'windows-1252', characters: 1}});
	});

	test('restores a sequence with an undefined cp1252 byte (U+1F60D has 0x8D)', () => {
		const mojibake = cp1252Mojibake('😍 ok');
		assert.equal(mojibake, 'ðŸ˜\u008D ok');
		assert.deepEqual(repairMojibake(mojibake), {text: '😍 ok', repair: {encoding: 'windows-1252', characters: 1}});
	});

	test('restores a mixed line', () => {
		const original = 'Don’t panic — café 💪';
		assert.equal(repairMojibake(cp1252Mojibake(original)).text, original);
	});
});

describe('repairMojibake: leaves clean text alone', () => {
	const untouched = {
		'plain ASCII': '# Hello\n\nNote: nothing to see here\n',
		'one legitimate Ã©': 'In cp1252 mojibake, é shows as Ã©.\n',
		'one legitimate Ã© after a letter': 'the word cafÃ© is broken\n',
		'one legitimate Ã© at a line start': 'Ã© is what é becomes\n',
		üí: 'Mac mojibake of 💪 starts with üí\n',
		'üí without an emoji': 'üí\n',
		'real emoji and mojibake-looking text': '💪 is not üí™ and é is not Ã©\n',
		'clean UTF-8 with accents': 'Café, résumé, naïve, Ærøskøbing, señor\n',
		'clean UTF-8 with quotes': 'It’s “quoted” — really\n',
		'CJK and emoji': '日本語 👩🏻‍🔧 🇫🇷\n',
		'a lone Ã': 'Ã\n',
		'a replacement character': 'Ã©\uFFFD Ã©\n',
	};
	for (const [name, text] of Object.entries(untouched)) {
		test(name, () => {
			assert.deepEqual(repairMojibake(text), {text});
		});
	}
});

describe('decodeDeckBytes', () => {
	test('decodes plain UTF-8', () => {
		assert.deepEqual(decodeDeckBytes(utf8('# Hi 💪\n')), {text: '# Hi 💪\n', invalidUtf8Lines: [], nulLines: []});
	});

	test('strips a BOM', () => {
		const bytes = Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8('# Hi\n'));
		assert.deepEqual(decodeDeckBytes(bytes), {text: '# Hi\n', invalidUtf8Lines: [], nulLines: []});
	});

	test('turns CRLF and lone CR into LF', () => {
		assert.equal(decodeDeckBytes(utf8('a\r\nb\rc\n\r\nd\r')).text, 'a\nb\nc\n\nd\n');
	});

	test('reports invalid UTF-8 by line, counting CRLF and CR as one line end', () => {
		const bytes = Uint8Array.of(...utf8('ok\r\n'), 0x61, 0xff, 0x62, ...utf8('\rfine\n'), 0xe2, 0x82, ...utf8('\nend'), 0xc3);
		const {text, invalidUtf8Lines} = decodeDeckBytes(bytes);
		assert.deepEqual(invalidUtf8Lines, [2, 4, 5]);
		assert.equal(text, 'ok\na\uFFFDb\nfine\n\uFFFD\nend\uFFFD');
	});

	test('repairs Mac Roman mojibake and reports it', () => {
		const original = '#= .e[💪]\n---\n⎽⎽init⎽⎽.py\r\n';
		const result = decodeDeckBytes(utf8(macMojibake(original)));
		assert.equal(result.text, '#= .e[💪]\n---\n⎽⎽init⎽⎽.py\n');
		assert.deepEqual(result.repair, {encoding: 'macintosh', characters: 5});
		assert.deepEqual(result.invalidUtf8Lines, []);
	});

	test('strips a BOM that mojibake repair brings back', () => {
		const mojibake = macMojibake('\uFEFF# 💪\n');
		assert.ok(mojibake.startsWith('Ôªø'));
		const result = decodeDeckBytes(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8(mojibake)));
		assert.equal(result.text, '# 💪\n');
		assert.equal(result.repair?.encoding, 'macintosh');
	});

	test('reads UTF-16 little- and big-endian from the byte order mark', () => {
		const text = '# Café ☕ 👩🏻‍🔧\r\n---\r\nend\r\n';
		const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
		const big = Buffer.from(Buffer.from(text, 'utf16le')).swap16();
		assert.deepEqual(decodeDeckBytes(little), {text: '# Café ☕ 👩🏻‍🔧\n---\nend\n', invalidUtf8Lines: [], nulLines: [], utf16: 'utf-16le'});
		assert.deepEqual(decodeDeckBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), big])), {...decodeDeckBytes(little), utf16: 'utf-16be'});
		assert.equal(isProbablyBinary(little), false, 'not binary for its NUL bytes');
		assert.equal(isProbablyBinary(Buffer.concat([Buffer.from([0xfe, 0xff]), big])), false);
		assert.equal(isProbablyBinary(Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0])), true, 'UTF-32 is not read');
		// An unpaired surrogate on line 2.
		const broken = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\n', 'utf16le'), Buffer.from([0x00, 0xd8]), Buffer.from('b\n', 'utf16le')]);
		assert.deepEqual(decodeDeckBytes(broken).invalidUtf8Lines, [2]);
	});

	test('reports the lines with NUL characters (the binary check sees the first 8 KiB only)', () => {
		const bytes = utf8(`${'x'.repeat(9000)}\nfine\na\u0000b\u0000\nc\n\u0000`);
		assert.equal(isProbablyBinary(bytes), false);
		assert.deepEqual(decodeDeckBytes(bytes).nulLines, [3, 5]);
	});

	test('does not repair a deck with invalid UTF-8 in it', () => {
		const bytes = Uint8Array.of(...utf8(cp1252Mojibake('café résumé')), 0xff);
		const result = decodeDeckBytes(bytes);
		assert.equal(result.repair, undefined);
		assert.deepEqual(result.invalidUtf8Lines, [1]);
	});
});

describe('neutralize', () => {
	test('returns clean text unchanged', () => {
		const text = 'Hello 👩🏻‍🔧 日本語\u00A0café\n';
		assert.equal(neutralize(text), text);
	});

	test('shows ESC, CSI and OSC sequences instead of sending them', () => {
		const text = 'a\u001B[31mred\u001B[0m \u001B]0;pwned\u0007 \u001B]52;c;aGk=\u001B\\ \u001Bc';
		const result = neutralize(text);
		assert.equal(result, 'a␛[31mred␛[0m ␛]0;pwned␇ ␛]52;c;aGk=␛\\ ␛c');
		assert.ok(!result.includes('\u001B'));
	});

	test('shows BEL, backspace, NUL, CR and DEL', () => {
		assert.equal(neutralize('\u0007\b\0\r\u007F'), '␇␈␀␍␡');
	});

	test('replaces C1 controls', () => {
		assert.equal(neutralize('a\u009B31mb\u0085\u0080'), 'a\uFFFD31mb\uFFFD\uFFFD');
	});

	test('drops bidi controls and invisible format characters', () => {
		const text = 'a\u202Eb\u202Dc\u2066d\u2069e\u200Ff\u200Eg\u061Ch\u00ADi\u2060j\uFFF9k\u206Al\u180Em';
		assert.equal(neutralize(text), 'abcdefghijklm');
	});

	test('turns line and paragraph separators into spaces', () => {
		assert.equal(neutralize('a\u2028b\u2029c'), 'a b c');
	});

	test('expands tabs to multiples of 4 columns, per line, by display width', () => {
		assert.equal(neutralize('\tx'), '    x');
		assert.equal(neutralize('ab\tc\td'), 'ab  c   d');
		assert.equal(neutralize('abcd\te'), 'abcd    e');
		assert.equal(neutralize('日\tx\nab\t'), '日  x\nab  ');
		assert.equal(neutralize('💪\t|'), '💪  |');
		assert.equal(neutralize('\u001B\tx'), '␛   x');
	});

	test('changes only what needs changing in a long text', () => {
		const text = `${'clean line\n'.repeat(1000)}\u001B[2J`;
		assert.equal(neutralize(text), `${'clean line\n'.repeat(1000)}␛[2J`);
	});

	test('keeps ZWJ sequences, variation selectors, flags and tag sequences intact', () => {
		const text = '👩🏻‍🔧 👨‍👩‍👧 ❤️ ☺︎ 🇫🇷 🏴󠁧󠁢󠁳󠁣󠁴󠁿 1️⃣';
		assert.equal(neutralize(text), text);
	});

	test('takes time linear in the length of a clean text and of a dirty text', () => {
		const clean = (lines: number) => 'Lorem ipsum dolor sit amet 💪 café\n'.repeat(lines);
		const dirty = (lines: number) => 'Lorem \u001B[31m ipsum\u202E dolor \u009B sit\n'.repeat(lines);
		assertLinear('a clean text', 20_000, lines => neutralize(clean(lines)));
		assertLinear('a dirty text', 20_000, lines => neutralize(dirty(lines)));
		assert.equal(neutralize(clean(1000)), clean(1000));
		assert.ok(!neutralize(dirty(1000)).includes('\u001B'));
	});
});

describe('isProbablyBinary', () => {
	test('text is not binary', () => {
		assert.equal(isProbablyBinary(utf8('# Hello\r\n\tworld\f💪\n')), false);
		assert.equal(isProbablyBinary(new Uint8Array()), false);
	});

	test('a deck with a few escape sequences is still text', () => {
		assert.equal(isProbablyBinary(utf8('\u001B[31mred\u001B[0m\n'.repeat(10))), false);
	});

	test('a NUL byte means binary', () => {
		assert.equal(isProbablyBinary(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x00)), true);
	});

	test('each control byte counts as the rule says: all C0 but tab, LF, FF, CR and ESC', () => {
		for (let byte = 1; byte < 0x20; byte++) {
			const counted = ![0x09, 0x0a, 0x0c, 0x0d, 0x1b].includes(byte);
			// Nine letters and one control: over 10% only when it counts, with a second one.
			const text = Uint8Array.of(0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, byte, byte);
			assert.equal(isProbablyBinary(text), counted, `0x${byte.toString(16)}`);
		}

		assert.equal(isProbablyBinary(Uint8Array.of(0x61, 0x80, 0x9f, 0xff)), false, 'high bytes are not controls');
	});

	test('many control bytes mean binary', () => {
		assert.equal(isProbablyBinary(utf8('ab\u0001\u0002\u0003cdefgh')), true);
		assert.equal(isProbablyBinary(utf8('abcdefghi\u0001')), false);
	});

	test('only the first 8 KiB are looked at', () => {
		const bytes = new Uint8Array(20_000).fill(0x61);
		bytes[10_000] = 0;
		assert.equal(isProbablyBinary(bytes), false);
	});
});

describe('safeLinkTarget', () => {
	test('accepts absolute http, https, mailto and file URLs', () => {
		for (const url of ['http://127.0.0.1:8000/', 'https://example.com/a?b=c#d', 'mailto:me@example.com', 'file:///tmp/x.png']) {
			assert.equal(safeLinkTarget(url), url);
		}

		assert.equal(safeLinkTarget('  https://example.com  '), 'https://example.com');
	});

	test('rejects other schemes, relative URLs and unsafe characters', () => {
		const unsafe = [
			'javascript:alert(1)',
			'data:text/html,<b>x</b>',
			'ftp://example.com/',
			'/relative/path',
			'example.com',
			'',
			'https://example.com/\nfoo',
			'https://example.com/a b',
			'https://example.com/\u001B]8;;',
			'https://example.com/\u009D',
			'https://exa\u202Emple.com/',
		];
		for (const url of unsafe) assert.equal(safeLinkTarget(url), undefined, JSON.stringify(url));
	});
});

describe('property: random text', () => {
	/** Mulberry32: a small seeded PRNG, so failures reproduce. */
	function prng(seed: number): () => number {
		let state = seed >>> 0;
		return () => {
			state = (state + 0x6d_2b_79_f5) >>> 0;
			let t = state;
			t = Math.imul(t ^ (t >>> 15), t | 1);
			t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
			return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
		};
	}

	const pieces = [
		'a',
		'Hello ',
		' ',
		'\n',
		'\t',
		'\r\n',
		'\u001B',
		'\u001B[31m',
		'\u001B]0;title\u0007',
		'\u0007',
		'\b',
		'\0',
		'\u007F',
		'\u0080',
		'\u0085',
		'\u009B',
		'\u009D',
		'\u009F',
		'💪',
		'👩🏻‍🔧',
		'🇫🇷',
		'❤️',
		'日本',
		'é',
		'\u202E',
		'\u2028',
		'\uFEFF',
		macMojibake('💪'),
		macMojibake('⎽'),
		cp1252Mojibake('😍'),
		'Ã©',
		'üí',
	];

	test('neutralize never throws and never lets ESC or C1 through', () => {
		const random = prng(20_190_715);
		for (let run = 0; run < 2000; run++) {
			const length = Math.floor(random() * 20);
			let text = '';
			for (let index = 0; index < length; index++) text += pieces[Math.floor(random() * pieces.length)];
			const result = neutralize(repairMojibake(text).text);
			assert.ok(!/[\u001B\u0080-\u009F]/.test(result), JSON.stringify(text));
			assert.ok(!/[\u001B\u0080-\u009F]/.test(neutralize(text)), JSON.stringify(text));
			assert.doesNotThrow(() => decodeDeckBytes(utf8(text)));
		}
	});
});

test('the quick scan for unsafe code units finds exactly the units neutralize changes', () => {
	const disagree: string[] = [];
	for (let code = 0; code <= 0xff_ff; code++) {
		if (unsafeUnit.test(String.fromCharCode(code)) !== changesUnit(code)) disagree.push(code.toString(16));
	}

	assert.deepEqual(disagree, []);
});
