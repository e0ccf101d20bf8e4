/**
 * What anyone who knows a trigger's URL can send it, through n8n-core's WebhookContext: no body, a
 * JSON null, text, a list, a body without the raw bytes, an unsigned header that names another
 * event. Each is refused (401) or ignored (200), never a crash (n8n's 500, a failed execution and
 * an alert) and never an execution.
 */
import { createHmac } from 'node:crypto';
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { setClockOfExecutions, systemClock } from '../../nodes/common/clock';
import { runWebhook } from '../../sandbox/engine';
import { startLemlistMock, type LemlistMock } from '../../sandbox/providers/lemlist';
import { startSendKitMock, type SendKitMock } from '../../sandbox/providers/sendkit';
import { startSmartleadMock, type SmartleadMock } from '../../sandbox/providers/smartlead';
import { useTrigger } from '../triggers/trigger-env';

const sendKit = useTrigger('n8n-nodes-outreach.sendKitTrigger', async () => await startSendKitMock(), (mock: SendKitMock) => ({
	sendKitOutreachApi: { apiKey: mock.workspaceKey, baseUrl: mock.url, maxRequestsPerSecond: 10 },
}));
const lemlist = useTrigger('n8n-nodes-outreach.lemlistTrigger', async () => await startLemlistMock(), (mock: LemlistMock) => ({
	lemlistOutreachApi: { apiKey: mock.apiKey, baseUrl: mock.url },
}));
const smartlead = useTrigger('n8n-nodes-outreach.smartleadTrigger', async () => await startSmartleadMock(), (mock: SmartleadMock) => ({
	smartleadOutreachApi: { apiKey: mock.apiKey, baseUrl: mock.url },
}));

const sign = (secret: string, rawBody: string) => createHmac('sha256', secret).update(rawBody).digest('hex');

/** Bodies n8n hands a trigger for requests that are not a JSON object: none, null, text, a list, a number. */
const ODD_BODIES: Array<[string, unknown]> = [
	['no body', undefined],
	['a JSON null', null],
	['text', 'not json'],
	['a list', [{ type: 'emailsReplied' }]],
	['a number', 42],
];

const credentialsOf = {
	sendKit: (mock: SendKitMock) => ({ sendKitOutreachApi: { apiKey: mock.workspaceKey, baseUrl: mock.url, maxRequestsPerSecond: 10 } }),
	lemlist: (mock: LemlistMock) => ({ lemlistOutreachApi: { apiKey: mock.apiKey, baseUrl: mock.url } }),
	smartlead: (mock: SmartleadMock) => ({ smartleadOutreachApi: { apiKey: mock.apiKey, baseUrl: mock.url } }),
};

describe.each([
	['SendKit', 'n8n-nodes-outreach.sendKitTrigger', () => sendKit, { events: ['email.replied'] }, () => credentialsOf.sendKit(sendKit.env.mock)],
	['lemlist', 'n8n-nodes-outreach.lemlistTrigger', () => lemlist, { events: ['emailsReplied'] }, () => credentialsOf.lemlist(lemlist.env.mock)],
	['Smartlead', 'n8n-nodes-outreach.smartleadTrigger', () => smartlead, { events: ['EMAIL_REPLY'], campaignId: { __rl: true, mode: 'id', value: '101' } }, () => credentialsOf.smartlead(smartlead.env.mock)],
] as Array<[string, string, () => typeof sendKit | typeof lemlist | typeof smartlead, INodeParameters, () => Record<string, ICredentialDataDecryptedObject>]>)(
	'%s trigger, a request whose body is not a JSON object',
	(_name, type, harness, parameters, credentials) => {
	it.each(ODD_BODIES)('with %s: answered 401, no execution, no crash', async (_label, body) => {
		const node = harness().trigger(parameters);
		await node.activate();
		const { result, response } = await runWebhook({
			type,
			credentials: credentials(),
			parameters,
			staticData: node.staticData,
			delivery: { body, rawBody: body === undefined ? null : JSON.stringify(body), headers: {}, query: {} },
		});
		expect(response.status).toBe(401);
		expect(result.workflowData).toBeUndefined();
	});
	},
);

describe('SendKit trigger, what the signature does not cover', () => {
	const activated = async () => {
		const node = sendKit.trigger({ events: ['email.replied'] });
		await node.activate();
		return { node, secret: String(node.staticData.secret) };
	};

	it('reads the event from the signed body: a header naming a selected event does not let another event through', async () => {
		const { node, secret } = await activated();
		const rawBody = JSON.stringify({ event: 'email.opened', data: { email: 'ada@example.com' } });
		const outcome = await node.receive({ url: node.url(), rawBody, headers: { 'X-Webhook-Signature': sign(secret, rawBody), 'X-Webhook-Event': 'email.replied' } });
		expect(outcome).toEqual({ status: 200, items: undefined });
	});

	it('ignores a signed delivery whose header disagrees with its body, and runs one whose header agrees', async () => {
		const { node, secret } = await activated();
		const rawBody = JSON.stringify({ event: 'email.replied', data: { email: 'ada@example.com' } });
		const signature = sign(secret, rawBody);
		expect(await node.receive({ url: node.url(), rawBody, headers: { 'X-Webhook-Signature': signature, 'X-Webhook-Event': 'email.opened' } })).toEqual({ status: 200, items: undefined });
		expect(await node.receive({ url: node.url(), rawBody, headers: { 'X-Webhook-Signature': signature, 'X-Webhook-Event': 'email.replied' } })).toEqual({
			status: 200,
			items: [JSON.parse(rawBody)],
		});
	});

	it('a signed delivery that names no event starts nothing', async () => {
		const { node, secret } = await activated();
		const rawBody = JSON.stringify({ data: { email: 'ada@example.com' } });
		expect(await node.receive({ url: node.url(), rawBody, headers: { 'X-Webhook-Signature': sign(secret, rawBody), 'X-Webhook-Event': 'email.replied' } })).toEqual({
			status: 200,
			items: undefined,
		});
	});

	it('without the raw bytes there is nothing to verify: 401, even with a signature of the parsed body', async () => {
		const { node, secret } = await activated();
		const body = { event: 'email.replied', data: { email: 'ada@example.com' } };
		const { result, response } = await runWebhook({
			type: 'n8n-nodes-outreach.sendKitTrigger',
			credentials: credentialsOf.sendKit(sendKit.env.mock),
			parameters: { events: ['email.replied'] },
			staticData: node.staticData,
			delivery: { body, rawBody: null, headers: { 'x-webhook-signature': sign(secret, JSON.stringify(body)) } },
		});
		expect(response.status).toBe(401);
		expect(result.workflowData).toBeUndefined();
	});

	it('limited to a campaign, a signed delivery that names no campaign starts nothing', async () => {
		const node = sendKit.trigger({ events: ['email.replied'], campaignId: { __rl: true, mode: 'id', value: '665a1b2c3d4e5f6a7b8c9d0e' } });
		await node.activate();
		const secret = String(node.staticData.secret);
		const rawBody = JSON.stringify({ event: 'email.replied', data: { email: 'ada@example.com' } });
		expect(await node.receive({ url: node.url(), rawBody, headers: { 'X-Webhook-Signature': sign(secret, rawBody) } })).toEqual({ status: 200, items: undefined });
	});
});

describe('lemlist trigger, events named in odd ways', () => {
	it('a verified delivery whose event is not text (a list from repeated query parameters) starts nothing', async () => {
		const node = lemlist.trigger({ events: ['emailsReplied'] });
		await node.activate();
		const secret = String(node.staticData.secret);
		const { result, response } = await runWebhook({
			type: 'n8n-nodes-outreach.lemlistTrigger',
			credentials: credentialsOf.lemlist(lemlist.env.mock),
			parameters: { events: ['emailsReplied'] },
			staticData: node.staticData,
			delivery: { body: { secret, campaignId: 'cam_A1' }, query: { event: ['emailsReplied', 'emailsReplied'] as unknown as string } },
		});
		expect(response.status).toBeUndefined();
		expect(result.workflowData).toBeUndefined();
	});
});

describe('hooks and secrets left behind', () => {
	it('SendKit cannot list its hooks: re-activation deletes the stored hook before registering a new one', async () => {
		const node = sendKit.trigger({ events: ['email.replied'] });
		await node.activate();
		const first = sendKit.env.mock.hooks.list().map((hook) => hook.id);
		sendKit.env.mock.inject({ status: 404, body: { error: 'Not Found', message: 'Not found', code: 404 }, contentType: 'application/json' }, {
			match: (request) => request.method === 'GET' && request.path === '/v1/webhooks',
		});
		expect(await node.activate()).toBe('created');
		const now = sendKit.env.mock.hooks.list().map((hook) => hook.id);
		expect(now).toHaveLength(1);
		expect(now).not.toEqual(first);
		expect(node.staticData.hookIds).toEqual(now);
	});

	it('a secret n8n never saved stops proving anything after ten minutes', async () => {
		const clock = { at: Date.now(), now: () => clock.at, sleep: async () => undefined };
		setClockOfExecutions(clock);
		try {
			const node = sendKit.trigger({ events: ['email.replied'] });
			await node.activate();
			const secret = String(node.staticData.secret);
			// A delivery read against static data n8n has not saved: only the pending secret proves it.
			const unsaved = sendKit.trigger({ events: ['email.replied'] }, {});
			const rawBody = JSON.stringify({ event: 'email.replied', data: {} });
			const delivery = { url: unsaved.url(), rawBody, headers: { 'X-Webhook-Signature': sign(secret, rawBody) } };
			expect((await unsaved.receive(delivery)).status).toBe(200);
			clock.at += 10 * 60_000 + 1;
			expect((await unsaved.receive(delivery)).status).toBe(401);
		} finally {
			setClockOfExecutions(systemClock);
		}
	});
});

describe('what a hostile sender tries next', () => {
	it('SendKit: the signature in upper case or with an upper-case prefix is the same signature; a near miss is not', async () => {
		const node = sendKit.trigger({ events: ['email.replied'] });
		await node.activate();
		const secret = String(node.staticData.secret);
		const rawBody = JSON.stringify({ event: 'email.replied', data: { email: 'ada@example.com' } });
		const signature = sign(secret, rawBody);
		for (const header of [signature.toUpperCase(), `SHA256=${signature}`, ` sha256=${signature} `]) {
			expect((await node.receive({ url: node.url(), rawBody, headers: { 'X-Webhook-Signature': header } })).status).toBe(200);
		}
		const nearMiss = `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`;
		for (const header of [nearMiss, `sha1=${signature}`, signature.slice(0, 32), `${signature}${signature}`]) {
			expect(await node.receive({ url: node.url(), rawBody, headers: { 'X-Webhook-Signature': header } })).toEqual({ status: 401, items: undefined });
		}
	});

	it('Smartlead: a token given twice in the query (a list) proves nothing', async () => {
		const node = smartlead.trigger({ events: ['EMAIL_REPLY'], campaignId: { __rl: true, mode: 'id', value: '101' } });
		await node.activate();
		const token = new URL(smartlead.env.mock.hooks.list()[0].url).searchParams.get('token') as string;
		const { result, response } = await runWebhook({
			type: 'n8n-nodes-outreach.smartleadTrigger',
			credentials: credentialsOf.smartlead(smartlead.env.mock),
			parameters: { events: ['EMAIL_REPLY'], campaignId: { __rl: true, mode: 'id', value: '101' } },
			staticData: node.staticData,
			delivery: { body: { event_type: 'EMAIL_REPLY', campaign_id: 101 }, query: { token: [token, token] as unknown as string } },
		});
		expect(response.status).toBe(401);
		expect(result.workflowData).toBeUndefined();
	});

	it('lemlist: a secret sent as a list or an object proves nothing', async () => {
		const node = lemlist.trigger({ events: ['emailsReplied'] });
		await node.activate();
		const secret = String(node.staticData.secret);
		for (const presented of [[secret], { secret }]) {
			const { result, response } = await runWebhook({
				type: 'n8n-nodes-outreach.lemlistTrigger',
				credentials: credentialsOf.lemlist(lemlist.env.mock),
				parameters: { events: ['emailsReplied'] },
				staticData: node.staticData,
				delivery: { body: { type: 'emailsReplied', secret: presented } },
			});
			expect(response.status).toBe(401);
			expect(result.workflowData).toBeUndefined();
		}
	});
});
