/**
 * The player's young generation stays at its starting size, also after a
 * worker thread has started (starting one sets V8's flags again). Run in a
 * child process: the test runner's own heap has long grown.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {describe, test} from 'node:test';

const mebibyte = 1024 * 1024;

/** The size of V8's new space after allocating 40 MB that survives a few scavenges while a worker runs, in a fresh process. */
function newSpaceAfterWork(hold: boolean): number {
	const module = new URL('../source/young-generation.js', import.meta.url).href;
	const script = `
		import {once} from 'node:events';
		import {getHeapSpaceStatistics} from 'node:v8';
		import {Worker} from 'node:worker_threads';
		import {holdAcross, holdYoungGeneration} from ${JSON.stringify(module)};
		if (${hold}) holdYoungGeneration();
		const worker = new Worker('setInterval(() => {}, 1000)', {eval: true});
		if (${hold}) holdAcross(worker);
		await once(worker, 'online');
		const kept = [];
		for (let round = 0; round < 100; round++) {
			kept.push(Array.from({length: 20_000}, (_, index) => ({index})));
			if (kept.length > 10) kept.shift();
		}
		console.log(getHeapSpaceStatistics().find(space => space.space_name === 'new_space').space_size);
		await worker.terminate();`;
	const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8'});
	assert.equal(run.status, 0, run.stderr);
	return Number(run.stdout.trim());
}

describe('the young generation', () => {
	test('is held at its starting size across a worker thread', () => {
		const held = newSpaceAfterWork(true);
		assert.ok(held <= 4 * mebibyte, `new space ${held / mebibyte} MiB`);
	});
});
