import { runPackNode } from '../harness/provider-env';
import { BIG_CAMPAIGN, startSmartleadMock, type SmartleadMock, type SmartleadMockOptions } from '../../sandbox/providers/smartlead';
import { campaign, expectNoSecret, SMARTLEAD, useSmartlead } from './smartlead-env';

const UPDATE = {
	resource: 'campaignLead',
	operation: 'update',
	campaignId: campaign(101),
	leadId: 'ada@example.com',
	email: 'ada@example.com',
	updateFields: { first_name: 'Ada' },
};

const { env, run } = useSmartlead(UPDATE);
const paths = (mock: SmartleadMock = env.mock) => mock.requests.map((request) => `${request.method} ${request.path}`);

describe('Smartlead: a lead parameter takes an email address', () => {
	it('updates the lead found by email with the existing Update operation', async () => {
		const { items, error } = await run({ parameters: { updateFields: { first_name: 'Ada', company_name: 'Analytical Engines' } } });
		expect(error).toBeUndefined();
		expect(paths()).toEqual(['GET /api/v1/leads/', 'POST /api/v1/campaigns/101/leads/5001']);
		expect(env.mock.requests[0].query).toEqual({ api_key: env.mock.apiKey, email: 'ada@example.com' });
		expect(env.mock.requests[1].body).toEqual({ email: 'ada@example.com', first_name: 'Ada', company_name: 'Analytical Engines' });
		expect(items).toEqual([{ json: { ok: true, campaignId: 101, leadId: 5001, email: 'ada@example.com' }, pairedItem: { item: 0 } }]);
		expect(env.mock.state.leads.get(5001)?.fields).toEqual({ first_name: 'Ada', company_name: 'Analytical Engines' });
		// The other lead of the campaign is untouched.
		expect(env.mock.state.leads.get(5002)?.fields).toEqual({});
	});

	it('changes the address of the lead found by its old address', async () => {
		await run({ parameters: { leadId: 'alan@example.com', email: 'alan.turing@example.com' } });
		expect(paths()).toEqual(['GET /api/v1/leads/', 'POST /api/v1/campaigns/101/leads/5002']);
		expect(env.mock.state.leads.get(5002)?.email).toBe('alan.turing@example.com');
	});

	it('fails an address no lead of the campaign has, naming it, after one look-up and no update', async () => {
		const { error } = await run({ parameters: { leadId: 'grace@example.com', email: 'grace@example.com' } });
		expect(error).toMatchObject({
			name: 'NodeOperationError',
			message: 'No lead with the email address "grace@example.com" in campaign 101',
		});
		expect((error?.context as { itemIndex?: number })?.itemIndex).toBe(0);
		expect(paths()).toEqual(['GET /api/v1/leads/']);
		expectNoSecret(error, env.mock.apiKey);
	});

	it('with continue on fail, a missed address becomes an error item and the other items go on', async () => {
		const { items, error } = await run({
			continueOnFail: true,
			parameters: { operation: 'pause', leadId: '={{ $json.lead }}' },
			items: [{ lead: 'ada@example.com' }, { lead: 'nobody@example.com' }, { lead: '5002' }],
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: expect.objectContaining({ ok: true, campaignId: 101, leadId: 5001 }), pairedItem: { item: 0 } },
			{ json: expect.objectContaining({ error: 'No lead with the email address "nobody@example.com" in campaign 101' }), pairedItem: { item: 1 } },
			{ json: expect.objectContaining({ ok: true, campaignId: 101, leadId: 5002 }), pairedItem: { item: 2 } },
		]);
		expect(paths().filter((path) => path.startsWith('POST')).sort()).toEqual([
			'POST /api/v1/campaigns/101/leads/5001/pause',
			'POST /api/v1/campaigns/101/leads/5002/pause',
		]);
	});

	it("validates the update before looking the lead up: a bad email costs no request", async () => {
		const { error } = await run({ parameters: { email: 'not-an-address' } });
		expect(error?.message).toContain('Email (email) does not look like an email address');
		expect(env.mock.requests).toHaveLength(0);
	});

	it("carries Smartlead's message when the look-up itself is refused", async () => {
		const { error } = await run({ apiKey: 'sl_wrong-key-7777' });
		expect(error).toMatchObject({ name: 'NodeApiError', httpCode: '401', message: 'Smartlead answered 401: Invalid API Key' });
		expectNoSecret(error, 'sl_wrong-key-7777');
	});
});

/** A second stand-in, answering in one of the other shapes Smartlead's pages show. */
function useShape(options: SmartleadMockOptions) {
	const state = { mock: undefined as unknown as SmartleadMock };
	beforeAll(async () => (state.mock = await startSmartleadMock(options)));
	beforeEach(() => state.mock.reset());
	afterAll(async () => await state.mock.close());
	const runOn = async (parameters: Record<string, unknown>) =>
		await runPackNode(SMARTLEAD, { smartleadOutreachApi: { apiKey: state.mock.apiKey, baseUrl: state.mock.url } }, UPDATE, { parameters });
	return { state, runOn };
}

describe('Smartlead: look-up answers without lead_campaign_data', () => {
	const { state, runOn } = useShape({ leadCampaignData: false });

	it("asks for the lead's campaigns (GET /leads/{id}/campaigns) and goes on when the campaign is one of them", async () => {
		const { error } = await runOn({});
		expect(error).toBeUndefined();
		expect(paths(state.mock)).toEqual(['GET /api/v1/leads/', 'GET /api/v1/leads/5001/campaigns', 'POST /api/v1/campaigns/101/leads/5001']);
	});

	it('fails naming the address when the lead is in other campaigns only', async () => {
		const { error } = await runOn({ leadId: 'grace@example.com' });
		expect(error).toMatchObject({ message: 'No lead with the email address "grace@example.com" in campaign 101' });
		expect(paths(state.mock)).toEqual(['GET /api/v1/leads/', 'GET /api/v1/leads/5003/campaigns']);
	});
});

describe("Smartlead: the newer docs' flat lead list ({total, leads})", () => {
	const { state, runOn } = useShape({ leadListShape: 'flat' });

	it('pages by total and reads the flat records', async () => {
		const { items, error } = await runOn({ operation: 'getAll', campaignId: campaign(BIG_CAMPAIGN.id), returnAll: true, filters: { status: 'INPROGRESS' } });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(101);
		expect(state.mock.requests.map((request) => request.query.offset)).toEqual(['0', '100']);
		expect(items[0].json).toMatchObject({ id: expect.any(Number), email: expect.any(String), status: 'INPROGRESS' });
	});

	it('finds a lead by ID in the flat records', async () => {
		const { items, error } = await runOn({ operation: 'get', campaignId: campaign(BIG_CAMPAIGN.id), leadId: '6003' });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: 6003 });
		expect(state.mock.requests).toHaveLength(1);
	});
});
