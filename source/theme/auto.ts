/**
 * `--theme auto`: asks the terminal for its background colour (OSC 11) and
 * picks dark or light. A device-attributes query (DA1) goes after it, which
 * every terminal answers: when that answer comes first the terminal does not
 * know OSC 11 and lectern stops waiting at once; a terminal that answers
 * nothing at all is given up on after a timeout. The terminal is in raw mode
 * without echo meanwhile, so no answer is ever shown.
 */

export type Background = 'dark' | 'light';

type Input = Pick<NodeJS.ReadStream, 'on' | 'off' | 'setRawMode' | 'isRaw' | 'resume' | 'pause'>;
type Output = Pick<NodeJS.WriteStream, 'write'>;

const query = '\u001B]11;?\u001B\\\u001B[c';

/** The brightness of an OSC 11 answer's colour (`rgb:RRRR/GGGG/BBBB`, 1 to 4 hex digits a channel): dark or light; undefined when there is none. */
export function backgroundOf(reply: string): Background | undefined {
	const found = /\u001B\]11;rgba?:([\da-f]{1,4})\/([\da-f]{1,4})\/([\da-f]{1,4})/i.exec(reply);
	if (!found) return undefined;
	const [r, g, b] = [found[1]!, found[2]!, found[3]!].map(channel => Number.parseInt(channel, 16) / (16 ** channel.length - 1));
	const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
	return luminance > 0.5 ? 'light' : 'dark';
}

/** Asks the terminal; resolves to its background, or undefined when it does not say (in `timeoutMs`). */
export function queryBackground(input: Input, output: Output, timeoutMs = 200): Promise<Background | undefined> {
	return new Promise(resolve => {
		const wasRaw = input.isRaw;
		let reply = '';
		const finish = (found: Background | undefined) => {
			clearTimeout(timer);
			input.off('data', onData);
			input.setRawMode(wasRaw);
			input.pause();
			resolve(found);
		};

		const onData = (data: Buffer | string) => {
			reply += data.toString();
			const found = backgroundOf(reply);
			if (found) finish(found);
			// The DA1 answer (ESC [ ? ... c) came and no colour before it: the terminal does not answer OSC 11.
			else if (/\u001B\[\?[\d;]*c/.test(reply)) finish(undefined);
		};

		const timer = setTimeout(() => finish(undefined), timeoutMs);
		input.setRawMode(true);
		input.on('data', onData);
		input.resume();
		output.write(query);
	});
}
