/**
 * What `lectern check DECK` adds when it is given serve options (`--host`,
 * `--port`, `--password`, `--authorized-keys`, `--max-viewers`,
 * `--no-follow`): how exposed `lectern serve` would be with them, and the
 * host key viewers will see. The key is read, never made, here.
 */
import {join} from 'node:path';
import type {Flags} from '../cli-arguments.js';
import {exposureAdvice} from '../serve/exposure.js';
import {configFolder, existingHostKey, hostKeyName, HostKeyError} from '../serve/host-key.js';
import {serveDefaults} from './serve-defaults.js';

/** Whether the command line asks about serving at all. */
export function asksAboutServing(flags: Flags): boolean {
	return (
		flags.host !== undefined ||
		flags.port !== undefined ||
		flags.password !== undefined ||
		flags.authorizedKeys !== undefined ||
		flags.maxViewers !== undefined ||
		!flags.follow
	);
}

export async function serveCheck(flags: Flags, env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
	const folder = configFolder(env);
	let fingerprint: string | undefined;
	let keyPath = join(folder, hostKeyName);
	let problem: string | undefined;
	try {
		const existing = existingHostKey(folder);
		if (existing) {
			keyPath = existing.path;
			// ssh2 only now, and only when a key is there to read.
			const {fingerprint: fingerprintOf} = await import('../serve/ssh-server.js');
			fingerprint = fingerprintOf(existing.key);
			if (!fingerprint) problem = `${existing.path} is not a private key lectern can read; remove it to make a new one`;
		}
	} catch (error) {
		if (!(error instanceof HostKeyError)) throw error;
		problem = error.message;
	}

	const lines = exposureAdvice({
		host: flags.host ?? serveDefaults.host,
		port: flags.port ?? serveDefaults.port,
		password: flags.password !== undefined || Boolean(env['LECTERN_SERVE_PASSWORD']),
		keys: flags.authorizedKeys !== undefined,
		...(fingerprint ? {fingerprint} : {}),
		keyPath,
	});
	return [...(problem ? [`warning: ${problem}`] : []), ...lines].map(line => `serve: ${line}`);
}
