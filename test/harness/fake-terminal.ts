/**
 * Runs a command in a pseudo-terminal that answers the program's questions as a chosen
 * terminal would (test/harness/fake_terminal.py), records every byte it writes, and sends
 * keys when the output shows what a step waits for. For what tmux cannot show: kitty and
 * iTerm2 pictures are escape sequences in the byte stream, asserted on as such.
 *
 * Needs python3 (standard library only) on Linux.
 */
import {spawn} from 'node:child_process';
import {join} from 'node:path';

export type Answer = {
	/** A regular expression over the program's raw output (bytes as latin-1 text). */
	readonly query: string;
	/** Written back for every new match (a terminal's answer, possibly with keys after it). */
	readonly reply: string;
};

export type Step = {readonly wait: string; readonly send: string};

export type FakeTerminalJob = {
	readonly command: readonly string[];
	readonly env: NodeJS.ProcessEnv;
	readonly columns: number;
	readonly rows: number;
	readonly answers?: readonly Answer[];
	readonly steps?: readonly Step[];
	/** Seconds for the whole run (default 100): only a guard against a hang, each step ends on what arrives. */
	readonly timeout?: number;
};

export type FakeTerminalResult = {
	/** Everything the program wrote, as latin-1 text (one character a byte): escape sequences are ASCII. */
	readonly output: string;
	readonly bytes: Buffer;
	readonly status: number | null;
	readonly error: string | null;
};

const script = join(process.cwd(), 'test', 'harness', 'fake_terminal.py');

export function runInFakeTerminal(job: FakeTerminalJob): Promise<FakeTerminalResult> {
	const request = {
		cmd: job.command,
		env: job.env,
		cols: job.columns,
		rows: job.rows,
		answers: job.answers ?? [],
		steps: job.steps ?? [],
		timeout: job.timeout ?? 100,
	};
	return new Promise((resolve, reject) => {
		const child = spawn('python3', [script], {stdio: ['pipe', 'pipe', 'inherit']});
		let out = '';
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', (chunk: string) => {
			out += chunk;
		});
		child.on('error', reject);
		child.on('close', code => {
			if (code !== 0) {
				reject(new Error(`fake_terminal.py exited with ${code}: ${out}`));
				return;
			}

			const result = JSON.parse(out) as {output: string; status: number | null; error: string | null};
			const bytes = Buffer.from(result.output, 'base64');
			resolve({output: bytes.toString('latin1'), bytes, status: result.status, error: result.error});
		});
		child.stdin.end(JSON.stringify(request));
	});
}

/** Ready-made answers: how terminals answer the questions lectern asks. */
export const terminalAnswers = {
	/** Primary device attributes. */
	attributes: {query: '\\x1b\\[c', reply: '\u001B[?62;22c'},
	/** The kitty graphics query (id 31): supported. */
	kittyOk: {query: '\\x1b_Gi=31,[^\\x1b]*\\x1b\\\\', reply: '\u001B_Gi=31;OK\u001B\\'},
	/** XTVERSION with a name. */
	version: (name: string): Answer => ({query: '\\x1b\\[>0q', reply: `\u001BP>|${name}\u001B\\`}),
	/** A cell of `width` x `height` pixels. */
	cell: (width: number, height: number): Answer => ({query: '\\x1b\\[16t', reply: `\u001B[6;${height};${width}t`}),
} as const;
