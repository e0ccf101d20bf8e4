import type { RecordedRequest } from '../../sandbox/providers/http-mock';
import { LEMLIST_SEED, leadMatchesState } from '../../sandbox/providers/lemlist';
import { useLemlist } from './lemlist-env';

const { env, run } = useLemlist({ resource: 'campaign', operation: 'get' });

const campaign = (id: string) => ({ __rl: true, mode: 'id', value: id });
const wire = (request: RecordedRequest) => ({ method: request.method, path: request.path, query: request.query });
const ids = (items: Array<{ json: Record<string, unknown> }>) => items.map((item) => item.json._id);

/** Leaves `count` campaigns in the account (the first ones by creation date). */
function keepCampaigns(count: number) {
	for (const id of [...env.mock.state.campaigns.keys()].slice(count)) env.mock.state.campaigns.delete(id);
}

const getCampaigns = async (parameters: Record<string, unknown>) =>
	await run({ parameters: { resource: 'campaign', operation: 'getAll', ...parameters } });

const getLeads = async (parameters: Record<string, unknown>) =>
	await run({ parameters: { resource: 'campaignLead', operation: 'getAll', campaignId: campaign('cam_B2'), ...parameters } });

const getLead = async (parameters: Record<string, unknown>, extra: { items?: object[]; continueOnFail?: boolean } = {}) =>
	await run({ parameters: { resource: 'campaignLead', operation: 'get', campaignId: campaign('cam_A1'), ...parameters }, ...extra });

describe('lemlist Campaign → Get', () => {
	it('reads the campaign with one GET and outputs it as lemlist gives it', async () => {
		const { items, error } = await run({ parameters: { campaignId: campaign('cam_A1') } });
		expect(error).toBeUndefined();
		expect(env.mock.requests.map(wire)).toEqual([{ method: 'GET', path: '/api/campaigns/cam_A1', query: {} }]);
		expect(items).toEqual([
			{
				json: {
					_id: 'cam_A1',
					name: 'Q4 Outbound',
					createdAt: '2024-01-01T00:00:00.000Z',
					status: 'running',
					creator: { userId: 'usr_2aBCdEfGHiJkLmNOp', userEmail: 'grace@acme.test' },
					senders: [],
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('shows lemlist\'s own message for a campaign it does not know', async () => {
		const { error } = await run({ parameters: { campaignId: campaign('cam_nope') } });
		expect(error).toMatchObject({ name: 'NodeApiError', httpCode: '404', message: 'lemlist answered 404: Campaign not found' });
		expect(env.mock.requests).toHaveLength(1);
	});

	it('refuses an empty campaign before any request', async () => {
		const { error } = await run({ parameters: { campaignId: campaign('={{ "" }}') } });
		expect(error?.message).toContain('Campaign (campaignId) is empty');
		expect(env.mock.requests).toHaveLength(0);
	});
});

describe('lemlist Campaign → Get Many', () => {
	it('returns all 130 campaigns in two pages of 100, stopping where lemlist\'s pagination ends', async () => {
		const { items, error } = await getCampaigns({ returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(LEMLIST_SEED.campaignCount);
		expect(new Set(ids(items)).size).toBe(LEMLIST_SEED.campaignCount);
		expect(items[0]).toEqual({
			json: { _id: 'cam_A1', name: 'Q4 Outbound', status: 'running', createdAt: '2024-01-01T00:00:00.000Z', createdBy: 'usr_2aBCdEfGHiJkLmNOp' },
			pairedItem: { item: 0 },
		});
		expect(env.mock.requests.map(wire)).toEqual([
			{ method: 'GET', path: '/api/campaigns', query: { version: 'v2', offset: '0', limit: '100' } },
			{ method: 'GET', path: '/api/campaigns', query: { version: 'v2', offset: '100', limit: '100' } },
		]);
	});

	it('asks for no more than the limit: 30 in one request', async () => {
		const { items } = await getCampaigns({ returnAll: false, limit: 30 });
		expect(items).toHaveLength(30);
		expect(env.mock.requests.map((request) => request.query)).toEqual([{ version: 'v2', offset: '0', limit: '30' }]);
	});

	it('a limit across the page boundary: 150 as a page of 100 and a page of 50', async () => {
		const { items } = await getCampaigns({ returnAll: false, limit: 150 });
		expect(items).toHaveLength(130);
		expect(env.mock.requests.map((request) => request.query)).toEqual([
			{ version: 'v2', offset: '0', limit: '100' },
			{ version: 'v2', offset: '100', limit: '50' },
		]);

		env.mock.reset();
		const limited = await getCampaigns({ returnAll: false, limit: 120 });
		expect(limited.items).toHaveLength(120);
		expect(ids(limited.items).slice(98, 102)).toEqual(['cam_gen099', 'cam_gen100', 'cam_gen101', 'cam_gen102']);
		expect(env.mock.requests.map((request) => request.query)).toEqual([
			{ version: 'v2', offset: '0', limit: '100' },
			{ version: 'v2', offset: '100', limit: '20' },
		]);
	});

	it('0 campaigns: one request, no items', async () => {
		const { items, error } = await getCampaigns({ returnAll: true, filters: { status: 'errors' } });
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(env.mock.requests.map((request) => request.query)).toEqual([{ version: 'v2', status: 'errors', offset: '0', limit: '100' }]);
	});

	it('1 campaign: one request, one item', async () => {
		env.mock.state.campaigns.get('cam_DYN')!.errors = ['Your campaign does not have sender.'];
		const { items } = await getCampaigns({ returnAll: true, filters: { status: 'errors' } });
		expect(items.map((item) => item.json)).toEqual([expect.objectContaining({ _id: 'cam_DYN', hasError: true, errors: ['Your campaign does not have sender.'] })]);
		expect(env.mock.requests).toHaveLength(1);
	});

	it('exactly one page: one request, lemlist\'s pagination says there is no next page', async () => {
		keepCampaigns(100);
		const { items } = await getCampaigns({ returnAll: true });
		expect(items).toHaveLength(100);
		expect(env.mock.requests).toHaveLength(1);
	});

	it('one page and one more: two requests, the second brings the last campaign', async () => {
		keepCampaigns(101);
		const { items } = await getCampaigns({ returnAll: true });
		expect(items).toHaveLength(101);
		expect(ids(items).at(-1)).toBe('cam_gen101');
		expect(env.mock.requests.map((request) => request.query)).toEqual([
			{ version: 'v2', offset: '0', limit: '100' },
			{ version: 'v2', offset: '100', limit: '100' },
		]);
	});

	it('a limit of exactly the number of campaigns stops without asking for more', async () => {
		const { items } = await getCampaigns({ returnAll: false, limit: 130 });
		expect(items).toHaveLength(130);
		expect(env.mock.requests.map((request) => request.query.limit)).toEqual(['100', '30']);
	});

	describe('the older bare-array answer', () => {
		beforeEach(() => {
			env.mock.options.legacyCampaignList = true;
		});
		afterEach(() => {
			env.mock.options.legacyCampaignList = false;
		});

		it('pages until a short page: 130 in two requests', async () => {
			const { items } = await getCampaigns({ returnAll: true });
			expect(items).toHaveLength(130);
			expect(env.mock.requests.map((request) => request.query.offset)).toEqual(['0', '100']);
		});

		it('a full last page needs one more request to see the end (the array says nothing else)', async () => {
			keepCampaigns(100);
			const { items } = await getCampaigns({ returnAll: true });
			expect(items).toHaveLength(100);
			expect(env.mock.requests.map((request) => request.query)).toEqual([
				{ version: 'v2', offset: '0', limit: '100' },
				{ version: 'v2', offset: '100', limit: '100' },
			]);
		});
	});

	it('sends the filters as lemlist takes them: status, creator, newest first', async () => {
		const { items, error } = await getCampaigns({
			returnAll: true,
			filters: { status: 'paused', createdBy: ' usr_7xYzAbCdEfGhIjKlM ' },
			sort: { sortOrder: 'desc' },
		});
		expect(error).toBeUndefined();
		expect(env.mock.requests.map((request) => request.query)).toEqual([
			{ version: 'v2', status: 'paused', createdBy: 'usr_7xYzAbCdEfGhIjKlM', sortOrder: 'desc', sortBy: 'createdAt', offset: '0', limit: '100' },
		]);
		const expected = [...env.mock.state.campaigns.values()]
			.filter((c) => c.status === 'paused' && c.createdBy === 'usr_7xYzAbCdEfGhIjKlM')
			.map((c) => c._id)
			.reverse();
		expect(expected.length).toBeGreaterThan(5);
		expect(ids(items)).toEqual(expected);
	});

	it('sorts oldest first when Sort says so', async () => {
		const { items, error } = await getCampaigns({ returnAll: true, filters: { status: 'paused' }, sort: { sortOrder: 'asc' } });
		expect(error).toBeUndefined();
		expect(env.mock.requests.map((request) => request.query)).toEqual([
			{ version: 'v2', status: 'paused', sortOrder: 'asc', sortBy: 'createdAt', offset: '0', limit: '100' },
		]);
		const expected = [...env.mock.state.campaigns.values()].filter((c) => c.status === 'paused').map((c) => c._id);
		expect(ids(items)).toEqual(expected);
	});

	it.each([
		[{ returnAll: false, limit: 0 }, 'Limit (limit) must be a whole number of at least 1, not 0'],
		[{ returnAll: false, limit: '={{ 2.5 }}' }, 'Limit (limit) must be a whole number of at least 1, not 2.5'],
		[{ returnAll: true, filters: { status: '={{ "stopped" }}' } }, '"Status" (filters.status) has an unknown value "stopped"'],
		[{ returnAll: true, filters: { createdBy: 'grace@acme.test' } }, '"Created By" (filters.createdBy) must be a user ID starting with "usr_"'],
		[{ returnAll: true, sort: { sortOrder: 'newest' } }, '"Sort Order" (sort.sortOrder) has an unknown value "newest"'],
	])('refuses %j before any request', async (parameters, message) => {
		const { error } = await getCampaigns(parameters);
		expect(error?.message).toContain(message);
		expect(env.mock.requests).toHaveLength(0);
	});
});

describe('lemlist Campaign Lead → Get Many', () => {
	it('returns all 250 leads of the campaign from the export, in one request', async () => {
		const { items, error } = await getLeads({ returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(LEMLIST_SEED.bigCampaignLeadCount);
		expect(new Set(ids(items)).size).toBe(250);
		expect(env.mock.requests.map(wire)).toEqual([
			{ method: 'GET', path: '/api/campaigns/cam_B2/export/leads', query: { state: 'all', format: 'json' } },
		]);
		expect(items[0]).toEqual({
			json: {
				emailStatus: 'deliverable',
				email: 'ada@example.com',
				firstName: 'Ada',
				lastName: 'Lovelace',
				linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace-1',
				companyName: 'Engines Ltd',
				companyDomain: 'enginesltd.example',
				jobTitle: 'CEO',
				lastState: 'reviewed',
				status: 'review',
				_id: 'lea_EU001',
			},
			pairedItem: { item: 0 },
		});
		expect(items.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it.each([
		[50, 50],
		[249, 249],
		[250, 250],
		[251, 250],
	])('limit %i: %i items, still one request', async (limit, count) => {
		const { items } = await getLeads({ returnAll: false, limit });
		expect(items).toHaveLength(count);
		expect(ids(items)[0]).toBe('lea_EU001');
		expect(env.mock.requests).toHaveLength(1);
	});

	it('one read per input item: each record paired with the item that asked for it', async () => {
		const { items, error } = await run({
			parameters: { resource: 'campaignLead', operation: 'getAll', campaignId: campaign('={{ $json.id }}'), returnAll: false, limit: 3 },
			items: [{ id: 'cam_A1' }, { id: 'cam_DYN' }, { id: 'cam_B2' }],
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json._id, item.pairedItem])).toEqual([
			['lea_1', { item: 0 }],
			['lea_2', { item: 0 }],
			['lea_EU001', { item: 2 }],
			['lea_EU002', { item: 2 }],
			['lea_EU003', { item: 2 }],
		]);
		expect(env.mock.requests.map((request) => request.path).sort()).toEqual([
			'/api/campaigns/cam_A1/export/leads',
			'/api/campaigns/cam_B2/export/leads',
			'/api/campaigns/cam_DYN/export/leads',
		]);
	});

	it('0 leads: a campaign without leads gives no items', async () => {
		const { items, error } = await getLeads({ campaignId: campaign('cam_DYN'), returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(env.mock.requests).toHaveLength(1);
	});

	it('1 lead: a state filter that one lead of the campaign matches', async () => {
		const { items } = await getLeads({ campaignId: campaign('cam_A1'), returnAll: true, filters: { state: ['contacted'] } });
		expect(items.map((item) => item.json)).toEqual([expect.objectContaining({ _id: 'lea_1', lastState: 'emailsSent', status: 'done' })]);
		expect(env.mock.requests[0].query).toEqual({ state: 'contacted', format: 'json' });
	});

	it('filters on several states at once, sent comma-separated', async () => {
		const { items } = await getLeads({ returnAll: true, filters: { state: ['interested', 'paused', 'interested'] } });
		expect(env.mock.requests[0].query).toEqual({ state: 'interested,paused', format: 'json' });
		const expected = [...env.mock.state.leads.values()]
			.filter((lead) => lead.campaignId === 'cam_B2' && (leadMatchesState(lead, 'interested') || leadMatchesState(lead, 'paused')))
			.map((lead) => lead._id);
		expect(expected.length).toBeGreaterThan(40);
		expect(expected.length).toBeLessThan(100);
		expect(ids(items)).toEqual(expected);
	});

	it('shows lemlist\'s own message for a campaign it does not know', async () => {
		const { error } = await getLeads({ campaignId: campaign('cam_nope'), returnAll: true });
		expect(error).toMatchObject({ httpCode: '404', message: 'lemlist answered 404: Campaign not found' });
	});

	it.each([
		[{ returnAll: false, limit: -1 }, 'Limit (limit) must be a whole number of at least 1'],
		[{ returnAll: true, filters: { state: ['interested', 'keen'] } }, '"States" (filters.state) has an unknown value "keen"'],
		[{ returnAll: true, campaignId: campaign(' ') }, 'Campaign (campaignId) is empty'],
	])('refuses %j before any request', async (parameters, message) => {
		const { error } = await getLeads(parameters);
		expect(error?.message).toContain(message);
		expect(env.mock.requests).toHaveLength(0);
	});
});

describe('lemlist Campaign Lead → Get', () => {
	it('by ID: one GET /leads?id=, the lead record', async () => {
		const { items, error } = await getLead({ leadId: 'lea_1' });
		expect(error).toBeUndefined();
		expect(env.mock.requests.map(wire)).toEqual([{ method: 'GET', path: '/api/leads', query: { id: 'lea_1', version: 'v2' } }]);
		expect(items[0].json).toEqual(
			expect.objectContaining({ _id: 'lea_1', email: 'ada@example.com', firstName: 'Ada', campaignId: 'cam_A1', isPaused: false }),
		);
	});

	it('by email: one GET /leads/{email}, the address\'s record in the chosen campaign', async () => {
		const { items } = await getLead({ campaignId: campaign('cam_B2'), leadId: 'Ada@Example.com' });
		expect(env.mock.requests.map(wire)).toEqual([{ method: 'GET', path: '/api/leads/Ada%40Example.com', query: { version: 'v2' } }]);
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual(
			expect.objectContaining({
				_id: 'lea_EU001',
				state: 'reviewed',
				variables: expect.objectContaining({ email: 'ada@example.com' }),
				campaign: { id: 'cam_B2', name: 'Founders EU', status: 'paused' },
			}),
		);

		env.mock.reset();
		const inFirst = await getLead({ leadId: 'ada@example.com' });
		expect(inFirst.items[0].json).toEqual(expect.objectContaining({ _id: 'lea_1', campaign: expect.objectContaining({ id: 'cam_A1' }) }));
		expect(env.mock.requests).toHaveLength(1);
	});

	it('an address that is no lead of the campaign fails its item, naming the address; the others go on', async () => {
		const onlyInB2 = env.mock.state.leads.get('lea_EU011')!.email;
		const { items, error } = await getLead(
			{ leadId: '={{ $json.email }}' },
			{ items: [{ email: 'ada@example.com' }, { email: 'nobody@example.com' }, { email: onlyInB2 }, { email: 'alan@example.com' }], continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json._id ?? item.json.error)).toEqual([
			'lea_1',
			'No lead with the email address "nobody@example.com" in campaign cam_A1',
			// A lead of cam_B2 only: not a lead of cam_A1.
			`No lead with the email address "${onlyInB2}" in campaign cam_A1`,
			'lea_2',
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
	});

	it('without continue on fail, a miss stops the run with the same message', async () => {
		const { error } = await getLead({ leadId: 'nobody@example.com' });
		expect(error).toMatchObject({ name: 'NodeOperationError', message: 'No lead with the email address "nobody@example.com" in campaign cam_A1' });
	});

	it('a lead ID of another campaign fails rather than answering for the wrong campaign', async () => {
		const { error } = await getLead({ campaignId: campaign('cam_B2'), leadId: 'lea_1' });
		expect(error?.message).toBe('Lead lea_1 is in campaign cam_A1, not in cam_B2');
	});

	it('shows lemlist\'s own message for an unknown lead ID', async () => {
		const { error } = await getLead({ leadId: 'lea_nope' });
		expect(error).toMatchObject({ httpCode: '404', message: 'lemlist answered 404: Lead not found' });
	});
});
