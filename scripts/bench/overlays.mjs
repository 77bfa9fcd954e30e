/**
 * Overview and search at 10,000 slides (issue #18, goal 2), in the pty like every other
 * key: each key is timed from its write to the end of the output burst that holds the
 * frame it asked for (marked by its own text, below), every synchronized-output block
 * closed. Two processes per run (the overview in one, search in the other, so that
 * neither warms the other), `runs` runs; keys go once the player is idle.
 *
 *   overview open   `o`: the heading "Overview  arrows move" is drawn
 *   overview arrow  Down / Up / Right / Left: the cell of the new cursor is drawn in
 *                   inverse video with its slide number (Down and Up: that exact number)
 *   overview close  Esc or `o`, alternately: a frame is written (ESC[?2026l)
 *   search key      `/`: the prompt "/█" shows; each character typed: the prompt shows the
 *                   query so far and what it found ("N slides" or "no match")
 *   search close    Esc: the status bar "1/N" is back
 *
 * "First use" is the first press of a key of its kind in a process (the first `o`, the
 * first Down, Up, Right and Left in the overview; the first `/` and the first character
 * typed); the goals count every later press.
 */

const heading = String.raw`Overview\s+arrows move`;
const frameWritten = String.raw`\x1b\[\?2026l`;
/** An inverse-video cell (SGR 7, among other parameters or sequences) holding slide `number`. */
const inverseCell = number => String.raw`\x1b\[(?:[0-9]*;)*7(?:;[0-9]*)*m(?:\x1b\[[0-9;]*m)* *${number} `;
const keys = {down: '\u001B[B', up: '\u001B[A', right: '\u001B[C', left: '\u001B[D', escape: '\u001B'};

/** The overview's keys: a first open with every arrow, then later opens, closed by Esc or `o` in turn. */
export function overviewSteps(reopens = 5) {
	const steps = [{key: 'o', name: 'open first', text: heading}];
	let cursor = 1;
	const used = new Set();
	const arrow = (name, exact) => {
		if (exact) cursor += name === 'down' ? 1 : -1;
		steps.push({key: keys[name], name: used.has(name) ? 'arrow' : 'arrow first', raw: inverseCell(exact ? cursor : '[0-9]+')});
		used.add(name);
	};

	for (const name of ['down', 'down', 'down', 'up']) arrow(name, true);
	arrow('right', false);
	arrow('left', false);
	steps.push({key: keys.escape, name: 'close', raw: frameWritten});
	for (let open = 0; open < reopens; open++) {
		cursor = 1; // the overview opens on the slide shown
		steps.push({key: 'o', name: 'open', text: heading});
		for (const name of ['down', 'down', 'up']) arrow(name, true);
		steps.push({key: open % 2 ? 'o' : keys.escape, name: 'close', raw: frameWritten});
	}

	return steps;
}

/** Search: `/`, a word typed one character at a time, Esc; the first word is the first use. */
export function searchSteps(slides, words = ['deploy', 'release', 'gateway', 'metric']) {
	const steps = [];
	for (const [round, word] of words.entries()) {
		steps.push({key: '/', name: round ? 'search' : 'search first', text: '/█'});
		for (let length = 1; length <= word.length; length++) {
			const query = word.slice(0, length);
			steps.push({key: query.at(-1), name: round || length > 1 ? 'search' : 'search first', text: String.raw`/${query}█\s+(?:[0-9]+ slides?|no match)`});
		}

		steps.push({key: keys.escape, name: 'search close', text: String.raw`(?<![0-9/])1/${slides}(?![0-9/])`});
	}

	return steps;
}

/** Runs both, `runs` processes each; returns every step's key -> frame time by name. */
export async function measureOverlays({drive, base, cmd, slides, runs, log}) {
	const times = {};
	const failures = [];
	for (const [what, steps] of [
		['overview', overviewSteps()],
		['search', searchSteps(slides)],
	]) {
		log(`${what} on ${slides.toLocaleString('en')} slides ...`);
		const result = await drive({...base, label: `lectern ${what}`, mode: 'tui', cmd, first_marker: [1, slides], runs, warmup: 0, every_run: true, steps}, 60);
		if (result.failed) failures.push(`lectern ${what}: ${result.failed}`);
		for (const run of result.runs) {
			for (const step of run.steps ?? []) {
				if (step.status !== 'ok') continue;
				(times[step.name] ??= []).push(step.complete_ms);
			}
		}
	}

	return {times, failures};
}
