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
	| 'reset'
	| { delayMs: number }
	| 'html500'
	| 'malformedJson'
	| 'emptyBody';

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
 * Use directly with a handler, or subclass and override `route()` (and `resetState()`).
 */
export class HttpMock {
	readonly requests: RecordedRequest[] = [];
	private faults: Array<{ fault: Fault; remaining: number; match?: InjectOptions['match'] }> = [];
	private readonly server: Server;
	private port = 0;
	private readonly sockets = new Set<Socket>();
	private readonly basePath: string;

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

		try {
			const fault = this.takeFault(recorded);
			if (fault === 'reset') {
				req.socket.destroy();
				return;
			}
			if (fault === 'html500') {
				return this.send(res, {
					status: 500,
					contentType: 'text/html; charset=utf-8',
					body: '<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>',
				});
			}
			if (fault === 'malformedJson') {
				return this.send(res, { status: 200, contentType: 'application/json', body: '{"truncated": ' });
			}
			if (fault === 'emptyBody') {
				return this.send(res, { status: 200, contentType: 'application/json', body: '' });
			}
			if (fault && 'delayMs' in fault) {
				await sleep(fault.delayMs);
				if (res.destroyed || req.socket.destroyed) return;
			} else if (fault) {
				return this.send(res, fault);
			}
			this.send(res, await this.route(recorded));
		} catch (error) {
			this.send(res, text(500, `Mock error: ${(error as Error).message}`));
		}
	}

	private send(res: ServerResponse, answer: MockResponse): void {
		if (res.destroyed) return;
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
