// The floor for scripts/bench.mjs: the smallest raw-mode Node program that does what a
// terminal slideshow must do at start-up. It enters the alternate screen, hides the
// cursor, and draws one screen of text with a status bar " K/N " on the last row.
// Right arrow (ESC [ C) redraws the whole screen for the next position; q or Ctrl-C
// restores the terminal and exits 0. No dependencies, no parsing, no layout.
//
// Usage: node scripts/bench/floor.mjs [N]   (N: the slide count shown, default 100)
const {stdin, stdout} = process;
const count = Number(process.argv[2]) || 100;
let position = 1;

function draw() {
	const columns = stdout.columns || 80;
	const rows = stdout.rows || 24;
	const lines = [];
	for (let row = 1; row < rows; row++) {
		lines.push(`line ${row} of slide ${position}: the quick brown fox jumps over the lazy dog `.repeat(3).slice(0, columns - 1));
	}

	const status = ` ${position}/${count} `;
	lines.push(`\u001B[7m${status}${' '.repeat(Math.max(0, columns - status.length))}\u001B[0m`);
	stdout.write('\u001B[H' + lines.join('\r\n'));
}

function quit() {
	stdin.setRawMode(false);
	stdout.write('\u001B[?25h\u001B[?1049l', () => process.exit(0));
}

stdin.setRawMode(true);
stdout.write('\u001B[?1049h\u001B[?25l\u001B[2J');
draw();
stdin.on('data', data => {
	const text = data.toString('latin1');
	if (text.includes('q') || text.includes('\u0003')) {
		quit();
		return;
	}

	for (let i = text.indexOf('\u001B[C'); i !== -1; i = text.indexOf('\u001B[C', i + 3)) {
		position = Math.min(count, position + 1);
	}

	draw();
});
