import { SMARTLEAD_UI_SECRET_KEY, startSmartleadMock, type SmartleadMock } from '../../sandbox/providers/smartlead';
import { useTrigger } from './trigger-env';

const TYPE = 'n8n-nodes-outreach.smartleadTrigger';
const { env, trigger, outcomes } = useTrigger(TYPE, async () => await startSmartleadMock(), (mock: SmartleadMock) => ({
	smartleadOutreachApi: { apiKey: mock.apiKey, baseUrl: mock.url },
}));
const campaign = (value: string) => ({ __rl: true, mode: 'id', value });
const hookRequests = (method: string) => env.mock.requests.filter((request) => request.method === method && request.path.includes('/webhooks'));

describe('Smartlead trigger', () => {
	it('registers one campaign-level hook with every selected event, its URL carrying a fresh token', async () => {
		const node = trigger({ campaignId: campaign('101'), events: ['EMAIL_REPLY', 'LEAD_CATEGORY_UPDATED'] });
		expect(await node.activate()).toBe('created');
		const [post] = hookRequests('POST');
		expect(post.path).toBe('/api/v1/campaigns/101/webhooks');
		expect(post.body).toEqual({
			id: null,
			name: 'n8n: Replies to CRM',
			webhook_url: `${node.url()}?token=${node.staticData.secret}`,
			event_types: ['EMAIL_REPLY', 'LEAD_CATEGORY_UPDATED'],
			categories: [],
		});
		expect(node.staticData.hookIds).toEqual([env.mock.hooks.list()[0].id]);
	});

	it('starts one execution per delivery, the body as sent less the token and the account secret_key', async () => {
		const node = trigger({ campaignId: campaign('101'), events: ['EMAIL_REPLY'] });
		await node.activate();
		const [delivery] = await env.mock.deliver('EMAIL_REPLY');
		expect(delivery.status).toBe(200);
		const { secret_key: secretKey, webhook_url: echoedUrl, ...rest } = delivery.body;
		expect(secretKey).toBe(SMARTLEAD_UI_SECRET_KEY);
		expect(outcomes).toEqual([{ status: 200, items: [{ ...rest, webhook_url: node.url() }] }]);
		expect(String(echoedUrl)).toContain(String(node.staticData.secret));
		const output = JSON.stringify(outcomes);
		expect(output).not.toContain(String(node.staticData.secret));
		expect(output).not.toContain(SMARTLEAD_UI_SECRET_KEY);
	});

	it('answers 401 and starts nothing without the token or with a wrong one', async () => {
		const node = trigger({ campaignId: campaign('101'), events: ['EMAIL_REPLY'] });
		await node.activate();
		const body = JSON.stringify({ event_type: 'EMAIL_REPLY', campaign_id: 101, secret_key: SMARTLEAD_UI_SECRET_KEY });
		expect(await node.receive({ url: node.url(), rawBody: body })).toEqual({ status: 401, items: undefined });
		expect(await node.receive({ url: `${node.url()}?token=guessed`, rawBody: body })).toEqual({ status: 401, items: undefined });
	});

	it('verifies a delivery that arrives before n8n saved the activation, and forgets that token on deactivation', async () => {
		const node = trigger({ campaignId: campaign('101'), events: ['EMAIL_REPLY'] });
		await node.activate();
		const beforeSave = trigger({ campaignId: campaign('101'), events: ['EMAIL_REPLY'] }, {});
		beforeSave.listen();
		const [delivery] = await env.mock.deliver('EMAIL_REPLY');
		expect(outcomes.map((outcome) => outcome.status)).toEqual([200]);
		expect(outcomes[0].items).toHaveLength(1);
		await node.deactivate();
		expect(await beforeSave.receive({ url: delivery.url, rawBody: JSON.stringify(delivery.body) })).toEqual({ status: 401, items: undefined });
	});

	it('starts nothing for an event or a campaign it does not listen to', async () => {
		const node = trigger({ campaignId: campaign('101'), events: ['EMAIL_REPLY'] });
		await node.activate();
		const url = `${node.url()}?token=${node.staticData.secret}`;
		expect(await node.receive({ url, rawBody: JSON.stringify({ event_type: 'EMAIL_OPEN', campaign_id: 101 }) })).toEqual({ status: 200, items: undefined });
		expect(await node.receive({ url, rawBody: JSON.stringify({ event_type: 'EMAIL_REPLY', campaign_id: 102 }) })).toEqual({ status: 200, items: undefined });
	});

	it('keeps its hook when activated again, replaces it when the campaign\'s hook lost its token', async () => {
		const staticData = {};
		await trigger({ campaignId: campaign('101'), events: ['EMAIL_REPLY'] }, staticData).activate();
		expect(await trigger({ campaignId: campaign('101'), events: ['EMAIL_REPLY'] }, staticData).activate()).toBe('kept');
		expect(hookRequests('POST')).toHaveLength(1);
		// Static data lost: the hook on our path is ours, replaced rather than duplicated.
		expect(await trigger({ campaignId: campaign('101'), events: ['EMAIL_REPLY'] }, {}).activate()).toBe('created');
		expect(env.mock.hooks.list()).toHaveLength(1);
	});

	it.each(['path', 'body'] as const)('deletes its hook where Smartlead deletes by %s, and a hook already gone is fine', async (form) => {
		env.mock.hookDeletion = form;
		const other = env.mock.hooks.add({ url: 'https://crm.example.com/smartlead', events: ['EMAIL_REPLY'], campaignId: '101', name: 'CRM' });
		const node = trigger({ campaignId: campaign('101'), events: ['EMAIL_REPLY'] });
		await node.activate();
		expect(await node.deactivate()).toBe(true);
		expect(env.mock.hooks.list()).toEqual([other]);
		expect(await node.deactivate()).toBe(true);
	});

	it('needs a numeric campaign, and says so before any request', async () => {
		await expect(trigger({ campaignId: campaign('Q4 Outbound'), events: ['EMAIL_REPLY'] }).activate()).rejects.toThrow(
			'Campaign must be a Smartlead campaign ID (a number), not "Q4 Outbound"',
		);
		expect(env.mock.requests).toHaveLength(0);
	});

	it('shows Smartlead\'s own message when it refuses the registration', async () => {
		await expect(trigger({ campaignId: campaign('999'), events: ['EMAIL_REPLY'] }).activate()).rejects.toThrow(
			'Smartlead answered 404: Campaign not found - Invalid campaign_id.',
		);
	});
});
