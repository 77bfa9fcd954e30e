/**
 * The patches of Ink's log-update.js, which writes each frame (see ../ink-patches.mjs for how they are applied and
 * docs/ink-patches.md for the table of them all).
 */
import {fileURLToPath} from 'node:url';

export const logUpdatePatches = [
	{
		file: 'ink/build/log-update.js',
		why:
			'Ink 6.8.0 incremental rendering moves the cursor up one row too few, so every ' +
			'frame shorter than the terminal lands one row lower (fixed upstream in Ink 7.0).',
		find: 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));',
		replace: 'buffer.push(ansiEscapes.cursorUp(previousLines.length - 1));',
	},
	{
		file: 'ink/build/log-update.js',
		why:
			'Incremental rendering rewrites a changed line whole, padding and borders included: a ' +
			'typed character in a framed terminal window cost ~360 bytes. Write only the cells that ' +
			'changed (the cells before and, when the line keeps its width, after them are left alone): ' +
			"source/render/line-diff.ts, which reads lectern's lines faster than a general ANSI tokenizer.",
		find: "import ansiEscapes from 'ansi-escapes';",
		replace: `import ansiEscapes from 'ansi-escapes';
import { changedCells } from ${JSON.stringify(fileURLToPath(new URL('../../source/render/line-diff.ts', import.meta.url)))};`,
	},
	{
		file: 'ink/build/log-update.js',
		why: 'Where the changed cells of the patch above are written, after one move over the unchanged lines.',
		find: `            buffer.push(ansiEscapes.cursorTo(0) +
                nextLines[i] +
                ansiEscapes.eraseEndLine +`,
		replace: `            if (skippedLines > 0) {
                buffer.push('\\u001B[' + skippedLines + 'E');
                skippedLines = 0;
            }
            buffer.push(changedCells(previousLines[i], nextLines[i]) +`,
	},
	{
		file: 'ink/build/log-update.js',
		why: 'Unchanged lines are counted, not stepped over one escape sequence each.',
		find: `                if (!isLastLine || hasTrailingNewline) {
                    buffer.push(ansiEscapes.cursorNextLine);
                }`,
		replace: `                if (!isLastLine || hasTrailingNewline) {
                    skippedLines++;
                }`,
	},
	{
		file: 'ink/build/log-update.js',
		why: 'The counter of the patch above.',
		find: `        for (let i = 0; i < visibleCount; i++) {
            const isLastLine = i === visibleCount - 1;`,
		replace: `        let skippedLines = 0;
        for (let i = 0; i < visibleCount; i++) {
            const isLastLine = i === visibleCount - 1;`,
	},
	{
		file: 'ink/build/log-update.js',
		why: 'The unchanged lines at the end are passed over in one move too.',
		find: `        const cursorSuffix = buildCursorSuffix(visibleCount, activeCursor);
        buffer.push(cursorSuffix);`,
		replace: `        if (skippedLines > 0) {
            buffer.push('\\u001B[' + skippedLines + 'E');
        }
        const cursorSuffix = buildCursorSuffix(visibleCount, activeCursor);
        buffer.push(cursorSuffix);`,
	},
	{
		file: 'ink/build/log-update.js',
		why:
			'Every incremental frame moved the cursor up to the first changed line, over the ' +
			'unchanged ones, and back down to the last row: three moves for one typed character. A ' +
			'frame of as many lines as the last (no cursor shown, and the frame no taller than the ' +
			'screen) is written from where the last one left the cursor, and leaves it after its last ' +
			'write (source/render/frame-update.ts, which moves to a row it does not know the way to ' +
			"absolutely: lectern's frames start at the top left). Every other write of Ink's first " +
			'takes the cursor back to the last row, where Ink expects it.',
		find: `        const previousVisible = visibleLineCount(previousLines, previousOutput);
`,
		replace: `        const previousVisible = visibleLineCount(previousLines, previousOutput);
        if (previousOutput.length > 0 && str !== previousOutput && !activeCursor && !cursorWasShown && nextLines.length === previousLines.length && nextLines.length <= (stream.rows || 0)) {
            const update = frameUpdate(previousLines, nextLines, cursorSpot, stream.columns || 80);
            if (update.bytes !== '') stream.write(update.bytes);
            cursorSpot = update.at;
            previousOutput = str;
            previousLines = nextLines;
            return true;
        }
        toInkPlace();
`,
	},
	{
		file: 'ink/build/log-update.js',
		why: 'Where the cursor is after a frame of the patch above; undefined: on the last row, where Ink leaves it.',
		find: `    let previousLines = [];
`,
		replace: `    let previousLines = [];
    let cursorSpot;
    const toInkPlace = () => {
        if (cursorSpot === undefined) return;
        cursorSpot = undefined;
        stream.write(inkPlace(previousLines.length));
    };
`,
	},
	{
		file: 'ink/build/log-update.js',
		why:
			"Clearing, ending and taking a frame written by Ink itself (sync) start from, or leave the cursor at, Ink's place (see above). " +
			'`plan` works out the bytes of a frame of the same height (the patch above) without writing them; `apply` then takes the frame ' +
			'as written, unless another write came in between (ink-js.mjs, `planFinishedFrame`).',
		find: `    render.clear = () => {
        const prefix = buildReturnToBottomPrefix(cursorWasShown, previousLines.length, previousCursorPosition);`,
		replace: `    render.plan = (str) => {
        if ((!showCursor && !hasHiddenCursor) || cursorDirty || cursorWasShown || previousOutput.length === 0 || str === previousOutput) return undefined;
        const nextLines = str.split('\\n');
        if (nextLines.length !== previousLines.length || nextLines.length > (stream.rows || 0)) return undefined;
        const from = previousOutput;
        const spot = cursorSpot;
        const update = frameUpdate(previousLines, nextLines, cursorSpot, stream.columns || 80);
        return {
            text: update.bytes,
            apply: () => {
                if (previousOutput !== from || cursorSpot !== spot || cursorDirty || cursorWasShown) return false;
                cursorSpot = update.at;
                previousOutput = str;
                previousLines = nextLines;
                return true;
            },
        };
    };
    render.oneLine = (str) => {
        if (previousOutput.length === 0) return false;
        const lines = str.split('\\n');
        if (lines.length !== previousLines.length) return false;
        let changed = 0;
        for (let i = 0; i < lines.length && changed < 2; i++) if (lines[i] !== previousLines[i]) changed++;
        return changed === 1;
    };
    render.clear = () => {
        toInkPlace();
        const prefix = buildReturnToBottomPrefix(cursorWasShown, previousLines.length, previousCursorPosition);`,
	},
	{
		file: 'ink/build/log-update.js',
		why: 'The end of the player (see above).',
		find: `    render.done = () => {
        previousOutput = '';
        previousLines = [];`,
		replace: `    render.done = () => {
        toInkPlace();
        previousOutput = '';
        previousLines = [];`,
	},
	{
		file: 'ink/build/log-update.js',
		why: 'A frame Ink wrote itself (taller than the screen: cleared and written whole) leaves the cursor where Ink expects it.',
		find: `    render.sync = (str) => {
        const activeCursor = cursorDirty ? cursorPosition : undefined;
        cursorDirty = false;
        const lines = str.split('\\n');
        previousOutput = str;
        previousLines = lines;`,
		replace: `    render.sync = (str) => {
        cursorSpot = undefined;
        const activeCursor = cursorDirty ? cursorPosition : undefined;
        cursorDirty = false;
        const lines = str.split('\\n');
        previousOutput = str;
        previousLines = lines;`,
	},
	{
		file: 'ink/build/log-update.js',
		why: 'The imports of the patches above.',
		find: "import ansiEscapes from 'ansi-escapes';",
		replace: `import ansiEscapes from 'ansi-escapes';
import { frameUpdate, toInkPlace as inkPlace } from ${JSON.stringify(fileURLToPath(new URL('../../source/render/frame-update.ts', import.meta.url)))};`,
	},
];
