/**
 * Keeps lectern processes on the same slide: the audience's and the
 * speaker's (`--presenter`). They meet at a Unix socket in a private folder.
 *
 * Pairing is explicit. By the deck alone (its absolute path), only a speaker
 * meets an audience: the first audience view of the deck listens, speaker views
 * connect to it, and a second audience view of the same deck finds the socket
 * taken and stays on its own (a window opened to peek at a slide is never
 * pulled along, nor pulls the projector). With `--session NAME` on both sides
 * every view of that name is paired, audience or speaker: whichever starts
 * first listens; the others connect; when the listening side quits, another
 * takes over listening, so any side can quit and come back. The listening side
 * passes each move on to the other peers, so three views stay together too.
 *
 * Messages are lines of JSON: `{"type":"hello","index":N,"since":MS,"id":ID}` on
 * connecting (when this side started, and a random tie-break), and
 * `{"type":"goto","index":N}` on every move. A peer counts as connected once
 * its hello has arrived.
 */
import {createHash} from 'node:crypto';
import {EventEmitter} from 'node:events';
import {chmodSync, lstatSync, mkdirSync, unlinkSync} from 'node:fs';
import {createConnection, createServer, type Server, type Socket} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export type SyncEvents = {
	/** The peer moved to a slide (or, on connecting, is at one and was there first). */
	goto: [index: number];
	/** A peer connected or went away. */
	peer: [connected: boolean];
};

type Message = {type: 'hello'; index: number; since: number; id: number} | {type: 'goto'; index: number};

const retryMs = 250;
/** A socket that refuses this many connections in a row, this far apart, is a stale one. */
const staleAfterRefusals = 3;
const refusedRetryMs = 50;
const maxLine = 4096;

/**
 * How a side pairs: `session` (a `--session NAME`: every side may listen or
 * connect), `audience` (by the deck: listens, and stays alone when another
 * audience listens already) or `speaker` (by the deck: only ever connects to
 * an audience, and waits for one).
 */
export type SyncRole = 'session' | 'audience' | 'speaker';

/** The private folder for lectern's sockets: created 0700, and refused if someone else owns it. */
function socketFolder(base = tmpdir()): string {
	const uid = process.getuid?.() ?? 0;
	const folder = join(base, `lectern-${uid}`);
	try {
		mkdirSync(folder, {recursive: true, mode: 0o700});
	} catch (error) {
		throw new Error(`cannot make the private socket folder (${(error as NodeJS.ErrnoException).code ?? 'error'}): ${folder}`, {cause: error});
	}

	const info = lstatSync(folder);
	if (!info.isDirectory() || info.uid !== uid) throw new Error(`the socket folder is not a private folder of this user: ${folder}`);
	if ((info.mode & 0o077) !== 0) chmodSync(folder, 0o700);
	return folder;
}

/** The socket for a deck (its absolute path) or an explicit session name. */
export function socketPath(key: string, base?: string): string {
	const digest = createHash('sha256').update(key).digest('hex').slice(0, 24);
	return join(socketFolder(base), `${digest}.sock`);
}

export class SlideSync extends EventEmitter<SyncEvents> {
	private server: Server | undefined;
	private readonly peers = new Set<Socket>();
	/** Peers whose hello has arrived. */
	private readonly greeted = new Set<Socket>();
	private closed = false;
	private retry: NodeJS.Timeout | undefined;
	private readonly startedAt = Date.now();
	/** Decides which side was first when both started in the same millisecond. */
	private readonly id = Math.random();

	constructor(
		private readonly path: string,
		/** The slide this side is on, told to a new peer. */
		private index: number,
		private readonly role: SyncRole = 'session',
	) {
		super();
	}

	start(): void {
		this.connect();
	}

	/** Tells the peer this side moved. */
	send(index: number): void {
		this.index = index;
		this.broadcast({type: 'goto', index});
	}

	/** Records a move that came from the peer (nothing is sent back). */
	followed(index: number): void {
		this.index = index;
	}

	get connected(): boolean {
		return this.greeted.size > 0;
	}

	close(): void {
		this.closed = true;
		clearTimeout(this.retry);
		for (const peer of this.peers) peer.destroy();
		this.peers.clear();
		this.greeted.clear();
		if (this.server) {
			this.server.close();
			this.removeSocketFile();
		}
	}

	/**
	 * Connects to the side that listens; with nobody there, listens itself. A
	 * refused connection may be a side that has bound the socket but not yet
	 * begun to listen: only after a few refusals is the socket taken for one a
	 * crashed player left behind (and removed), or both sides would listen,
	 * each on its own socket, and never meet.
	 */
	private connect(refusals = 0): void {
		if (this.closed) return;
		const socket = createConnection(this.path);
		socket.once('connect', () => {
			if (this.role === 'audience') {
				// Another audience view of this deck is paired (or waits to be): this one stays on its own.
				socket.destroy();
				this.close();
				return;
			}

			this.adopt(socket);
		});
		socket.once('error', (error: NodeJS.ErrnoException) => {
			socket.destroy();
			const refused = error.code === 'ECONNREFUSED';
			if (this.role === 'speaker') this.later(() => this.connect(), retryMs);
			else if (error.code === 'ENOENT') this.listen(false);
			else if (refused && refusals >= staleAfterRefusals) this.listen(true);
			else this.later(() => this.connect(refused ? refusals + 1 : 0), refusedRetryMs);
		});
	}

	private listen(stale: boolean): void {
		if (this.closed) return;
		if (stale) this.removeSocketFile();
		const server = createServer(socket => {
			this.adopt(socket);
		});
		server.once('error', () => {
			// Someone else started listening first: connect to them instead.
			server.close();
			this.later(() => this.connect());
		});
		server.listen(this.path, () => {
			if (this.closed) {
				server.close();
				this.removeSocketFile();
				return;
			}

			this.server = server;
			try {
				chmodSync(this.path, 0o600);
			} catch {
				// The folder is private already.
			}
		});
	}

	private adopt(socket: Socket): void {
		if (this.closed) {
			socket.destroy();
			return;
		}

		this.peers.add(socket);
		socket.setEncoding('utf8');
		let buffer = '';
		socket.on('data', (chunk: string) => {
			buffer += chunk;
			if (buffer.length > maxLine * 16) buffer = '';
			let newline = buffer.indexOf('\n');
			while (newline !== -1) {
				this.receive(socket, buffer.slice(0, newline));
				buffer = buffer.slice(newline + 1);
				newline = buffer.indexOf('\n');
			}
		});
		socket.on('error', () => {});
		socket.once('close', () => {
			this.peers.delete(socket);
			if (this.greeted.delete(socket)) this.emit('peer', false);
			// A listening side keeps listening; a connected side takes over or reconnects.
			if (!this.server) this.later(() => this.connect());
		});
		this.write(socket, {type: 'hello', index: this.index, since: this.startedAt, id: this.id});
	}

	private receive(from: Socket, line: string): void {
		const message = parse(line);
		if (!message) return;
		if (message.type === 'hello' && !this.greeted.has(from)) {
			this.greeted.add(from);
			this.emit('peer', true);
		}

		// On hello, the side that was there first keeps its slide.
		// The start times, not ages: an age read after the message's trip makes the older side look younger.
		if (message.type === 'hello' && (message.since > this.startedAt || (message.since === this.startedAt && message.id >= this.id))) return;
		// The listening side passes a move on, so every paired view stays on one slide.
		if (this.server && message.type === 'goto') this.broadcast(message, from);
		this.emit('goto', message.index);
	}

	private broadcast(message: Message, except?: Socket): void {
		for (const peer of this.peers) if (peer !== except) this.write(peer, message);
	}

	private write(socket: Socket, message: Message): void {
		if (!socket.destroyed) socket.write(`${JSON.stringify(message)}\n`);
	}

	private later(action: () => void, ms = retryMs): void {
		clearTimeout(this.retry);
		if (!this.closed) this.retry = setTimeout(action, ms);
	}

	private removeSocketFile(): void {
		try {
			unlinkSync(this.path);
		} catch {
			// Already gone.
		}
	}
}

function parse(line: string): Message | undefined {
	if (line.length > maxLine) return undefined;
	try {
		const value = JSON.parse(line) as Partial<Message>;
		if (typeof value.index !== 'number' || !Number.isInteger(value.index) || value.index < 0) return undefined;
		if (value.type === 'goto') return {type: 'goto', index: value.index};
		if (value.type === 'hello' && typeof value.since === 'number' && typeof value.id === 'number')
			return {type: 'hello', index: value.index, since: value.since, id: value.id};
		return undefined;
	} catch {
		return undefined;
	}
}
