import { json } from '../../sandbox/providers/http-mock';
import { BIG_CAMPAIGN } from '../../sandbox/providers/smartlead';
import { campaign, expectRefusedBeforeRequest, useSmartlead } from './smartlead-env';

const { env, run } = useSmartlead({ resource: 'campaign', operation: 'getStats', campaignId: campaign(BIG_CAMPAIGN.id) });

describe('Smartlead Campaign → Get Stats', () => {
	it("reads the campaign's figures for its whole life: one item with Smartlead's figures and the campaign ID", async () => {
		const { items, error } = await run();
		expect(error).toBeUndefined();
		expect(env.mock.requests).toHaveLength(1);
		expect(env.mock.requests[0]).toMatchObject({ method: 'GET', path: '/api/v1/campaigns/104/analytics', query: { api_key: env.mock.apiKey } });
		expect(items).toHaveLength(1);
		const contacted = env.mock.state.memberships.filter((m) => m.campaignId === BIG_CAMPAIGN.id && m.last_sent_time !== null).length;
		expect(items[0]).toEqual({
			json: expect.objectContaining({ id: 104, name: 'Enterprise Q1', campaignId: 104, sent_count: String(contacted), total_count: '250', campaign_lead_stats: expect.objectContaining({ total: 250, notStarted: 10 }) }),
			pairedItem: { item: 0 },
		});
	});

	it('reads a period with both dates, sent as YYYY-MM-DD; a date-time gives its date', async () => {
		const { items, error } = await run({ parameters: { startDate: '2025-02-01T00:00:00', endDate: ' 2025-02-10 ' } });
		expect(error).toBeUndefined();
		expect(env.mock.requests[0]).toMatchObject({
			method: 'GET',
			path: '/api/v1/campaigns/104/analytics-by-date',
			query: { api_key: env.mock.apiKey, start_date: '2025-02-01', end_date: '2025-02-10' },
		});
		expect(items[0].json).toMatchObject({ campaignId: 104, start_date: '2025-02-01', end_date: '2025-02-10' });
		expect(Number(items[0].json.sent_count)).toBeGreaterThan(0);
		expect(Number(items[0].json.sent_count)).toBeLessThan(240);
	});

	it('reads many campaigns, one item each, paired', async () => {
		const { items } = await run({ parameters: { campaignId: campaign('={{ $json.id }}') }, items: [{ id: 101 }, { id: 102 }] });
		expect(items.map((item) => [item.json.campaignId, item.json.name, item.pairedItem])).toEqual([
			[101, 'Q4 Outbound', { item: 0 }],
			[102, 'Founders EU', { item: 1 }],
		]);
	});

	it('unwraps an answer Smartlead wraps as {ok, data}', async () => {
		env.mock.inject(json(200, { ok: true, data: { id: 104, sent_count: 12 } }));
		const { items } = await run();
		expect(items[0].json).toEqual({ id: 104, sent_count: 12, campaignId: 104 });
	});

	it("shows Smartlead's 404 for an unknown campaign", async () => {
		const { error } = await run({ parameters: { campaignId: campaign(999) } });
		expect(error).toMatchObject({ httpCode: '404', message: 'Smartlead answered 404: Campaign not found - Invalid campaign_id.' });
	});

	it.each([
		[{ startDate: '2025-02-01' }, 'Start Date (startDate) is set but End Date (endDate) is not'],
		[{ endDate: '2025-02-01' }, 'End Date (endDate) is set but Start Date (startDate) is not'],
		[{ startDate: '2025-02-10', endDate: '2025-02-01' }, 'End Date (endDate) 2025-02-01 is before Start Date (startDate) 2025-02-10'],
		[{ startDate: '2025-02-30', endDate: '2025-03-01' }, 'Start Date (startDate) must be a date such as 2026-01-31, not "2025-02-30"'],
		[{ startDate: '2025-02-01', endDate: 'next week' }, 'End Date (endDate) must be a date such as 2026-01-31, not "next week"'],
		[{ startDate: '={{ 20250201 }}', endDate: '2025-03-01' }, 'Start Date (startDate) must be a date such as 2026-01-31, not 20250201'],
		[{ campaignId: campaign('q1') }, 'Campaign (campaignId) must be a number, not "q1"'],
	])('refuses %j before any request', async (parameters, message) => {
		const { error } = await run({ parameters });
		expectRefusedBeforeRequest(error, env.mock, message);
	});
});
