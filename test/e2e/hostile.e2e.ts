import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { gzipSync } from 'node:zlib';

import { freePort, N8nInstance, N8N_VERSION, waitFor, type ExecutionResult, type FinishedExecution, type N8nServer } from '../../sandbox/n8n';
import { deliverWhenServed, startSandbox, type Sandbox } from '../../sandbox/sandbox';
import type { HookStore, Outgoing } from '../../sandbox/providers/hooks';

/**
 * What a hostile gateway or sender tries, in a real n8n (2.8.4, or N8N_E2E_VERSION): a Base URL
 * that redirects elsewhere (`n8n execute`), and deliveries to the triggers' production URLs that
 * are gzipped, corrupt, inflate without end, exceed n8n's payload limit, nest 10,000 deep or put
 * lists where text belongs (one `n8n start`). No key reaches another origin; a genuine delivery
 * runs once whatever its encoding, nothing else runs or fails an execution, and n8n still runs the
 * next genuine delivery.
 */
let sandbox: Sandbox;
let n8n: N8nInstance;
let server: N8nServer;

interface Recorder {
	origin: string;
	seen: Array<{ url: string; headers: IncomingHttpHeaders }>;
	close(): Promise<void>;
}

/** A bare HTTP server on 127.0.0.1 that records each request and answers as `answer` says. */
async function recorder(answer: (url: string) => { status: number; headers: Record<string, string>; body: string }): Promise<Recorder> {
	const seen: Recorder['seen'] = [];
	const http: Server = createServer((request, response) => {
		seen.push({ url: request.url ?? '/', headers: request.headers });
		request.resume();
		const { status, headers, body } = answer(request.url ?? '/');
		response.writeHead(status, { ...headers, 'Content-Length': Buffer.byteLength(body) }).end(body);
	});
	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
	return {
		origin: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
		seen,
		close: async () => {
			http.closeAllConnections();
			await new Promise<void>((resolve) => http.close(() => resolve()));
		},
	};
}

// ---- A Base URL that answers with a redirect to another origin -------------------------------

/** Where the redirects point: it must never be asked anything. */
let elsewhere: Recorder;
/** The credentials' Base URL: `/s<status>/...` answers <status> to the same path on `elsewhere`. */
let redirecting: Recorder;
let redirectRun: { ok: boolean; result?: ExecutionResult; output: string };

const REDIRECTS = [301, 302, 307, 308];
const READERS = [
	{ provider: 'lemlist', name: 'lemlist', type: 'lemlist', credential: 'lemlistOutreachApi', apiKey: 'hostile-lemlist-key-0a1b2c3d', campaignId: 'cam_A1', path: '/campaigns/cam_A1' },
	{ provider: 'smartlead', name: 'Smartlead', type: 'smartlead', credential: 'smartleadOutreachApi', apiKey: 'hostile-smartlead-key-4e5f6a7b', campaignId: '101', path: '/campaigns/101' },
	{ provider: 'sendkit', name: 'SendKit', type: 'sendKit', credential: 'sendKitOutreachApi', apiKey: 'sk_hostile_sendkit_key_8c9d0e1f', campaignId: '665a1b2c3d4e5f6a7b8c9d0e', path: '/v1/campaigns/665a1b2c3d4e5f6a7b8c9d0e' },
];
const REDIRECTED = REDIRECTS.flatMap((status) => READERS.map((reader) => ({ ...reader, status, node: `${reader.name} ${status}`, prefix: `/s${status}/${reader.provider}` })));
const REDIRECT_WORKFLOW = 'e2eHostileRedir1';
const credentialId = (test: (typeof REDIRECTED)[number]) => `hr${test.provider.slice(0, 4)}${test.status}`.padEnd(16, '0');

/** Every form a key takes on the wire: as typed, and in Basic auth (`:key` and `key` in base64). */
const keyForms = (key: string) => [key, Buffer.from(`:${key}`).toString('base64'), Buffer.from(key).toString('base64')];

/** A manual trigger, then one campaign read per provider and status, each with Continue On Fail. */
function redirectWorkflow() {
	const start = { id: `${REDIRECT_WORKFLOW}-0`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	const nodes = REDIRECTED.map((test, index) => ({
		id: `${REDIRECT_WORKFLOW}-${index + 1}`,
		name: test.node,
		type: `n8n-nodes-outreach.${test.type}`,
		typeVersion: 1,
		position: [240, 160 * index],
		onError: 'continueRegularOutput',
		parameters: { resource: 'campaign', operation: 'get', campaignId: { __rl: true, mode: 'id', value: test.campaignId } },
		credentials: { [test.credential]: { id: credentialId(test), name: `redirected ${test.node}` } },
	}));
	return {
		id: REDIRECT_WORKFLOW,
		name: 'e2e hostile redirects',
		nodes: [start, ...nodes],
		connections: { Start: { main: [nodes.map((node) => ({ node: node.name, type: 'main', index: 0 }))] } },
		settings: { executionOrder: 'v1' },
	};
}

// ---- Triggers and their deliveries -----------------------------------------------------------

interface TriggerCase {
	provider: string;
	workflowId: string;
	type: string;
	credential: string;
	parameters: Record<string, unknown>;
	event: string;
	/** The delivery's body less what only carries the secret, as the item must show it. */
	expectedItem(delivery: Outgoing & { body: Record<string, unknown> }): Record<string, unknown>;
}

const without = (body: Record<string, unknown>, ...keys: string[]) => Object.fromEntries(Object.entries(body).filter(([key]) => !keys.includes(key)));

const TRIGGERS: TriggerCase[] = [
	{
		provider: 'lemlist',
		workflowId: 'e2eHostileLeml01',
		type: 'lemlistTrigger',
		credential: 'lemlistOutreachApi',
		parameters: { events: ['emailsReplied'], campaignId: { __rl: true, mode: 'id', value: 'cam_A1' } },
		event: 'emailsReplied',
		expectedItem: (delivery) => without(delivery.body, 'secret'),
	},
	{
		provider: 'smartlead',
		workflowId: 'e2eHostileSmar01',
		type: 'smartleadTrigger',
		credential: 'smartleadOutreachApi',
		parameters: { campaignId: { __rl: true, mode: 'id', value: '101' }, events: ['EMAIL_REPLY'] },
		event: 'EMAIL_REPLY',
		expectedItem: (delivery) => ({ ...without(delivery.body, 'secret_key'), webhook_url: delivery.url.split('?')[0] }),
	},
	{
		provider: 'sendkit',
		workflowId: 'e2eHostileSend01',
		type: 'sendKitTrigger',
		credential: 'sendKitOutreachApi',
		parameters: { events: ['email.replied'] },
		event: 'email.replied',
		expectedItem: (delivery) => delivery.body,
	},
];

function triggerWorkflow(test: TriggerCase) {
	const credential = sandbox.credentials().find((candidate) => candidate.type === test.credential)!;
	return {
		id: test.workflowId,
		name: `e2e hostile ${test.type}`,
		nodes: [
			{
				id: `${test.workflowId}-trigger`,
				name: 'Trigger',
				type: `n8n-nodes-outreach.${test.type}`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: `0e2e0000-0000-4000-8000-${test.workflowId.slice(-12).toLowerCase().replace(/[^0-9a-f]/g, '0')}`,
				parameters: test.parameters,
				credentials: { [test.credential]: { id: credential.id, name: credential.name } },
			},
		],
		connections: {},
		settings: {},
	};
}

const hookStore = (provider: string) => (sandbox.mock(provider) as unknown as { hooks: HookStore }).hooks;

/**
 * A genuine delivery as the provider would send it (URL, exact bytes, headers), held back so the
 * test can send it in another form.
 */
async function genuine(test: TriggerCase, fields: Record<string, unknown> = {}): Promise<Outgoing & { body: Record<string, unknown> }> {
	const store = hookStore(test.provider);
	const send = store.send;
	const held: Outgoing[] = [];
	store.send = async (outgoing) => {
		held.push(outgoing);
		return { status: 0, answer: 'held back by the test' };
	};
	try {
		const results = await sandbox.deliver(test.event, fields);
		if (held.length !== 1) throw new Error(`${held.length} hooks are registered for ${test.event}; one was expected`);
		return { ...held[0], body: results[0].body };
	} finally {
		store.send = send;
	}
}

/** The secret a delivery proves: lemlist's echoed field, Smartlead's token, SendKit's HMAC key. */
const secretOf = (test: TriggerCase) => hookStore(test.provider).list()[0].secret ?? new URL(hookStore(test.provider).list()[0].url).searchParams.get('token') ?? '';
const sign = (test: TriggerCase, rawBody: Buffer | string) => createHmac('sha256', secretOf(test)).update(rawBody).digest('hex');

/** POSTs `body` as given; a connection n8n closes is status 0, so every outcome can be asserted. */
async function send(url: string, body: Buffer | string, headers: Record<string, string> | Array<[string, string]>): Promise<{ status: number; answer: string }> {
	try {
		const response = await fetch(url, { method: 'POST', headers, body });
		return { status: response.status, answer: await response.text() };
	} catch (error) {
		return { status: 0, answer: String((error as { cause?: unknown }).cause ?? error) };
	}
}

/** The headers a genuine delivery went with, JSON by default. */
const headersOf = (delivery: Outgoing, extra: Record<string, string> = {}) => ({ 'Content-Type': 'application/json', ...delivery.headers, ...extra });

/** The same JSON value as `rawBody`, padded with whitespace before its closing brace to `bytes`. */
const padded = (rawBody: string, bytes: number) => `${rawBody.slice(0, -1)}${' '.repeat(bytes - Buffer.byteLength(rawBody))}}`;

const MB = 1024 * 1024;

/** How many executions each trigger should have run: one per genuine delivery. */
const runs: Record<string, number> = {};
const itemsOf = (execution: FinishedExecution) => execution.data.resultData.runData.Trigger?.[0]?.data?.main?.[0]?.map((item) => item.json);

async function executions(test: TriggerCase): Promise<FinishedExecution[]> {
	const count = runs[test.workflowId];
	return await waitFor(`${count} executions of ${test.workflowId}`, async () => {
		const done = await server.executions(test.workflowId);
		return done.length >= count ? done : undefined;
	});
}

/**
 * A genuine delivery after hostile ones: "no execution" cannot be awaited, so the hostile ones are
 * proven to have run nothing by the count once this one has run; it also proves n8n still serves.
 */
async function settle(test: TriggerCase, subject: string) {
	const [delivery] = await sandbox.deliver(test.event, { subject });
	expect(delivery.status).toBe(200);
	runs[test.workflowId]++;
	const done = await executions(test);
	expect(done).toHaveLength(runs[test.workflowId]);
	expect(done.map((execution) => execution.status)).toEqual(Array(runs[test.workflowId]).fill('success'));
	expect(JSON.stringify(itemsOf(done[done.length - 1]))).toContain(subject);
	expect(server.child.exitCode).toBeNull();
}

beforeAll(async () => {
	sandbox = await startSandbox();
	elsewhere = await recorder(() => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ _id: 'cam_A1', id: 101, name: 'Somewhere else' }) }));
	redirecting = await recorder((url) => ({ status: Number(/^\/s(\d{3})\//.exec(url)?.[1] ?? 500), headers: { Location: `${elsewhere.origin}${url}` }, body: '' }));
	n8n = await N8nInstance.create();
	await n8n.importCredentials([
		...sandbox.credentials(),
		...REDIRECTED.map((test) => ({
			id: credentialId(test),
			name: `redirected ${test.node}`,
			type: test.credential,
			data: { apiKey: test.apiKey, baseUrl: `${redirecting.origin}${test.prefix}`, ...(test.provider === 'sendkit' ? { maxRequestsPerSecond: 10 } : {}) },
		})),
	]);
	await n8n.importWorkflow(redirectWorkflow());
	// `n8n execute` before `n8n start`: both would take the same task broker port and database.
	redirectRun = await n8n.execute(REDIRECT_WORKFLOW);
	for (const test of TRIGGERS) {
		await n8n.importWorkflow(triggerWorkflow(test));
		await n8n.publish(test.workflowId);
	}
	server = n8n.startServer(await freePort(), { quiet: true });
	await server.ready();
	// Each trigger served and run once before anything hostile is sent.
	for (const test of TRIGGERS) {
		expect((await deliverWhenServed(sandbox, test.event, { subject: 'first genuine delivery' })).status).toBe(200);
		runs[test.workflowId] = 1;
		await executions(test);
	}
});

afterAll(async () => {
	await server?.stop();
	n8n?.dispose();
	await sandbox?.close();
	await elsewhere?.close();
	await redirecting?.close();
});

describe(`a Base URL answering a redirect to another origin, in n8n ${N8N_VERSION}`, () => {
	it('never hands that origin anything: not the key, not a request', () => {
		expect(elsewhere.seen).toEqual([]);
	});

	it.each(REDIRECTED)('$node: the Base URL got the request with the key, once; the item fails naming the redirect and where it pointed', (test) => {
		const asked = redirecting.seen.filter((request) => request.url.startsWith(`${test.prefix}/`));
		expect(asked.map((request) => request.url.split('?')[0])).toEqual([`${test.prefix}${test.path}`]);
		const carried = { lemlist: asked[0].headers.authorization, smartlead: new URL(asked[0].url, 'http://x').searchParams.get('api_key'), sendkit: asked[0].headers['x-api-key'] }[test.provider];
		expect(carried).toBe(test.provider === 'lemlist' ? `Basic ${Buffer.from(`:${test.apiKey}`).toString('base64')}` : test.apiKey);

		const run = redirectRun.result?.data.resultData.runData[test.node]?.[0];
		const items = (run?.data?.main?.[0] ?? []).map((item) => item.json);
		// Smartlead's key travels in the query, so the Location echoes it: the message shows it hidden.
		const location = `${elsewhere.origin}${asked[0].url}`.split(test.apiKey).join('***');
		expect(items).toEqual([
			{
				error: `${test.name} answered ${test.status}, a redirect to ${location}: not followed`,
				description: expect.stringContaining('never follows a redirect') as unknown,
				httpCode: String(test.status),
			},
		]);
	});

	it('shows no key anywhere in what n8n printed of the run', () => {
		// Continue On Fail: the run itself succeeds, each failed read an item.
		expect([redirectRun.ok, redirectRun.result?.data.resultData.error]).toEqual([true, undefined]);
		for (const reader of READERS) for (const form of keyForms(reader.apiKey)) expect(redirectRun.output).not.toContain(form);
	});
});

/** What n8n 2.8.4 and 2.41.1 answer when reading the body fails (corrupt gzip, over the limit): before any trigger runs. */
const BODY_UNREADABLE = { status: 500, message: 'There was a problem executing the workflow' };
const IGNORED = { status: 200, answer: JSON.stringify({ message: 'Event not selected in this trigger; ignored' }) };
const REFUSED = { status: 401, answer: JSON.stringify({ message: 'Unauthorized' }) };
function unreadable({ status, answer }: { status: number; answer: string }) {
	try {
		return { status, message: (JSON.parse(answer) as { message?: unknown }).message };
	} catch {
		// Not n8n's JSON error (a closed connection): compared as it came, so a failure shows it.
		return { status, message: answer };
	}
}

/** A genuine delivery answered 200 that ran once, its item `expected`. */
async function ranOnce(test: TriggerCase, answer: { status: number }, expected: Record<string, unknown>) {
	expect(answer.status).toBe(200);
	runs[test.workflowId]++;
	const done = await executions(test);
	expect(done).toHaveLength(runs[test.workflowId]);
	expect(done[done.length - 1].status).toBe('success');
	expect(itemsOf(done[done.length - 1])).toEqual([expected]);
}

describe(`gzipped deliveries to a trigger's production URL, in n8n ${N8N_VERSION}`, () => {
	it.each(TRIGGERS)('$type: a genuine delivery, gzipped: n8n inflates it, the trigger verifies the inflated bytes and runs it once', async (test) => {
		const delivery = await genuine(test, { subject: 'gzipped genuine delivery' });
		const answer = await send(delivery.url, gzipSync(delivery.rawBody), headersOf(delivery, { 'Content-Encoding': 'gzip' }));
		await ranOnce(test, answer, test.expectedItem(delivery));
	});

	it.each(TRIGGERS)('$type: corrupt gzip, gzip cut short and a gzip bomb get n8n\'s 500 and start no execution; one that inflates below the limit runs', async (test) => {
		const delivery = await genuine(test, { subject: 'inflated' });
		const zipped = gzipSync(delivery.rawBody);
		const gzipHeaders = headersOf(delivery, { 'Content-Encoding': 'gzip' });
		// A gzip header followed by bytes that are no deflate stream.
		const corrupt = Buffer.concat([zipped.subarray(0, 10), Buffer.from('these bytes are not a deflate stream at all')]);
		const truncated = zipped.subarray(0, Math.floor(zipped.length / 2));
		// The genuine delivery padded with whitespace: the same JSON, its proof still valid, so only
		// n8n's limit on the inflated bytes can refuse it: 64 KB on the wire, 64 MB inflated.
		const bomb = padded(delivery.rawBody, 64 * MB);
		const below = padded(delivery.rawBody, 15 * MB);
		const signed = (raw: string) => headersOf(delivery, { 'Content-Encoding': 'gzip', ...(test.provider === 'sendkit' ? { 'X-Webhook-Signature': sign(test, raw) } : {}) });
		const answers = [await send(delivery.url, corrupt, gzipHeaders), await send(delivery.url, truncated, gzipHeaders), await send(delivery.url, gzipSync(bomb), signed(bomb))];
		expect(answers.map(unreadable)).toEqual([BODY_UNREADABLE, BODY_UNREADABLE, BODY_UNREADABLE]);
		for (const { answer } of answers) expect(answer).not.toContain(secretOf(test));
		await ranOnce(test, await send(delivery.url, gzipSync(below), signed(below)), test.expectedItem(delivery));
		await settle(test, 'genuine delivery after corrupt gzip and a bomb');
	});

	it('SendKit: a signature over the compressed bytes, not the JSON, is refused', async () => {
		const test = TRIGGERS[2];
		const delivery = await genuine(test);
		const zipped = gzipSync(delivery.rawBody);
		expect(await send(delivery.url, zipped, headersOf(delivery, { 'Content-Encoding': 'gzip', 'X-Webhook-Signature': sign(test, zipped) }))).toEqual(REFUSED);
		await settle(test, 'genuine delivery after a signature of compressed bytes');
	});
});

describe(`bodies around n8n's payload limit (N8N_PAYLOAD_SIZE_MAX, 16 MB), in n8n ${N8N_VERSION}`, () => {
	it.each(TRIGGERS)('$type: 20 MB gets n8n\'s 500 and 5 MB with a wrong proof a 401, neither runs; 15 MB runs', async (test) => {
		const delivery = await genuine(test, { subject: 'padded' });
		const withProof = (raw: string) => headersOf(delivery, test.provider === 'sendkit' ? { 'X-Webhook-Signature': sign(test, raw) } : {});
		// Above the limit, otherwise genuine (its proof holds): only the limit refuses it.
		const huge = padded(delivery.rawBody, 20 * MB);
		expect(unreadable(await send(delivery.url, huge, withProof(huge)))).toEqual(BODY_UNREADABLE);
		// Below the limit, with a proof that fails.
		const large = JSON.stringify({ ...delivery.body, ...(test.provider === 'lemlist' ? { secret: 'not-the-secret' } : {}), pad: 'x'.repeat(5 * MB) });
		const url = test.provider === 'smartlead' ? delivery.url.replace(/token=[^&]+/, 'token=not-the-token') : delivery.url;
		expect(await send(url, large, headersOf(delivery, test.provider === 'sendkit' ? { 'X-Webhook-Signature': '0'.repeat(64) } : {}))).toEqual(REFUSED);
		const below = padded(delivery.rawBody, 15 * MB);
		await ranOnce(test, await send(delivery.url, below, withProof(below)), test.expectedItem(delivery));
		await settle(test, 'genuine delivery after 20 MB and 5 MB bodies');
	});
});

describe(`a genuine delivery nested 10,000 levels deep, in n8n ${N8N_VERSION}`, () => {
	it.each(TRIGGERS)('$type: runs once, its item cut at depth 33 with "[nested too deep]"', async (test) => {
		const delivery = await genuine(test, { subject: 'nested' });
		// Built as text: JSON.stringify overflows the stack near 5,000 levels, JSON.parse does not.
		const raw = `${delivery.rawBody.slice(0, -1)},"nest":${'{"inner":'.repeat(10_000)}{}${'}'.repeat(10_000)}}`;
		const answer = await send(delivery.url, raw, headersOf(delivery, test.provider === 'sendkit' ? { 'X-Webhook-Signature': sign(test, raw) } : {}));
		// The item is depth 0 and `nest` depth 1: 32 levels of `inner` are kept, the 33rd is cut.
		let nest: unknown = '[nested too deep]';
		for (let level = 0; level < 32; level++) nest = { inner: nest };
		await ranOnce(test, answer, { ...test.expectedItem(delivery), nest });
	});
});

describe(`lists where a delivery holds text, in n8n ${N8N_VERSION}`, () => {
	it('lemlist: the secret as a list is refused; a verified delivery whose event or campaign is a list runs nothing', async () => {
		const test = TRIGGERS[0];
		const delivery = await genuine(test);
		const secret = String(delivery.body.secret);
		expect(await send(delivery.url, JSON.stringify({ ...delivery.body, secret: [secret] }), headersOf(delivery))).toEqual(REFUSED);
		expect(await send(delivery.url, JSON.stringify({ ...delivery.body, type: [test.event] }), headersOf(delivery))).toEqual(IGNORED);
		// The trigger is limited to cam_A1.
		expect(await send(delivery.url, JSON.stringify({ ...delivery.body, campaignId: ['cam_A1'] }), headersOf(delivery))).toEqual(IGNORED);
		await settle(test, 'genuine delivery after lists');
	});

	it('Smartlead: the token given twice is refused; a verified delivery whose event or campaign is a list runs nothing', async () => {
		const test = TRIGGERS[1];
		const delivery = await genuine(test);
		const token = new URL(delivery.url).searchParams.get('token') ?? '';
		expect(await send(`${delivery.url}&token=${token}`, delivery.rawBody, headersOf(delivery))).toEqual(REFUSED);
		expect(await send(delivery.url, JSON.stringify({ ...delivery.body, event_type: [test.event] }), headersOf(delivery))).toEqual(IGNORED);
		expect(await send(delivery.url, JSON.stringify({ ...delivery.body, campaign_id: [101] }), headersOf(delivery))).toEqual(IGNORED);
		await settle(test, 'genuine delivery after lists');
	});

	it('SendKit: a signed delivery whose event is a list runs nothing, with or without X-Webhook-Event; the signature header given twice is refused', async () => {
		const test = TRIGGERS[2];
		const delivery = await genuine(test);
		const listed = JSON.stringify({ ...delivery.body, event: [test.event] });
		expect(await send(delivery.url, listed, headersOf(delivery, { 'X-Webhook-Signature': sign(test, listed) }))).toEqual(IGNORED);
		expect(await send(delivery.url, listed, { 'Content-Type': 'application/json', 'X-Webhook-Signature': sign(test, listed) })).toEqual(IGNORED);
		// Node joins a repeated header into one value, "a, a": no signature.
		const signature = delivery.headers?.['X-Webhook-Signature'] ?? '';
		const twice: Array<[string, string]> = [
			['Content-Type', 'application/json'],
			['X-Webhook-Signature', signature],
			['X-Webhook-Signature', signature],
		];
		expect(await send(delivery.url, delivery.rawBody, twice)).toEqual(REFUSED);
		await settle(test, 'genuine delivery after lists');
	});
});
