import type {Size} from '../frame/frame.js';

export type SizedOutput = Pick<NodeJS.WriteStream, 'columns' | 'rows'> & {getWindowSize?: () => [number, number]};

/**
 * The terminal's size, asked of the terminal itself where it can be:
 * `columns`/`rows` lag behind after a stop and `fg`.
 */
export function terminalSize(stdout: SizedOutput): Size {
	let asked: [number, number] | undefined;
	try {
		asked = stdout.getWindowSize?.();
	} catch {
		// Not a terminal any more.
	}

	const [columns, rows] = asked ?? [stdout.columns, stdout.rows];
	return {columns: columns || 80, rows: rows || 24};
}
