/**
 * Timing tests without real time: a virtual clock, an in-memory provider that counts its rate
 * limits on that clock, and a minimal execution context to run the pack's pipeline in. Nothing
 * here touches a socket or a real timer, so the schedules these tests assert are exact on any
 * machine, however busy.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
} from 'n8n-workflow';

import type { Clock } from '../../nodes/common/clock';
import { RateWindow } from '../../sandbox/providers/http-mock';

/**
 * Time that moves only when nothing else can: `sleep` queues a wake-up, and `run` jumps to the
 * earliest one each time every promise job and immediate of the work has run.
 */
export class VirtualClock implements Clock {
	private time: number;

	private sleepers: Array<{ at: number; order: number; wake: () => void }> = [];

	private order = 0;

	constructor(start = 0) {
		this.time = start;
	}

	now(): number {
		return this.time;
	}

	async sleep(ms: number): Promise<void> {
		await new Promise<void>((wake) => {
			this.sleepers.push({ at: this.time + Math.max(0, ms), order: this.order++, wake });
		});
	}

	/** Runs `work` to its end, moving time forward whenever the work waits on the clock alone. */
	async run<T>(work: () => Promise<T>): Promise<T> {
		let settled = false;
		const running = work();
		running.then(
			() => (settled = true),
			() => (settled = true),
		);
		for (;;) {
			await idle();
			if (settled) return await running;
			this.sleepers.sort((a, b) => a.at - b.at || a.order - b.order);
			const next = this.sleepers.shift();
			if (!next) throw new Error('The work waits for something other than the clock');
			this.time = Math.max(this.time, next.at);
			next.wake();
		}
	}
}

/** Every promise job queued so far, and the ones they queue, have run. */
const idle = async () => {
	for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
};

export interface VirtualAnswer {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

/** What the provider saw of one request, and when, on the virtual clock. */
export interface VirtualRequest {
	sentAt: number;
	arrivedAt: number;
	answeredAt?: number;
	method: string;
	url: string;
	body: unknown;
	status?: number;
}

/** Milliseconds a request spends on the way there, or back. */
export type Leg = number | (() => number);

/**
 * A provider in memory: counts arrivals in sliding windows on the virtual clock, as the mocks do on
 * real time, answers 429 past them, and otherwise with what the test scripted (200 `{ ok: true }`
 * by default). `throw` answers with a network failure carrying that error code.
 */
export class VirtualApi {
	readonly requests: VirtualRequest[] = [];

	private readonly scripted: Array<VirtualAnswer | { throw: string }> = [];

	private readonly windows: RateWindow[];

	constructor(
		private readonly clock: VirtualClock,
		options: { windows?: Array<{ limit: number; perMs: number }>; there?: Leg; back?: Leg; counters?: boolean } = {},
	) {
		this.windows = (options.windows ?? []).map((window) => new RateWindow(window.limit, window.perMs));
		this.counters = options.counters ?? false;
		this.there = options.there ?? 0;
		this.back = options.back ?? 0;
	}

	private readonly there: Leg;

	/** Whether answers carry X-RateLimit-Limit/Remaining/Reset of the tightest window (reset in Unix ms). */
	private readonly counters: boolean;

	private readonly back: Leg;

	/** The next requests get these answers, in order, before the rate limits are consulted. */
	answer(...answers: Array<VirtualAnswer | { throw: string }>): this {
		this.scripted.push(...answers);
		return this;
	}

	get rateLimited(): VirtualRequest[] {
		return this.requests.filter((request) => request.status === 429);
	}

	async handle(options: IHttpRequestOptions): Promise<{ statusCode: number; headers: IDataObject; body: unknown }> {
		const request: VirtualRequest = { sentAt: this.clock.now(), arrivedAt: 0, method: String(options.method), url: options.url, body: options.body };
		await this.clock.sleep(leg(this.there));
		request.arrivedAt = this.clock.now();
		this.requests.push(request);
		const scripted = this.scripted.shift();
		const hits = this.windows.map((window) => window.hit(request.arrivedAt));
		const limited = hits.find((hit) => !hit.allowed);
		const tightest = hits.reduce<number | undefined>((a, hit, index) => (a !== undefined && hits[a].remaining <= hit.remaining ? a : index), undefined);
		const counters: Record<string, string> = this.counters && tightest !== undefined
			? {
				'x-ratelimit-limit': String(this.windows[tightest].limit),
				'x-ratelimit-remaining': String(hits[tightest].remaining),
				'x-ratelimit-reset': String(hits[tightest].resetAt),
			}
			: {};
		await this.clock.sleep(leg(this.back));
		request.answeredAt = this.clock.now();
		if (scripted && 'throw' in scripted) throw Object.assign(new Error(`network error ${scripted.throw}`), { code: scripted.throw });
		const answer: VirtualAnswer = scripted ?? (limited
			? { status: 429, body: { message: 'Too many requests' }, headers: { 'retry-after': String(Math.ceil(limited.retryAfterMs / 1000)) } }
			: { status: 200, body: { ok: true } });
		request.status = answer.status;
		return { statusCode: answer.status, headers: { ...counters, ...answer.headers }, body: answer.body ?? {} };
	}
}

const leg = (time: Leg) => (typeof time === 'number' ? time : time());

/** A small deterministic random source (mulberry32), for latencies that vary the same way every run. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * The part of n8n's execution context the pipeline uses: input items, parameters read by name,
 * one credential, and an HTTP helper that goes to `api` instead of the network.
 */
export function virtualExecution(options: {
	api: VirtualApi;
	credentials: ICredentialDataDecryptedObject;
	parameters?: IDataObject;
	items?: number;
	continueOnFail?: boolean;
}): IExecuteFunctions {
	const node: INode = {
		id: 'virtual',
		name: 'Virtual',
		type: 'n8n-nodes-outreach.virtual',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const parameters = options.parameters ?? {};
	const context = {
		getNode: () => node,
		getInputData: () => Array.from({ length: options.items ?? 1 }, (_, n) => ({ json: { n } })),
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) => parameters[name] ?? fallback,
		continueOnFail: () => options.continueOnFail ?? false,
		getCredentials: async () => options.credentials,
		helpers: {
			httpRequestWithAuthentication: async (_type: string, request: IHttpRequestOptions) => await options.api.handle(request),
		},
	};
	return context as unknown as IExecuteFunctions;
}
