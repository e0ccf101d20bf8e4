import { createHash } from 'node:crypto';
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { clockOfExecutions, type Clock } from './clock';
import { requestOptionFields } from './descriptions';
import { isRecord } from './records';
import { providerMessage, redact, secretForms } from './errors';
import { buildBody } from './fields';
import { header, momentOf, pacerFor, type Pacer, type RateWindow } from './throttle';

/**
 * What every credential of the pack holds, and all the pipeline reads of one: the key (for
 * pacing and redaction) and the base URL requests go to; a provider may read more (`rateLimits`,
 * `checkCredentials`).
 */
export interface ProviderCredentials extends IDataObject {
	apiKey: string;
	baseUrl: string;
}

/** Everything the pipeline needs to know about one provider; `common/` names no provider. */
export interface Provider {
	/** As users know it, used in error messages: "lemlist", "Smartlead". */
	name: string;
	credentialType: string;
	/** The provider's published limits per key, or, where none is published, read from the credential. */
	rateLimits: RateWindow[] | ((credentials: ProviderCredentials) => RateWindow[]);
	/** No published limit: the provider's X-RateLimit counters set the pace, `rateLimits` is the fallback. */
	limitsFromCounters?: boolean;
	/** Items of one execution in flight at once; the pacer still holds the provider's limit. */
	concurrency: number;
	/** Where an action's output keeps an answer that is a list rather than one record (see `withIds`). */
	listKey: string;
	/** Errors that a retry cannot fix although their status says "server error". */
	isPermanent?: (status: number, message: string) => boolean;
	/** Checks the credential before any request; returns what is wrong, if anything. */
	checkCredentials?: (credentials: ProviderCredentials) => string | undefined;
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
	/**
	 * Whether sending it twice leaves the provider as sending it once (a status change, an update).
	 * Default: every method but POST. A request that is not (adding leads, registering a hook) is
	 * sent again only when it provably never reached the provider: a 429, or a name that did not
	 * resolve; never after a timeout, a reset, a 5xx or a 2xx, when the provider may have done it.
	 */
	idempotent?: boolean;
	/** Values besides the key that no error may show (a webhook's secret sent in the body). */
	conceal?: string[];
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
	// An operation's own fields of Options are its business (and checked by the router).
	const mine = isRecord(values)
		? Object.fromEntries(requestOptionFields.filter(({ name }) => Object.prototype.hasOwnProperty.call(values, name)).map(({ name }) => [name, values[name]]))
		: values;
	const options = buildBody(ctx.getNode(), requestOptionFields, mine, itemIndex, 'options');
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

/** Failures before a request left this machine: one that is not idempotent may go again. */
const NEVER_SENT_CODES = new Set(['EAI_AGAIN']);
/** Failures after which the provider cannot have the request: nothing listened, or no such host. */
const NEVER_ARRIVED_CODES = new Set([...NEVER_SENT_CODES, 'ECONNREFUSED', 'ENOTFOUND']);

/** Errors of requests the provider may have carried out although no answer said so. */
const outcomeUnknown = new WeakSet<object>();

/**
 * Whether `error` is a request's failure after which the provider may hold what it asked for (a
 * timeout, a connection reset after sending, a 5xx, a 2xx that could not be read): what a caller
 * that must not repeat it checks before sending again (see `webhookLifecycle`).
 */
export const mayHaveBeenCarriedOut = (error: unknown) => typeof error === 'object' && error !== null && outcomeUnknown.has(error);

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

/** A request ready to send: its options, the pacer of its key, the policy and a redactor of its key. */
interface PreparedRequest {
	provider: Provider;
	options: IHttpRequestOptions;
	pacer: Pacer;
	policy: RetryPolicy;
	clock: Clock;
	itemIndex: number;
	/** `GET /path`, for messages. */
	where: string;
	safe: (text: string) => string;
	allowMissing: boolean;
	idempotent: boolean;
}

/** An answer the provider gave, as the HTTP client hands it over. */
interface Answer {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/** What an error item says; `tries` is " (after n attempts)" once a request was tried again. */
type Failure = (tries: string) => { message: string; description: string; httpCode: string };

/**
 * What to do with an answer: hand back its value, wait as a 429 asks (then try again), or fail —
 * after trying again with backoff if the failure is transient.
 */
type Outcome =
	| { kind: 'value'; value: unknown }
	| { kind: 'wait'; waitMs?: number; failure: Failure }
	| { kind: 'fail'; transient: boolean; failure: Failure };

/** The credential as the pipeline reads it: the key as text, the base URL without a trailing slash. */
async function readCredentials(ctx: RequestContext, provider: Provider): Promise<ProviderCredentials> {
	const credentials = await ctx.getCredentials(provider.credentialType);
	const apiKey = String(credentials.apiKey ?? '');
	return { ...credentials, apiKey, baseUrl: String(credentials.baseUrl ?? '').trim().replace(/\/+$/, '') };
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * What is wrong with a Base URL, if anything: the key goes wherever it points, so it must be
 * `https://`, or `http://` to this machine only (the sandbox, a local proxy), and carry no user
 * name or password (`https://api.lemlist.com@other.host/` is other.host).
 */
export function baseUrlProblem(baseUrl: string): string | undefined {
	let url: URL;
	try {
		url = new URL(baseUrl);
	} catch {
		return `The Base URL of the credential is not a URL: "${baseUrl.slice(0, 100)}"`;
	}
	if (url.username || url.password) return 'The Base URL of the credential must not hold a user name or password (anything before "@")';
	if (url.protocol === 'https:') return undefined;
	if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return undefined;
	return `The Base URL of the credential must start with https:// (http:// only to localhost), not "${url.protocol}//${url.host}"`;
}

/** Reads and checks the credential, finds the key's pacer and builds the request's options. */
async function prepare(ctx: RequestContext, provider: Provider, request: ApiRequest, itemIndex: number, clock: Clock): Promise<PreparedRequest> {
	const policy = policyFor(ctx, itemIndex);
	const credentials = await readCredentials(ctx, provider);
	// The key as typed and as sent (a credential may trim it).
	const secrets = [...secretForms(credentials.apiKey), ...secretForms(credentials.apiKey.trim()), ...(request.conceal ?? [])];
	const safe = (text: string) => redact(text, secrets);

	const credentialProblem = baseUrlProblem(credentials.baseUrl) ?? provider.checkCredentials?.(credentials);
	if (credentialProblem) {
		throw new NodeOperationError(ctx.getNode(), safe(credentialProblem), { itemIndex });
	}

	const limits = typeof provider.rateLimits === 'function' ? provider.rateLimits(credentials) : provider.rateLimits;
	const pacer = pacerFor(`${pacingKey(provider, credentials)}|${JSON.stringify(limits)}`, limits, clock, {
		limitsFromCounters: provider.limitsFromCounters,
	});
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${credentials.baseUrl}${request.path}`,
		qs: request.qs,
		body: request.body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// A redirect is never followed: the client would hand the key to wherever it points.
		disableFollowRedirect: true,
		timeout: policy.timeoutMs,
	};
	return {
		provider,
		options,
		pacer,
		policy,
		clock,
		itemIndex,
		where: `${request.method} ${request.path}`,
		safe,
		allowMissing: request.allowMissing === true,
		idempotent: request.idempotent ?? request.method !== 'POST',
	};
}

/** What an answer means: a value, a wait before trying again, or a failure in the provider's words. */
function classify({ provider, where, allowMissing }: PreparedRequest, { statusCode: status, headers, body }: Answer, now: number): Outcome {
	const httpCode = String(status);
	if (status >= 200 && status < 300) {
		const success = successBody(body);
		if (success.json) return { kind: 'value', value: success.value };
		// Cut short or not from the API at all (a proxy's page): the next answer may be whole.
		return {
			kind: 'fail',
			transient: true,
			failure: (tries) => ({
				message: `${provider.name} answered ${status} with a body that is not JSON${tries}`,
				description: `${where} got an answer that cannot be read: ${success.preview}`,
				httpCode,
			}),
		};
	}
	if (status === 404 && allowMissing) return { kind: 'value', value: undefined };
	if (status >= 300 && status < 400) {
		const location = header(headers ?? {}, 'location') ?? 'nowhere';
		return {
			kind: 'fail',
			transient: false,
			failure: () => ({
				message: `${provider.name} answered ${status}, a redirect to ${location}: not followed`,
				description: `${where} was redirected. The pack never follows a redirect, so the key is never sent to another address; check the Base URL of the credential.`,
				httpCode,
			}),
		};
	}
	const message = providerMessage(body) ?? `HTTP ${status}`;
	const failure: Failure = (tries) => ({
		message: `${provider.name} answered ${status}: ${message}`,
		description: `${where} was refused${tries}. ${provider.name} said: ${message}`,
		httpCode,
	});
	if (status === 429) return { kind: 'wait', waitMs: retryAfterMs(headers ?? {}, now), failure };
	return { kind: 'fail', transient: RETRIABLE_STATUS.has(status) && !provider.isPermanent?.(status, message), failure };
}

/**
 * Sends a prepared request until an answer settles it: paced per key, 429s waited out as the
 * provider asks, transient failures (5xx, reset connections, timeouts, a 2xx that is not JSON)
 * tried again with backoff within the policy's tries and deadline.
 */
async function sendPrepared(ctx: RequestContext, request: PreparedRequest): Promise<unknown> {
	const { provider, options, pacer, policy, clock, itemIndex, where, safe, idempotent } = request;
	const node = ctx.getNode();
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

		let answer: Answer;
		try {
			answer = await ctx.helpers.httpRequestWithAuthentication.call(ctx, provider.credentialType, { ...options });
		} catch (error) {
			release();
			const failure = networkFailure(error);
			const retriable = idempotent ? RETRIABLE_NETWORK_CODES.has(failure.code) : NEVER_SENT_CODES.has(failure.code);
			if (retriable && (await backOff())) continue;
			const unreached = apiError(node, itemIndex, {
				message: safe(`Could not reach ${provider.name}: ${failure.message}${tries}`),
				description: safe(`${where} failed before ${provider.name} answered (${failure.code}).`),
			});
			if (!NEVER_ARRIVED_CODES.has(failure.code)) outcomeUnknown.add(unreached);
			throw unreached;
		}

		// A 429's counters describe a request the provider did not count: its wait is what matters.
		release(answer.statusCode === 429 ? undefined : answer.headers);
		const outcome = classify(request, answer, clock.now());
		if (outcome.kind === 'value') return outcome.value;
		if (outcome.kind === 'wait') {
			const waitMs = outcome.waitMs ?? backoffMs(attempt, policy.baseDelayMs);
			if (canRetry(waitMs)) {
				pacer.pauseUntil(clock.now() + waitMs);
				continue;
			}
		} else if (outcome.transient && idempotent && (await backOff())) {
			continue;
		}
		const { message, description, httpCode } = outcome.failure(tries);
		const refused = apiError(node, itemIndex, { message: safe(message), description: safe(description), httpCode });
		// A 5xx or an unreadable 2xx says nothing of whether the work was done.
		if (outcome.kind === 'fail' && outcome.transient) outcomeUnknown.add(refused);
		throw refused;
	}
}

/**
 * The one request pipeline of the pack: prepare (credential, pacer, options), send with retries,
 * and turn what is left into a NodeApiError that carries the provider's own message and no
 * secret. All waiting and every deadline go through `clock`.
 */
export async function apiRequest(
	this: RequestContext,
	provider: Provider,
	request: ApiRequest,
	itemIndex = 0,
	clock: Clock = clockOfExecutions(),
): Promise<unknown> {
	return await sendPrepared(this, await prepare(this, provider, request, itemIndex, clock));
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
function pacingKey(provider: Provider, { apiKey, baseUrl }: ProviderCredentials): string {
	const keyHash = createHash('sha256').update(apiKey).digest('hex').slice(0, 16);
	return `${provider.credentialType}|${baseUrl}|${keyHash}`;
}
