import { campaign, expectRefusedBeforeRequest, useSmartlead } from './smartlead-env';

const { env, run } = useSmartlead({ resource: 'campaignLead', operation: 'remove', campaignId: campaign(101), leadId: '5001' });

const paths = () => env.mock.requests.map((request) => `${request.method} ${request.path}`);
const campaignsOf = (leadId: number) => env.mock.state.memberships.filter((m) => m.leadId === leadId).map((m) => m.campaignId);

describe('Smartlead Campaign Lead → Remove', () => {
	it('removes a lead by ID: one DELETE, no body, the answer with the IDs and status removed', async () => {
		const { items, error } = await run();
		expect(error).toBeUndefined();
		expect(env.mock.requests).toHaveLength(1);
		expect(env.mock.requests[0]).toMatchObject({ method: 'DELETE', path: '/api/v1/campaigns/101/leads/5001', query: { api_key: env.mock.apiKey }, rawBody: '' });
		expect(items).toEqual([{ json: { ok: true, campaignId: 101, leadId: 5001, status: 'removed' }, pairedItem: { item: 0 } }]);
		expect(campaignsOf(5001)).toEqual([]);
		// The lead stays in the account: it can be added again.
		expect(env.mock.state.leads.get(5001)?.email).toBe('ada@example.com');
	});

	it('removes a lead by email: one look-up, then the DELETE of the ID found; only from this campaign', async () => {
		const email = env.mock.state.leads.get(6000 + 1)!.email;
		const { items, error } = await run({ parameters: { campaignId: campaign(102), leadId: email } });
		expect(error).toBeUndefined();
		expect(paths()).toEqual(['GET /api/v1/leads/', 'DELETE /api/v1/campaigns/102/leads/6001']);
		expect(items[0].json).toEqual({ ok: true, campaignId: 102, leadId: 6001, email, status: 'removed' });
		expect(campaignsOf(6001)).toEqual([104]);
	});

	it('a removed lead can be added to the campaign again', async () => {
		await run();
		const { items } = await run({ parameters: { operation: 'add', email: 'ada@example.com' } });
		expect(items[0].json).toMatchObject({ status: 'added', campaignId: 101 });
		expect(campaignsOf(5001)).toEqual([101]);
	});

	it("shows Smartlead's 404 for a lead that is not in the campaign, and the look-up's message for an unknown address", async () => {
		const byId = await run({ parameters: { leadId: '5003' } });
		expect(byId.error).toMatchObject({ name: 'NodeApiError', httpCode: '404', message: 'Smartlead answered 404: Lead not found - Invalid lead_id.' });
		const byEmail = await run({ parameters: { leadId: 'nobody@example.com' } });
		expect(byEmail.error?.message).toBe('No lead with the email address "nobody@example.com" in campaign 101');
		expect(paths().filter((path) => path.startsWith('DELETE'))).toEqual(['DELETE /api/v1/campaigns/101/leads/5003']);
	});

	it('removes many leads, each paired, an unknown one failing alone with Continue On Fail', async () => {
		const { items, error } = await run({
			parameters: { leadId: '={{ $json.lead }}' },
			items: [{ lead: '5001' }, { lead: '5003' }, { lead: 'alan@example.com' }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.status ?? item.json.error, item.pairedItem])).toEqual([
			['removed', { item: 0 }],
			['Smartlead answered 404: Lead not found - Invalid lead_id.', { item: 1 }],
			['removed', { item: 2 }],
		]);
		expect([...campaignsOf(5001), ...campaignsOf(5002)]).toEqual([]);
	});

	it.each([
		[{ leadId: 'lead-5001' }, 'Lead ID or Email (leadId) must be a number or an email address, not "lead-5001"'],
		[{ leadId: '={{ "" }}' }, 'Lead ID or Email (leadId) is empty'],
		[{ campaignId: campaign('q4') }, 'Campaign (campaignId) must be a number, not "q4"'],
	])('refuses %j before any request', async (parameters, message) => {
		const { error } = await run({ parameters });
		expectRefusedBeforeRequest(error, env.mock, message);
	});
});
