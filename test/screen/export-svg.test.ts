/**
 * SVG pictures in exports (#15): HTML embeds a PNG resvg drew (an `<img>` with a PNG
 * data URL, so nothing in the SVG can run in the page), a recording has the
 * half-block picture a terminal shows; a broken SVG keeps its alt text and reason.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {assertBuilt, cli, plainEnv, root} from './support.js';

const folder = mkdtempSync(join(tmpdir(), 'lectern-svg-'));
after(() => {
	rmSync(folder, {recursive: true, force: true});
});

function exportDeck(to: 'html' | 'cast', size: {columns: number; rows: number}): string {
	assertBuilt();
	const output = join(folder, `inline-${size.columns}x${size.rows}.${to}`);
	const result = spawnSync(
		process.execPath,
		[cli, 'export', 'fixtures/inline/deck.txt', '--to', to, '-o', output, '--width', String(size.columns), '--height', String(size.rows)],
		{cwd: root, env: plainEnv(), encoding: 'utf8'},
	);
	assert.equal(result.status, 0, result.stderr);
	return readFileSync(output, 'utf8');
}

for (const size of [
	{columns: 80, rows: 24},
	{columns: 120, rows: 40},
	{columns: 200, rows: 50},
]) {
	test(`export --to html at ${size.columns}x${size.rows}: the SVG is a PNG image in the page, never the SVG itself`, () => {
		const html = exportDeck('html', size);
		const images = [...html.matchAll(/<img\b[^>]*\bsrc="data:image\/([a-z]+);base64,([^"]+)"/g)];
		const pngs = images.filter(([, format]) => format === 'png').map(([, , data]) => Buffer.from(data!, 'base64'));
		// mark.svg on slide 1, badge.png on slides 2 and 3.
		assert.ok(pngs.length >= 3, `${pngs.length} PNG images`);
		assert.ok(
			pngs.every(png => png.subarray(1, 4).toString('latin1') === 'PNG'),
			'PNG files',
		);
		assert.ok(!images.some(([, format]) => format!.startsWith('svg')), 'no SVG data URL');
		assert.ok(
			!html.includes('fill="#e0109b"') && !html.includes(Buffer.from(readFileSync('fixtures/inline/mark.svg')).toString('base64')),
			'the SVG file is not in the page',
		);
		assert.ok(!html.includes('📷 mark'), 'mark.svg is drawn, not its alt text');
		assert.match(html, /not a readable SVG/, 'the broken SVG says why');
	});

	test(`export --to cast at ${size.columns}x${size.rows}: the SVG is a half-block picture`, () => {
		const cast = exportDeck('cast', size);
		const events = cast
			.split('\n')
			.slice(1)
			.filter(line => line.startsWith('['))
			.map(line => JSON.parse(line) as [number, string, string]);
		const shown = events
			.map(([, , data]) => data)
			.join('')
			.replaceAll(/\u001B\[[\d;?]*[A-Za-z]/g, '');
		assert.match(shown, /[▀▄]/, 'half-blocks in the recording');
		assert.ok(!shown.includes('mark.svg'), 'mark.svg drawn, not its alt text (which names the file)');
		assert.ok(shown.includes('broken.svg'), 'the broken SVG keeps its alt text');
	});
}
