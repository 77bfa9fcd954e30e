/**
 * What a code fence's attributes ask for, in presenterm's syntax:
 * `+line_numbers`, stepped line ranges `{1-4|6-10|all}`, and live code
 * `+exec`, `+exec_replace`, `+pty`.
 */

export type CodeAttributes = {
	readonly lineNumbers: boolean;
	/**
	 * The steps of stepped highlighting, each a list of 0-based lines, or
	 * undefined for a step that shows all of them (`all`). Absent: not stepped.
	 */
	readonly steps?: ReadonlyArray<readonly number[] | undefined>;
	/** `+exec`: run it, output below; `+exec_replace`: the output instead of the code; `+pty`: in a pseudo-terminal. */
	readonly run?: 'exec' | 'exec_replace' | 'pty';
};

export function codeAttributes(attributes: string, lineCount: number): CodeAttributes {
	const words = attributes.split(/[ \t]+/);
	const run = words.includes('+pty') ? 'pty' : words.includes('+exec_replace') ? 'exec_replace' : words.includes('+exec') ? 'exec' : undefined;
	const ranges = /\{([^}]*)\}/.exec(attributes);
	const steps = ranges ? lineSteps(ranges[1]!, lineCount) : undefined;
	return {lineNumbers: words.includes('+line_numbers'), ...(steps ? {steps} : {}), ...(run ? {run} : {})};
}

/** `1-4|6-10|all` to its steps; a step with no valid range is `all`. */
function lineSteps(text: string, lineCount: number): ReadonlyArray<readonly number[] | undefined> | undefined {
	const steps = text.split('|').map(step => stepLines(step, lineCount));
	return steps.length > 0 && !(steps.length === 1 && steps[0] === undefined) ? steps : undefined;
}

function stepLines(step: string, lineCount: number): readonly number[] | undefined {
	if (step.trim() === 'all') return undefined;
	const lines = new Set<number>();
	for (const part of step.split(',')) {
		const range = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
		if (!range) continue;
		const from = Number(range[1]);
		const to = Math.min(range[2] === undefined ? from : Number(range[2]), lineCount);
		for (let line = Math.max(1, from); line <= to; line++) lines.add(line - 1);
	}

	return lines.size === 0 ? undefined : [...lines].sort((a, b) => a - b);
}
