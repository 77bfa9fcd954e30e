/**
 * The SSH side of `lectern serve`, and the only file that imports ssh2: a
 * server that lets a viewer in (any user name, or a password, or a key from an
 * authorized_keys file), takes one interactive session with a pseudo-terminal
 * per connection and hands it over as a `ViewerSession`. Everything else a
 * client may ask for is refused: exec, subsystems (SFTP included), X11, agent
 * forwarding, port forwarding both ways, a shell without a terminal, a second
 * session. Connections are admitted (or not) before any SSH is spoken; one that
 * has no session within the time allowed is dropped.
 */
import {createHash, timingSafeEqual} from 'node:crypto';
import {EventEmitter} from 'node:events';
import {createServer, type Socket} from 'node:net';
import ssh2 from 'ssh2';
import type {AuthContext, Connection, ParsedKey, PseudoTtyInfo, ServerChannel} from 'ssh2';
import type {Size} from '../frame/frame.js';
import type {ConnectionLimits} from './connection-limits.js';

const {Server, utils} = ssh2;

export type ViewerSessionEvents = {
	/** Bytes the viewer typed. */
	input: [data: Buffer];
	/** The viewer's terminal changed size. */
	resize: [size: Size];
	/** The connection is gone (either side). */
	close: [];
};

/** A viewer's terminal, as the rest of lectern sees it: no ssh2 types. */
export interface ViewerSession extends EventEmitter<ViewerSessionEvents> {
	readonly address: string;
	/** The terminal type the client asked for (TERM), at most 64 characters. */
	readonly term: string;
	/** The environment variables the client sent that lectern reads (COLORTERM, NO_COLOR, TERM_PROGRAM). */
	readonly env: Readonly<Record<string, string>>;
	readonly size: Size;
	/** Queues bytes for the viewer; `done` runs once ssh2 has handed them to the socket. */
	write(text: string, done: () => void): void;
	/** Bytes waiting in the connection's socket (ssh2 writes to it without waiting). */
	backlog(): number;
	/** Runs `then` once the socket has sent what was waiting. */
	whenSent(then: () => void): void;
	/** Sends `farewell` (already safe to print) and closes the connection. */
	close(farewell?: string): void;
}

export type Access = {
	/** Viewers must give this password (keyboard-interactive or password method). */
	readonly password?: string;
	/** Viewers may log in with any of these public keys. */
	readonly keys?: readonly ParsedKey[];
};

export type SshServerOptions = {
	readonly host: string;
	readonly port: number;
	/** The host's private key, OpenSSH format. */
	readonly hostKey: string;
	readonly access: Access;
	readonly limits: ConnectionLimits;
	/** From accepting the connection to a running session, at most. */
	readonly setupMs: number;
	/** Failed logins allowed on one connection. */
	readonly maxAuthTries: number;
	/** A new viewer, with a terminal and a running session. */
	readonly onViewer: (viewer: ViewerSession) => void;
};

export type SshServer = {
	readonly address: string;
	readonly port: number;
	close(): Promise<void>;
};

/** Environment variables a viewer may send (and their longest accepted value). */
const acceptedEnv = new Set(['COLORTERM', 'NO_COLOR', 'TERM_PROGRAM']);
const maxEnvValue = 64;
const keepaliveMs = 15_000;
const keepaliveCountMax = 3;

export function startSshServer(options: SshServerOptions): Promise<SshServer> {
	const ssh = new Server({hostKeys: [options.hostKey], ident: 'lectern', keepaliveInterval: keepaliveMs, keepaliveCountMax});
	/** Admitted sockets by remote address and port: how a connection ssh2 reports is matched to its socket. */
	const sockets = new Map<string, {socket: Socket; setup: NodeJS.Timeout}>();
	const net = createServer({noDelay: true}, socket => {
		const address = socket.remoteAddress ?? '';
		if (!options.limits.admit(address)) {
			socket.destroy();
			return;
		}

		const key = `${address}|${socket.remotePort ?? ''}`;
		socket.setKeepAlive(true, 30_000);
		socket.on('error', () => {});
		sockets.set(key, {socket, setup: setTimeout(() => socket.destroy(), options.setupMs)});
		socket.once('close', () => {
			clearTimeout(sockets.get(key)?.setup);
			sockets.delete(key);
			options.limits.release(address);
		});
		ssh.injectSocket(socket);
	});
	ssh.on('connection', (client, info) => {
		const admitted = sockets.get(`${info.ip}|${info.port}`);
		if (!admitted) {
			client.end();
			return;
		}

		serveConnection(client, admitted.socket, options, () => clearTimeout(admitted.setup));
	});

	return new Promise((resolve, reject) => {
		net.once('error', reject);
		net.listen({host: options.host, port: options.port}, () => {
			net.off('error', reject);
			net.on('error', () => {});
			const bound = net.address();
			resolve({
				address: typeof bound === 'object' && bound ? bound.address : options.host,
				port: typeof bound === 'object' && bound ? bound.port : options.port,
				close: () =>
					new Promise<void>(done => {
						net.close(() => done());
						for (const {socket} of sockets.values()) socket.destroy();
					}),
			});
		});
	});
}

/** One connection: login, then at most one session, with a terminal. */
function serveConnection(client: Connection, socket: Socket, options: SshServerOptions, started: () => void): void {
	const {access} = options;
	const address = socket.remoteAddress ?? '';
	let failures = 0;
	let session = false;
	client.on('error', () => {});
	client.on('authentication', context => {
		const decide = (ok: boolean) => {
			if (ok) {
				context.accept();
				return;
			}

			// A client asking which methods there are, or whether a key would do, has not failed yet.
			if (context.method !== 'none' && !(context.method === 'publickey' && !context.signature)) failures++;
			if (failures >= options.maxAuthTries) client.end();
			else context.reject(methodsFor(access));
		};

		if (context.method === 'keyboard-interactive' && access.password !== undefined) {
			const password = access.password;
			context.prompt([{prompt: 'Password: ', echo: false}], 'lectern', '', answers => {
				decide(answers.length === 1 && sameSecret(answers[0] ?? '', password));
			});
			return;
		}

		decide(allowed(context, access));
	});
	// Port forwarding, both ways, and anything else global: refused.
	client.on('request', (_accept, reject) => reject?.());
	client.on('tcpip', (_accept, reject) => reject());
	client.on('openssh.streamlocal', (_accept, reject) => reject());
	client.on('session', (accept, reject) => {
		if (session) {
			reject();
			return;
		}

		session = true;
		takeSession(accept(), address, socket, viewer => {
			started();
			options.onViewer(viewer);
		});
	});
}

/** The methods to offer a client that has not logged in yet. */
function methodsFor(access: Access): Array<'password' | 'keyboard-interactive' | 'publickey'> {
	return [...(access.keys ? (['publickey'] as const) : []), ...(access.password === undefined ? [] : (['keyboard-interactive', 'password'] as const))];
}

/** Whether a login is good (keyboard-interactive is asked and answered by the caller). */
function allowed(context: AuthContext, access: Access): boolean {
	// No password and no keys: anyone may watch, whatever they log in with.
	if (access.password === undefined && !access.keys) return true;
	switch (context.method) {
		case 'password': {
			return access.password !== undefined && sameSecret(context.password, access.password);
		}

		case 'publickey': {
			const key = access.keys?.find(candidate => candidate.type === context.key.algo && candidate.getPublicSSH().equals(context.key.data));
			if (!key) return false;
			// Without a signature, the client only asks whether the key would do.
			if (!context.signature) return true;
			return key.verify(context.blob!, context.signature, context.hashAlgo) === true;
		}

		default: {
			return false;
		}
	}
}

function sameSecret(given: string, expected: string): boolean {
	const a = createHash('sha256').update(given).digest();
	const b = createHash('sha256').update(expected).digest();
	return timingSafeEqual(a, b);
}

/** The one session of a connection: a terminal first, then a shell; nothing else. */
function takeSession(session: ssh2.Session, address: string, socket: Socket, started: (viewer: ViewerSession) => void): void {
	let terminal: PseudoTtyInfo | undefined;
	const env: Record<string, string> = {};
	let viewer: SessionViewer | undefined;
	session.on('env', (accept, reject, info) => {
		// OpenSSH sends the variables after the terminal request, before the shell.
		if (acceptedEnv.has(info.key) && info.val.length <= maxEnvValue && !viewer) {
			env[info.key] = info.val;
			accept?.();
		} else {
			reject?.();
		}
	});
	session.on('pty', (accept, reject, info) => {
		if (terminal) {
			reject?.();
			return;
		}

		terminal = info;
		accept?.();
	});
	session.on('window-change', (accept, reject, info) => {
		if (!terminal) {
			reject?.();
			return;
		}

		accept?.();
		viewer?.resized({columns: info.cols, rows: info.rows});
	});
	session.on('shell', (accept, reject) => {
		if (!terminal) {
			// `ssh -T`: nothing to draw slides on.
			reject();
			return;
		}

		const channel = accept();
		viewer = new SessionViewer(channel, socket, address, terminal, env);
		started(viewer);
	});
	for (const refused of ['exec', 'subsystem', 'sftp', 'x11', 'auth-agent', 'signal'] as const) {
		session.on(refused as 'exec', (_accept: unknown, reject: (() => void) | undefined) => reject?.());
	}
}

class SessionViewer extends EventEmitter<ViewerSessionEvents> implements ViewerSession {
	readonly term: string;
	size: Size;
	private closed = false;
	private closing = false;

	constructor(
		private readonly channel: ServerChannel,
		private readonly socket: Socket,
		readonly address: string,
		terminal: PseudoTtyInfo,
		readonly env: Readonly<Record<string, string>>,
	) {
		super();
		this.term = terminal.term.slice(0, 64);
		this.size = {columns: terminal.cols, rows: terminal.rows};
		channel.on('data', (data: Buffer) => this.emit('input', data));
		channel.on('error', () => {});
		const gone = () => {
			if (this.closed) return;
			this.closed = true;
			this.emit('close');
		};

		channel.once('close', gone);
		socket.once('close', gone);
	}

	resized(size: Size): void {
		this.size = size;
		this.emit('resize', size);
	}

	write(text: string, done: () => void): void {
		if (this.closed) return;
		this.channel.write(text, () => done());
	}

	backlog(): number {
		return this.socket.writableLength;
	}

	whenSent(then: () => void): void {
		if (this.socket.writableLength === 0 || this.closed) {
			then();
			return;
		}

		this.socket.once('drain', then);
	}

	close(farewell?: string): void {
		if (this.closed || this.closing) return;
		this.closing = true;
		// The farewell, then the exit status (ssh2 sends none once the stream is ended), then the end: the channel closes once all is sent.
		if (farewell) this.channel.write(farewell);
		this.channel.exit(0);
		this.channel.end();
		// A client that never reads must not hold the connection open.
		setTimeout(() => this.socket.destroy(), 2000).unref();
	}
}

/**
 * A new ed25519 host key, in OpenSSH's private key format. ssh2 makes about one key in 256
 * that it cannot read back (a public key starting with a zero byte loses that byte,
 * mscdex/ssh2#1513), and `serve` then failed with "Malformed OpenSSH private key" at every
 * start: such a key is made again, so none is ever saved.
 */
export function newHostKey(): string {
	for (let attempt = 1; ; attempt++) {
		const key = utils.generateKeyPairSync('ed25519').private;
		if (validHostKey(key) || attempt === 64) return key;
	}
}

/** The key's fingerprint as `ssh` shows it (SHA256:base64, no padding); undefined for a key that does not parse. */
export function fingerprint(privateKey: string): string | undefined {
	const key = utils.parseKey(privateKey);
	if (key instanceof Error || Array.isArray(key)) return undefined;
	return `SHA256:${createHash('sha256').update(key.getPublicSSH()).digest('base64').replace(/=+$/, '')}`;
}

/** Whether a private key parses. */
export function validHostKey(privateKey: string): boolean {
	return fingerprint(privateKey) !== undefined;
}

/** The public keys of an authorized_keys file, and the lines (1-based) that hold none. */
export function parseAuthorizedKeys(text: string): {keys: ParsedKey[]; badLines: number[]} {
	const keys: ParsedKey[] = [];
	const badLines: number[] = [];
	const keyType = /^(?:ssh-(?:ed25519|rsa|dss)|ecdsa-sha2-nistp(?:256|384|521)|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)$/;
	for (const [index, raw] of text.split('\n').entries()) {
		const line = raw.trim();
		if (line === '' || line.startsWith('#')) continue;
		// Options (`from="..."`, `command="..."`) may come first: the key starts at its type.
		const words = line.split(/\s+/);
		const at = words.findIndex(word => keyType.test(word));
		const parsed = at === -1 || words[at + 1] === undefined ? undefined : utils.parseKey(`${words[at]} ${words[at + 1]}`);
		if (!parsed || parsed instanceof Error || Array.isArray(parsed)) badLines.push(index + 1);
		else keys.push(parsed);
	}

	return {keys, badLines};
}
