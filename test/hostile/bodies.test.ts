/**
 * Bodies built to hurt the trigger that reads them, through n8n-core's WebhookContext: huge,
 * nested past any stack, carrying a megabyte in one field. An unverified one is refused without
 * being read beyond the fields that prove it; a verified one reaches the item, cut where it is
 * too deep and with no trace of the secret, and never overflows the stack.
 */
import { createHmac } from 'node:crypto';
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { runWebhook, type Delivery } from '../../sandbox/engine';
import { startLemlistMock, type LemlistMock } from '../../sandbox/providers/lemlist';
import { startSendKitMock, type SendKitMock } from '../../sandbox/providers/sendkit';
import { startSmartleadMock, type SmartleadMock } from '../../sandbox/providers/smartlead';
import { useTrigger } from '../triggers/trigger-env';

const credentialsOf = {
	sendKit: (mock: SendKitMock) => ({ sendKitOutreachApi: { apiKey: mock.workspaceKey, baseUrl: mock.url, maxRequestsPerSecond: 10 } }),
	lemlist: (mock: LemlistMock) => ({ lemlistOutreachApi: { apiKey: mock.apiKey, baseUrl: mock.url } }),
	smartlead: (mock: SmartleadMock) => ({ smartleadOutreachApi: { apiKey: mock.apiKey, baseUrl: mock.url } }),
};
const sendKit = useTrigger('n8n-nodes-outreach.sendKitTrigger', async () => await startSendKitMock(), credentialsOf.sendKit);
const lemlist = useTrigger('n8n-nodes-outreach.lemlistTrigger', async () => await startLemlistMock(), credentialsOf.lemlist);
const smartlead = useTrigger('n8n-nodes-outreach.smartleadTrigger', async () => await startSmartleadMock(), credentialsOf.smartlead);

const sign = (secret: string, rawBody: string) => createHmac('sha256', secret).update(rawBody).digest('hex');

/** One trigger, activated; `prove` makes a delivery of `fields` that proves the secret (or fails to). */
interface Case {
	name: string;
	type: string;
	parameters: INodeParameters;
	credentials: () => Record<string, ICredentialDataDecryptedObject>;
	/** Activates the trigger; answers its static data and the secret its deliveries prove. */
	activate(): Promise<{ staticData: IDataObject; secret: string }>;
	/** The fields of a selected event, for the trigger's campaign. */
	event: Record<string, unknown>;
	/** A delivery of `rawBody` (parsed as `body`) carrying `secret` as the provider does. */
	prove(secret: string, body: unknown, rawBody: string): Delivery;
}

const CASES: Case[] = [
	{
		name: 'lemlist',
		type: 'n8n-nodes-outreach.lemlistTrigger',
		parameters: { events: ['emailsReplied'] },
		credentials: () => credentialsOf.lemlist(lemlist.env.mock),
		async activate() {
			const node = lemlist.trigger(this.parameters);
			await node.activate();
			return { staticData: node.staticData, secret: String(node.staticData.secret) };
		},
		event: { type: 'emailsReplied', campaignId: 'cam_A1' },
		// lemlist echoes the secret in the body: the caller puts it there.
		prove: (_secret, body, rawBody) => ({ body, rawBody }),
	},
	{
		name: 'Smartlead',
		type: 'n8n-nodes-outreach.smartleadTrigger',
		parameters: { events: ['EMAIL_REPLY'], campaignId: { __rl: true, mode: 'id', value: '101' } },
		credentials: () => credentialsOf.smartlead(smartlead.env.mock),
		async activate() {
			const node = smartlead.trigger(this.parameters);
			await node.activate();
			return { staticData: node.staticData, secret: new URL(smartlead.env.mock.hooks.list()[0].url).searchParams.get('token') ?? '' };
		},
		event: { event_type: 'EMAIL_REPLY', campaign_id: 101 },
		prove: (secret, body, rawBody) => ({ body, rawBody, query: { token: secret } }),
	},
	{
		name: 'SendKit',
		type: 'n8n-nodes-outreach.sendKitTrigger',
		parameters: { events: ['email.replied'] },
		credentials: () => credentialsOf.sendKit(sendKit.env.mock),
		async activate() {
			const node = sendKit.trigger(this.parameters);
			await node.activate();
			return { staticData: node.staticData, secret: String(node.staticData.secret) };
		},
		event: { event: 'email.replied' },
		prove: (secret, body, rawBody) => ({ body, rawBody, headers: { 'X-Webhook-Signature': sign(secret, rawBody) } }),
	},
];

/** The fields that carry lemlist's secret in its body; the others carry it outside. */
const inBody = (test: Case, secret: string) => (test.name === 'lemlist' ? { secret } : {});

async function deliver(test: Case, staticData: IDataObject, delivery: Delivery) {
	const { result, response } = await runWebhook({ type: test.type, credentials: test.credentials(), parameters: test.parameters, staticData, delivery });
	return { status: response.status ?? 200, items: result.workflowData?.[0]?.map((item) => item.json) };
}

const FILLER = 100_000;

/** `fields` and FILLER more, behind a proxy that records every key read and every listing of keys. */
function watched(fields: Record<string, unknown>) {
	const target: Record<string, unknown> = { ...fields };
	for (let index = 0; index < FILLER; index++) target[`filler${index}`] = { index };
	const seen = { listings: 0, read: new Set<string>() };
	const body = new Proxy(target, {
		ownKeys(inner) {
			seen.listings++;
			return Reflect.ownKeys(inner);
		},
		get(inner, key, receiver) {
			if (typeof key === 'string') seen.read.add(key);
			return Reflect.get(inner, key, receiver) as unknown;
		},
	});
	// The bytes on the wire, taken before the proxy watches: n8n has them already.
	return { body, rawBody: JSON.stringify(target), seen };
}

/** `'{"inner":'` `levels` times around `{}`: built as text, as JSON.stringify overflows near 5,000. */
const nestedText = (levels: number) => `${'{"inner":'.repeat(levels)}{}${'}'.repeat(levels)}`;

/** How many objects deep `value` goes by `key` before it is not an object, and what it finds there. */
function bottom(value: unknown, key: string): [number, unknown] {
	let depth = 0;
	let current = value;
	while (typeof current === 'object' && current !== null) {
		current = (current as Record<string, unknown>)[key];
		depth++;
	}
	return [depth, current];
}

describe.each(CASES)('$name trigger', (test) => {
	it(`a body of ${FILLER.toLocaleString('en')} keys with a wrong proof: 401, no execution, and its keys are never listed nor read`, async () => {
		const { staticData } = await test.activate();
		const { body, rawBody, seen } = watched({ ...test.event, ...inBody(test, 'not-the-secret') });
		const outcome = await deliver(test, staticData, test.prove('not-the-secret', body, rawBody));
		expect(outcome).toEqual({ status: 401, items: undefined });
		expect(seen.listings).toBe(0);
		expect([...seen.read].filter((key) => key.startsWith('filler'))).toEqual([]);
	});

	it(`a verified body of ${FILLER.toLocaleString('en')} keys reaches the item whole, less the secret`, async () => {
		const { staticData, secret } = await test.activate();
		const fields = { ...test.event, ...inBody(test, secret) };
		const { body, rawBody } = watched(fields);
		const { status, items } = await deliver(test, staticData, test.prove(secret, JSON.parse(rawBody), rawBody));
		expect(status).toBe(200);
		expect(items).toHaveLength(1);
		expect(Object.keys(items![0])).toEqual(Object.keys(body).filter((key) => key !== 'secret'));
		expect(JSON.stringify(items)).not.toContain(secret);
	});

	it('a verified body nested 10,000 levels deep: no stack overflow, the item is cut at depth 33 with "[nested too deep]"', async () => {
		const { staticData, secret } = await test.activate();
		const head = JSON.stringify({ ...test.event, ...inBody(test, secret) });
		const rawBody = `${head.slice(0, -1)},"nest":${nestedText(10_000)}}`;
		const { status, items } = await deliver(test, staticData, test.prove(secret, JSON.parse(rawBody), rawBody));
		expect(status).toBe(200);
		expect(items).toHaveLength(1);
		const { nest, ...rest } = items![0];
		expect(rest).toEqual(test.event);
		// The item is depth 0 and `nest` depth 1: 32 levels of `inner` below it are kept.
		expect(bottom(nest, 'inner')).toEqual([32, '[nested too deep]']);
	});

	it('a verified body with a 1 MB field that holds the secret: the field arrives whole, the secret replaced', async () => {
		const { staticData, secret } = await test.activate();
		const half = 'n'.repeat(512 * 1024);
		const rawBody = JSON.stringify({ ...test.event, ...inBody(test, secret), note: `${half}${secret}${half}` });
		const { status, items } = await deliver(test, staticData, test.prove(secret, JSON.parse(rawBody), rawBody));
		expect(status).toBe(200);
		expect(items).toEqual([{ ...test.event, note: `${half}[secret]${half}` }]);
	});
});

it('Smartlead: a 1 MB URL in a verified body loses the token in its query and keeps the rest', async () => {
	const test = CASES[1];
	const { staticData, secret } = await test.activate();
	const pad = 'p'.repeat(1024 * 1024);
	const rawBody = JSON.stringify({ ...test.event, app_url: `https://app.smartlead.ai/inbox?token=${secret}&pad=${pad}` });
	const { items } = await deliver(test, staticData, test.prove(secret, JSON.parse(rawBody), rawBody));
	expect(items).toEqual([{ ...test.event, app_url: `https://app.smartlead.ai/inbox?pad=${pad}` }]);
});
