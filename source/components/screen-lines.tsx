import React from 'react';
import {Box, Text} from 'ink';
import type {Line} from '../frame/frame.js';
import {screenRow, type AnsiOptions} from '../render/ansi.js';

type Props = {
	readonly lines: readonly Line[];
	readonly ansi: AnsiOptions;
	readonly width: number;
};

/**
 * Draws planned lines. Each line is already fitted to the width by layout, so
 * Ink only has to put them one under the other.
 */
export function ScreenLines({lines, ansi, width}: Props) {
	return (
		<Box flexDirection="column" width={width} height={lines.length}>
			{lines.map((line, row) => (
				// Rows are positions on the screen: the index is the key.
				<Row key={row} text={screenRow(line, ansi)} />
			))}
		</Box>
	);
}

/** One row; a row whose text is unchanged is not rendered again (a typed character changes one row). */
const Row = React.memo(({text}: {readonly text: string}) => <Text wrap="truncate-end">{text}</Text>);
