import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { waitFor } from './n8n';
import type { DeliveryResult, HookStore } from './providers/hooks';
import type { HttpMock } from './providers/http-mock';
import { startLemlistMock } from './providers/lemlist';
import { SENDKIT_SEED, startSendKitMock } from './providers/sendkit';
import { startSmartleadMock } from './providers/smartlead';

/** A stand-in that can send its provider's webhook events to the hooks registered with it. */
type DeliveringMock = HttpMock & { hooks: HookStore; deliver(event: string, fields?: Record<string, unknown>): Promise<DeliveryResult[]> };

/**
 * Which provider sends an event, by the shape of its name: Smartlead's are UPPER_CASE
 * (`EMAIL_REPLY`), SendKit's dotted (`email.replied`), lemlist's camelCase (`emailsReplied`).
 */
export function providerOfEvent(event: string): string {
	if (/^[A-Z][A-Z_]+$/.test(event)) return 'smartlead';
	if (event.includes('.')) return 'sendkit';
	return 'lemlist';
}

/** One provider stand-in behind the sandbox, reached under `/<name>` on the sandbox's port. */
interface SandboxProvider {
	name: string;
	mock: DeliveringMock;
	/** What the credential's Base URL is, below the sandbox origin. */
	basePath: string;
	apiKey: string;
	/** The n8n credential that reaches this stand-in (the ids examples/*.json refer to). */
	credential: { id: string; name: string; type: string };
}

/** The providers of the sandbox: the same stand-ins the tests use, with their seed data. */
async function startProviders(): Promise<SandboxProvider[]> {
	const lemlistKey = 'sandbox-lemlist-key';
	const smartleadKey = 'sandbox-smartlead-key';
	return [
		{
			name: 'lemlist',
			mock: await startLemlistMock({ apiKey: lemlistKey }),
			basePath: '/api',
			apiKey: lemlistKey,
			credential: { id: 'sandboxLemlist01', name: 'lemlist (sandbox)', type: 'lemlistOutreachApi' },
		},
		{
			name: 'smartlead',
			mock: await startSmartleadMock({ apiKey: smartleadKey }),
			basePath: '/api/v1',
			apiKey: smartleadKey,
			credential: { id: 'sandboxSmartlead1', name: 'Smartlead (sandbox)', type: 'smartleadOutreachApi' },
		},
		{
			name: 'sendkit',
			mock: await startSendKitMock(),
			basePath: '',
			apiKey: SENDKIT_SEED.workspaceKey,
			credential: { id: 'sandboxSendKit01', name: 'SendKit (sandbox)', type: 'sendKitOutreachApi' },
		},
	];
}

export interface SandboxRequest {
	provider: string;
	method: string;
	/** Path as the provider saw it, query included, with any `api_key` value hidden. */
	path: string;
	body: unknown;
	status: number;
	ms: number;
}

export interface Sandbox {
	origin: string;
	/** The providers' names, which are also their path prefixes. */
	providers: string[];
	/** The Base URL a credential of this provider needs to reach its stand-in. */
	baseUrl(provider: string): string;
	apiKey(provider: string): string;
	/** Credentials to import into n8n, one per provider, pointing at the sandbox. */
	credentials(): Array<{ id: string; name: string; type: string; data: Record<string, string> }>;
	requests: SandboxRequest[];
	mock(provider: string): HttpMock;
	/**
	 * Sends a webhook event (`EMAIL_REPLY`, `emailsReplied`, `email.replied`) from its provider's
	 * stand-in to every hook registered for it, as the provider would; `fields` override the body's.
	 * With `to`, only to the hooks whose URL contains it (a trigger node's webhookId), where other
	 * published workflows listen to the same event.
	 */
	deliver(event: string, fields?: Record<string, unknown>, to?: string): Promise<DeliveryResult[]>;
	close(): Promise<void>;
}

const hideKey = (path: string) => path.replace(/(api_key=)[^&]+/g, '$1***');

async function readBody(message: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of message) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

function describeLine(entry: SandboxRequest): string {
	const body = entry.body === undefined || entry.body === '' ? '' : ` ${JSON.stringify(entry.body)}`;
	const shown = body.length > 160 ? `${body.slice(0, 157)}...` : body;
	return `${entry.provider.padEnd(9)} ${entry.method.padEnd(6)} ${entry.path} -> ${entry.status} (${entry.ms} ms)${shown}`;
}

/**
 * The provider stand-ins that the tests use, on one loopback port: `/lemlist/api/...` and so on.
 * Each request is forwarded to its provider's stand-in, recorded, and (with `log`) printed as a line.
 */
export async function startSandbox({ port = 0, log }: { port?: number; log?: (line: string) => void } = {}): Promise<Sandbox> {
	const providers = await startProviders();
	const requests: SandboxRequest[] = [];
	const deliver = async (event: string, fields?: Record<string, unknown>, to?: string) => {
		const name = providerOfEvent(event);
		const { mock } = providers.find((candidate) => candidate.name === name)!;
		// A stand-in picks its hooks before its first await: the scope is lifted right after, so a
		// delivery started meanwhile (a test's, from an onAdd) reaches every hook as before.
		mock.hooks.scope = to === undefined ? undefined : (hook) => hook.url.includes(to);
		const delivering = mock.deliver(event, fields);
		mock.hooks.scope = undefined;
		const results = await delivering;
		for (const result of results) log?.(`${name.padEnd(9)} DELIVER ${event} to ${result.url.replace(/(token=)[^&]+/, '$1***')} -> ${result.status}`);
		return results;
	};

	const server: Server = createServer((incoming, outgoing) => {
		void (async () => {
			const started = Date.now();
			const [, name, ...rest] = (incoming.url ?? '/').split('/');
			const provider = providers.find((candidate) => candidate.name === name);
			const body = await readBody(incoming);
			if (name === '_deliver' && incoming.method === 'POST') {
				// `npm run sandbox -- --deliver EVENT` reaches a running sandbox here.
				const event = decodeURIComponent(rest.join('/'));
				const fields = body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
				const results = await deliver(event, fields);
				outgoing.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(results));
				return;
			}
			if (!provider) {
				outgoing.writeHead(404, { 'Content-Type': 'text/plain' }).end(`No provider "${name}" in the sandbox; try ${providers.map((candidate) => `/${candidate.name}`).join(', ')}`);
				return;
			}
			const path = `/${rest.join('/')}`;
			const forwarded = httpRequest(`${provider.mock.origin}${path}`, {
				method: incoming.method,
				headers: { ...incoming.headers, host: new URL(provider.mock.origin).host },
			});
			forwarded.on('response', (answer) => {
				outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(outgoing);
				const text = body.toString('utf8');
				let parsed: unknown = text;
				try {
					parsed = text ? JSON.parse(text) : undefined;
				} catch {
					// Not JSON: keep the text.
				}
				const entry = { provider: provider.name, method: incoming.method ?? 'GET', path: hideKey(path), body: parsed, status: answer.statusCode ?? 0, ms: Date.now() - started };
				requests.push(entry);
				log?.(describeLine(entry));
			});
			// A fault the stand-in was told to inject (a reset connection) reaches the client as one.
			forwarded.on('error', () => outgoing.destroy());
			forwarded.end(body);
		})();
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const find = (name: string) => {
		const provider = providers.find((candidate) => candidate.name === name);
		if (!provider) throw new Error(`No provider "${name}" in the sandbox`);
		return provider;
	};

	return {
		origin,
		providers: providers.map((provider) => provider.name),
		baseUrl: (name) => `${origin}/${name}${find(name).basePath}`,
		apiKey: (name) => find(name).apiKey,
		credentials: () =>
			providers.map((provider) => ({
				...provider.credential,
				data: { apiKey: provider.apiKey, baseUrl: `${origin}/${provider.name}${provider.basePath}` },
			})),
		requests,
		mock: (name) => find(name).mock,
		deliver,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
			await Promise.all(providers.map(async (provider) => await provider.mock.close()));
		},
	};
}

/**
 * Delivers `event` once n8n serves the registered hook: a published workflow's hook may be
 * registered a moment before n8n answers on its URL (404 until then). Answers the one delivery.
 */
export async function deliverWhenServed(sandbox: Sandbox, event: string, fields?: Record<string, unknown>, to?: string): Promise<DeliveryResult> {
	return await waitFor(`n8n to serve the hook for ${event}${to ? ` at ${to}` : ''}`, async () => {
		const results = await sandbox.deliver(event, fields, to);
		if (results.length > 1) throw new Error(`${results.length} hooks are registered for ${event}; one was expected`);
		return results.length === 1 && results[0].status !== 404 ? results[0] : undefined;
	});
}
