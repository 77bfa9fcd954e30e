import {useEffect, useState} from 'react';
import type {Size} from '../layout/frame.js';

type Output = Pick<NodeJS.WriteStream, 'columns' | 'rows' | 'on' | 'off'> & {getWindowSize?: () => [number, number]};

/** Asks the terminal itself where it can: `columns`/`rows` lag behind after a stop and `fg`. */
function read(stdout: Output): Size {
	let asked: [number, number] | undefined;
	try {
		asked = stdout.getWindowSize?.();
	} catch {
		// Not a terminal any more.
	}

	const [columns, rows] = asked ?? [stdout.columns, stdout.rows];
	return {columns: columns || 80, rows: rows || 24};
}

/** The terminal's size, updated on every resize. */
export function useTerminalSize(stdout: Output): Size {
	const [size, setSize] = useState(() => read(stdout));
	useEffect(() => {
		const update = () => {
			setSize(previous => {
				const next = read(stdout);
				return next.columns === previous.columns && next.rows === previous.rows ? previous : next;
			});
		};

		stdout.on('resize', update);
		return () => {
			stdout.off('resize', update);
		};
	}, [stdout]);
	return size;
}
