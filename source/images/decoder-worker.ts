/**
 * The image decoders' worker thread, for ImageStore: started on first use,
 * one request at a time in order, each within a time limit (a damaged file
 * can send a decoder into an endless loop: the worker is then stopped, and
 * started again for the next request). Without a worker (it cannot start, or
 * the store was asked not to use one) requests are answered on this thread.
 *
 * The decoders are a chunk of their own (decoders.ts), loaded on first use.
 */
import {MessageChannel, receiveMessageOnPort, Worker} from 'node:worker_threads';
import type * as DecodersModule from './decoders.js';
import type {WorkerData, WorkerReply, WorkerRequest, WorkerStarted} from './decoders.js';
import {holdAcross} from '../young-generation.js';

export type Decoders = typeof DecodersModule;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A request without the id the worker's messages carry. */
export type Request = DistributiveOmit<WorkerRequest, 'id' | 'sync'>;

type Job = {
	readonly timeoutMs: number;
	readonly done: (reply: WorkerReply) => void;
	readonly fail: (error: Error) => void;
};

/** A job lost because the worker was stopped for another one: worth trying again. */
export class WorkerRestarted extends Error {}

/** How long `runSync` waits for a new worker to start before it counts the decode's time. */
const workerStartMs = 5000;

export class DecoderWorker {
	private useWorker: boolean;
	private decodersLoaded: Decoders | undefined;
	private decodersLoading: Promise<Decoders> | undefined;
	private worker: Worker | undefined;
	/** 1 once the worker listens (set by the worker): its start-up does not count against the time limit. */
	private workerReady = new Int32Array(new SharedArrayBuffer(4));
	/** Requests the worker has, in the order it answers them. */
	private readonly jobs = new Map<number, Job>();
	/** Stops the worker when the oldest job runs over its time. */
	private watchdog: NodeJS.Timeout | undefined;
	private nextJob = 1;
	private closed = false;

	/** `useWorker` false: every request is answered on this thread. */
	constructor(useWorker: boolean) {
		this.useWorker = useWorker;
	}

	/** The decoders, once `load` has finished. */
	get decoders(): Decoders | undefined {
		return this.decodersLoaded;
	}

	async load(): Promise<Decoders> {
		this.decodersLoading ??= import('./decoders.js').then(module => {
			this.decodersLoaded = module;
			return module;
		});
		return this.decodersLoading;
	}

	/**
	 * One request, answered by the worker (or on this thread, deferred with
	 * setImmediate, when there is none). Rejects with a reason, or with
	 * WorkerRestarted when the work was lost to a restart.
	 */
	async run(request: Request, timeoutMs: number): Promise<WorkerReply> {
		let decoders: Decoders;
		try {
			decoders = await this.load();
		} catch {
			throw new Error('the image decoders could not be loaded');
		}

		const id = this.nextJob++;
		const worker = this.useWorker ? this.startWorker(decoders) : undefined;
		if (!worker) {
			return new Promise(done => {
				setImmediate(() => {
					done(decoders.answer({...request, id}));
				});
			});
		}

		return new Promise<WorkerReply>((done, fail) => {
			if (this.jobs.size === 0) worker.ref();
			this.jobs.set(id, {timeoutMs, done, fail});
			if (this.jobs.size === 1) this.armWatchdog();
			const transfer = request.kind === 'decode' ? [request.bytes.buffer as ArrayBuffer] : [];
			worker.postMessage({...request, id}, transfer);
		});
	}

	/**
	 * One request answered before returning: this thread waits for the worker
	 * (Atomics.wait), so a decoder stuck in a loop cannot hold it past the
	 * limit. Undefined when the limit passed (the worker is restarted).
	 */
	runSync(request: Request, timeoutMs: number, decoders: Decoders): WorkerReply | undefined {
		const worker = this.useWorker ? this.startWorker(decoders) : undefined;
		if (!worker) return decoders.answer({...request, id: 0});
		const {port1, port2} = new MessageChannel();
		const signal = new Int32Array(new SharedArrayBuffer(4));
		if (Atomics.wait(this.workerReady, 0, 0, workerStartMs) === 'timed-out') {
			// A worker that does not start: this store decodes on this thread from now on.
			this.useWorker = false;
			this.stopWorker();
			return decoders.answer({...request, id: 0});
		}

		worker.postMessage({...request, id: 0, sync: {port: port2, signal}}, [port2]);
		Atomics.wait(signal, 0, 0, timeoutMs);
		const reply = receiveMessageOnPort(port1)?.message as WorkerReply | undefined;
		port1.close();
		if (reply) return reply;
		this.stopWorker(new WorkerRestarted('the image decoder was restarted'));
		return undefined;
	}

	/** Stops the worker for good; work in flight fails with WorkerRestarted. */
	close(): void {
		this.closed = true;
		this.stopWorker();
	}

	private startWorker(decoders: Decoders): Worker | undefined {
		if (this.worker) return this.worker;
		if (this.closed) return undefined;
		let worker: Worker;
		const ready = new Int32Array(new SharedArrayBuffer(4));
		try {
			// No inherited options (such as --input-type): the worker is a plain module.
			worker = holdAcross(new Worker(decoders.workerScript, {workerData: {[decoders.workerMark]: true, ready} satisfies WorkerData, execArgv: []}));
		} catch {
			this.useWorker = false;
			return undefined;
		}

		worker.on('message', (reply: WorkerReply | WorkerStarted) => {
			if (this.worker !== worker) return;
			if ('started' in reply) {
				this.armWatchdog();
				return;
			}

			const job = this.jobs.get(reply.id);
			if (!job) return;
			this.jobs.delete(reply.id);
			if (this.jobs.size === 0) worker.unref();
			this.armWatchdog();
			job.done(reply);
		});
		const stopped = (reason: string) => {
			if (this.worker !== worker) return;
			if (Atomics.load(ready, 0) === 1) {
				this.stopWorker(new Error(`the image decoder stopped (${reason})`));
				return;
			}

			// It never started: decode on this thread from now on, the jobs it had included.
			this.useWorker = false;
			this.stopWorker();
		};

		worker.on('error', error => {
			stopped(error.message);
		});
		worker.on('exit', code => {
			stopped(`exit ${code}`);
		});
		// After the listeners (adding a 'message' listener refs the worker again): an idle worker never keeps the process alive.
		worker.unref();
		this.worker = worker;
		this.workerReady = ready;
		return worker;
	}

	/** Ends the worker; the jobs it had fail with `reason` (by default: try again), the oldest with `oldest` when given. */
	private stopWorker(reason: Error = new WorkerRestarted('the image decoder was restarted'), oldest?: Error): void {
		const worker = this.worker;
		this.worker = undefined;
		clearTimeout(this.watchdog);
		this.watchdog = undefined;
		const jobs = [...this.jobs.values()];
		this.jobs.clear();
		if (worker) void worker.terminate();
		for (const [index, job] of jobs.entries()) job.fail(index === 0 && oldest ? oldest : reason);
	}

	/** Times the oldest job (the worker answers in order, so it is the one running) once the worker has started. */
	private armWatchdog(): void {
		clearTimeout(this.watchdog);
		this.watchdog = undefined;
		const oldest = this.jobs.values().next().value;
		if (!oldest || Atomics.load(this.workerReady, 0) !== 1) return;
		this.watchdog = setTimeout(() => {
			this.stopWorker(new WorkerRestarted('the image decoder was restarted'), new Error(tooLong(oldest.timeoutMs)));
		}, oldest.timeoutMs);
		this.watchdog.unref();
	}
}

/** The failure of a decode that ran over its time limit. */
export function tooLong(timeoutMs: number): string {
	return `decoding took too long (over ${Math.round(timeoutMs / 100) / 10} s); the file may be damaged`;
}
