/**
 * Text taller than the terminal goes through a pager, as git does: `$PAGER`
 * (run by the shell, so it may carry options), else `less` with `LESS=FRXK`
 * where LESS is not set (quit at once when it fits, keep colours, leave the
 * text on the screen, quit on Ctrl-C). Written straight out when the output is
 * not a terminal, fits, or no pager can be started.
 */
import {spawn} from 'node:child_process';

/** The pager command and its environment, or undefined for none (`PAGER=cat` or empty). */
export function pagerFor(env: NodeJS.ProcessEnv): {command: string; env: NodeJS.ProcessEnv} | undefined {
	const named = env['PAGER'];
	if (named !== undefined && (named.trim() === '' || named.trim() === 'cat')) return undefined;
	return {command: named ?? 'less', env: {...env, LESS: env['LESS'] ?? 'FRXK'}};
}

/** Whether `lines` need a pager on a terminal `rows` tall (the shell's prompt takes a row). */
export function needsPager(lines: readonly string[], rows: number | undefined, isTTY: boolean): boolean {
	return isTTY && rows !== undefined && rows > 0 && lines.length > rows - 1;
}

/** Shows `lines` on `stdout`, through the pager when they do not fit (see the top of this file). */
export async function pageText(lines: readonly string[], stdout: NodeJS.WriteStream, env: NodeJS.ProcessEnv): Promise<void> {
	const text = `${lines.join('\n')}\n`;
	const pager = needsPager(lines, stdout.rows, stdout.isTTY) ? pagerFor(env) : undefined;
	if (!pager) {
		stdout.write(text);
		return;
	}

	const shown = await new Promise<boolean>(resolve => {
		const child = spawn(pager.command, {shell: true, stdio: ['pipe', 'inherit', 'inherit'], env: pager.env});
		child.once('error', () => {
			resolve(false);
		});
		child.once('exit', code => {
			// 127: the shell found no such pager.
			resolve(code !== 127);
		});
		child.stdin.once('error', () => undefined); // The pager quit before reading everything.
		child.stdin.end(text);
	});
	if (!shown) stdout.write(text);
}
