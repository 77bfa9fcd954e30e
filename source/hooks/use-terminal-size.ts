import {useEffect, useState} from 'react';
import type {Size} from '../frame/frame.js';
import {terminalSize as read, type SizedOutput} from '../terminal/terminal-size.js';

type Output = SizedOutput & Pick<NodeJS.WriteStream, 'on' | 'off'>;

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
