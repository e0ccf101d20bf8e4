/**
 * A provider, a proxy or a moved API answering with a redirect: the pack never follows it, so no
 * key reaches the address it points to, and a registration that does not come back with a hook ID
 * does not activate a trigger that has no hook.
 */
import type { IDataObject } from 'n8n-workflow';

import { runHookMethod, runNode } from '../../sandbox/engine';
import { HttpMock, json } from '../../sandbox/providers/http-mock';
import { startLemlistMock, type LemlistMock } from '../../sandbox/providers/lemlist';
import { SENDKIT_SEED, startSendKitMock, type SendKitMock } from '../../sandbox/providers/sendkit';
import { useProviderMock } from '../harness/provider-env';

const lemlist = useProviderMock<LemlistMock>(async () => await startLemlistMock());
const sendKit = useProviderMock<SendKitMock>(async () => await startSendKitMock());
let elsewhere: HttpMock;

beforeAll(async () => {
	elsewhere = await new HttpMock(() => json(200, { _id: 'cam_A1', name: 'Somewhere else' })).listen();
});
beforeEach(() => elsewhere.reset());
afterAll(async () => await elsewhere.close());

const redirect = (status: number, to: string) => ({ status, body: '', contentType: 'text/plain', headers: { Location: to } });

describe.each([301, 302, 307, 308])('a %i redirect to another origin', (status) => {
	it('lemlist: the key (Basic auth) never reaches it; the item fails naming where it pointed, not tried again', async () => {
		const target = `${elsewhere.url}/api/campaigns/cam_A1`;
		lemlist.mock.inject(redirect(status, target));
		const { error } = await runNode({
			type: 'n8n-nodes-outreach.lemlist',
			credentials: { lemlistOutreachApi: { apiKey: lemlist.mock.apiKey, baseUrl: lemlist.mock.url } },
			parameters: { resource: 'campaign', operation: 'get', campaignId: { __rl: true, mode: 'id', value: 'cam_A1' } },
		});
		expect(error?.message).toBe(`lemlist answered ${status}, a redirect to ${target}: not followed`);
		expect(elsewhere.requests).toHaveLength(0);
		expect(lemlist.mock.requests).toHaveLength(1);
	});

	it('SendKit: the key (X-Api-Key) never reaches it', async () => {
		const target = `${elsewhere.url}/v1/campaigns/${SENDKIT_SEED.campaignId}`;
		sendKit.mock.inject(redirect(status, target));
		const { error } = await runNode({
			type: 'n8n-nodes-outreach.sendKit',
			credentials: { sendKitOutreachApi: { apiKey: sendKit.mock.workspaceKey, baseUrl: sendKit.mock.url, maxRequestsPerSecond: 10 } },
			parameters: { resource: 'campaign', operation: 'get', campaignId: { __rl: true, mode: 'id', value: SENDKIT_SEED.campaignId } },
		});
		expect(error?.message).toContain(`a redirect to ${target}: not followed`);
		expect(elsewhere.requests).toHaveLength(0);
	});
});

describe('a webhook registration', () => {
	const setup = (staticData: IDataObject) => ({
		type: 'n8n-nodes-outreach.lemlistTrigger',
		credentials: { lemlistOutreachApi: { apiKey: lemlist.mock.apiKey, baseUrl: lemlist.mock.url } },
		parameters: { events: ['emailsReplied'] },
		staticData,
	});

	it('redirected (a POST that would come back as a GET of the list) fails activation instead of storing no hook', async () => {
		lemlist.mock.inject(redirect(302, `${lemlist.mock.url}/hooks`), { match: (request) => request.method === 'POST' });
		const staticData: IDataObject = {};
		await expect(runHookMethod({ ...setup(staticData), method: 'create' })).rejects.toThrow('lemlist answered 302, a redirect to');
		expect(staticData.hookIds).toBeUndefined();
		expect(lemlist.mock.hooks.list()).toHaveLength(0);
	});

	it('answered without a hook ID fails activation', async () => {
		lemlist.mock.inject(json(200, [{ _id: 'hoo_other', targetUrl: 'https://elsewhere.example/hook', type: 'emailsOpened' }]), {
			match: (request) => request.method === 'POST',
		});
		const staticData: IDataObject = {};
		await expect(runHookMethod({ ...setup(staticData), method: 'create' })).rejects.toThrow("lemlist answered the webhook registration without the hook's ID");
		expect(staticData.hookIds).toBeUndefined();
	});
});
