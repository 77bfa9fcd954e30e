/**
 * The presenter's side of `lectern serve`: starts the viewers' server in its
 * worker thread, tells it the deck and every move, and hears how many viewers
 * watch. The player only ever posts a small message per move; laying out and
 * sending the viewers' frames happens on the worker's thread.
 */
import {EventEmitter} from 'node:events';
import {Worker} from 'node:worker_threads';
import type {Slide} from '../deck/model.js';
import type {FromServer, Listening, ServeConfig, ToServer} from './serve-messages.js';
import type {ServeWorkerData} from './serve-worker.js';
import type {Talk} from './talk.js';
import type {Theme} from '../theme/themes.js';
import {holdAcross} from '../young-generation.js';

type AudienceEvents = {
	/** The number of viewers changed. */
	viewers: [count: number];
};

/** What the player needs of the viewers' server. */
export interface RemoteAudience extends EventEmitter<AudienceEvents> {
	readonly viewers: number;
	/** The deck to show (again after a reload). */
	deck(slides: readonly Slide[]): void;
	/** Where the presenter is now. */
	talk(talk: Talk): void;
	/** The colours viewers see the slides in (the presenter's theme). */
	theme(theme: Theme): void;
	/**
	 * Says `farewell` to every viewer and stops the server. Waits (blocking,
	 * half a second at most) until the farewells are sent, so that a player
	 * about to exit leaves every viewer's terminal as it was.
	 */
	stop(farewell: string): Promise<void>;
}

export class ServeError extends Error {}

/** How long a quitting player waits for the viewers' farewells to be sent. */
const farewellMs = 500;

/** Starts the server; resolves once it listens, rejects (ServeError) when it cannot. */
export async function startAudience(config: ServeConfig): Promise<{audience: RemoteAudience; listening: Listening}> {
	// The worker's module is a chunk of its own: the worker starts on as little code as it can.
	const {workerMark, workerScript} = await import('./serve-worker.js');
	const worker = holdAcross(new Worker(workerScript, {workerData: {[workerMark]: config} satisfies ServeWorkerData, stdout: true, stderr: true}));
	return new Promise((resolve, reject) => {
		const audience = new WorkerAudience(worker);
		const early = (message: FromServer) => {
			if (message.type === 'listening') {
				worker.off('message', early);
				// From here the player keeps the process alive; the server never does.
				worker.unref();
				resolve({audience, listening: message});
			} else if (message.type === 'failed') {
				worker.off('message', early);
				void worker.terminate();
				reject(new ServeError(message.message));
			}
		};

		worker.on('message', early);
		worker.once('error', error => reject(new ServeError(error.message)));
		worker.once('exit', () => reject(new ServeError('the server stopped before it listened')));
	});
}

class WorkerAudience extends EventEmitter<AudienceEvents> implements RemoteAudience {
	viewers = 0;
	private stopping: Promise<void> | undefined;
	private exited = false;

	constructor(private readonly worker: Worker) {
		super();
		worker.on('message', (message: FromServer) => {
			if (message.type === 'viewers') {
				this.viewers = message.count;
				this.emit('viewers', message.count);
			}
		});
		// The server must never take the player down with it: a worker error ends the viewers' side only.
		worker.on('error', () => {});
		worker.once('exit', () => {
			this.exited = true;
			// A server that died has nobody watching through it.
			if (this.viewers !== 0) {
				this.viewers = 0;
				this.emit('viewers', 0);
			}
		});
	}

	deck(slides: readonly Slide[]): void {
		this.post({type: 'deck', slides});
	}

	talk(talk: Talk): void {
		this.post({type: 'talk', talk});
	}

	theme(theme: Theme): void {
		this.post({type: 'theme', theme});
	}

	stop(farewell: string): Promise<void> {
		if (this.stopping) return this.stopping;
		const signal = new Int32Array(new SharedArrayBuffer(4));
		this.post({type: 'stop', farewell, signal});
		if (!this.exited) Atomics.wait(signal, 0, 0, farewellMs);
		this.stopping = new Promise<void>(done => {
			const timer = setTimeout(() => void this.worker.terminate().then(() => done()), 1000);
			this.worker.on('message', (message: FromServer) => {
				if (message.type !== 'stopped') return;
				clearTimeout(timer);
				void this.worker.terminate().then(() => done());
			});
			this.worker.once('exit', () => {
				clearTimeout(timer);
				done();
			});
		});
		return this.stopping;
	}

	private post(message: ToServer): void {
		try {
			this.worker.postMessage(message);
		} catch {
			// The worker is gone: the talk goes on without remote viewers.
		}
	}
}
