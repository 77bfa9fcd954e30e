/**
 * Hostile images through the built CLI (made in a temporary folder from code:
 * tiny files whose headers claim huge pictures, files cut short, a deflate
 * bomb, and a GIF that sends the decoder into an endless loop): `check` names
 * each in one line, `print` finishes and shows each as its alt text card, and
 * the player shows each card and quits on `q`. Time-outs here are hang
 * guards, not budgets.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {copyFileSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import {stopAll} from '../harness/tmux.js';
import {hostileImages, writeHostileImages} from '../support/hostile-images.js';
import {assertBuilt, atPosition, cli, plainEnv, root, startPlayer, statusRow} from './support.js';

before(assertBuilt);
after(stopAll);

const folder = mkdtempSync(join(tmpdir(), 'lectern-hostile-images-'));
after(() => {
	rmSync(folder, {recursive: true, force: true});
});

const images = hostileImages();
writeHostileImages(folder);
copyFileSync(join(root, 'fixtures', 'images', 'hangs.gif'), join(folder, 'hangs.gif'));
const names = [...images.map(image => image.name), 'hangs.gif'];
const deck = join(folder, 'deck.txt');
copyFileSync(join(root, 'fixtures', 'images', 'quadrants.png'), join(folder, 'sound.png'));
// A sound picture last: print draws pictures here, so the cards are not for want of colour.
writeFileSync(deck, [...names, 'sound.png'].map(name => `@= ${name}`).join('\n---\n') + '\n');
/** Colour, so that `print` draws pictures (half-blocks) where it can. */
const pictureEnv = {...plainEnv(), FORCE_COLOR: '3', NO_COLOR: undefined};
/** A hang guard: the worst of these once took 25 s, the bomb all the memory there is. */
const bound = 120_000;

test('check: one line for each hostile image, naming why', () => {
	const run = spawnSync(process.execPath, [cli, 'check', deck], {cwd: root, env: plainEnv(), encoding: 'utf8', timeout: bound});
	assert.equal(run.status, 1, run.stderr);
	const lines = run.stdout.trimEnd().split('\n');
	for (const image of images) {
		const found = lines.filter(line => line.includes(`"${image.name}"`));
		assert.equal(found.length, 1, `one line for ${image.name}:\n${run.stdout}`);
		assert.match(found[0]!, image.reason);
		assert.match(found[0]!, /^.*deck\.txt:\d+: warning: image ".*" cannot be drawn: .*; alt text is shown \[unreadable-image\]$/);
	}
});

test('print: finishes, every hostile image shown as its alt text card (hangs.gif after the decode time limit)', () => {
	const run = spawnSync(process.execPath, [cli, 'print', deck, '--width', '80', '--height', '24'], {
		cwd: root,
		env: pictureEnv,
		encoding: 'utf8',
		timeout: bound,
	});
	assert.equal(run.status, 0, run.stderr);
	assert.equal(run.stdout.split('📷').length - 1, names.length, 'an alt text card on every slide');
	for (const name of names) assert.ok(run.stdout.includes(name), `the card names ${name}`);
	const slides = run.stdout.split(/^-- slide \d+\/\d+ --$/m).slice(1);
	assert.equal(slides.length, names.length + 1);
	for (const [index, slide] of slides.entries()) assert.equal(/▀|▄/.test(slide), index === names.length, `slide ${index + 1}: a picture only for sound.png`);
});

test('the player: each hostile image becomes its card, and q quits', async () => {
	const screen = await startPlayer([deck], {size: {columns: 80, rows: 24}});
	try {
		for (const [index, name] of names.entries()) {
			const position = ` ${index + 1}/${names.length + 1}`;
			if (index > 0) await screen.keys('Right');
			await screen.waitFor(rows => atPosition(statusRow(rows), position) && rows.some(row => row.includes(name)) && rows.some(row => row.includes('📷')), {
				what: `the alt text card of ${name}`,
				timeout: bound,
			});
		}

		await screen.keys('q');
		const exit = await screen.waitForExit({timeout: bound, what: 'the player to quit on q'});
		assert.equal(exit.exitStatus, 0);
		assert.equal(exit.alternateOn, false);
		assert.equal(exit.cursorVisible, true);
	} finally {
		await screen.stop();
	}
});
