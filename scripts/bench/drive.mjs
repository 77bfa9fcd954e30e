/**
 * Runs pty_run.py jobs for the bench, one at a time, and scales their limits to the load
 * of the machine: with a load average of L on C cores, every wait of a job (first frame,
 * key, idle, quit) and the job's own limit are multiplied by max(1, L / C), measured as
 * the job starts. A limit only decides when a measurement is given up, never a number.
 * A job that fails is run once more, and the retry is recorded (`retried`), so a table
 * is complete on a loaded machine while a failure that repeats still fails the bench.
 */
import {spawn} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {availableParallelism, loadavg} from 'node:os';
import {join} from 'node:path';

/** How much slower than a quiet machine this one is likely to be now: max(1, load / cores). */
export const loadFactor = () => Math.max(1, loadavg()[0] / availableParallelism());

const scaled = ['timeout_first_s', 'timeout_key_s', 'quit_wait_s', 'idle_limit_s'];
const defaults = {timeout_first_s: 30, timeout_key_s: 5, quit_wait_s: 2, idle_limit_s: 20};

export function createDriver({driver, temp, log}) {
	let current; // the driver process running now, if any
	const retries = []; // what failed the first time, and whether the second attempt worked
	const factors = [];

	/** Runs one job; resolves to its parsed result (with `failed` set on failure). */
	function once(job, limitSeconds) {
		const file = join(temp, `job-${job.label.replaceAll(/\W+/g, '-')}.json`);
		writeFileSync(file, JSON.stringify(job));
		return new Promise(done => {
			const child = spawn('python3', [driver, file], {stdio: ['ignore', 'pipe', 'pipe']});
			current = child;
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', chunk => {
				stdout += chunk;
			});
			child.stderr.on('data', chunk => {
				stderr += chunk;
				if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
			});
			let timedOut = false;
			const timer = setTimeout(() => {
				timedOut = true;
				child.kill('SIGTERM');
				setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 2000).unref();
			}, limitSeconds * 1000);
			child.on('error', error => {
				clearTimeout(timer);
				done({label: job.label, runs: [], failed: `cannot run the pty driver: ${error.message}`});
			});
			child.on('close', code => {
				clearTimeout(timer);
				current = undefined;
				let result;
				try {
					result = JSON.parse(stdout);
				} catch {
					result = {label: job.label, runs: []};
				}

				const bad = result.runs.find(run => run.status !== 'ok');
				if (timedOut) result.failed = `gave up after ${limitSeconds.toFixed(0)} s`;
				else if (bad) result.failed = bad.error ?? bad.status;
				else if (code !== 0) result.failed = `pty driver exited with ${code}: ${stderr.trim().split('\n').at(-1)}`;
				else if (result.runs.length === 0) result.failed = 'no runs';
				done(result);
			});
		});
	}

	/** Runs a job with its limits scaled to the load, once more if it fails. */
	async function drive(job, limitSeconds) {
		const factor = loadFactor();
		factors.push(factor);
		const scale = {...defaults, ...job};
		for (const name of scaled) scale[name] = scale[name] * factor;
		const first = await once(scale, limitSeconds * factor);
		if (!first.failed) return first;
		log(`${job.label} failed (${first.failed.slice(0, 200)}): once more`);
		const second = await once(scale, limitSeconds * factor);
		retries.push({label: job.label, first: first.failed, second: second.failed ?? 'ok'});
		return second;
	}

	function stop() {
		if (current && current.exitCode === null && current.signalCode === null) {
			try {
				current.kill('SIGTERM'); // the driver kills the program it started, then exits
			} catch {
				// Already gone.
			}
		}
	}

	return {drive, stop, retries, factors};
}
