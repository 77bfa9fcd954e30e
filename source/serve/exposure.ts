/**
 * What `lectern serve` and `lectern check` say about who can reach the
 * viewers' server: where it listens, what lets a viewer in, and how to open it
 * to an audience safely (bind address, firewall, key). Pure: the caller prints.
 */
export type Exposure = {
	readonly host: string;
	readonly port: number;
	readonly password: boolean;
	readonly keys: boolean;
	/** The host key's fingerprint, when it exists. */
	readonly fingerprint?: string;
	readonly keyPath?: string;
};

/** Whether `host` is this machine only. */
export function loopbackOnly(host: string): boolean {
	return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Whether `host` is every address of the machine. */
export function everyNetwork(host: string): boolean {
	return host === '0.0.0.0' || host === '::' || host === '';
}

/** The command a viewer types, given an address they can reach the server at. */
export function connectCommand(address: string, port: number): string {
	return port === 22 ? `ssh ${address}` : `ssh -p ${port} ${address}`;
}

/** Advice lines, most important first. */
export function exposureAdvice(exposure: Exposure): string[] {
	const {host, port, password, keys} = exposure;
	const lines: string[] = [];
	const open = !password && !keys;
	if (loopbackOnly(host)) {
		lines.push(
			`this machine only (${host}, port ${port}): viewers elsewhere cannot connect. To let them, use --host with the address of the network they are on (or 0.0.0.0 for every network), or forward the port over SSH from a server they can reach (ssh -R ${port}:localhost:${port} that-server).`,
		);
	} else {
		const where = everyNetwork(host) ? `port ${port} on every network of this machine` : `port ${port} on ${host}`;
		lines.push(
			open
				? `warning: ${where}, with no --password or --authorized-keys: anyone who can reach it can watch.`
				: `${where}; viewers log in with ${keys && password ? 'a listed key or the password' : keys ? 'a key listed in --authorized-keys' : 'the password'}.`,
			`Let the port through the firewall only from the audience's network, e.g. ufw allow from 192.0.2.0/24 to any port ${port} proto tcp (and close it after the talk).`,
		);
	}

	if (password) lines.push('A password given with --password shows in the process list on this machine; LECTERN_SERVE_PASSWORD keeps it out.');
	lines.push(
		exposure.fingerprint
			? `Host key ${exposure.fingerprint} (${exposure.keyPath ?? "in lectern's config folder"}): tell viewers this fingerprint, so they can check it when ssh asks.`
			: `The host key is made on the first \`lectern serve\` (${exposure.keyPath ?? "in lectern's config folder"}); tell viewers its fingerprint, which serve prints.`,
		'Viewers see the slides only (never the notes), their keys never move the talk, and nothing else is offered: no shell, no commands, no file transfer, no port forwarding.',
	);
	return lines;
}
