/**
 * Characters in terminal windows: every one lectern draws there for the
 * fixture decks is in DejaVu Sans Mono, the font of most Linux terminals (its
 * character map read from the installed font: Debian's fonts-dejavu-core,
 * which .ci/run installs), or is a look-alike the readme documents and lectern
 * draws as ASCII.
 */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {create as openFont} from 'fontkit';
import {parseDeck} from '../../source/deck/parse-deck.js';
import {checkDeck} from '../../source/commands/check.js';
import {planSlide} from '../../source/layout/plan-slide.js';
import {asciiLookAlikes, lookAlikes, lookAlikesIn} from '../../source/text/look-alikes.js';
import {graphemes} from '../../source/text/graphemes.js';
import {fixtureDecks} from '../support/fixture-decks.js';

const dejaVuPath = '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf';

function dejaVu(): {hasGlyphForCodePoint(codePoint: number): boolean} {
	const font = openFont(readFileSync(dejaVuPath));
	if (!('hasGlyphForCodePoint' in font)) throw new Error(`${dejaVuPath} is a font collection`);
	return font;
}

const text = (line: readonly {text: string}[]) => line.map(segment => segment.text).join('');

test('every look-alike of the table is missing from DejaVu Sans Mono, and its ASCII meaning is there', () => {
	const font = dejaVu();
	for (const [character, lookAlike] of lookAlikes) {
		assert.equal(font.hasGlyphForCodePoint(character.codePointAt(0)!), false, `${lookAlike.name} is in DejaVu Sans Mono: no need to replace it`);
		assert.match(lookAlike.ascii, /^[\x21-\x7E]$/);
	}
});

test('every character drawn in the terminal windows of the fixture decks is in DejaVu Sans Mono', async () => {
	const font = dejaVu();
	const decks = await fixtureDecks();
	const missing = new Set<string>();
	let windows = 0;
	for (const {path, deck} of decks) {
		for (const slide of deck.slides) {
			if (slide.kind !== 'terminal') continue;
			windows++;
			for (const line of planSlide(deck.slides, slide.index, {columns: 100, rows: 30}, {showUrls: true}).lines) {
				for (const cluster of graphemes(text(line))) {
					// Emoji are drawn by the terminal's emoji font, not the monospace one.
					if (/\p{Extended_Pictographic}/u.test(cluster)) continue;
					for (const character of cluster)
						if (!font.hasGlyphForCodePoint(character.codePointAt(0)!))
							missing.add(`${path} slide ${slide.index + 1}: U+${character.codePointAt(0)!.toString(16).toUpperCase()} ${character}`);
				}
			}
		}
	}

	assert.ok(windows >= 5, `only ${windows} terminal windows in the fixtures`);
	assert.deepEqual([...missing], []);
});

test('⎽⎽init⎽⎽.py is drawn as __init__.py in a terminal window, left as written elsewhere, and check names it', () => {
	const deck = parseDeck('# ⎽⎽init⎽⎽.py\n---\n$$terminal ⎽ bash\n$$prompt ~/my⎽project\nls<br>\n⎽⎽init⎽⎽.py ／ a․b<br>\n');
	const window = planSlide(deck.slides, 1, {columns: 80, rows: 20}, {showUrls: true})
		.lines.map(line => text(line))
		.join('\n');
	assert.match(window, /__init__\.py \/ a\.b/);
	assert.match(window, /~\/my_project \$ ls/);
	assert.match(window, /_ bash/);
	assert.equal(lookAlikesIn(window).length, 0);
	assert.equal(asciiLookAlikes('⎺⎻⎼⎽＿'), '---__');
	const notices = checkDeck(deck, {file: 'talk.txt', imageExists: () => true}).filter(item => item.code === 'look-alike');
	assert.equal(notices.length, 1);
	assert.equal(notices[0]!.severity, 'notice');
	assert.match(
		notices[0]!.message,
		/slide 2: the terminal window draws ⎽ \(U\+23BD HORIZONTAL SCAN LINE-9\) as _, ／ \(U\+FF0F FULLWIDTH SOLIDUS\) as \/, ․ \(U\+2024 ONE DOT LEADER\) as \./,
	);
});

test('the readme documents every look-alike', () => {
	const readme = readFileSync('readme.md', 'utf8');
	for (const [character, lookAlike] of lookAlikes)
		assert.ok(readme.includes(`U+${character.codePointAt(0)!.toString(16).toUpperCase()}`), `${lookAlike.name} is not in the readme`);
});
