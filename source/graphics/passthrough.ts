/**
 * Escape sequences for the terminal outside tmux: tmux (with
 * `allow-passthrough on`) hands the inside of `ESC P tmux; ... ESC \` to the
 * outer terminal as it is, every ESC in it doubled. tmux does not move the
 * outer terminal's cursor for it, so a picture's position goes inside too.
 *
 * Pure.
 */

export function tmuxWrap(sequence: string): string {
	return `\u001BPtmux;${sequence.replaceAll('\u001B', '\u001B\u001B')}\u001B\\`;
}

/** Save the cursor, move it to `row`, `column` (0-based), run `sequence`, restore the cursor. */
export function atCell(row: number, column: number, sequence: string): string {
	return `\u001B7\u001B[${row + 1};${column + 1}H${sequence}\u001B8`;
}
