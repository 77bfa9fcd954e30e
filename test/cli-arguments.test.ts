import assert from 'node:assert/strict';
import {test} from 'node:test';
import meow from 'meow';
import {options, quickArguments} from '../source/cli-arguments.js';

/** What meow makes of a command line (the parser `--help` and errors come from). */
function meowRead(argv: string[]) {
	const cli = meow('', {argv, importMeta: import.meta, flags: options, allowUnknownFlags: false, autoHelp: false, autoVersion: false});
	return {input: cli.input, flags: cli.flags};
}

test('the quick parser reads ordinary command lines exactly as meow does', () => {
	const lines = [
		['talk.txt'],
		['print', 'talk.txt'],
		['check', '-'],
		['rehearse', 'talk.txt', '--target', '25m'],
		['talk.txt', '--start', '12'],
		['--start', '3', 'talk.txt', '--notes'],
		['talk.txt', '--no-color', '--no-animation'],
		['talk.txt', '--color', '--animation', '--notes', '--presenter'],
		['talk.txt', '--typing-speed', '40'],
		['talk.txt', '--typing-speed', '7.5'],
		['print', 'talk.txt', '--width', '80', '--height', '24'],
		['talk.txt', '--session', 'room-b', '--presenter'],
		['talk.txt', '--format', 'remark', '--images', 'alt'],
		['talk.txt', '--images', 'blocks', '--format', 'markdown'],
		['talk.txt', '--format', 'shorthand', '--no-notes'],
		['export', 'talk.txt', '--to', 'pdf', '-o', 'talk.pdf', '--notes', '--steps'],
		['export', 'talk.txt', '--to', 'html', '--output', 'out/talk.html', '--theme', 'dark'],
		['export', 'talk.txt', '--to', 'cast', '--pause', '2.5s', '--width', '120', '--height', '40'],
		['serve', 'talk.txt', '--port', '2300', '--host', '0.0.0.0', '--max-viewers', '50', '--no-follow'],
		['serve', 'talk.txt', '--password', 'sesame', '--authorized-keys', 'keys.txt', '--presenter'],
		['check', 'talk.txt', '--host', '::', '--follow'],
		['a', 'b', 'c'],
		[],
	];
	for (const argv of lines) {
		const quick = quickArguments(argv);
		assert.ok(quick, `quick parser gave up on ${argv.join(' ')}`);
		assert.deepEqual(quick, meowRead(argv), argv.join(' '));
	}
});

test('a lone - after -o or --output is standard output (meow would take it for the deck)', () => {
	for (const argv of [
		['export', 'talk.txt', '--to', 'cast', '-o', '-'],
		['export', 'talk.txt', '--output', '-', '--to', 'html'],
	]) {
		const quick = quickArguments(argv);
		assert.ok(quick, `quick parser gave up on ${argv.join(' ')}`);
		assert.equal(quick.flags.output, '-', argv.join(' '));
		assert.deepEqual(quick.input, ['export', 'talk.txt'], argv.join(' '));
	}
});

test('the quick parser leaves to meow what meow reads its own way or rejects', () => {
	const lines = [
		['--help'],
		['--version'],
		['talk.txt', '--bogus'],
		['talk.txt', '--start', 'three'],
		['talk.txt', '--start=3'],
		['talk.txt', '--start', '3', '--start', '4'],
		['talk.txt', '--notes', '--no-notes'],
		['talk.txt', '--images', 'sixel'],
		['talk.txt', '--format', 'keynote'],
		['talk.txt', '--session', '--notes'],
		['talk.txt', '-n'],
		['--', 'talk.txt'],
		['talk.txt', '--typingSpeed', '40'],
		['export', 'talk.txt', '--to', 'docx'],
		['export', 'talk.txt', '-otalk.pdf'],
	];
	for (const argv of lines) assert.equal(quickArguments(argv), undefined, argv.join(' '));
});

test('--theme takes any name: which themes there are is known when the theme loads', () => {
	assert.equal(quickArguments(['talk.txt', '--theme', 'catppuccin-mocha'])?.flags.theme, 'catppuccin-mocha');
	assert.equal(quickArguments(['talk.txt'])?.flags.theme, 'dark');
});

test('every option has a command-line form the quick parser knows', () => {
	for (const [name, option] of Object.entries(options)) {
		const flag = `--${name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)}`;
		const value = option.type === 'boolean' ? [] : option.type === 'number' ? ['5'] : ['choices' in option ? option.choices[0]! : 'x'];
		const quick = quickArguments(['deck.txt', flag, ...value]);
		assert.ok(quick, flag);
		assert.deepEqual(quick, meowRead(['deck.txt', flag, ...value]), flag);
	}
});
