import { BIG_CAMPAIGN, BIG_CAMPAIGN_STATUSES } from '../../sandbox/providers/smartlead';
import { campaign, expectRefusedBeforeRequest, useSmartlead } from './smartlead-env';

const { env, run } = useSmartlead({ resource: 'campaignLead', operation: 'getAll', campaignId: campaign(BIG_CAMPAIGN.id) });

/** The paging parameters of every request, in order. */
const pagesAsked = () => env.mock.requests.map(({ query: { offset, limit } }) => ({ offset, limit }));
const leadIds = (items: Array<{ json: object }>) => items.map((item) => (item.json as { lead: { id: number } }).lead.id);

describe('Smartlead Campaign Lead → Get Many', () => {
	it('reads all 250 leads of a campaign in three pages of at most 100, and stops at total_leads (a string)', async () => {
		const { items, error } = await run({ parameters: { returnAll: true } });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(250);
		expect(pagesAsked()).toEqual([
			{ offset: '0', limit: '100' },
			{ offset: '100', limit: '100' },
			{ offset: '200', limit: '100' },
		]);
		for (const request of env.mock.requests) {
			expect(request).toMatchObject({ method: 'GET', path: '/api/v1/campaigns/104/leads', query: { api_key: env.mock.apiKey } });
		}
		// Each lead once, in Smartlead's order, as Smartlead's record, paired with the one input item.
		expect(leadIds(items)).toEqual(Array.from({ length: 250 }, (_, n) => BIG_CAMPAIGN.firstLeadId + n));
		const first = env.mock.state.memberships.find((m) => m.campaignId === BIG_CAMPAIGN.id && m.leadId === 6001)!;
		expect(items[0]).toEqual({
			json: {
				campaign_lead_map_id: first.campaign_lead_map_id,
				lead_category_id: first.lead_category_id,
				status: first.status,
				created_at: first.created_at,
				lead: expect.objectContaining({ id: 6001, email: 'maya.okafor0@northwind.example', custom_fields: { seat_count: '10' } }),
			},
			pairedItem: { item: 0 },
		});
	});

	it('returns exactly the limit, asking Smartlead for no more than it (one request for 50)', async () => {
		const { items } = await run({ parameters: { returnAll: false, limit: 50 } });
		expect(items).toHaveLength(50);
		expect(pagesAsked()).toEqual([{ offset: '0', limit: '50' }]);
	});

	it('reads a limit across a page boundary with a second page sized to what is missing', async () => {
		const { items } = await run({ parameters: { limit: 150 } });
		expect(leadIds(items)).toEqual(Array.from({ length: 150 }, (_, n) => BIG_CAMPAIGN.firstLeadId + n));
		expect(pagesAsked()).toEqual([
			{ offset: '0', limit: '100' },
			{ offset: '100', limit: '50' },
		]);
	});

	it('takes a limit of exactly one page in one request', async () => {
		const { items } = await run({ parameters: { limit: 100 } });
		expect(items).toHaveLength(100);
		expect(pagesAsked()).toEqual([{ offset: '0', limit: '100' }]);
	});

	it('answers no items for a campaign without leads, after one request', async () => {
		const { items, error } = await run({ parameters: { returnAll: true, campaignId: campaign(103) } });
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(env.mock.requests).toHaveLength(1);
	});

	it('answers the one matching lead with one item, after one request', async () => {
		const { items } = await run({ parameters: { returnAll: true, campaignId: campaign(102), filters: { status: 'STARTED' } } });
		expect(leadIds(items)).toEqual([5003]);
		expect(pagesAsked()).toEqual([{ offset: '0', limit: '100' }]);
	});

	it('stops after exactly one full page when the total is 100, with no empty-page request', async () => {
		expect(BIG_CAMPAIGN_STATUSES.COMPLETED).toBe(100);
		const { items } = await run({ parameters: { returnAll: true, filters: { status: 'COMPLETED' } } });
		expect(items).toHaveLength(100);
		expect(items.every((item) => (item.json as { status: string }).status === 'COMPLETED')).toBe(true);
		expect(pagesAsked()).toEqual([{ offset: '0', limit: '100' }]);
	});

	it('fetches the second page for one page and one lead (101)', async () => {
		expect(BIG_CAMPAIGN_STATUSES.INPROGRESS).toBe(101);
		const { items } = await run({ parameters: { returnAll: true, filters: { status: 'INPROGRESS' } } });
		expect(items).toHaveLength(101);
		expect(pagesAsked()).toEqual([
			{ offset: '0', limit: '100' },
			{ offset: '100', limit: '100' },
		]);
	});

	it('sends every filter as Smartlead names it, and Smartlead applies them', async () => {
		const filters = {
			status: 'INPROGRESS',
			lead_category_id: '1',
			emailStatus: 'is_replied',
			created_at_gt: '2025-01-02T00:00:00.000Z',
			last_sent_time_gt: '2025-01-05T00:00:00.000Z',
			event_time_gt: '2025-01-06T00:00:00.000Z',
		};
		const { items, error } = await run({ parameters: { returnAll: true, filters } });
		expect(error).toBeUndefined();
		expect(env.mock.requests[0].query).toEqual({ api_key: env.mock.apiKey, offset: '0', limit: '100', ...filters });
		const expected = env.mock.state.memberships.filter(
			(m) =>
				m.campaignId === BIG_CAMPAIGN.id &&
				m.status === 'INPROGRESS' &&
				m.lead_category_id === 1 &&
				m.engagement.is_replied === true &&
				Date.parse(m.created_at) > Date.parse(filters.created_at_gt) &&
				Date.parse(m.last_sent_time ?? '') > Date.parse(filters.last_sent_time_gt) &&
				Date.parse(m.event_time ?? '') > Date.parse(filters.event_time_gt),
		);
		expect(expected.length).toBeGreaterThan(0);
		expect(leadIds(items)).toEqual(expected.map((m) => m.leadId));
		expect(items.every((item) => (item.json as { lead_category_id: number }).lead_category_id === 1)).toBe(true);
	});

	it('filters by a category chosen from the list (a number)', async () => {
		const { items } = await run({ parameters: { returnAll: true, filters: { lead_category_id: 789 } } });
		const expected = env.mock.state.memberships.filter((m) => m.campaignId === BIG_CAMPAIGN.id && m.lead_category_id === 789);
		expect(items).toHaveLength(expected.length);
		expect(env.mock.requests[0].query.lead_category_id).toBe('789');
	});

	it.each([
		[{ limit: 0 }, 'Limit (limit) must be a whole number of at least 1, not 0'],
		[{ limit: '={{ "ten" }}' }, 'Limit (limit) must be a whole number of at least 1, not "ten"'],
		[{ filters: { status: 'ACTIVE' } }, '"Status" (filters.status) has an unknown value "ACTIVE"'],
		[{ filters: { emailStatus: 'opened' } }, '"Email Status" (filters.emailStatus) has an unknown value "opened"'],
		[{ filters: { lead_category_id: 'Interested' } }, '"Category Name or ID" (filters.lead_category_id) must be a category ID, a whole number, not "Interested"'],
		[{ filters: { created_at_gt: 'last week' } }, '"Created After" (filters.created_at_gt) must be a date and time'],
		[{ campaignId: campaign('Enterprise') }, 'Campaign (campaignId) must be a number, not "Enterprise"'],
	])('refuses %j before any request', async (parameters, message) => {
		const { error } = await run({ parameters });
		expectRefusedBeforeRequest(error, env.mock, message);
	});

	it("shows Smartlead's 404 for a campaign that does not exist", async () => {
		const { error } = await run({ parameters: { returnAll: true, campaignId: campaign(999) } });
		expect(error).toMatchObject({ name: 'NodeApiError', httpCode: '404', message: 'Smartlead answered 404: Campaign not found - Invalid campaign_id.' });
	});

	it('reads each input item on its own, pairing every lead with the item that asked', async () => {
		const { items } = await run({
			parameters: { campaignId: campaign('={{ $json.campaign }}'), limit: 2 },
			items: [{ campaign: 101 }, { campaign: 102 }],
		});
		expect(items.map((item) => [(item.json as { lead: { id: number } }).lead.id, item.pairedItem])).toEqual([
			[5001, { item: 0 }],
			[5002, { item: 0 }],
			[5003, { item: 1 }],
			[6001, { item: 1 }],
		]);
	});
});

describe('Smartlead Campaign Lead → Get', () => {
	it('finds a lead by email with one request and outputs Smartlead\'s lead with its campaigns', async () => {
		const { items, error } = await run({ parameters: { operation: 'get', campaignId: campaign(101), leadId: 'Ada@Example.com' } });
		expect(error).toBeUndefined();
		expect(env.mock.requests).toHaveLength(1);
		expect(env.mock.requests[0]).toMatchObject({ method: 'GET', path: '/api/v1/leads/', query: { api_key: env.mock.apiKey, email: 'Ada@Example.com' } });
		expect(items).toEqual([
			{
				json: expect.objectContaining({
					id: 5001,
					email: 'ada@example.com',
					lead_campaign_data: [expect.objectContaining({ campaign_id: 101, campaign_name: 'Q4 Outbound' })],
				}),
				pairedItem: { item: 0 },
			},
		]);
	});

	it('finds a lead by ID by reading the campaign page by page until it turns up', async () => {
		const { items, error } = await run({ parameters: { operation: 'get', leadId: '6150' } });
		expect(error).toBeUndefined();
		expect(pagesAsked()).toEqual([
			{ offset: '0', limit: '100' },
			{ offset: '100', limit: '100' },
		]);
		expect(items).toEqual([{ json: expect.objectContaining({ status: expect.any(String), lead: expect.objectContaining({ id: 6150 }) }), pairedItem: { item: 0 } }]);
	});

	it('fails naming the ID when no lead of the campaign has it, after the last page', async () => {
		const { error } = await run({ parameters: { operation: 'get', leadId: '5001' } });
		expect(error).toMatchObject({ name: 'NodeOperationError', message: 'No lead with the ID 5001 in campaign 104' });
		expect(env.mock.requests).toHaveLength(3);
	});

	it('fails naming the address when no lead has it, and when the lead is in another campaign', async () => {
		const nobody = await run({ parameters: { operation: 'get', campaignId: campaign(101), leadId: 'nobody@example.com' } });
		expect(nobody.error).toMatchObject({ name: 'NodeOperationError', message: 'No lead with the email address "nobody@example.com" in campaign 101' });
		const elsewhere = await run({ parameters: { operation: 'get', campaignId: campaign(101), leadId: 'grace@example.com' } });
		expect(elsewhere.error).toMatchObject({ message: 'No lead with the email address "grace@example.com" in campaign 101' });
		expect(env.mock.requests.map((request) => request.path)).toEqual(['/api/v1/leads/', '/api/v1/leads/']);
	});
});
