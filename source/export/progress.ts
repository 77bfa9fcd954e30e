/**
 * Progress of a long export on standard error: a bar redrawn in place when it
 * is a terminal, nothing until the closing line otherwise (a log stays
 * readable). Every name shown goes through `neutralize`.
 */
import {neutralize} from '../deck/neutralize.js';
import {terminalSize, type SizedOutput} from '../terminal/terminal-size.js';

export type Progress = {
	/** `done` of `total` steps are finished. */
	readonly update: (done: number) => void;
	/** Clears the bar and prints one closing line. */
	readonly finish: (line: string) => void;
	/** Clears the bar (before an error is printed). */
	readonly clear: () => void;
};

type Output = Partial<SizedOutput> & {readonly isTTY?: boolean; write(text: string): unknown};

/** Redraws at most this often (ms): drawing is cheap, a terminal flooded with redraws is not. */
const redrawMs = 50;

export function createProgress(output: Output, label: string, total: number, now: () => number = Date.now): Progress {
	const shownLabel = neutralize(label);
	let drawn = false;
	let lastDraw = Number.NEGATIVE_INFINITY;
	const clear = () => {
		if (drawn) output.write('\r\u001B[K');
		drawn = false;
	};

	return {
		update(done) {
			if (!output.isTTY) return;
			const time = now();
			if (done < total && time - lastDraw < redrawMs) return;
			lastDraw = time;
			const count = ` ${done}/${total}`;
			const {columns} = terminalSize({
				columns: output.columns ?? 80,
				rows: output.rows ?? 24,
				...(output.getWindowSize ? {getWindowSize: () => output.getWindowSize!()} : {}),
			});
			const room = Math.max(10, Math.min(40, columns - shownLabel.length - count.length - 4));
			const filled = total === 0 ? room : Math.round((room * Math.min(done, total)) / total);
			output.write(`\r${shownLabel} [${'█'.repeat(filled)}${'░'.repeat(room - filled)}]${count}\u001B[K`);
			drawn = true;
		},
		finish(line) {
			clear();
			output.write(`${line}\n`);
		},
		clear,
	};
}
