/**
 * The viewers' server, as it runs in its worker thread: the host key, the SSH
 * listener, the viewers, and the messages from the presenter's player (the
 * deck, every move). Says when it listens (with the key's fingerprint), how
 * many viewers there are, and why it could not start.
 */
import type {MessagePort} from 'node:worker_threads';
import type {Slide} from '../deck/model.js';
import type {ImageStore} from '../images/index.js';
import {pictureColours} from '../render/colour-level.js';
import {connectionLimits} from './connection-limits.js';
import type {FrameSource} from './frames.js';
import {loadHostKey} from './host-key.js';
import type {FromServer, ServeConfig, ToServer} from './serve-messages.js';
import {fingerprint, newHostKey, parseAuthorizedKeys, startSshServer, validHostKey, type Access, type SshServer} from './ssh-server.js';
import {validTalk} from './talk.js';
import {ViewerHub} from './viewer-hub.js';

/** Connections allowed beyond the viewers: logins under way. */
const pendingConnections = 32;
const maxAuthTries = 6;

export async function serveThread(port: MessagePort, config: ServeConfig): Promise<void> {
	// The worker shares the presenter's terminal: it never prints.
	for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) console[method] = () => undefined;
	const tell = (message: FromServer) => port.postMessage(message);
	const fail = (message: string) => {
		tell({type: 'failed', message});
		port.close();
	};

	let key: ReturnType<typeof loadHostKey>;
	try {
		key = loadHostKey(config.configFolder, newHostKey, validHostKey);
	} catch (error) {
		fail(error instanceof Error ? error.message : String(error));
		return;
	}

	let access: Access = {};
	let badKeyLines: number[] = [];
	if (config.authorizedKeys !== undefined) {
		const parsed = parseAuthorizedKeys(config.authorizedKeys);
		if (parsed.keys.length === 0) {
			fail('the authorized keys file holds no public key lectern can read');
			return;
		}

		access = {keys: parsed.keys};
		badKeyLines = parsed.badLines;
	}

	if (config.password !== undefined) access = {...access, password: config.password};
	const hub = new ViewerHub({
		canBrowse: config.canBrowse,
		motion: config.motion,
		maxViewers: config.maxViewers,
		stallMs: config.stallMs,
		onCount: count => tell({type: 'viewers', count}),
	});
	const pictures = new ViewerPictures(config);

	let server: SshServer;
	try {
		server = await startSshServer({
			host: config.host,
			port: config.port,
			hostKey: key.key,
			access,
			limits: connectionLimits({total: config.maxViewers + pendingConnections, perAddress: config.maxPerAddress}),
			setupMs: config.setupMs,
			maxAuthTries,
			onViewer: viewer => hub.add(viewer),
		});
	} catch (error) {
		fail(listenProblem(config, error as NodeJS.ErrnoException));
		return;
	}

	// Decks are taken in the order they came, each once its pictures can be drawn.
	let decks = Promise.resolve();
	port.on('message', (message: ToServer) => {
		switch (message.type) {
			case 'deck': {
				decks = decks.then(async () => hub.setDeck(message.slides, await pictures.forDeck(message.slides).catch(() => undefined)));
				break;
			}

			case 'talk': {
				if (validTalk(message.talk)) hub.setTalk(message.talk);
				break;
			}

			case 'theme': {
				// In turn with the decks: a theme sent after a deck is drawn after it.
				decks = decks.then(() => hub.setTheme(message.theme));
				break;
			}

			case 'stop': {
				void hub.close(message.farewell).then(async () => {
					// The viewers have their farewells (and have closed): the player may exit now.
					Atomics.store(message.signal, 0, 1);
					Atomics.notify(message.signal, 0);
					pictures.close();
					await server.close();
					tell({type: 'stopped'});
					port.close();
				});
				break;
			}
		}
	});
	tell({
		type: 'listening',
		address: server.address,
		port: server.port,
		fingerprint: fingerprint(key.key) ?? '',
		keyPath: key.path,
		created: key.created,
		badKeyLines,
	});
}

function listenProblem(config: ServeConfig, error: NodeJS.ErrnoException): string {
	const where = `${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
	switch (error.code) {
		case 'EADDRINUSE': {
			return `cannot listen on ${where}: the port is in use (--port picks another)`;
		}

		case 'EACCES': {
			return `cannot listen on ${where}: not allowed (ports below 1024 need privileges; --port picks another)`;
		}

		case 'EADDRNOTAVAIL':
		case 'ENOTFOUND':
		case 'EAI_AGAIN': {
			return `cannot listen on ${where}: this machine has no such address (--host 127.0.0.1 for this machine only, 0.0.0.0 for every network)`;
		}

		default: {
			return `cannot listen on ${where}: ${error.code ?? error.message}`;
		}
	}
}

/** Pictures for image slides, drawn as half-blocks at each viewer's colour depth. */
class ViewerPictures {
	private readonly stores = new Map<2 | 3, ImageStore>();

	constructor(private readonly config: ServeConfig) {}

	/** The deck's picture source, once the decoders are loaded; undefined when it shows none. */
	async forDeck(slides: readonly Slide[]): Promise<FrameSource['pictures']> {
		if (this.config.images === 'alt' || !slides.some(slide => slide.kind === 'image' || ('body' in slide && slide.body.some(block => block.type === 'image'))))
			return undefined;
		const {ImageStore} = await import('../images/index.js');
		for (const level of [2, 3] as const) {
			if (this.stores.has(level) || pictureColours(this.config.images, level) === undefined) continue;
			const store = new ImageStore(this.config.deckFolder, {level, worker: false});
			await store.loadDecoders();
			this.stores.set(level, store);
		}

		return level => {
			const store = this.stores.get(level);
			return store ? (src, box) => store.pictureSync(src, box) : undefined;
		};
	}

	close(): void {
		for (const store of this.stores.values()) store.close();
	}
}
