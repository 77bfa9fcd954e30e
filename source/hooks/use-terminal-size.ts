import {useEffect, useState} from 'react';
import type {Size} from '../layout/frame.js';

type Output = Pick<NodeJS.WriteStream, 'columns' | 'rows' | 'on' | 'off'>;

function read(stdout: Output): Size {
	return {columns: stdout.columns || 80, rows: stdout.rows || 24};
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
