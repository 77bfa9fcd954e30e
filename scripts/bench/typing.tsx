/**
 * In-process part of the bench: the player drawn by Ink (patched, as in the bundle)
 * into a fake 120x40 terminal, to count the bytes of each frame of a typing animation.
 * Bundled and run by scripts/bench.mjs; prints one JSON line.
 */
import {Writable, PassThrough} from 'node:stream';
import {render} from 'ink';
import {App} from '../../source/app.js';
import {parseDeck} from '../../source/deck/parse-deck.js';

const command = 'docker build -t registry.example.com/shop:release .';
const deck = parseDeck(`#= Before\n---\n$$terminal bash\n$$prompt ~/shop\n$$w ${command}\n`);
const frames: number[] = [];
let pending = 0;
const stdout = new Writable({
	write(chunk: Buffer, _encoding, done) {
		pending += chunk.length;
		done();
	},
});
Object.assign(stdout, {isTTY: true, columns: 120, rows: 40, getWindowSize: () => [120, 40]});
const stdin = Object.assign(new PassThrough(), {isTTY: true, setRawMode() {}, ref() {}, unref() {}});
render(
	<App
		deck={deck}
		start={0}
		ansi={{level: 3, hyperlinks: true}}
		stdout={stdout as unknown as NodeJS.WriteStream}
		onQuit={() => {}}
		motion={{animate: true, charactersPerSecond: 25}}
	/>,
	{
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		exitOnCtrlC: false,
		patchConsole: false,
		incrementalRendering: true,
		maxFps: 60,
	},
);
await new Promise(resolve => setTimeout(resolve, 300));
pending = 0;
stdin.write('\u001B[C');
const started = performance.now();
// Sample the bytes written per frame while the command types (25 characters a second, as on stage).
while (performance.now() - started < 300 + command.length * 70 + 500) {
	await new Promise(resolve => setTimeout(resolve, 4));
	if (pending > 0) {
		frames.push(pending);
		pending = 0;
	}
}

const [arrival, ...typing] = frames;
const sorted = [...typing].sort((a, b) => a - b);
const total = typing.reduce((sum, bytes) => sum + bytes, 0);
process.stdout.write(
	`${JSON.stringify({
		command_chars: command.length,
		arrival_bytes: arrival,
		typing_frames: typing.length,
		bytes_per_typed_char: Math.round(total / command.length),
		median_frame_bytes: sorted[Math.floor(sorted.length / 2)] ?? 0,
	})}\n`,
);
process.exit(0);
