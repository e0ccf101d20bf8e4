import { BIG_CAMPAIGN, BIG_CAMPAIGN_CLIENT } from '../../sandbox/providers/smartlead';
import { campaign, expectRefusedBeforeRequest, useSmartlead } from './smartlead-env';

const { env, run } = useSmartlead({ resource: 'campaign', campaignId: campaign(101) });

const names = (items: Array<{ json: object }>) => items.map((item) => (item.json as { name: string }).name);

describe('Smartlead Campaign → Get', () => {
	it('gets one campaign: GET /campaigns/{id}, the answer as the item', async () => {
		const { items, error } = await run({ parameters: { operation: 'get', campaignId: campaign(102) } });
		expect(error).toBeUndefined();
		expect(env.mock.requests).toHaveLength(1);
		expect(env.mock.requests[0]).toMatchObject({ method: 'GET', path: '/api/v1/campaigns/102', query: { api_key: env.mock.apiKey } });
		expect(items).toEqual([
			{ json: { id: 102, name: 'Founders EU', status: 'PAUSED', created_at: '2025-01-02T00:00:00.000Z', client_id: null }, pairedItem: { item: 0 } },
		]);
	});

	it("shows Smartlead's 404 for a campaign that does not exist", async () => {
		const { error } = await run({ parameters: { operation: 'get', campaignId: campaign(999) } });
		expect(error).toMatchObject({ name: 'NodeApiError', httpCode: '404', message: 'Smartlead answered 404: Campaign not found - Invalid campaign_id.' });
	});
});

describe('Smartlead Campaign → Get Many', () => {
	it('lists every campaign with one request (Smartlead does not page this list)', async () => {
		const { items, error } = await run({ parameters: { operation: 'getAll', returnAll: true } });
		expect(error).toBeUndefined();
		expect(env.mock.requests).toHaveLength(1);
		expect(env.mock.requests[0]).toMatchObject({ method: 'GET', path: '/api/v1/campaigns/', query: { api_key: env.mock.apiKey } });
		expect(names(items)).toEqual(['Q4 Outbound', 'Founders EU', 'Agency Partners', 'Enterprise Q1']);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }, { item: 0 }]);
	});

	it('honours the limit on the one list Smartlead answers', async () => {
		const { items } = await run({ parameters: { operation: 'getAll', limit: 2 } });
		expect(names(items)).toEqual(['Q4 Outbound', 'Founders EU']);
		expect(env.mock.requests[0].query).toEqual({ api_key: env.mock.apiKey });
	});

	it('filters by status in the node (Smartlead has no such parameter) and before the limit', async () => {
		const { items } = await run({ parameters: { operation: 'getAll', limit: 1, filters: { status: 'ACTIVE' } } });
		expect(names(items)).toEqual(['Q4 Outbound']);
		const all = await run({ parameters: { operation: 'getAll', returnAll: true, filters: { status: 'ACTIVE' } } });
		expect(names(all.items)).toEqual(['Q4 Outbound', 'Enterprise Q1']);
		expect(env.mock.requests.map((request) => request.query)).toEqual([{ api_key: env.mock.apiKey }, { api_key: env.mock.apiKey }]);
	});

	it("sends the client and tags filters to Smartlead, which applies them", async () => {
		const { items } = await run({ parameters: { operation: 'getAll', returnAll: true, filters: { client_id: BIG_CAMPAIGN_CLIENT, include_tags: true } } });
		expect(env.mock.requests[0].query).toEqual({ api_key: env.mock.apiKey, client_id: String(BIG_CAMPAIGN_CLIENT), include_tags: 'true' });
		expect(items).toEqual([{ json: expect.objectContaining({ id: BIG_CAMPAIGN.id, tags: [] }), pairedItem: { item: 0 } }]);
	});

	it('answers no items when nothing matches', async () => {
		const { items, error } = await run({ parameters: { operation: 'getAll', returnAll: true, filters: { status: 'ARCHIVED' } } });
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});

	it.each([
		[{ limit: -3 }, 'Limit (limit) must be a whole number of at least 1, not -3'],
		[{ filters: { status: 'RUNNING' } }, '"Status" (filters.status) has an unknown value "RUNNING"'],
		[{ filters: { client_id: '={{ "acme" }}' } }, '"Client ID" (filters.client_id) must be a number, not "acme"'],
	])('refuses %j before any request', async (parameters, message) => {
		const { error } = await run({ parameters: { operation: 'getAll', ...parameters } });
		expectRefusedBeforeRequest(error, env.mock, message);
	});
});

describe('Smartlead Campaign → Start, Pause, Stop', () => {
	it.each([
		['start', 'START', 103, 'ACTIVE'],
		['pause', 'PAUSED', 101, 'PAUSED'],
		['stop', 'STOPPED', 101, 'STOPPED'],
	])('%s: POST /campaigns/{id}/status with {status: %s}', async (operation, sent, id, readBack) => {
		const { items, error } = await run({ parameters: { operation, campaignId: campaign(id as number) } });
		expect(error).toBeUndefined();
		expect(env.mock.requests).toHaveLength(1);
		expect(env.mock.requests[0]).toMatchObject({ method: 'POST', path: `/api/v1/campaigns/${id}/status`, query: { api_key: env.mock.apiKey }, body: { status: sent } });
		expect(items).toEqual([{ json: { ok: true, data: `Campaign status updated to ${sent}`, campaignId: id }, pairedItem: { item: 0 } }]);
		expect(env.mock.state.campaigns.get(id as number)?.status).toBe(readBack);
	});

	it('acts on each item, continuing past a failed one when asked', async () => {
		const { items } = await run({
			continueOnFail: true,
			parameters: { operation: 'pause', campaignId: campaign('={{ $json.id }}') },
			items: [{ id: 101 }, { id: 'Q4' }, { id: 999 }, { id: 104 }],
		});
		expect(items.map((item) => [item.json.campaignId ?? item.json.error, item.pairedItem])).toEqual([
			[101, { item: 0 }],
			['Campaign (campaignId) must be a number, not "Q4"', { item: 1 }],
			['Smartlead answered 404: Campaign not found - Invalid campaign_id.', { item: 2 }],
			[104, { item: 3 }],
		]);
		expect(env.mock.requests).toHaveLength(3);
		expect([env.mock.state.campaigns.get(101)?.status, env.mock.state.campaigns.get(104)?.status]).toEqual(['PAUSED', 'PAUSED']);
	});
});
