/**
 * The patches of Ink's ink.js, the instance that renders and writes (see
 * ../ink-patches.mjs for how they are applied, docs/ink-patches.md for the
 * table of them all).
 */
export const inkJsPatches = [
	...['ink/build/ink.js', 'ink/build/write-synchronized.js'].map(file => ({
		file,
		why:
			'With CI set in the environment (as some shells, containers and cloud editors have it), ' +
			'Ink writes no frame until it unmounts, so the player stayed on its opening slide. lectern ' +
			'runs Ink only on a terminal (present.ts refuses any other output), where frames are wanted.',
		find: "import isInCi from 'is-in-ci';",
		replace: 'const isInCi = false;',
	})),
	{
		file: 'ink/build/ink.js',
		why:
			'A frame that changes one line (a typed character, a clock tick) is one short write that ' +
			'cannot tear: it goes without the synchronized-output markers (16 bytes, more than the ' +
			'character itself).',
		find: `                const shouldWrite = this.log.willRender(output);
                const sync = shouldSynchronize(this.options.stdout);`,
		replace: `                const shouldWrite = this.log.willRender(output);
                const sync = shouldSynchronize(this.options.stdout) && !this.log.oneLine?.(output);`,
	},
	{
		file: 'ink/build/ink.js',
		why:
			'A frame is one write: Ink wrote the synchronized-output start on its own, then worked out ' +
			"the frame's difference (0.3-0.5 ms), then wrote the frame and the end. The terminal saw the " +
			'start first and the slide later; now the three are corked and leave together.',
		find: `                if (sync && shouldWrite) {
                    this.options.stdout.write(bsu);
                }
                this.log(output);
                if (sync && shouldWrite) {
                    this.options.stdout.write(esu);
                }`,
		replace: `                const together = sync && shouldWrite && typeof this.options.stdout.cork === 'function';
                if (together) {
                    this.options.stdout.cork();
                }
                try {
                    if (sync && shouldWrite) {
                        this.options.stdout.write(bsu);
                    }
                    this.log(output);
                    if (sync && shouldWrite) {
                        this.options.stdout.write(esu);
                    }
                }
                finally {
                    if (together) {
                        this.options.stdout.uncork();
                    }
                }`,
	},
	{
		file: 'ink/build/ink.js',
		why:
			'After a resize the terminal no longer shows the last frame: when the height shrinks, ' +
			'terminals (tmux, xterm) scroll rows up to keep the cursor line, and cells beyond a ' +
			'narrower width come back when it widens again. Ink clears only when the width ' +
			'decreases, then writes the old frame at the new size and diffs the next one against ' +
			'it, so a stale row of an earlier size could stay on the slide. lectern lays the slide ' +
			'out again for every resize (source/hooks/use-terminal-size.ts): here Ink drops any ' +
			'frame still waiting to be written, clears the screen and forgets its last frame, so ' +
			'that the frame at the new size is written whole.',
		find: `    resized = () => {
        const currentWidth = this.getTerminalWidth();
        if (currentWidth < this.lastTerminalWidth) {
            // We clear the screen when decreasing terminal width to prevent duplicate overlapping re-renders.
            this.log.clear();
            this.lastOutput = '';
            this.lastOutputToRender = '';
        }
        this.calculateLayout();
        this.onRender();
        this.lastTerminalWidth = currentWidth;
    };`,
		replace: `    resized = () => {
        this.throttledLog.cancel?.();
        this.log.clear();
        this.options.stdout.write('\\u001B[H\\u001B[2J');
        this.lastOutput = '';
        this.lastOutputToRender = '';
        this.lastTerminalWidth = this.getTerminalWidth();
    };`,
	},
	{
		file: 'ink/build/ink.js',
		why:
			"A slide change is a React render, a Yoga layout and Ink's output before the first byte " +
			'(3-4 ms). The player lays out the screen itself (the pure core), so for a plain move it ' +
			'hands Ink the finished frame first: Ink writes it the way it writes its own (the same ' +
			'log-update, so the same diff and cursor bookkeeping) and keeps it as its last output, ' +
			'and the render that follows, the same frame, writes nothing. The render option ' +
			'`onFinishedFrames` receives the function; it returns false, writing nothing, where ' +
			'Ink would not write a frame this way (debug, CI, screen reader, a frame of the ' +
			"screen's height, unmounting).",
		find: `    calculateLayout = () => {`,
		replace: `    finishedFrameRefused = () => this.isUnmounted || this.isUnmounting || this.options.debug || isInCi || this.isScreenReaderEnabled ||
        !this.options.stdout.isTTY || this.lastOutputHeight >= this.options.stdout.rows;
    writeFinishedFrame = (output) => {
        const outputHeight = output === '' ? 0 : output.split('\\n').length;
        if (this.finishedFrameRefused() || outputHeight >= this.options.stdout.rows) {
            return false;
        }
        const outputToRender = output + '\\n';
        if (output !== this.lastOutput || this.log.isCursorDirty()) {
            this.throttledLog(outputToRender);
        }
        this.lastOutput = output;
        this.lastOutputToRender = outputToRender;
        this.lastOutputHeight = outputHeight;
        return true;
    };
    calculateLayout = () => {`,
	},
	{
		file: 'ink/build/ink.js',
		why: 'Hands the function of the patch above to the player.',
		find: `        this.rootNode.onImmediateRender = this.onRender;`,
		replace: `        this.rootNode.onImmediateRender = this.onRender;
        options.onFinishedFrames?.(this.writeFinishedFrame, this.planFinishedFrame);`,
	},
	{
		file: 'ink/build/ink.js',
		why:
			'A key whose frame the player drew ahead (the next and the previous slide, laid out while ' +
			'the player waits) is written as it arrives: `planFinishedFrame` works out the bytes that ' +
			'`writeFinishedFrame` would write (the log-update patch `plan`) and returns the function ' +
			'that writes them, with the same bookkeeping, as long as nothing was written in between; ' +
			'otherwise it writes nothing and returns false, and the key takes the usual way. The frame ' +
			'is asked for (laid out) only once the cheap checks pass; while a render of its own waits ' +
			"on Ink's throttle the answer is 'later'.",
		find: `    writeFinishedFrame = (output) => {`,
		replace: `    planFinishedFrame = (frame) => {
        if (this.finishedFrameRefused() || typeof this.log.plan !== 'function' || this.log.isCursorDirty()) {
            return undefined;
        }
        const rows = this.options.stdout.rows;
        if (this.hasPendingThrottledRender) {
            return 'later';
        }
        const output = frame();
        if (output === undefined) {
            return undefined;
        }
        const outputHeight = output === '' ? 0 : output.split('\\n').length;
        if (outputHeight >= rows || output === this.lastOutput) {
            return undefined;
        }
        const outputToRender = output + '\\n';
        const planned = this.log.plan(outputToRender);
        if (!planned) {
            return undefined;
        }
        const sync = planned.text !== '' && shouldSynchronize(this.options.stdout) && !this.log.oneLine?.(outputToRender);
        const text = sync ? bsu + planned.text + esu : planned.text;
        const lastOutput = this.lastOutput;
        return () => {
            if (this.isUnmounted || this.isUnmounting || this.hasPendingThrottledRender || this.lastOutput !== lastOutput || this.options.stdout.rows !== rows) {
                return false;
            }
            this.throttledLog.flush?.();
            if (!planned.apply()) {
                return false;
            }
            if (text !== '') {
                this.options.stdout.write(text);
            }
            this.lastOutput = output;
            this.lastOutputToRender = outputToRender;
            this.lastOutputHeight = outputHeight;
            return true;
        };
    };
    writeFinishedFrame = (output) => {`,
	},
];
