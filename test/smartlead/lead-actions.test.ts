import { runLoadOptions } from '../../sandbox/engine';
import { BIG_CAMPAIGN, SMARTLEAD_CATEGORIES } from '../../sandbox/providers/smartlead';
import { campaign, expectRefusedBeforeRequest, SMARTLEAD, useSmartlead } from './smartlead-env';

const { env, run, credentials } = useSmartlead({ resource: 'campaignLead', campaignId: campaign(101), leadId: '5001' });

const statusIn = (campaignId: number, leadId: number) =>
	env.mock.state.memberships.find((m) => m.campaignId === campaignId && m.leadId === leadId)?.status;
const paths = () => env.mock.requests.map((request) => `${request.method} ${request.path}`);

describe('Smartlead Campaign Lead → Pause and Resume', () => {
	it('pauses a lead by ID: one POST, no body, the answer with the IDs acted on', async () => {
		const { items, error } = await run({ parameters: { operation: 'pause' } });
		expect(error).toBeUndefined();
		expect(env.mock.requests).toHaveLength(1);
		expect(env.mock.requests[0]).toMatchObject({ method: 'POST', path: '/api/v1/campaigns/101/leads/5001/pause', query: { api_key: env.mock.apiKey }, rawBody: '' });
		expect(items).toEqual([{ json: { ok: true, data: 'Lead paused successfully', campaignId: 101, leadId: 5001 }, pairedItem: { item: 0 } }]);
		expect(statusIn(101, 5001)).toBe('PAUSED');
	});

	it('pauses a lead by email: one look-up, then the pause of the ID found', async () => {
		const { items, error } = await run({ parameters: { operation: 'pause', leadId: 'alan@example.com' } });
		expect(error).toBeUndefined();
		expect(paths()).toEqual(['GET /api/v1/leads/', 'POST /api/v1/campaigns/101/leads/5002/pause']);
		expect(env.mock.requests[0].query).toEqual({ api_key: env.mock.apiKey, email: 'alan@example.com' });
		expect(items[0].json).toMatchObject({ campaignId: 101, leadId: 5002 });
		expect(statusIn(101, 5002)).toBe('PAUSED');
	});

	it('resumes a paused lead, without a body unless a delay is given', async () => {
		await run({ parameters: { operation: 'pause' } });
		const { items } = await run({ parameters: { operation: 'resume' } });
		expect(env.mock.requests[1]).toMatchObject({ method: 'POST', path: '/api/v1/campaigns/101/leads/5001/resume', rawBody: '' });
		expect(items[0].json).toEqual({ ok: true, data: 'Lead resumed successfully', campaignId: 101, leadId: 5001 });
		expect(statusIn(101, 5001)).toBe('INPROGRESS');
	});

	it('resumes with Smartlead\'s delay in days, 0 included', async () => {
		await run({ parameters: { operation: 'resume', leadId: '6002', campaignId: campaign(BIG_CAMPAIGN.id), additionalFields: { resume_lead_with_delay_days: 3 } } });
		await run({ parameters: { operation: 'resume', additionalFields: { resume_lead_with_delay_days: 0 } } });
		expect(env.mock.requests.map((request) => request.body)).toEqual([{ resume_lead_with_delay_days: 3 }, { resume_lead_with_delay_days: 0 }]);
		expect(env.mock.state.memberships.find((m) => m.leadId === 6002)?.resumeDelayDays).toBe(3);
	});

	it.each([
		[{ additionalFields: { resume_lead_with_delay_days: -1 } }, '"Resume With Delay (Days)" (additionalFields.resume_lead_with_delay_days) must be at least 0, not -1'],
		[{ additionalFields: { resume_lead_with_delay_days: 1.5 } }, 'must be a whole number, not 1.5'],
		[{ leadId: '={{ "" }}' }, 'Lead ID or Email (leadId) is empty'],
		[{ leadId: 'lead-5001' }, 'Lead ID or Email (leadId) must be a number or an email address, not "lead-5001"'],
	])('refuses %j before any request', async (parameters, message) => {
		const { error } = await run({ parameters: { operation: 'resume', ...parameters } });
		expectRefusedBeforeRequest(error, env.mock, message);
	});

	it("shows Smartlead's 404 for a lead that is not in the campaign", async () => {
		const { error } = await run({ parameters: { operation: 'pause', leadId: '5003' } });
		expect(error).toMatchObject({ name: 'NodeApiError', httpCode: '404', message: 'Smartlead answered 404: Lead not found - Invalid lead_id.' });
	});
});

describe('Smartlead Campaign Lead → Unsubscribe', () => {
	it('unsubscribes a lead from the campaign', async () => {
		const { items } = await run({ parameters: { operation: 'unsubscribe' } });
		expect(paths()).toEqual(['POST /api/v1/campaigns/101/leads/5001/unsubscribe']);
		expect(items[0].json).toEqual({ ok: true, data: 'Lead unsubscribed from campaign', campaignId: 101, leadId: 5001, allCampaigns: false });
		expect(statusIn(101, 5001)).toBe('STOPPED');
		expect(env.mock.state.leads.get(5001)?.is_unsubscribed).toBe(false);
	});

	it('unsubscribes a lead from every campaign, found by email in one of them', async () => {
		const email = env.mock.state.leads.get(BIG_CAMPAIGN.firstLeadId)!.email;
		const { items, error } = await run({ parameters: { operation: 'unsubscribe', campaignId: campaign(102), leadId: email, allCampaigns: true } });
		expect(error).toBeUndefined();
		expect(paths()).toEqual(['GET /api/v1/leads/', `POST /api/v1/leads/${BIG_CAMPAIGN.firstLeadId}/unsubscribe`]);
		expect(items[0].json).toMatchObject({ ok: true, campaignId: 102, leadId: BIG_CAMPAIGN.firstLeadId, allCampaigns: true });
		expect(env.mock.state.leads.get(BIG_CAMPAIGN.firstLeadId)?.is_unsubscribed).toBe(true);
		expect([statusIn(102, BIG_CAMPAIGN.firstLeadId), statusIn(BIG_CAMPAIGN.id, BIG_CAMPAIGN.firstLeadId)]).toEqual(['STOPPED', 'STOPPED']);
	});

	it('refuses a From All Campaigns that is not a boolean', async () => {
		const { error } = await run({ parameters: { operation: 'unsubscribe', allCampaigns: '={{ "everywhere" }}' } });
		expectRefusedBeforeRequest(error, env.mock, '"From All Campaigns" (allCampaigns) must be true or false, not "everywhere"');
	});
});

describe('Smartlead Campaign Lead → Update Category', () => {
	it('loads the categories of the account into the dropdown', async () => {
		const options = await runLoadOptions({ type: SMARTLEAD, method: 'getLeadCategories', credentials: credentials() });
		expect(env.mock.requests[0]).toMatchObject({ method: 'GET', path: '/api/v1/leads/fetch-categories', query: { api_key: env.mock.apiKey } });
		expect(options).toHaveLength(SMARTLEAD_CATEGORIES.length);
		expect(options[0]).toEqual({ name: 'Do Not Contact', value: 4, description: 'negative (ID 4)' });
		expect(options).toContainEqual({ name: 'Interested', value: 1, description: 'positive (ID 1)' });
	});

	it('sends category_id as a number and pause_lead top-level', async () => {
		const { items, error } = await run({ parameters: { operation: 'updateCategory', category_id: 1 } });
		expect(error).toBeUndefined();
		expect(env.mock.requests[0]).toMatchObject({ method: 'POST', path: '/api/v1/campaigns/101/leads/5001/category', body: { category_id: 1, pause_lead: false } });
		expect(items[0].json).toEqual({ ok: true, data: 'Lead category updated', campaignId: 101, leadId: 5001, categoryId: 1 });
		expect(env.mock.state.memberships.find((m) => m.leadId === 5001)).toMatchObject({ lead_category_id: 1, status: 'INPROGRESS' });
	});

	it('takes the category from an expression as text, pauses the lead when asked, and finds it by email', async () => {
		const { error } = await run({
			parameters: { operation: 'updateCategory', leadId: '={{ $json.email }}', category_id: '={{ $json.category }}', pause_lead: true },
			items: [{ email: 'alan@example.com', category: '3' }],
		});
		expect(error).toBeUndefined();
		expect(env.mock.requests[1]).toMatchObject({ path: '/api/v1/campaigns/101/leads/5002/category', body: { category_id: 3, pause_lead: true } });
		expect(env.mock.state.memberships.find((m) => m.leadId === 5002)).toMatchObject({ lead_category_id: 3, status: 'PAUSED' });
	});

	it.each([
		[{ category_id: '={{ "Interested" }}' }, 'Category Name or ID (category_id) must be a category ID, a whole number, not "Interested"'],
		[{ category_id: '={{ $json.nothing }}' }, 'Category Name or ID (category_id) is empty'],
		[{ category_id: 1, pause_lead: '={{ "maybe" }}' }, '"Pause Lead" (pause_lead) must be true or false, not "maybe"'],
	])('refuses %j before any request', async (parameters, message) => {
		const { error } = await run({ parameters: { operation: 'updateCategory', ...parameters } });
		expectRefusedBeforeRequest(error, env.mock, message);
	});

	it("shows Smartlead's message for a category the account does not have", async () => {
		const { error } = await run({ parameters: { operation: 'updateCategory', category_id: 9999 } });
		expect(error).toMatchObject({ httpCode: '404', message: 'Smartlead answered 404: Category not found - Invalid category_id.' });
	});
});
