/**
 * The presenter's own shell, for the demo that goes off script: `$SHELL` (or
 * /bin/sh) on the same terminal, in the deck's folder. It is started in the
 * player's process group, so that an interactive shell takes the terminal
 * for its own jobs (Ctrl-C, Ctrl-Z reach them, not lectern) and gives it back
 * when it exits.
 */
import {spawn} from 'node:child_process';
import {basename} from 'node:path';

export type Lent = {
	/** Ends the shell (SIGHUP, as a closed terminal would; SIGKILL if it is still there a second later). */
	readonly stop: () => void;
	/** Settles when the shell has exited (or could not start: the reason). */
	readonly done: Promise<string | undefined>;
};

/** The shell `$SHELL` names, else /bin/sh. */
function shellOf(env: NodeJS.ProcessEnv): string {
	const shell = env['SHELL'];
	return shell && shell.startsWith('/') ? shell : '/bin/sh';
}

/** The shell's name as the question names it: `bash`. */
export function shellName(env: NodeJS.ProcessEnv): string {
	return basename(shellOf(env));
}

const killAfterMs = 1000;

export function startShell(folder: string, env: NodeJS.ProcessEnv): Lent {
	const child = spawn(shellOf(env), [], {cwd: folder, env: {...env, LECTERN_SHELL: '1'}, stdio: 'inherit'});
	const done = new Promise<string | undefined>(resolve => {
		child.once('error', error => resolve(error.message));
		child.once('exit', () => resolve(undefined));
	});
	const signal = (name: NodeJS.Signals) => {
		if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
		try {
			child.kill(name);
		} catch {
			// Gone already.
		}
	};

	return {
		stop() {
			signal('SIGHUP');
			const timer = setTimeout(() => signal('SIGKILL'), killAfterMs);
			timer.unref();
			void done.then(() => clearTimeout(timer));
		},
		done,
	};
}
