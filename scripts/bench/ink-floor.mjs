// The Ink floor for scripts/bench.mjs: floor.mjs's screen drawn by Ink (with React and Yoga),
// bundled as lectern's CLI is and with the Ink patches lectern ships (esbuild, minified, React's
// production build; see `buildInkFloor`). What an Ink app of this shape costs lectern before it
// does anything of its own: the bench's goal 4 (memory) compares lectern with it as well as
// with floor.mjs.
//
// The screen: the alternate screen, the cursor hidden, 39 lines of text and a status bar
// " K/N " on the last row; Right shows the next position; q or Ctrl-C restores the terminal
// and exits 0.
//
// Usage (bundled): node ink-floor.js [N]   (N: the slide count shown, default 100)
import {Box, Text, render, useApp, useInput, useStdout} from 'ink';
import {createElement as h, useState} from 'react';

const count = Number(process.argv[2]) || 100;

function Floor() {
	const {exit} = useApp();
	const {stdout} = useStdout();
	const [position, setPosition] = useState(1);
	useInput((input, key) => {
		if (input === 'q' || (key.ctrl && input === 'c')) exit();
		else if (key.rightArrow) setPosition(current => Math.min(count, current + 1));
	});
	const columns = stdout.columns || 80;
	const rows = stdout.rows || 24;
	const lines = [];
	for (let row = 1; row < rows; row++) {
		lines.push(h(Text, {key: row}, `line ${row} of slide ${position}: the quick brown fox jumps over the lazy dog `.repeat(3).slice(0, columns - 1)));
	}

	const status = ` ${position}/${count} `;
	return h(Box, {flexDirection: 'column'}, ...lines, h(Text, {inverse: true}, status + ' '.repeat(Math.max(0, columns - status.length))));
}

process.stdout.write('\u001B[?1049h\u001B[?25l\u001B[2J\u001B[H');
const app = render(h(Floor), {exitOnCtrlC: false, patchConsole: false});
await app.waitUntilExit();
process.stdout.write('\u001B[?25h\u001B[?1049l');
