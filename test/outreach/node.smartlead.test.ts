/** The Outreach node on Smartlead: each intent as the Smartlead node sends it (see same-requests.ts). */
import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../../sandbox/engine';
import type { RecordedRequest } from '../../sandbox/providers/http-mock';
import { startSmartleadMock, type SmartleadMock } from '../../sandbox/providers/smartlead';
import { useProviderMock } from '../harness/provider-env';
import { campaign, sameRequestsAsProviderNode } from './same-requests';

const smartlead = useProviderMock<SmartleadMock>(async () => await startSmartleadMock());
const credentials = () => ({ smartleadOutreachApi: { apiKey: smartlead.mock.apiKey, baseUrl: smartlead.mock.url } });
const SMARTLEAD = 'n8n-nodes-outreach.smartlead';
const OUTREACH = 'n8n-nodes-outreach.outreach';

sameRequestsAsProviderNode({
	provider: 'smartlead',
	type: SMARTLEAD,
	mock: () => smartlead.mock,
	credentials,
	intents: [
		{
			title: 'get a lead by email',
			own: { resource: 'campaignLead', operation: 'get', campaignId: campaign('101'), leadId: 'ada@example.com' },
			outreach: { resource: 'lead', operation: 'get', campaignId: campaign('101'), lead: 'ada@example.com' },
			item: { provider: 'smartlead', campaignId: '101', leadId: '5001', email: 'ada@example.com', status: 'unknown' },
		},
		{
			title: 'get a lead by ID',
			own: { resource: 'campaignLead', operation: 'get', campaignId: campaign('101'), leadId: '5002' },
			outreach: { resource: 'lead', operation: 'get', campaignId: campaign('101'), lead: '5002' },
			item: { provider: 'smartlead', campaignId: '101', leadId: '5002', email: 'alan@example.com', status: 'active', providerStatus: 'INPROGRESS' },
		},
		{
			title: 'list the active leads',
			own: { resource: 'campaignLead', operation: 'getAll', campaignId: campaign('101'), returnAll: true, filters: { status: 'INPROGRESS' } },
			outreach: { resource: 'lead', operation: 'getAll', campaignId: campaign('101'), returnAll: true, filters: { status: 'active' } },
			item: { provider: 'smartlead', campaignId: '101', status: 'active', providerStatus: 'INPROGRESS' },
		},
		{
			title: 'list the paused leads, up to a limit',
			own: { resource: 'campaignLead', operation: 'getAll', campaignId: campaign('104'), returnAll: false, limit: 25, filters: { status: 'PAUSED' } },
			outreach: { resource: 'lead', operation: 'getAll', campaignId: campaign('104'), returnAll: false, limit: 25, filters: { status: 'paused' } },
			item: { provider: 'smartlead', campaignId: '104', providerStatus: 'PAUSED' },
		},
		{
			title: 'list the leads that replied',
			own: { resource: 'campaignLead', operation: 'getAll', campaignId: campaign('104'), returnAll: true, filters: { emailStatus: 'is_replied' } },
			outreach: { resource: 'lead', operation: 'getAll', campaignId: campaign('104'), returnAll: true, filters: { status: 'replied' } },
			// A reply categorised Interested or Not Interested says more than the reply.
			item: { provider: 'smartlead', campaignId: '104', status: expect.stringMatching(/^(replied|interested|notInterested)$/) },
		},
		{
			title: 'list the bounced leads',
			own: { resource: 'campaignLead', operation: 'getAll', campaignId: campaign('104'), returnAll: true, filters: { emailStatus: 'is_bounced' } },
			outreach: { resource: 'lead', operation: 'getAll', campaignId: campaign('104'), returnAll: true, filters: { status: 'bounced' } },
			item: { provider: 'smartlead', campaignId: '104', status: 'bounced' },
		},
		{
			title: 'add a lead with fields and a custom field',
			own: {
				resource: 'campaignLead',
				operation: 'add',
				campaignId: campaign('101'),
				email: 'eve@example.org',
				additionalFields: { first_name: 'Eve', phone_number: '+33 1 23 45 67 89', custom_fields: { field: [{ name: 'plan', value: 'pro' }] } },
			},
			outreach: {
				resource: 'lead',
				operation: 'add',
				campaignId: campaign('101'),
				email: 'eve@example.org',
				fields: { firstName: 'Eve', phone: '+33 1 23 45 67 89', customFields: { field: [{ name: 'plan', value: 'pro' }] } },
			},
			item: { provider: 'smartlead', campaignId: '101', leadId: null, email: 'eve@example.org', firstName: 'Eve', status: 'active', providerStatus: 'added' },
		},
		{
			title: 'update a lead given by email',
			own: {
				resource: 'campaignLead',
				operation: 'update',
				campaignId: campaign('101'),
				leadId: 'ada@example.com',
				email: 'ada@example.com',
				updateFields: { company_name: 'Engines', linkedin_profile: 'https://linkedin.com/in/ada', custom_fields: { field: [{ name: 'plan', value: 'pro' }] } },
			},
			outreach: {
				resource: 'lead',
				operation: 'update',
				campaignId: campaign('101'),
				lead: 'ada@example.com',
				fields: { companyName: 'Engines', linkedinUrl: 'https://linkedin.com/in/ada', customFields: { field: [{ name: 'plan', value: 'pro' }] } },
			},
			item: { provider: 'smartlead', campaignId: '101', leadId: '5001', email: 'ada@example.com' },
		},
		{
			title: 'pause a lead',
			own: { resource: 'campaignLead', operation: 'pause', campaignId: campaign('101'), leadId: '5002' },
			outreach: { resource: 'lead', operation: 'pause', campaignId: campaign('101'), lead: '5002' },
			item: { provider: 'smartlead', campaignId: '101', leadId: '5002', status: 'paused' },
		},
		{
			title: 'resume a lead found by email',
			own: { resource: 'campaignLead', operation: 'resume', campaignId: campaign('101'), leadId: 'alan@example.com' },
			outreach: { resource: 'lead', operation: 'resume', campaignId: campaign('101'), lead: 'alan@example.com' },
			item: { provider: 'smartlead', campaignId: '101', leadId: '5002', status: 'active' },
		},
		{
			title: 'unsubscribe a lead from the campaign',
			own: { resource: 'campaignLead', operation: 'unsubscribe', campaignId: campaign('101'), leadId: '5001' },
			outreach: { resource: 'lead', operation: 'unsubscribe', campaignId: campaign('101'), lead: '5001' },
			item: { provider: 'smartlead', campaignId: '101', leadId: '5001', status: 'unsubscribed' },
		},
		{
			title: 'remove a lead by email',
			own: { resource: 'campaignLead', operation: 'remove', campaignId: campaign('101'), leadId: 'ada@example.com' },
			outreach: { resource: 'lead', operation: 'remove', campaignId: campaign('101'), lead: 'ada@example.com' },
			item: { provider: 'smartlead', campaignId: '101', leadId: '5001', email: 'ada@example.com', providerStatus: 'removed' },
		},
		{
			title: 'get a campaign',
			own: { resource: 'campaign', operation: 'get', campaignId: campaign('101') },
			outreach: { resource: 'campaign', operation: 'get', campaignId: campaign('101') },
			item: { provider: 'smartlead', campaignId: '101', name: 'Q4 Outbound', status: 'ACTIVE' },
		},
		{
			title: 'list campaigns',
			own: { resource: 'campaign', operation: 'getAll', returnAll: false, limit: 3 },
			outreach: { resource: 'campaign', operation: 'getAll', returnAll: false, limit: 3 },
			item: { provider: 'smartlead' },
		},
		{
			title: 'start a campaign',
			own: { resource: 'campaign', operation: 'start', campaignId: campaign('103') },
			outreach: { resource: 'campaign', operation: 'start', campaignId: campaign('103') },
			item: { provider: 'smartlead', campaignId: '103' },
		},
		{
			title: 'pause a campaign',
			own: { resource: 'campaign', operation: 'pause', campaignId: campaign('101') },
			outreach: { resource: 'campaign', operation: 'pause', campaignId: campaign('101') },
			item: { provider: 'smartlead', campaignId: '101' },
		},
	],
});

const sent = (requests: RecordedRequest[]) => requests.map(({ method, path, query, body }) => ({ method, path, query, body }));

interface Bridged {
	title: string;
	own: INodeParameters;
	outreach: INodeParameters;
	item: Record<string, unknown>;
	/** What the Outreach node asks first, before the Smartlead node's own requests (`METHOD path-end`). */
	first: string[];
}

/**
 * Where Smartlead needs something looked up first (a category by name, the address of a lead given
 * by ID), the Outreach node sends that look-up, then exactly the Smartlead node's requests.
 */
describe('Outreach node on smartlead, after a look-up', () => {
	const cases: Bridged[] = [
		{
			title: 'mark a lead interested, found by email',
			own: { resource: 'campaignLead', operation: 'updateCategory', campaignId: campaign('101'), leadId: 'ada@example.com', category_id: 1 },
			outreach: { resource: 'lead', operation: 'markInterested', campaignId: campaign('101'), lead: 'ada@example.com' },
			item: { provider: 'smartlead', campaignId: '101', leadId: '5001', status: 'interested' },
			first: ['GET /leads/fetch-categories'],
		},
		{
			title: 'mark a lead not interested',
			own: { resource: 'campaignLead', operation: 'updateCategory', campaignId: campaign('101'), leadId: '5002', category_id: 3 },
			outreach: { resource: 'lead', operation: 'markNotInterested', campaignId: campaign('101'), lead: '5002' },
			item: { provider: 'smartlead', campaignId: '101', leadId: '5002', status: 'notInterested' },
			first: ['GET /leads/fetch-categories'],
		},
		{
			title: 'list the interested leads',
			own: { resource: 'campaignLead', operation: 'getAll', campaignId: campaign('104'), returnAll: true, filters: { lead_category_id: 1 } },
			outreach: { resource: 'lead', operation: 'getAll', campaignId: campaign('104'), returnAll: true, filters: { status: 'interested' } },
			item: { provider: 'smartlead', campaignId: '104', status: 'interested' },
			first: ['GET /leads/fetch-categories'],
		},
		{
			title: 'list the leads not interested',
			own: { resource: 'campaignLead', operation: 'getAll', campaignId: campaign('104'), returnAll: true, filters: { lead_category_id: 3 } },
			outreach: { resource: 'lead', operation: 'getAll', campaignId: campaign('104'), returnAll: true, filters: { status: 'notInterested' } },
			item: { provider: 'smartlead', campaignId: '104', status: 'notInterested' },
			first: ['GET /leads/fetch-categories'],
		},
		{
			title: 'update a lead given by ID, with the address its Get reads',
			own: { resource: 'campaignLead', operation: 'update', campaignId: campaign('101'), leadId: '5002', email: 'alan@example.com', updateFields: { first_name: 'Alan' } },
			outreach: { resource: 'lead', operation: 'update', campaignId: campaign('101'), lead: '5002', fields: { firstName: 'Alan' } },
			item: { provider: 'smartlead', campaignId: '101', leadId: '5002', email: 'alan@example.com' },
			first: ['GET /campaigns/101/leads'],
		},
	];

	it.each(cases)('$title: the look-up, then the requests of the Smartlead node', async ({ own, outreach, item, first }) => {
		const ownRun = await runNode({ type: SMARTLEAD, credentials: credentials(), parameters: own });
		expect(ownRun.error).toBeUndefined();
		const ownRequests = sent(smartlead.mock.requests);
		smartlead.mock.reset();

		const run = await runNode({ type: OUTREACH, credentials: credentials(), parameters: { provider: 'smartlead', ...outreach } });
		expect(run.error).toBeUndefined();
		const requests = sent(smartlead.mock.requests);
		expect(requests.slice(0, first.length).map(({ method, path }) => `${method} ${path.replace(/^\/api\/v1/, '')}`)).toEqual(first);
		expect(requests.slice(first.length)).toEqual(ownRequests);
		expect(run.items).toHaveLength(ownRun.items.length);
		expect(run.items.length).toBeGreaterThan(0);
		for (const [index, { json }] of run.items.entries()) {
			expect(json).toMatchObject(item);
			expect(json.raw).toEqual(ownRun.items[index].json);
		}
	});
});

describe('Outreach node on smartlead: refused before Smartlead is asked', () => {
	const outreach = async (parameters: INodeParameters) =>
		await runNode({ type: OUTREACH, credentials: credentials(), parameters: { provider: 'smartlead', ...parameters } });

	it('an account without the category names it and changes nothing', async () => {
		smartlead.mock.state.categories = smartlead.mock.state.categories.filter((category) => category.name !== 'Interested');
		const run = await outreach({ resource: 'lead', operation: 'markInterested', campaignId: campaign('101'), lead: '5001' });
		expect(run.error?.message).toContain('no lead category named "Interested"');
		expect(smartlead.mock.requests.map(({ method }) => method)).toEqual(['GET']);
	});

	it('a field Smartlead does not take fails the item before any request, for a lead given by ID too', async () => {
		const run = await outreach({ resource: 'lead', operation: 'update', campaignId: campaign('101'), lead: '5001', fields: { jobTitle: 'CTO' } });
		expect(run.error?.message).toContain('jobTitle');
		expect(smartlead.mock.requests).toHaveLength(0);
	});
});

describe('Outreach node on smartlead: statuses in the shared vocabulary', () => {
	// A stand-in of its own: its key's rate limit is not spent by the tests above.
	let fresh: SmartleadMock;
	beforeAll(async () => {
		fresh = await startSmartleadMock();
	});
	beforeEach(() => fresh.reset());
	afterAll(async () => await fresh.close());

	const outreach = async (parameters: INodeParameters, mock: SmartleadMock = fresh) =>
		await runNode({
			type: OUTREACH,
			credentials: { smartleadOutreachApi: { apiKey: mock.apiKey, baseUrl: mock.url } },
			parameters: { provider: 'smartlead', ...parameters },
		});
	const statuses = (items: Array<{ json: Record<string, unknown> }>) => new Set(items.map(({ json }) => json.status));

	it('leads listed as replied, bounced or by a category read so, whatever else their record says', async () => {
		const replied = await outreach({ resource: 'lead', operation: 'getAll', campaignId: campaign('104'), returnAll: true, filters: { status: 'replied' } });
		expect(replied.error).toBeUndefined();
		expect(statuses(replied.items)).toEqual(new Set(['replied', 'interested', 'notInterested']));
		const bounced = await outreach({ resource: 'lead', operation: 'getAll', campaignId: campaign('104'), returnAll: true, filters: { status: 'bounced' } });
		expect(bounced.items.length).toBeGreaterThan(0);
		expect(statuses(bounced.items)).toEqual(new Set(['bounced']));
		const all = await outreach({ resource: 'lead', operation: 'getAll', campaignId: campaign('104'), returnAll: true });
		expect(all.items).toHaveLength(250);
		expect(statuses(all.items)).toEqual(new Set(['active', 'paused', 'completed', 'unknown', 'interested', 'notInterested']));
		expect(all.items.filter(({ json }) => json.providerStatus === 'STOPPED').every(({ json }) => ['unknown', 'interested', 'notInterested'].includes(json.status as string))).toBe(true);
	});

	it('a lead read by address takes its category in this campaign; unsubscribed from all, it reads unsubscribed', async () => {
		const lead = { resource: 'lead', campaignId: campaign('101'), lead: 'ada@example.com' };
		expect((await outreach({ ...lead, operation: 'markInterested' })).error).toBeUndefined();
		const marked = await outreach({ ...lead, operation: 'get' });
		expect(marked.items[0].json).toMatchObject({ leadId: '5001', status: 'interested', providerStatus: 'Interested' });
		const byId = await outreach({ ...lead, lead: '5001', operation: 'get' });
		expect(byId.items[0].json).toMatchObject({ leadId: '5001', status: 'interested', providerStatus: 'INPROGRESS' });

		fresh.state.leads.get(5001)!.is_unsubscribed = true;
		const unsubscribed = await outreach({ ...lead, operation: 'get' });
		expect(unsubscribed.items[0].json).toMatchObject({ leadId: '5001', status: 'unsubscribed' });
	});

	describe("Smartlead's flat lead list", () => {
		let flat: SmartleadMock;
		beforeAll(async () => {
			flat = await startSmartleadMock({ leadListShape: 'flat' });
		});
		afterAll(async () => await flat.close());

		it('reads the lead, its category name and its engagement flags', async () => {
			const run = await outreach({ resource: 'lead', operation: 'getAll', campaignId: campaign('104'), returnAll: true }, flat);
			expect(run.error).toBeUndefined();
			expect(run.items).toHaveLength(250);
			const first = run.items.find(({ json }) => json.leadId === '6001')!.json;
			expect(first).toMatchObject({ campaignId: '104', email: expect.stringContaining('@'), firstName: expect.any(String), companyName: expect.any(String) });
			for (const { json } of run.items) {
				const raw = json.raw as Record<string, unknown> & { email_stats: Record<string, boolean> };
				if (raw.email_stats.is_bounced) expect(json.status).toBe('bounced');
				else if (raw.category_name === 'Interested') expect(json.status).toBe('interested');
				else if (raw.category_name === 'Not Interested') expect(json.status).toBe('notInterested');
				else if (raw.email_stats.is_replied) expect(json.status).toBe('replied');
			}
			expect(statuses(run.items)).toEqual(new Set(['active', 'paused', 'completed', 'unknown', 'interested', 'notInterested', 'replied', 'bounced']));
		});
	});
});
