/**
 * Paired rounds: two programs (or two decks) run in turn, the ratio taken in each round
 * before the median, so that load that comes and goes falls on both.
 */

/**
 * Interactive at the first paint: Right pressed the moment slide 1 is up (its output burst
 * over), spawn -> slide 2 shown; the floor program and lectern alternate.
 */
export async function measureKeyAtPaint({drive, base, floorCmd, lecternCmd, slides, rounds, log}) {
	const result = {floor: [], lectern: [], ratios: [], failures: []};
	for (let round = 0; round < rounds; round++) {
		log(`interactive at first paint, round ${round + 1} of ${rounds} ...`);
		const job = {...base, mode: 'tui', runs: 1, warmup: 0, transitions: 0, key_at_paint: true};
		const floorRun = await drive({...job, label: 'floor key at paint', cmd: floorCmd, first_marker: [1, 60]}, 30);
		const lecternRun = await drive({...job, label: 'lectern key at paint', cmd: lecternCmd, first_marker: [1, slides]}, 30);
		const a = floorRun.runs[0]?.interactive_ms;
		const b = lecternRun.runs[0]?.interactive_ms;
		if (lecternRun.failed) result.failures.push(`lectern key at first paint: ${lecternRun.failed}`);
		if (floorRun.failed) result.failures.push(`floor key at first paint: ${floorRun.failed}`);
		if (typeof a === 'number' && typeof b === 'number') {
			result.floor.push(a);
			result.lectern.push(b);
			result.ratios.push(b / a);
		}
	}

	return result;
}

/**
 * First frame of a small and a large deck in turn (spawn -> "1/N" shown; no keys, the
 * player quit at once): per round both times and large / small.
 */
export async function measureFirstFramePairs({drive, base, cmd, small, large, rounds, label, log}) {
	const result = {small: [], large: [], ratios: [], failures: []};
	for (let round = 0; round < rounds; round++) {
		log(`${label}: first frame ${small.slides} / ${large.slides} slides, round ${round + 1} of ${rounds} ...`);
		const times = [];
		for (const deck of [small, large]) {
			const run = await drive(
				{...base, label: `${label} ${deck.slides}`, mode: 'tui', cmd: cmd(deck.path), first_marker: [1, deck.slides], runs: 1, warmup: 0, wait_idle: false},
				60,
			);
			if (run.failed) result.failures.push(`${label} ${deck.slides}: ${run.failed}`);
			times.push(run.runs[0]?.first_frame_ms);
		}

		if (times.every(time => typeof time === 'number')) {
			result.small.push(times[0]);
			result.large.push(times[1]);
			result.ratios.push(times[1] / times[0]);
		}
	}

	return result;
}
