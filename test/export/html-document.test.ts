import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Line} from '../../source/frame/frame.js';
import {htmlDocument, type HtmlSlide} from '../../source/render/html/html-document.js';
import {rowHtml, StyleSheet} from '../../source/render/html/html-lines.js';
import {pixelLayer} from '../../source/render/html/pixel-layer.js';
import {palettes} from '../../source/render/palette.js';

const dark = palettes['dark']!;
const input = {title: 'T', count: 1, columns: 20, rows: 3, notesColumns: 20, palette: dark, generator: 'lectern test'};
const hostile = '</script><script>alert(1)</script><!--';

test('text from the deck never becomes markup, in the slides, the title or the data', () => {
	const slide: HtmlSlide = {
		number: 1,
		title: hostile,
		lines: [[{text: hostile.slice(0, 20)}], [{text: '<b>&amp;'}], []],
		status: [{text: hostile}],
		notes: [[{text: hostile}]],
		typing: {frames: [{at: 0, lines: [[{text: '</script>'}], [], []]}], duration: 10},
	};
	const html = htmlDocument({...input, title: hostile}, [slide]);
	assert.equal(html.match(/<script/g)?.length, 2, 'the data and the script, nothing else');
	assert.ok(!html.includes('alert(1)</script>'));
	assert.ok(html.includes('&lt;b&gt;&amp;amp;'));
	const data = /<script type="application\/json" id="lectern-data">(.*?)<\/script>/s.exec(html)![1]!;
	assert.ok(!data.includes('<'), 'no < inside the data');
	assert.equal((JSON.parse(data) as {title: string}).title, hostile);
});

test('cells keep their width whatever the font: spans are sized in ch, gaps joined, links are links', () => {
	const sheet = new StyleSheet(dark);
	const line: Line = [
		{text: '  '},
		{text: '  '},
		{text: 'go', style: {fg: 'accent', link: 'https://example.org/?a=1&b="2"'}},
		{text: '👋'},
		{text: 'ok'},
		{text: '   '},
	];
	assert.equal(
		rowHtml(line, sheet, {pixels: 'layer'}),
		`<span style="width:4ch"></span><a href="https://example.org/?a=1&amp;b=&quot;2&quot;" class="s0" style="width:2ch" rel="noopener noreferrer" target="_blank">go</a><span class="w" style="width:2ch">👋</span>ok`,
	);
	assert.match(sheet.css(), new RegExp(`^\\.s0\\{color:${dark.colours.accent}\\}$`));
});

test('pixel cells: a picture under the text, or span backgrounds on typing slides', () => {
	const lines: Line[] = [[{text: ' ▀', style: {fg: '#ff0000', bg: '#0000ff'}}], []];
	const layer = pixelLayer(lines, 2, dark);
	assert.match(layer ?? '', /^data:image\/png;base64,/);
	assert.equal(pixelLayer([[{text: 'no pixels'}]], 9, dark), undefined);
	const sheet = new StyleSheet(dark);
	assert.equal(
		rowHtml([{text: '▀', style: {fg: '#ff0000', bg: '#0000ff'}}], sheet, {pixels: 'spans'}),
		'<span style="background:linear-gradient(#ff0000 50%,#0000ff 50%)"> </span>',
	);
	assert.equal(rowHtml([{text: '▀', style: {fg: '#ff0000', bg: '#0000ff'}}], sheet, {pixels: 'layer'}), '');
});
