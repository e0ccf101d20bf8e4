import { SENDKIT_SEED } from '../../sandbox/providers/sendkit';
import { useSendKit } from './sendkit-env';

/** Campaign → Get Stats: `GET /v1/campaigns/{id}/analytics?from&to`, one item per campaign. */
const { env, run } = useSendKit({
	resource: 'campaign',
	operation: 'getStats',
	campaignId: { __rl: true, mode: 'id', value: SENDKIT_SEED.campaignId },
});

const CAMPAIGN = SENDKIT_SEED.campaignId;
const byId = (campaignId: string) => ({ __rl: true, mode: 'id', value: campaignId });
const wire = () => env.mock.requests.map((request) => [request.method, request.path, request.query, request.rawBody]);

describe('SendKit Campaign → Get Stats', () => {
	it('without dates: all-time figures, SendKit\'s data with the campaign ID added', async () => {
		const { items, error } = await run();
		expect(error).toBeUndefined();
		expect(wire()).toEqual([['GET', `/v1/campaigns/${CAMPAIGN}/analytics`, {}, '']]);
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json).toEqual({
			campaign: { id: CAMPAIGN, name: 'Q1 Outreach Campaign', status: 'active', startedAt: expect.any(String) },
			stats: expect.objectContaining({ sent: expect.any(Number), replied: expect.any(Number), bounced: expect.any(Number) }),
			stepAnalytics: expect.any(Array),
			statusBreakdown: expect.objectContaining({ active: expect.any(Number) }),
			totalReplied: expect.any(Number),
			campaignId: CAMPAIGN,
		});
		expect((items[0].json.statusBreakdown as Record<string, number>).active).toBeGreaterThan(0);
	});

	it('Start Date and End Date are sent as from and to, each alone or both', async () => {
		await run({ parameters: { startDate: ' 2025-06-15 ', endDate: '2025-06-15' } });
		await run({ parameters: { startDate: '2025-06-15T09:30:00Z' } });
		await run({ parameters: { endDate: '2025-06-30' } });
		expect(env.mock.requests.map((request) => request.query)).toEqual([
			{ from: '2025-06-15', to: '2025-06-15' },
			{ from: '2025-06-15T09:30:00Z' },
			{ to: '2025-06-30' },
		]);
	});

	it('a range counts what falls in it', async () => {
		const all = await run();
		const none = await run({ parameters: { startDate: '2030-01-01' } });
		expect((all.items[0].json.stats as Record<string, number>).sent).toBeGreaterThan(0);
		expect((none.items[0].json.stats as Record<string, number>).sent).toBe(0);
	});

	it.each([
		[{ startDate: '15/06/2025' }, 'Start Date (startDate) must be an ISO date such as 2025-06-01, not "15/06/2025"'],
		[{ startDate: '2025-02-30' }, 'Start Date (startDate) must be an ISO date such as 2025-06-01, not "2025-02-30"'],
		[{ endDate: 'yesterday' }, 'End Date (endDate) must be an ISO date such as 2025-06-01, not "yesterday"'],
		[{ endDate: '={{ 20250601 }}' }, 'End Date (endDate) must be an ISO date such as 2025-06-01, not 20250601'],
		[{ startDate: '2025-07-01', endDate: '2025-06-01' }, 'Start Date (startDate) 2025-07-01 is after End Date (endDate) 2025-06-01'],
		[{ campaignId: byId('={{ "" }}') }, 'Campaign (campaignId) is empty'],
	])('refuses %j before any request', async (parameters, message) => {
		const { error } = await run({ parameters });
		expect(error).toMatchObject({ name: 'NodeOperationError', message });
		expect(env.mock.requests).toHaveLength(0);
	});

	it('one item per campaign; with continue on fail, SendKit\'s 404 for one campaign does not stop the others', async () => {
		const { items, error } = await run({
			parameters: { campaignId: byId('={{ $json.id }}') },
			items: [{ id: CAMPAIGN }, { id: '665a0000000000000000ffff' }, { id: SENDKIT_SEED.pausedCampaignId }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.pairedItem, item.json.campaignId ?? item.json.error])).toEqual([
			[{ item: 0 }, CAMPAIGN],
			[{ item: 1 }, 'SendKit answered 404: Campaign not found'],
			[{ item: 2 }, SENDKIT_SEED.pausedCampaignId],
		]);
	});

	it('a campaign of another workspace is SendKit\'s 404', async () => {
		const { error } = await run({ parameters: { campaignId: byId(SENDKIT_SEED.otherWorkspaceCampaignId) } });
		expect(error).toMatchObject({ httpCode: '404', message: 'SendKit answered 404: Campaign not found' });
	});
});
