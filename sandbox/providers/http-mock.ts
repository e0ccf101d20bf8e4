/**
 * Small generic base for provider mocks: a node:http server on 127.0.0.1 that records every
 * request, supports switchable fault injection and offers a sliding-window rate limiter.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
	method: string;
	/** Pathname exactly as received (not decoded). */
	path: string;
	query: Record<string, string>;
	headers: IncomingHttpHeaders;
	/** Parsed JSON when the body is JSON, otherwise the raw text ('' when empty). */
	body: unknown;
	rawBody: string;
	at: number;
}

export interface MockResponse {
	status: number;
	/** Objects/arrays are sent as JSON; strings as-is. */
	body?: unknown;
	headers?: Record<string, string>;
	contentType?: string;
}

export type Fault =
	| MockResponse
	/** Answer built when the request arrives (for headers that name a moment, such as an HTTP date). */
	| ((req: RecordedRequest) => MockResponse)
	/** The socket is destroyed before anything is written. */
	| 'reset'
	/**
	 * The request is served (the provider applies it), the status line, the headers and half of the
	 * body are written, then the socket is destroyed.
	 */
	| 'resetMidResponse'
	| { delayMs: number }
	/** The request is served (the provider applies it), then this answer goes back instead: a gateway that gave up (504) after the work was done. */
	| { afterServing: MockResponse }
	/**
	 * The request is served (the provider applies it) and its answer waits for `holdAnswer`: the
	 * moment between a provider holding a hook and n8n hearing so, stretched until a test is done with it.
	 */
	| { holdAnswer: Promise<unknown> }
	| 'html500'
	| 'malformedJson'
	| 'emptyBody';

/** The name of a fault as recorded in `answers` (`canned`: an injected answer or answer function). */
export type FaultName = 'reset' | 'resetMidResponse' | 'delay' | 'afterServing' | 'held' | 'html500' | 'malformedJson' | 'emptyBody' | 'canned';

/** What the mock did with one request. */
export interface RecordedAnswer {
	request: RecordedRequest;
	status: number;
	/** Whether the whole answer was written (false for resets and for answers to clients that left). */
	complete: boolean;
	/** Set when an injected fault produced this answer. */
	fault?: FaultName;
}

export type RateLimitHeaderStyle = 'retryAfterSeconds' | 'retryAfterDate' | 'resetDate' | 'resetUnixSeconds';

/**
 * A 429 answer whose wait is named in one of the header styles providers use: `Retry-After` in
 * seconds or as an HTTP date, or only `X-RateLimit-Reset` (a date string as lemlist sends it, or
 * Unix seconds as Smartlead does). Use as a fault: the times are computed when the request arrives.
 */
export function tooManyRequests(
	style: RateLimitHeaderStyle,
	seconds: number,
	body: unknown = 'Too many requests',
): (req: RecordedRequest) => MockResponse {
	return () => {
		const at = Date.now() + seconds * 1000;
		const headers: Record<string, string> = {
			retryAfterSeconds: { 'Retry-After': String(seconds) },
			retryAfterDate: { 'Retry-After': new Date(at).toUTCString() },
			resetDate: { 'X-RateLimit-Reset': new Date(at).toString(), 'X-RateLimit-Remaining': '0' },
			resetUnixSeconds: { 'X-RateLimit-Reset': String(Math.ceil(at / 1000)), 'X-RateLimit-Remaining': '0' },
		}[style];
		return typeof body === 'string' ? text(429, body, headers) : json(429, body, headers);
	};
}

export interface InjectOptions {
	/** How many matching requests the fault applies to (default 1). */
	times?: number;
	/** Only requests for which this returns true consume the fault. */
	match?: (req: RecordedRequest) => boolean;
}

/** A route handler returns the answer for a request (may be async). */
export type Handler = (req: RecordedRequest) => MockResponse | Promise<MockResponse>;

/** Sliding-window rate limiter: at most `limit` hits in any `perMs` window. */
export class RateWindow {
	private hits: number[] = [];

	constructor(
		public limit: number,
		public perMs: number,
	) {}

	hit(now: number = Date.now()): { allowed: boolean; retryAfterMs: number; remaining: number; resetAt: number } {
		this.hits = this.hits.filter((t) => now - t < this.perMs);
		if (this.hits.length >= this.limit) {
			const retryAfterMs = this.hits[0] + this.perMs - now;
			return { allowed: false, retryAfterMs, remaining: 0, resetAt: this.hits[0] + this.perMs };
		}
		this.hits.push(now);
		return {
			allowed: true,
			retryAfterMs: 0,
			remaining: this.limit - this.hits.length,
			resetAt: this.hits[0] + this.perMs,
		};
	}

	reset(): void {
		this.hits = [];
	}
}

export function text(status: number, body: string, headers?: Record<string, string>): MockResponse {
	return { status, body, contentType: 'text/plain; charset=utf-8', headers };
}

export function json(status: number, body: unknown, headers?: Record<string, string>): MockResponse {
	return { status, body, contentType: 'application/json; charset=utf-8', headers };
}

// unref: a delayed answer to a client that gave up must not keep jest alive.
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());

export interface HttpMockOptions {
	/** Prefix appended to the origin for `url`, e.g. '/api'. */
	basePath?: string;
}

/**
 * Benchmarks only: `latencyMs` delays every routed answer (the request is counted on arrival, the
 * answer leaves later); `timeScale` > 1 says the mock runs k times faster than the real provider,
 * for a client whose clock runs k times faster too: `retryAfter()` states the real-world seconds.
 */
export interface MockTiming {
	latencyMs: number;
	timeScale: number;
}

/**
 * Use directly with a handler, or subclass and override `route()` (and `resetState()`).
 */
export class HttpMock {
	readonly requests: RecordedRequest[] = [];
	/** One entry per request, once the mock has answered it (or dropped it). */
	readonly answers: RecordedAnswer[] = [];
	private faults: Array<{ fault: Fault; remaining: number; match?: InjectOptions['match'] }> = [];
	private readonly server: Server;
	private port = 0;
	private readonly sockets = new Set<Socket>();
	private readonly basePath: string;
	/** See MockTiming; set directly (default: no latency, real time). */
	readonly timing: MockTiming = { latencyMs: 0, timeScale: 1 };

	constructor(
		private readonly handler?: Handler,
		options: HttpMockOptions = {},
	) {
		this.basePath = options.basePath ?? '';
		this.server = createServer((req, res) => void this.handle(req, res));
		this.server.on('connection', (s) => {
			this.sockets.add(s);
			s.on('close', () => this.sockets.delete(s));
		});
	}

	/** Answers a request that no fault took. */
	protected route(req: RecordedRequest): MockResponse | Promise<MockResponse> {
		if (!this.handler) return text(404, 'Not found');
		return this.handler(req);
	}

	/** The `Retry-After` value for a wait of `waitMs` (mock time): whole real-world seconds, at least 1. */
	protected retryAfter(waitMs: number): string {
		return String(Math.max(1, Math.ceil((waitMs * this.timing.timeScale) / 1000)));
	}

	/** Restores provider state; called by reset(). */
	protected resetState(): void {}

	async listen(): Promise<this> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.port = (this.server.address() as AddressInfo).port;
		return this;
	}

	/** Origin of the server, e.g. `http://127.0.0.1:41234`. */
	get origin(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** Base URL to configure in a credential: origin + basePath. */
	get url(): string {
		return this.origin + this.basePath;
	}

	inject(fault: Fault, { times = 1, match }: InjectOptions = {}): void {
		this.faults.push({ fault, remaining: times, match });
	}

	reset(): void {
		this.requests.length = 0;
		this.answers.length = 0;
		this.faults = [];
		this.resetState();
	}

	async close(): Promise<void> {
		for (const s of this.sockets) s.destroy();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private takeFault(req: RecordedRequest): Fault | undefined {
		const entry = this.faults.find((f) => f.remaining > 0 && (!f.match || f.match(req)));
		if (!entry) return undefined;
		entry.remaining--;
		this.faults = this.faults.filter((f) => f.remaining > 0);
		return entry.fault;
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks).toString('utf8');

		const rawUrl = req.url ?? '/';
		const qIndex = rawUrl.indexOf('?');
		const path = qIndex === -1 ? rawUrl : rawUrl.slice(0, qIndex);
		const query: Record<string, string> = {};
		new URLSearchParams(qIndex === -1 ? '' : rawUrl.slice(qIndex + 1)).forEach((v, k) => {
			query[k] = v;
		});
		let body: unknown = rawBody;
		if (rawBody) {
			try {
				body = JSON.parse(rawBody);
			} catch {
				body = rawBody;
			}
		}
		const recorded: RecordedRequest = {
			method: req.method ?? 'GET',
			path,
			query,
			headers: req.headers,
			body,
			rawBody,
			at: Date.now(),
		};
		this.requests.push(recorded);

		const record = (status: number, fault?: FaultName) => (complete: boolean) => {
			this.answers.push({ request: recorded, status, complete, ...(fault ? { fault } : {}) });
		};
		try {
			const fault = this.takeFault(recorded);
			if (fault === 'reset') {
				req.socket.destroy();
				record(0, 'reset')(false);
				return;
			}
			if (fault === 'resetMidResponse') {
				return this.sendHalf(res, await this.route(recorded), record);
			}
			if (fault === 'html500') {
				return this.send(res, {
					status: 500,
					contentType: 'text/html; charset=utf-8',
					body: '<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>',
				}, record(500, 'html500'));
			}
			if (fault === 'malformedJson') {
				return this.send(res, { status: 200, contentType: 'application/json', body: '{"truncated": ' }, record(200, 'malformedJson'));
			}
			if (fault === 'emptyBody') {
				return this.send(res, { status: 200, contentType: 'application/json', body: '' }, record(200, 'emptyBody'));
			}
			if (typeof fault === 'function') {
				const answer = fault(recorded);
				return this.send(res, answer, record(answer.status, 'canned'));
			}
			if (fault && 'afterServing' in fault) {
				await this.route(recorded);
				return this.send(res, fault.afterServing, record(fault.afterServing.status, 'afterServing'));
			}
			if (fault && 'holdAnswer' in fault) {
				const answer = await this.route(recorded);
				await fault.holdAnswer.catch(() => undefined);
				return this.send(res, answer, record(answer.status, 'held'));
			}
			let delayed = false;
			if (fault && 'delayMs' in fault) {
				delayed = true;
				await sleep(fault.delayMs);
				if (res.destroyed || req.socket.destroyed) return record(0, 'delay')(false);
			} else if (fault) {
				return this.send(res, fault, record(fault.status, 'canned'));
			}
			const answer = await this.route(recorded);
			// Counted on arrival, as a provider counts it; the answer takes the round trip to come back.
			if (this.timing.latencyMs > 0) await sleep(this.timing.latencyMs);
			this.send(res, answer, record(answer.status, delayed ? 'delay' : undefined));
		} catch (error) {
			this.send(res, text(500, `Mock error: ${(error as Error).message}`), record(500));
		}
	}

	/** Writes the status, the headers and half of the body, then destroys the socket. */
	private sendHalf(res: ServerResponse, answer: MockResponse, record: (status: number, fault?: FaultName) => (complete: boolean) => void): void {
		const payload = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
		res.writeHead(answer.status, {
			'Content-Type': answer.contentType ?? 'application/json; charset=utf-8',
			'Content-Length': Buffer.byteLength(payload),
			...answer.headers,
		});
		res.write(payload.slice(0, Math.max(1, Math.floor(payload.length / 2))), () => {
			// Let the client read what was written before the connection goes.
			setTimeout(() => res.socket?.destroy(), 10).unref();
		});
		record(answer.status, 'resetMidResponse')(false);
	}

	private send(res: ServerResponse, answer: MockResponse, recorded?: (complete: boolean) => void): void {
		if (res.destroyed) {
			recorded?.(false);
			return;
		}
		if (recorded) {
			res.on('finish', () => recorded(true));
			res.on('close', () => {
				if (!res.writableFinished) recorded(false);
			});
		}
		const isText = typeof answer.body === 'string' || answer.body === undefined;
		const payload = answer.body === undefined ? '' : isText ? (answer.body as string) : JSON.stringify(answer.body);
		const contentType =
			answer.contentType ?? (isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8');
		res.writeHead(answer.status, {
			'Content-Type': contentType,
			'Content-Length': Buffer.byteLength(payload),
			...answer.headers,
		});
		res.end(payload);
	}
}
