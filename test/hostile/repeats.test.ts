/**
 * Requests that must not be sent twice: a lead added, an entry put on a list, a webhook
 * registered. When the provider may have done the work (the connection reset after it served the
 * request, a 5xx), they are not sent again; what is safe to repeat (a status change) still is.
 */
import type { IDataObject } from 'n8n-workflow';

import { runHookMethod, runNode } from '../../sandbox/engine';
import { json } from '../../sandbox/providers/http-mock';
import { startLemlistMock, type LemlistMock } from '../../sandbox/providers/lemlist';
import { SENDKIT_SEED, startSendKitMock, type SendKitMock } from '../../sandbox/providers/sendkit';
import { useProviderMock } from '../harness/provider-env';

const lemlist = useProviderMock<LemlistMock>(async () => await startLemlistMock());
const sendKit = useProviderMock<SendKitMock>(async () => await startSendKitMock());

const lemlistCredentials = () => ({ lemlistOutreachApi: { apiKey: lemlist.mock.apiKey, baseUrl: lemlist.mock.url } });
const sendKitCredentials = () => ({ sendKitOutreachApi: { apiKey: sendKit.mock.workspaceKey, baseUrl: sendKit.mock.url, maxRequestsPerSecond: 10 } });
const posts = (mock: LemlistMock | SendKitMock, path: RegExp) => mock.requests.filter((request) => request.method === 'POST' && path.test(request.path));

describe('a lead added', () => {
	const add = async (continueOnFail = true) =>
		await runNode({
			type: 'n8n-nodes-outreach.lemlist',
			credentials: lemlistCredentials(),
			parameters: { resource: 'campaignLead', operation: 'add', campaignId: { __rl: true, mode: 'id', value: 'cam_A1' }, email: 'new.lead@example.org' },
			continueOnFail,
		});

	it('served, then the connection reset: not sent again; the item fails and says so', async () => {
		lemlist.mock.inject('resetMidResponse', { match: (request) => request.method === 'POST' });
		const { items } = await add();
		expect(posts(lemlist.mock, /\/campaigns\/cam_A1\/leads/)).toHaveLength(1);
		expect(String(items[0].json.error)).toContain('Could not reach lemlist');
	});

	it('answered 503: not sent again', async () => {
		lemlist.mock.inject(json(503, { message: 'Service unavailable' }), { match: (request) => request.method === 'POST' });
		const { items } = await add();
		expect(posts(lemlist.mock, /\/campaigns\/cam_A1\/leads/)).toHaveLength(1);
		expect(items[0].json.error).toBe('lemlist answered 503: Service unavailable');
	});

	it('answered 429: sent again once the wait is over (the provider did not take it)', async () => {
		lemlist.mock.inject(json(429, { message: 'Too many requests' }, { 'Retry-After': '1' }), { match: (request) => request.method === 'POST' });
		const { items } = await add();
		expect(posts(lemlist.mock, /\/campaigns\/cam_A1\/leads/)).toHaveLength(2);
		expect(items[0].json).toMatchObject({ email: 'new.lead@example.org', status: 'added' });
	});

	it('a batch of SendKit leads answered 502: not sent again; each item fails with the answer', async () => {
		sendKit.mock.inject(json(502, { error: 'Bad Gateway', message: 'upstream timed out', code: 502 }), { match: (request) => request.method === 'POST' });
		const { items } = await runNode({
			type: 'n8n-nodes-outreach.sendKit',
			credentials: sendKitCredentials(),
			parameters: { resource: 'campaignLead', operation: 'add', campaignId: { __rl: true, mode: 'id', value: SENDKIT_SEED.campaignId }, email: '={{ $json.email }}' },
			items: [{ email: 'one@example.org' }, { email: 'two@example.org' }],
			continueOnFail: true,
		});
		expect(posts(sendKit.mock, /\/leads$/)).toHaveLength(1);
		expect(items.map((item) => item.json.error)).toEqual(['SendKit answered 502: upstream timed out', 'SendKit answered 502: upstream timed out']);
	});
});

describe('a status change (safe to repeat)', () => {
	it('answered 503 is tried again and goes through', async () => {
		lemlist.mock.inject(json(503, { message: 'Service unavailable' }), { match: (request) => request.method === 'POST' });
		const { items } = await runNode({
			type: 'n8n-nodes-outreach.lemlist',
			credentials: lemlistCredentials(),
			parameters: { resource: 'campaign', operation: 'pause', campaignId: { __rl: true, mode: 'id', value: 'cam_A1' } },
		});
		expect(posts(lemlist.mock, /\/campaigns\/cam_A1\/pause/)).toHaveLength(2);
		expect(items[0].json).toMatchObject({ campaignId: 'cam_A1' });
	});
});

describe('a webhook registered', () => {
	it('carried out by SendKit but never answered: registered once, and the hook SendKit holds is the one the activation keeps', async () => {
		sendKit.mock.inject('resetMidResponse', { match: (request) => request.method === 'POST' && request.path === '/v1/webhooks' });
		const staticData: IDataObject = {};
		const setup = { type: 'n8n-nodes-outreach.sendKitTrigger', credentials: sendKitCredentials(), parameters: { events: ['email.replied'] }, staticData };
		expect(await runHookMethod({ ...setup, method: 'create' })).toBe(true);
		expect(posts(sendKit.mock, /^\/v1\/webhooks$/)).toHaveLength(1);
		expect(sendKit.mock.hooks.list()).toHaveLength(1);
		expect(staticData.hookIds).toEqual([sendKit.mock.hooks.list()[0].id]);
	});
});
