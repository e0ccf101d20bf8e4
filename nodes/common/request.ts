import { createHash } from 'node:crypto';
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { systemClock, type Clock } from './clock';
import { requestOptions } from './descriptions';
import { providerMessage, redact, secretForms } from './errors';
import { buildBody } from './fields';
import { header, momentOf, pacerFor, type RateWindow } from './throttle';

/** Everything the pipeline needs to know about one provider; `common/` names no provider. */
export interface Provider {
	/** As users know it, used in error messages: "lemlist", "Smartlead". */
	name: string;
	credentialType: string;
	/** The provider's published limits per key, or, where none is published, read from the credential. */
	rateLimits: RateWindow[] | ((credentials: IDataObject) => RateWindow[]);
	/** No published limit: the provider's X-RateLimit counters set the pace, `rateLimits` is the fallback. */
	limitsFromCounters?: boolean;
	/** Items of one execution in flight at once; the pacer still holds the provider's limit. */
	concurrency: number;
	/** Errors that a retry cannot fix although their status says "server error". */
	isPermanent?: (status: number, message: string) => boolean;
	/** Takes the useful part out of a success body (e.g. an envelope's `data`). */
	unwrap?: (body: unknown) => unknown;
	/** Checks the credential before any request; returns what is wrong, if anything. */
	checkCredentials?: (credentials: IDataObject) => string | undefined;
}

export interface RetryPolicy {
	/** Further attempts after the first, for 429s and transient failures together. */
	maxRetries: number;
	/** The longest the pipeline waits in total for one request before giving up. */
	maxWaitMs: number;
	/** First backoff step for transient failures; doubles per attempt, with jitter. */
	baseDelayMs: number;
	timeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxRetries: 5,
	maxWaitMs: 120_000,
	baseDelayMs: 500,
	timeoutMs: 30_000,
};

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Built with `apiPath`, so every ID in it is encoded. */
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	/** A 404 answers `undefined` instead of failing: for what may already be gone (a deleted hook). */
	allowMissing?: boolean;
}

// Node runs, pickers, and a trigger's webhook registration (IHookFunctions).
type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions;

/**
 * The retry policy of an item: the node's Options where the node runs items, else the defaults.
 * Options from an expression are checked like any field (type and range) before any request.
 */
function policyFor(ctx: RequestContext, itemIndex: number): RetryPolicy {
	// Pickers and webhook registration run outside an execution and have no items or Options.
	if (!('getInputData' in ctx)) return DEFAULT_RETRY_POLICY;
	const values = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const fields = (requestOptions.options ?? []) as INodeProperties[];
	const options = buildBody(ctx.getNode(), fields, values, itemIndex, 'options');
	const number = (value: unknown, fallback: number) => (typeof value === 'number' ? value : fallback);
	return {
		...DEFAULT_RETRY_POLICY,
		maxRetries: number(options.maxRetries, DEFAULT_RETRY_POLICY.maxRetries),
		maxWaitMs: number(options.maxWaitSeconds, DEFAULT_RETRY_POLICY.maxWaitMs / 1000) * 1000,
		timeoutMs: number(options.timeoutSeconds, DEFAULT_RETRY_POLICY.timeoutMs / 1000) * 1000,
	};
}

/**
 * A path whose interpolated values are each encoded as one path segment, so no ID can change
 * which endpoint is called (`../x`, `a/b`, `?x=1` all stay inside their segment).
 */
export function apiPath(strings: TemplateStringsArray, ...ids: Array<string | number>): string {
	return strings.reduce((path, part, index) => {
		if (index === 0) return part;
		const id = String(ids[index - 1]);
		// "." and ".." survive encoding and are resolved away by URL parsers.
		if (id === '.' || id === '..') throw new Error(`"${id}" is not a valid ID`);
		return `${path}${encodeURIComponent(id)}${part}`;
	}, '');
}

const RETRIABLE_STATUS = new Set([500, 502, 503, 504]);
const RETRIABLE_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ERR_BAD_RESPONSE',
]);

const NETWORK_MESSAGES: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused; check the Base URL of the credential',
	ENOTFOUND: 'the host was not found; check the Base URL of the credential',
	ECONNRESET: 'the connection was reset',
	// The HTTP client's name for an answer whose connection closed before its end.
	ERR_BAD_RESPONSE: 'the connection was reset before the whole answer arrived',
	ECONNABORTED: 'the request timed out',
	ETIMEDOUT: 'the request timed out',
};

/** Milliseconds a 429 asks us to wait: `Retry-After` (seconds or a date), else the reset header. */
export function retryAfterMs(headers: IDataObject, now: number): number | undefined {
	const retryAfter = header(headers, 'retry-after');
	// Retry-After in plain digits is always seconds from now, however large.
	if (retryAfter && /^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter) * 1000;
	for (const value of [retryAfter, header(headers, 'x-ratelimit-reset')]) {
		const moment = value ? momentOf(value, now) : undefined;
		if (moment !== undefined) return Math.max(0, moment - now);
	}
	return undefined;
}

function backoffMs(attempt: number, baseDelayMs: number): number {
	const ceiling = Math.min(baseDelayMs * 2 ** attempt, 30_000);
	return ceiling / 2 + Math.random() * (ceiling / 2);
}

interface NetworkFailure {
	code: string;
	message: string;
}

/** The thrown error's cause, reduced to a code and a message that carry no request details. */
function networkFailure(error: unknown): NetworkFailure {
	// n8n wraps the client's error in a NodeApiError whose httpCode holds the network code.
	const candidates = [error, (error as { cause?: unknown })?.cause];
	for (const candidate of candidates) {
		for (const code of [(candidate as { code?: unknown })?.code, (candidate as { httpCode?: unknown })?.httpCode]) {
			if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) {
				return { code, message: NETWORK_MESSAGES[code] ?? `network error ${code}` };
			}
		}
	}
	const message = String((error as Error)?.message ?? error);
	if (/socket hang up/i.test(message)) return { code: 'ECONNRESET', message: 'the connection was reset' };
	if (/timeout/i.test(message)) return { code: 'ETIMEDOUT', message: 'the request timed out' };
	return { code: 'UNKNOWN', message };
}

/**
 * The one request pipeline of the pack: pace per credential, send through the node's credential,
 * wait out 429s, retry transient failures with backoff, and turn what is left into a NodeApiError
 * that carries the provider's own message and no secret. All waiting and every deadline go
 * through `clock`.
 */
export async function apiRequest(
	this: RequestContext,
	provider: Provider,
	request: ApiRequest,
	itemIndex = 0,
	clock: Clock = systemClock,
): Promise<unknown> {
	const node = this.getNode();
	const policy = policyFor(this, itemIndex);
	const credentials = await this.getCredentials(provider.credentialType);
	const apiKey = String(credentials.apiKey ?? '');
	const secrets = secretForms(apiKey);
	const safe = (text: string) => redact(text, secrets);

	const credentialProblem = provider.checkCredentials?.(credentials);
	if (credentialProblem) {
		throw new NodeOperationError(node, safe(credentialProblem), { itemIndex });
	}

	const baseUrl = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
	const limits = typeof provider.rateLimits === 'function' ? provider.rateLimits(credentials) : provider.rateLimits;
	const pacer = pacerFor(`${pacingKey(provider, baseUrl, apiKey)}|${JSON.stringify(limits)}`, limits, clock, {
		limitsFromCounters: provider.limitsFromCounters,
	});
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		qs: request.qs,
		body: request.body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: policy.timeoutMs,
	};
	const where = `${request.method} ${request.path}`;
	const deadline = clock.now() + policy.maxWaitMs;

	for (let attempt = 0; ; attempt++) {
		const release = await pacer.acquire();
		const canRetry = (waitMs: number) => attempt < policy.maxRetries && clock.now() + waitMs <= deadline;
		/** Backs off and answers true when one more attempt fits the policy. */
		const backOff = async () => {
			const waitMs = backoffMs(attempt, policy.baseDelayMs);
			if (!canRetry(waitMs)) return false;
			await clock.sleep(waitMs);
			return true;
		};
		const tries = attempt > 0 ? ` (after ${attempt + 1} attempts)` : '';

		let response: { statusCode: number; headers: IDataObject; body: unknown };
		try {
			response = await this.helpers.httpRequestWithAuthentication.call(this, provider.credentialType, { ...options });
		} catch (error) {
			release();
			const failure = networkFailure(error);
			if (RETRIABLE_NETWORK_CODES.has(failure.code) && (await backOff())) continue;
			throw apiError(node, itemIndex, {
				message: safe(`Could not reach ${provider.name}: ${failure.message}${tries}`),
				description: safe(`${where} failed before ${provider.name} answered (${failure.code}).`),
			});
		}

		// A 429's counters describe a request the provider did not count: its wait is what matters.
		release(response.statusCode === 429 ? undefined : response.headers);
		const { statusCode: status, headers, body } = response;
		if (status >= 200 && status < 300) {
			const success = successBody(body);
			if (success.json) return provider.unwrap ? provider.unwrap(success.value) : success.value;
			// Cut short or not from the API at all (a proxy's page): the next answer may be whole.
			if (await backOff()) continue;
			throw apiError(node, itemIndex, {
				message: safe(`${provider.name} answered ${status} with a body that is not JSON${tries}`),
				description: safe(`${where} got an answer that cannot be read: ${success.preview}`),
				httpCode: String(status),
			});
		}

		if (status === 404 && request.allowMissing) return undefined;
		const message = providerMessage(body) ?? `HTTP ${status}`;
		if (status === 429) {
			const waitMs = retryAfterMs(headers ?? {}, clock.now()) ?? backoffMs(attempt, policy.baseDelayMs);
			if (canRetry(waitMs)) {
				pacer.pauseUntil(clock.now() + waitMs);
				continue;
			}
		} else if (RETRIABLE_STATUS.has(status) && !provider.isPermanent?.(status, message) && (await backOff())) {
			continue;
		}

		throw apiError(node, itemIndex, {
			message: safe(`${provider.name} answered ${status}: ${message}`),
			description: safe(`${where} was refused${tries}. ${provider.name} said: ${message}`),
			httpCode: String(status),
		});
	}
}

/**
 * What a 2xx answer holds. An empty body is a success with nothing to say (`{}`); text that is not
 * JSON (a truncated answer, an HTML page) is not an answer a JSON API gives.
 */
function successBody(body: unknown): { json: true; value: unknown } | { json: false; preview: string } {
	if (body === undefined || body === null) return { json: true, value: {} };
	if (Buffer.isBuffer(body)) return successBody(body.toString('utf8'));
	if (typeof body !== 'string') return { json: true, value: body };
	const text = body.trim();
	if (text === '') return { json: true, value: {} };
	try {
		const value: unknown = JSON.parse(text);
		if (typeof value === 'object' && value !== null) return { json: true, value };
	} catch {
		// Not JSON: reported below.
	}
	const preview = text.replace(/\s+/g, ' ');
	return { json: false, preview: `"${preview.length > 100 ? `${preview.slice(0, 100)}…` : preview}"` };
}

function apiError(
	node: INode,
	itemIndex: number,
	details: { message: string; description: string; httpCode?: string },
): NodeApiError {
	// Built from our own redacted strings only: the HTTP client's error holds the full request.
	const response: JsonObject = { message: details.message };
	if (details.httpCode) response.httpCode = details.httpCode;
	return new NodeApiError(node, response, { ...details, itemIndex });
}

/** Pacing is shared per key and base URL; the key itself is only ever kept as a hash. */
function pacingKey(provider: Provider, baseUrl: string, apiKey: string): string {
	const keyHash = createHash('sha256').update(apiKey).digest('hex').slice(0, 16);
	return `${provider.credentialType}|${baseUrl}|${keyHash}`;
}
