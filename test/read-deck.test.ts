/**
 * Reading deck files: a remark page that loads its Markdown plays that file;
 * the YAML library is loaded only for a deck with front matter, and is a
 * chunk of its own in the bundle.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {once} from 'node:events';
import {Worker} from 'node:worker_threads';
import {loadDeck, loadDeckInParts, prepareToLoad, type DeckParts} from '../source/deck/load-deck.js';
import {workerMark, workerScript, type DeckWorkerData, type DeckWorkerReply} from '../source/deck-worker.js';
import {inTurns, readDeck, readDeckInSteps} from '../source/read-deck.js';

const fixture = (name: string) => join(process.cwd(), 'fixtures', 'real-decks', name);

describe('a remark page that loads its slides', () => {
	test('plays the file it loads, and says so; findings there name that file', async () => {
		const deck = await readDeck(fixture('xhr-loader.html'));
		assert.equal(deck.format, 'remark');
		assert.deepEqual(
			deck.slides.map(slide => slide.kind),
			['title', 'text'],
		);
		assert.equal(deck.slides[1]!.notes?.text, 'thank the browser');
		assert.deepEqual(deck.detection, {by: 'page', evidence: deck.detection?.evidence});
		const loaded = deck.diagnostics.find(diagnostic => diagnostic.code === 'loaded-source');
		assert.match(loaded?.message ?? '', /plays "\.\/xhr-loader-slides\.md", which .*xhr-loader\.html loads \(an XMLHttpRequest\)/);
		assert.equal(loaded?.line, 7);
	});

	test('the player gets the loaded deck too', async () => {
		const steps = await readDeckInSteps(fixture('xhr-loader.html'), {}, 0);
		assert.equal(steps.opening.slides.length, 2);
		assert.equal(steps.empty, false);
	});

	test('a file that is not there: the page says where the slides are, and check has an error', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'lectern-loader-'));
		try {
			const page = join(folder, 'index.html');
			writeFileSync(page, '<html><textarea id="source"></textarea><script>remark.create({sourceUrl: "gone.md"})</script></html>');
			const deck = await readDeck(page);
			assert.deepEqual(
				deck.diagnostics.map(({severity, code}) => [severity, code]),
				[
					['error', 'remark-loads-file'],
					['error', 'unreadable-source'],
				],
			);
			assert.match(JSON.stringify(deck.slides), /gone\.md/);
		} finally {
			rmSync(folder, {recursive: true, force: true});
		}
	});
});

describe('YAML is loaded only for front matter', () => {
	const probe = (deck: string) => {
		const script = `import {readDeck} from ${JSON.stringify(join(process.cwd(), 'build', 'source', 'read-deck.js'))};
import {yamlIsOpen} from ${JSON.stringify(join(process.cwd(), 'build', 'source', 'deck', 'formats', 'yaml.js'))};
await readDeck(${JSON.stringify(deck)});
console.log(yamlIsOpen());`;
		const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8'});
		assert.equal(result.status, 0, result.stderr);
		return result.stdout.trim();
	};

	test('a deck without front matter does not load it; one with front matter does', () => {
		assert.equal(probe(fixture('setext-title.md')), 'false');
		assert.equal(probe(join(process.cwd(), 'fixtures', 'reference-style.txt')), 'false');
		assert.equal(probe(fixture('presenterm-implicit.md')), 'true');
	});

	test('in the bundle, YAML is a chunk of its own that only a dynamic import reaches', () => {
		const dist = join(process.cwd(), 'dist');
		const chunks = readdirSync(join(dist, 'chunks')).filter(name => name.endsWith('.js'));
		const withYaml = chunks.filter(name => readFileSync(join(dist, 'chunks', name), 'utf8').includes('YAMLParseError'));
		assert.equal(withYaml.length, 1, 'one chunk holds the YAML library');
		const [yamlChunk] = withYaml;
		assert.ok(!readFileSync(join(dist, 'cli.js'), 'utf8').includes('YAMLParseError'));
		for (const name of [...chunks.map(chunk => join('chunks', chunk)), 'cli.js']) {
			const code = readFileSync(join(dist, name), 'utf8');
			const imports = [...code.matchAll(/\bimport\s*(?:[^'"()]*?\bfrom\s*)?["']([^"']+)["']/g)].map(match => match[1]!);
			assert.ok(!imports.some(path => path.endsWith(yamlChunk!)), `${name} imports the YAML chunk statically`);
		}
	});
});

describe('a large deck is parsed aside for the player: shorthand a part per turn of the event loop, the others in a worker thread', () => {
	const folder = mkdtempSync(join(tmpdir(), 'lectern-worker-'));
	const cases: Array<[string, string, boolean]> = [
		// Front matter: the worker loads the YAML library itself.
		[
			'large.md',
			`---\ntitle: Big\nauthor: Someone\n---\n\n${Array.from({length: 30_000}, (_, index) => `# Slide ${index + 1}\n\nSome *text* and \`code\`.`).join('\n\n---\n\n')}\n`,
			true,
		],
		// No worker: its copy of the deck and the copy sent across were the player's peak of memory (10,000 slides: 120 MiB, in turns 90).
		['large.txt', `${Array.from({length: 20_000}, (_, index) => `#= Title ${index}\n## A subtitle\nNote: say ${index}`).join('\n---\n')}\n`, false],
	];
	for (const [name, text, worker] of cases) {
		test(`${name}: the same deck as parsed in this thread, past the cap too`, async () => {
			const path = join(folder, name);
			writeFileSync(path, text);
			const steps = await readDeckInSteps(path, {}, 0);
			assert.equal(steps.inWorker, worker);
			// The turns of the event loop (keys, signals) while the deck is parsed (each about 3 ms; 10,000 slides take far longer).
			let turns = 0;
			let parsing = true;
			const count = () => {
				turns++;
				if (parsing) setImmediate(count);
			};

			setImmediate(count);
			const aside = await steps.whole();
			parsing = false;
			if (!worker) assert.ok(turns >= 2, `${turns} turns`);
			assert.deepEqual(aside, await readDeck(path));
			assert.ok(aside.diagnostics.some(diagnostic => diagnostic.code === 'slides-cut'));
			// Asked again: the same parse, not another one.
			assert.equal(await steps.whole(), aside);
			// A reload in the player reads it aside too.
			assert.deepEqual(await readDeck(path, {}, true), aside);
		});
	}

	test('the worker itself answers with the deck (the player falls back to this thread only when it fails)', async () => {
		const bytes = new TextEncoder().encode(cases[0]![1]);
		const worker = new Worker(workerScript, {workerData: {[workerMark]: {bytes, options: {}}} satisfies DeckWorkerData});
		const [reply] = (await once(worker, 'message')) as [DeckWorkerReply];
		await worker.terminate();
		assert.equal(reply.ok, true);
		await prepareToLoad(bytes);
		assert.deepEqual(reply.ok ? reply.deck : undefined, loadDeck(bytes));
	});

	test('a small deck is parsed in this thread', async () => {
		const steps = await readDeckInSteps(join(process.cwd(), 'fixtures', 'demo.txt'), {}, 0);
		assert.equal(steps.inWorker, false);
	});

	test('in turns: input is read before the first part, and a turn parses parts for about 3 ms', async () => {
		const bytes = new TextEncoder().encode(`${Array.from({length: 100}, (_, index) => `#= Title ${index}`).join('\n---\n')}\n`);
		const whole = loadDeckInParts(bytes)!;
		const calls: Array<number | 'turn'> = [];
		const parts: DeckParts = count => {
			calls.push(count);
			return whole(count);
		};

		// A clock that moves 1 ms each time it is read: a turn reads it once to start and once after each part.
		let clock = 0;
		let parsing = true;
		const turn = () => {
			calls.push('turn');
			if (parsing) setImmediate(turn);
		};

		turn();
		const deck = await inTurns(parts, () => clock++);
		parsing = false;
		assert.equal(deck.slides.length, 100);
		assert.deepEqual(deck, loadDeck(bytes));
		// The first turn of the loop comes before any part; then three parts of 8 slides a turn (100 slides: 13 parts).
		const perTurn = calls
			.join(' ')
			.split('turn')
			.map(part => part.trim().split(' ').filter(Boolean).length);
		assert.equal(perTurn[0], 0);
		assert.equal(perTurn[1], 0, 'no part before the loop has turned once');
		assert.deepEqual(perTurn.slice(2, 6), [3, 3, 3, 3]);
		assert.ok(calls.every(call => call === 'turn' || call === 8));
	});

	test('cleanup', () => {
		rmSync(folder, {recursive: true, force: true});
	});
});
