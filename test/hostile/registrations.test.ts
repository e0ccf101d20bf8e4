/**
 * Registrations on a flaky network and a moved n8n: a provider that registered a hook but whose
 * answer was lost (a 504 from its gateway, a reset) ends with exactly one hook per event, adopted,
 * not registered twice; a registration that provably did not happen is sent once more; hooks
 * registered under n8n's old webhook URL are deleted after it moves; the editor's "listen for test
 * event" and the published workflow never take each other's pending secret.
 */
import { createHmac } from 'node:crypto';
import type { INodeParameters } from 'n8n-workflow';

import { json, type RecordedRequest } from '../../sandbox/providers/http-mock';
import { startLemlistMock, type LemlistMock } from '../../sandbox/providers/lemlist';
import { startSendKitMock, type SendKitMock } from '../../sandbox/providers/sendkit';
import { startSmartleadMock, type SmartleadMock } from '../../sandbox/providers/smartlead';
import { useTrigger } from '../triggers/trigger-env';

const lemlist = useTrigger('n8n-nodes-outreach.lemlistTrigger', async () => await startLemlistMock(), (mock: LemlistMock) => ({
	lemlistOutreachApi: { apiKey: mock.apiKey, baseUrl: mock.url },
}));
const smartlead = useTrigger('n8n-nodes-outreach.smartleadTrigger', async () => await startSmartleadMock(), (mock: SmartleadMock) => ({
	smartleadOutreachApi: { apiKey: mock.apiKey, baseUrl: mock.url },
}));
const sendKit = useTrigger('n8n-nodes-outreach.sendKitTrigger', async () => await startSendKitMock(), (mock: SendKitMock) => ({
	sendKitOutreachApi: { apiKey: mock.workspaceKey, baseUrl: mock.url, maxRequestsPerSecond: 10 },
}));

interface Case {
	provider: string;
	harness: () => typeof lemlist | typeof smartlead | typeof sendKit;
	parameters: INodeParameters;
	/** The event a genuine delivery reports. */
	event: string;
	/** Whether a request registers a hook. */
	registers: (request: RecordedRequest) => boolean;
	/** Whether a request lists the hooks. */
	lists: (request: RecordedRequest) => boolean;
}

const cases: Case[] = [
	{
		provider: 'lemlist',
		harness: () => lemlist,
		// Two events, two hooks: the first one's answer is lost.
		parameters: { events: ['emailsReplied', 'emailsBounced'] },
		event: 'emailsReplied',
		registers: (request) => request.method === 'POST' && request.path === '/api/hooks',
		lists: (request) => request.method === 'GET' && request.path === '/api/hooks',
	},
	{
		provider: 'Smartlead',
		harness: () => smartlead,
		parameters: { events: ['EMAIL_REPLY', 'EMAIL_BOUNCE'], campaignId: { __rl: true, mode: 'id', value: '101' } },
		event: 'EMAIL_REPLY',
		registers: (request) => request.method === 'POST' && request.path === '/api/v1/campaigns/101/webhooks',
		lists: (request) => request.method === 'GET' && request.path === '/api/v1/campaigns/101/webhooks',
	},
	{
		provider: 'SendKit',
		harness: () => sendKit,
		parameters: { events: ['email.replied', 'lead.tag_changed'] },
		event: 'email.replied',
		registers: (request) => request.method === 'POST' && request.path === '/v1/webhooks',
		lists: (request) => request.method === 'GET' && request.path === '/v1/webhooks',
	},
];

const hookCount = (test: Case) => (test.provider === 'lemlist' ? (test.parameters.events as string[]).length : 1);
const gatewayTimeout = json(504, { message: 'Gateway Timeout' });

describe.each(cases)('$provider trigger, a registration whose answer was lost', (test) => {
	const mock = () => test.harness().env.mock;
	const registrations = () => mock().requests.filter(test.registers);

	it('carried out, then answered 504: the hook is adopted, not registered again; one hook per event, and deliveries are verified', async () => {
		mock().inject({ afterServing: gatewayTimeout }, { match: test.registers });
		const node = test.harness().trigger(test.parameters);
		expect(await node.activate()).toBe('created');
		const hooks = mock().hooks.list();
		expect(hooks).toHaveLength(hookCount(test));
		expect(registrations()).toHaveLength(hookCount(test));
		expect([...(node.staticData.hookIds as string[])].sort()).toEqual(hooks.map((hook) => hook.id).sort());
		const [delivery] = await mock().deliver(test.event);
		expect(delivery.status).toBe(200);
		expect(test.harness().outcomes.at(-1)?.items).toHaveLength(1);
	});

	it('carried out, then the connection reset: adopted the same way', async () => {
		mock().inject('resetMidResponse', { match: test.registers });
		const node = test.harness().trigger(test.parameters);
		expect(await node.activate()).toBe('created');
		expect(mock().hooks.list()).toHaveLength(hookCount(test));
		expect(registrations()).toHaveLength(hookCount(test));
	});

	it('answered 504 without doing it: the hooks are listed first, then it is sent once more', async () => {
		mock().inject(gatewayTimeout, { match: test.registers });
		const node = test.harness().trigger(test.parameters);
		expect(await node.activate()).toBe('created');
		expect(mock().hooks.list()).toHaveLength(hookCount(test));
		expect(registrations()).toHaveLength(hookCount(test) + 1);
		// Between the lost registration and the one sent again, the provider's hooks were read.
		const sent = mock().requests.filter((request) => test.registers(request) || test.lists(request));
		const first = sent.findIndex(test.registers);
		expect(sent[first + 1] && test.lists(sent[first + 1])).toBe(true);
		expect(test.registers(sent[first + 2])).toBe(true);
	});

	it('answered 504 twice without doing it: the activation fails with the answer and leaves no hook', async () => {
		mock().inject(gatewayTimeout, { match: test.registers, times: 2 });
		const node = test.harness().trigger(test.parameters);
		await expect(node.activate()).rejects.toThrow(/answered 504: Gateway Timeout/);
		expect(registrations()).toHaveLength(2);
		expect(mock().hooks.list()).toHaveLength(0);
		expect(node.staticData.hookIds).toBeUndefined();
	});

	it('refused (400): not sent again and nothing listed before failing', async () => {
		mock().inject(json(400, { message: 'Invalid webhook' }), { match: test.registers });
		const node = test.harness().trigger(test.parameters);
		await expect(node.activate()).rejects.toThrow(/answered 400/);
		expect(registrations()).toHaveLength(1);
		// The one list after the refusal is the clean-up's, which finds nothing to delete.
		const sent = mock().requests.filter((request) => test.registers(request) || test.lists(request));
		expect(sent.slice(sent.findIndex(test.registers) + 1).filter(test.lists)).toHaveLength(1);
		expect(mock().hooks.list()).toHaveLength(0);
	});
});

describe.each(cases)('$provider trigger, after n8n moved to another webhook URL', (test) => {
	const mock = () => test.harness().env.mock;
	const OLD = 'https://old-n8n.example.com/';
	const NEW = 'https://n8n.example.com/';

	it('activating again at the new address deletes the hooks on the old one', async () => {
		const staticData = {};
		await test.harness().trigger(test.parameters, staticData, false, OLD).activate();
		const old = mock().hooks.list().map((hook) => hook.id);
		expect(old).toHaveLength(hookCount(test));
		expect(await test.harness().trigger(test.parameters, staticData, false, NEW).activate()).toBe('created');
		const now = mock().hooks.list();
		expect(now).toHaveLength(hookCount(test));
		expect(now.every((hook) => hook.url.startsWith(`${NEW}webhook/`))).toBe(true);
		expect(now.map((hook) => hook.id).filter((id) => old.includes(id))).toEqual([]);
	});

	it('deactivating at the new address deletes the hooks registered at the old one', async () => {
		const staticData = {};
		await test.harness().trigger(test.parameters, staticData, false, OLD).activate();
		expect(mock().hooks.list()).toHaveLength(hookCount(test));
		expect(await test.harness().trigger(test.parameters, staticData, false, NEW).deactivate()).toBe(true);
		expect(mock().hooks.list()).toHaveLength(0);
		expect(staticData).toEqual({});
	});
});

describe('the editor listening for a test event while the workflow is published', () => {
	const sign = (secret: string, rawBody: string) => createHmac('sha256', secret).update(rawBody).digest('hex');
	const parameters = { events: ['email.replied'] };
	const rawBody = JSON.stringify({ event: 'email.replied', data: { email: 'ada@example.com' } });

	it('each URL accepts its own pending secret only', async () => {
		const production = sendKit.trigger(parameters, {});
		await production.activate();
		const test = sendKit.trigger(parameters, {}, true);
		await test.activate();
		const productionSecret = String(production.staticData.secret);
		const testSecret = String(test.staticData.secret);
		expect(testSecret).not.toBe(productionSecret);

		// Deliveries read before n8n saved either activation: only the pending secrets prove anything.
		const productionUnsaved = sendKit.trigger(parameters, {});
		const testUnsaved = sendKit.trigger(parameters, {}, true);
		const signedWith = (secret: string, url: string) => ({ url, rawBody, headers: { 'X-Webhook-Signature': sign(secret, rawBody) } });
		expect((await productionUnsaved.receive(signedWith(testSecret, productionUnsaved.url()))).status).toBe(401);
		expect((await testUnsaved.receive(signedWith(productionSecret, testUnsaved.url()))).status).toBe(401);
		expect((await productionUnsaved.receive(signedWith(productionSecret, productionUnsaved.url()))).items).toHaveLength(1);
		expect((await testUnsaved.receive(signedWith(testSecret, testUnsaved.url()))).items).toHaveLength(1);
	});
});
