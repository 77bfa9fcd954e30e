import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, mock, test} from 'node:test';
import {backgroundOf, queryBackground} from '../../source/theme/auto.js';
import {resolveTheme, ThemeError} from '../../source/theme/resolve-theme.js';
import {builtinThemes, themeCycle} from '../../source/theme/themes.js';

/** A terminal that answers OSC 11 with `colour` (or does not know it), then DA1; or says nothing at all. */
class FakeTerminal extends EventEmitter {
	isRaw = false;
	written = '';
	rawModes: boolean[] = [];
	constructor(private readonly answer: 'silent' | 'no-osc11' | string) {
		super();
	}

	setRawMode(raw: boolean) {
		this.isRaw = raw;
		this.rawModes.push(raw);
		return this;
	}

	resume() {
		return this;
	}

	pause() {
		return this;
	}

	write(text: string) {
		this.written += text;
		if (this.answer === 'silent') return true;
		const reply = (this.answer === 'no-osc11' ? '' : `\u001B]11;${this.answer}\u001B\\`) + '\u001B[?62;22c';
		// Answers arrive in pieces, as from a real terminal.
		setImmediate(() => {
			for (const piece of reply.match(/[\s\S]{1,5}/g)!) this.emit('data', Buffer.from(piece));
		});
		return true;
	}
}

const folder = mkdtempSync(join(tmpdir(), 'lectern-theme-'));
after(() => rmSync(folder, {recursive: true, force: true}));

test('OSC 11 answers: a dark and a light background, 4, 2 and 1 hex digits a channel', () => {
	assert.equal(backgroundOf('\u001B]11;rgb:0000/0000/0000\u001B\\'), 'dark');
	assert.equal(backgroundOf('\u001B]11;rgb:ffff/ffff/ffff\u0007'), 'light');
	assert.equal(backgroundOf('\u001B]11;rgb:fd/f6/e3\u001B\\'), 'light');
	assert.equal(backgroundOf('\u001B]11;rgb:2/2/3\u001B\\'), 'dark');
	assert.equal(backgroundOf('\u001B[?62c'), undefined);
});

for (const [answer, expected] of [
	['rgb:1e1e/1e1e/1e1e', 'dark'],
	['rgb:ffff/fafa/f0f0', 'light'],
] as const) {
	test(`--theme auto on a terminal whose background is ${expected} is ${expected}; raw mode is put back`, async () => {
		const terminal = new FakeTerminal(answer);
		const theme = await resolveTheme('auto', {folder, terminal: {input: terminal as never, output: terminal as never}});
		assert.equal(theme.name, expected);
		assert.match(terminal.written, /^\u001B\]11;\?\u001B\\\u001B\[c$/);
		assert.deepEqual(terminal.rawModes, [true, false]);
		assert.equal(terminal.listenerCount('data'), 0);
	});
}

test('a terminal that does not know OSC 11 (answers only DA1) is dark at once, without waiting', async () => {
	mock.timers.enable({apis: ['setTimeout']});
	try {
		const terminal = new FakeTerminal('no-osc11');
		const theme = await resolveTheme('auto', {folder, terminal: {input: terminal as never, output: terminal as never}});
		assert.equal(theme.name, 'dark');
	} finally {
		mock.timers.reset();
	}
});

test('a terminal that answers nothing: dark after the timeout, and nothing is left listening', async () => {
	mock.timers.enable({apis: ['setTimeout']});
	try {
		const terminal = new FakeTerminal('silent');
		let done = false;
		const found = queryBackground(terminal as never, terminal as never, 200).then(value => {
			done = true;
			return value;
		});
		mock.timers.tick(150);
		await Promise.resolve();
		assert.equal(done, false, 'still waiting before the timeout');
		mock.timers.tick(60);
		assert.equal(await found, undefined);
		assert.equal(terminal.listenerCount('data'), 0);
		assert.deepEqual(terminal.rawModes, [true, false]);
	} finally {
		mock.timers.reset();
	}
});

test('auto without a terminal to ask (print, export) is dark', async () => {
	assert.equal((await resolveTheme('auto', {folder})).name, 'dark');
});

test('built-in themes and any Shiki theme by name; an unknown name is one error listing the choices', async () => {
	for (const name of Object.keys(builtinThemes)) assert.equal((await resolveTheme(name, {folder})).name, name);
	const latte = await resolveTheme('catppuccin-latte', {folder});
	assert.equal(latte.background, '#eff1f5');
	assert.equal(latte.code, 'catppuccin-latte');
	assert.equal(latte.paint, true);
	assert.notEqual(latte.colours.heading.rgb, latte.colours.muted.rgb);
	const mocha = await resolveTheme('catppuccin-mocha', {folder});
	assert.equal(mocha.background, '#1e1e2e');
	await assert.rejects(
		resolveTheme('no-such-theme', {folder}),
		(error: unknown) =>
			error instanceof ThemeError && /no-such-theme: no such theme \(built in: dark, light, high-contrast, projector, auto/.test(error.message),
	);
});

test('a theme file (YAML or JSON) changes the roles it names over its base', async () => {
	const yaml = join(folder, 'warm.yaml');
	writeFileSync(yaml, 'base: light\nbackground: "#fdf6e3"\ncolours:\n  heading: "#B58900"\n');
	const theme = await resolveTheme(yaml, {folder});
	assert.equal(theme.background, '#fdf6e3');
	assert.equal(theme.colours.heading.rgb, '#b58900');
	assert.equal(theme.colours.accent.rgb, builtinThemes['light']!.colours.accent.rgb);
	assert.equal(theme.code, 'github-light');
	const json = join(folder, 'cool.json');
	writeFileSync(json, JSON.stringify({code: 'nord', colors: {code: '#88c0d0'}}));
	const cool = await resolveTheme(json, {folder});
	assert.equal(cool.code, 'nord');
	assert.equal(cool.colours.code.rgb, '#88c0d0');
});

test('lectern.theme.yaml next to the deck applies over the named theme', async () => {
	const deckFolder = mkdtempSync(join(folder, 'deck-'));
	writeFileSync(join(deckFolder, 'lectern.theme.yaml'), 'colours:\n  heading: "#123456"\n');
	const theme = await resolveTheme('projector', {folder: deckFolder});
	assert.equal(theme.colours.heading.rgb, '#123456');
	assert.equal(theme.background, '#ffffff');
});

test('an invalid theme file is one clear error naming the key', async () => {
	const cases: Array<[string, RegExp]> = [
		['colours:\n  headng: "#ffffff"\n', /colours\.headng: not a role \(roles: accent, heading/],
		['colours:\n  heading: red\n', /colours\.heading: "red" is not a colour \(write #rrggbb\)/],
		['background: 12\n', /background: 12 is not a colour/],
		['colour:\n  heading: "#ffffff"\n', /colour: not a theme key \(keys: base, code, foreground, background, colours\)/],
		['base: nope\n', /--theme nope: no such theme/],
		['code: nope\n', /code: no Shiki theme named nope/],
		['- a\n- b\n', /a theme is a mapping/],
	];
	for (const [text, expected] of cases) {
		const path = join(folder, 'bad.yaml');
		writeFileSync(path, text);
		await assert.rejects(resolveTheme(path, {folder}), (error: unknown) => {
			assert.ok(error instanceof ThemeError);
			assert.ok(error.message.startsWith(`${path}: `), error.message);
			assert.match(error.message, expected);
			return true;
		});
	}
});

test('T turns through the built-in themes, and the one the talk started in when it is another', async () => {
	const builtins = ['dark', 'light', 'high-contrast', 'projector'];
	const fromLight = themeCycle(builtinThemes['light']!);
	assert.deepEqual(
		fromLight.themes.map(theme => theme.name),
		builtins,
	);
	assert.equal(fromLight.start, 1);
	const nord = await resolveTheme('nord', {folder: tmpdir()});
	const fromNord = themeCycle(nord);
	assert.deepEqual(
		fromNord.themes.map(theme => theme.name),
		[...builtins, 'nord'],
	);
	assert.equal(fromNord.start, 4);
});
