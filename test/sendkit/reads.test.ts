import { json } from '../../sandbox/providers/http-mock';
import { SENDKIT_SEED, type SendKitCampaignLead } from '../../sandbox/providers/sendkit';
import { expectNoSecret, useSendKit } from './sendkit-env';

const { env, run, platform } = useSendKit({
	resource: 'campaignLead',
	operation: 'getAll',
	campaignId: { __rl: true, mode: 'id', value: SENDKIT_SEED.campaignId },
});

const byId = (campaignId: string) => ({ __rl: true, mode: 'id', value: campaignId });
const leadsPath = (campaignId = SENDKIT_SEED.campaignId) => `/v1/campaigns/${campaignId}/leads`;
/** What the stand-in holds for a campaign, in SendKit's list order (oldest `_id` first). */
const leadsOf = (campaignId = SENDKIT_SEED.campaignId): SendKitCampaignLead[] =>
	[...env.mock.state.campaignLeads.values()]
		.filter((lead) => lead.campaignId === campaignId)
		.sort((a, b) => (a._id < b._id ? -1 : 1));
const queries = () => env.mock.requests.map((request) => request.query);
const idsOf = (items: Array<{ json: Record<string, unknown> }>) => items.map((item) => item.json._id);
const emptyCampaign = '665a00000000000000000003';
const otherEmptyCampaign = '665a00000000000000000004';

describe('SendKit Campaign → Get', () => {
	it('GETs the campaign and outputs it with its lead counts and stats, not the envelope', async () => {
		const { items, error } = await run({ parameters: { resource: 'campaign', operation: 'get' } });
		expect(error).toBeUndefined();
		expect(env.mock.requests).toMatchObject([{ method: 'GET', path: `/v1/campaigns/${SENDKIT_SEED.campaignId}`, query: {} }]);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			_id: SENDKIT_SEED.campaignId,
			name: 'Q1 Outreach Campaign',
			status: 'active',
			leadCounts: { total: 250, active: leadsOf().filter((lead) => lead.status === 'active').length },
			stats: { bounced: leadsOf().filter((lead) => lead.status === 'bounced').length },
		});
		expect(items[0].json).not.toHaveProperty('success');
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('carries SendKit\'s 404 for a campaign it does not know', async () => {
		const missing = '665a0000000000000000ffff';
		const { error } = await run({ parameters: { resource: 'campaign', operation: 'get', campaignId: byId(missing) } });
		expect(error).toMatchObject({ name: 'NodeApiError', httpCode: '404', message: 'SendKit answered 404: Campaign not found' });
		expect(error?.description).toContain(`GET /v1/campaigns/${missing}`);
	});

	it('a platform key reads in the workspace it names', async () => {
		const own = await run({ parameters: { resource: 'campaign', operation: 'get' }, credential: platform() });
		expect(own.error).toBeUndefined();
		expect(env.mock.requests[0].headers).toMatchObject({ 'x-api-key': SENDKIT_SEED.platformKey, 'x-workspace-id': SENDKIT_SEED.workspaceIds[0] });
		const other = await run({ parameters: { resource: 'campaign', operation: 'get' }, credential: platform(SENDKIT_SEED.workspaceIds[1]) });
		expect(other.error).toMatchObject({ httpCode: '404', message: 'SendKit answered 404: Campaign not found' });
	});
});

describe('SendKit Campaign → Get Many', () => {
	const getCampaigns = async (parameters: Record<string, unknown>) =>
		await run({ parameters: { resource: 'campaign', operation: 'getAll', ...parameters } });
	const workspaceCampaigns = () => [...env.mock.state.campaigns.values()].filter((c) => c.workspaceId === SENDKIT_SEED.workspaceIds[0]);

	it('Return All reads the workspace\'s 75 campaigns in one page of 100', async () => {
		const { items, error } = await getCampaigns({ returnAll: true });
		expect(error).toBeUndefined();
		expect(env.mock.requests).toMatchObject([{ method: 'GET', path: '/v1/campaigns' }]);
		expect(queries()).toEqual([{ limit: '100' }]);
		expect(items).toHaveLength(SENDKIT_SEED.campaignCount);
		expect(idsOf(items)).toEqual(workspaceCampaigns().map((c) => c._id));
		expect(items[0]).toEqual({
			json: { _id: SENDKIT_SEED.campaignId, name: 'Q1 Outreach Campaign', status: 'active', createdAt: expect.any(String) },
			pairedItem: { item: 0 },
		});
	});

	it('a limit asks SendKit for that many and no more', async () => {
		const { items } = await getCampaigns({ returnAll: false, limit: 7 });
		expect(queries()).toEqual([{ limit: '7' }]);
		expect(idsOf(items)).toEqual(workspaceCampaigns().slice(0, 7).map((c) => c._id));
	});

	it('sends the status and search filters as SendKit\'s query parameters', async () => {
		const drafts = await getCampaigns({ returnAll: true, filters: { status: 'draft' } });
		expect(queries()).toEqual([{ limit: '100', status: 'draft' }]);
		const expected = workspaceCampaigns().filter((c) => c.status === 'draft');
		expect(expected.length).toBeGreaterThan(10);
		expect(idsOf(drafts.items)).toEqual(expected.map((c) => c._id));

		env.mock.reset();
		const found = await getCampaigns({ returnAll: true, filters: { search: 'wave 7', status: '' } });
		expect(queries()).toEqual([{ limit: '100', search: 'wave 7' }]);
		expect(found.items.map((item) => item.json.name)).toEqual(['Outbound wave 7', 'Outbound wave 70', 'Outbound wave 71', 'Outbound wave 72', 'Outbound wave 73', 'Outbound wave 74', 'Outbound wave 75']);
	});

	it('a search that finds nothing outputs no items after one request', async () => {
		const { items, error } = await getCampaigns({ returnAll: true, filters: { search: 'no such campaign' } });
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(env.mock.requests).toHaveLength(1);
	});

	it.each([
		[{ returnAll: false, limit: 0 }, 'Limit (limit) must be a whole number of at least 1, not 0'],
		[{ returnAll: false, limit: '={{ "ten" }}' }, 'Limit (limit) must be a whole number of at least 1, not "ten"'],
		[{ filters: { status: '={{ "running" }}' } }, '"Status" (filters.status) has an unknown value "running"; allowed values: active, archived, completed, draft, paused'],
		[{ filters: { search: '={{ { "a": 1 } }}' } }, '"Search" (filters.search) must be text'],
	])('refuses %j before any request', async (parameters, message) => {
		const { error } = await getCampaigns(parameters);
		expect(error).toMatchObject({ name: 'NodeOperationError' });
		expect(error?.message).toContain(message);
		expect(env.mock.requests).toHaveLength(0);
	});
});

describe('SendKit Campaign Lead → Get Many: paging', () => {
	it('Return All reads the 250 leads of a campaign in three pages of 100, cursor after cursor', async () => {
		const { items, error } = await run({ parameters: { returnAll: true } });
		expect(error).toBeUndefined();
		const leads = leadsOf();
		expect(leads).toHaveLength(250);
		expect(env.mock.requests.every((request) => request.method === 'GET' && request.path === leadsPath())).toBe(true);
		expect(queries()).toEqual([
			{ limit: '100' },
			{ limit: '100', cursor: leads[99]._id },
			{ limit: '100', cursor: leads[199]._id },
		]);
		expect(items).toHaveLength(250);
		expect(idsOf(items)).toEqual(leads.map((lead) => lead._id));
		expect(items.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('outputs each campaign lead as SendKit lists it: its _id, status and the lead populated in leadId', async () => {
		const { items } = await run({ parameters: { returnAll: false, limit: 1 } });
		expect(queries()).toEqual([{ limit: '1' }]);
		expect(items).toEqual([
			{
				json: {
					_id: SENDKIT_SEED.campaignLeadId,
					campaignId: SENDKIT_SEED.campaignId,
					leadId: { _id: SENDKIT_SEED.leadId, email: SENDKIT_SEED.leadEmail, firstName: 'Ada', lastName: 'Lovelace', company: 'Analytical Engines' },
					status: 'active',
					aiTag: null,
					currentSequenceStep: 1,
					replied: false,
					addedAt: '2025-06-15T09:00:00.000Z',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it.each([
		[100, [{ limit: '100' }]],
		[150, [{ limit: '100' }, { limit: '50', cursor: 99 }]],
		[250, [{ limit: '100' }, { limit: '100', cursor: 99 }, { limit: '50', cursor: 199 }]],
		[251, [{ limit: '100' }, { limit: '100', cursor: 99 }, { limit: '51', cursor: 199 }]],
	])('limit %d: exactly that many (or all there is), asking for no more than still wanted', async (limit, pages) => {
		const leads = leadsOf();
		const { items } = await run({ parameters: { returnAll: false, limit } });
		expect(queries()).toEqual(pages.map((page) => ('cursor' in page ? { ...page, cursor: leads[page.cursor as number]._id } : page)));
		expect(idsOf(items)).toEqual(leads.slice(0, limit).map((lead) => lead._id));
	});

	it.each([
		[0, 1],
		[1, 1],
		[99, 1],
		[100, 1],
		[101, 2],
		[200, 2],
		[201, 3],
	])('a campaign of %d leads: Return All makes %d requests and outputs every lead', async (count, requests) => {
		const added = env.mock.fillCampaign(emptyCampaign, count);
		const { items, error } = await run({ parameters: { campaignId: byId(emptyCampaign), returnAll: true } });
		expect(error).toBeUndefined();
		expect(env.mock.requests).toHaveLength(requests);
		expect(queries().map((query) => query.limit)).toEqual(new Array(requests).fill('100'));
		expect(queries().slice(1).map((query) => query.cursor)).toEqual(added.filter((_, n) => n % 100 === 99).slice(0, requests - 1).map((lead) => lead._id));
		expect(idsOf(items)).toEqual(added.map((lead) => lead._id));
	});

	it('a campaign of 10,000 leads: Return All makes 100 requests and outputs each lead once, in order', async () => {
		const added = env.mock.fillCampaign(emptyCampaign, 10_000);
		// A faster credential rate keeps the run short; pacing itself is tested on a virtual clock.
		const { items, error } = await run({ parameters: { campaignId: byId(emptyCampaign), returnAll: true }, credential: { maxRequestsPerSecond: 100 } });
		expect(error).toBeUndefined();
		expect(env.mock.requests).toHaveLength(100);
		expect(items).toHaveLength(10_000);
		expect(idsOf(items)).toEqual(added.map((lead) => lead._id));
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('a campaign with no leads outputs no items', async () => {
		const { items, error } = await run({ parameters: { campaignId: byId(SENDKIT_SEED.pausedCampaignId), returnAll: false, limit: 10 } });
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(queries()).toEqual([{ limit: '10' }]);
	});

	it('SendKit refuses pages over 100, so the node never asks for more', async () => {
		const refused = await fetch(`${env.mock.url}${leadsPath()}?limit=101`, { headers: { 'X-Api-Key': SENDKIT_SEED.workspaceKey } });
		expect(refused.status).toBe(400);
		expect(await refused.json()).toMatchObject({ message: 'limit must be an integer between 1 and 100' });
		env.mock.reset();
		await run({ parameters: { returnAll: false, limit: 1000 } });
		expect(queries().map((query) => query.limit)).toEqual(['100', '100', '100']);
	});

	it('every page request carries the platform key\'s workspace', async () => {
		const { items } = await run({ parameters: { returnAll: true }, credential: platform() });
		expect(items).toHaveLength(250);
		expect(env.mock.requests.map((request) => request.headers['x-workspace-id'])).toEqual(new Array(3).fill(SENDKIT_SEED.workspaceIds[0]));
	});
});

describe('SendKit Campaign Lead → Get Many: filters and sparse pages', () => {
	it('the status filter goes to SendKit on every page; sparse pages do not end the read', async () => {
		const paused = leadsOf().filter((lead) => lead.status === 'paused');
		const { items, error } = await run({ parameters: { returnAll: true, filters: { status: 'paused' } } });
		expect(error).toBeUndefined();
		expect(queries().map((query) => [query.status, query.limit])).toEqual([
			['paused', '100'],
			['paused', '100'],
			['paused', '100'],
		]);
		expect(paused.length).toBeGreaterThan(10);
		expect(idsOf(items)).toEqual(paused.map((lead) => lead._id));
		// Every page held far fewer than the 100 asked for (the stand-in filters each cut page), yet the read went on.
		expect(items.every((item) => item.json.status === 'paused')).toBe(true);
	});

	it('an empty page that says there is more is followed to the next', async () => {
		const active = env.mock.fillCampaign(emptyCampaign, 100, ['active']);
		const paused = env.mock.fillCampaign(emptyCampaign, 30, ['paused']);
		const { items } = await run({ parameters: { campaignId: byId(emptyCampaign), returnAll: true, filters: { status: 'paused' } } });
		expect(queries()).toEqual([
			{ limit: '100', status: 'paused' },
			{ limit: '100', status: 'paused', cursor: active[99]._id },
		]);
		expect(idsOf(items)).toEqual(paused.map((lead) => lead._id));
	});

	it('a limit with a filter asks for whole pages (a filter thins them) and stops at the limit', async () => {
		const replied = leadsOf().filter((lead) => lead.status === 'replied');
		const { items } = await run({ parameters: { returnAll: false, limit: 3, filters: { status: 'replied' } } });
		expect(idsOf(items)).toEqual(replied.slice(0, 3).map((lead) => lead._id));
		// One full page holds the first three replied leads: one request, not one per sparse page.
		expect(queries()).toEqual([{ limit: '100', status: 'replied' }]);
	});

	it.each([
		['={{ "sleeping" }}', 'has an unknown value "sleeping"; allowed values: active, bounced, completed, paused, pending, removed, replied, unsubscribed'],
	])('refuses the status %s before any request', async (status, message) => {
		const { error } = await run({ parameters: { filters: { status } } });
		expect(error?.message).toContain(message);
		expect(env.mock.requests).toHaveLength(0);
	});
});

describe('SendKit Campaign Lead → Get Many: the next-page field, read tolerantly', () => {
	it('hasMore without a cursor: continues after the last _id', async () => {
		env.mock.leadPaging = 'hasMoreOnly';
		const leads = leadsOf();
		const { items } = await run({ parameters: { returnAll: true } });
		expect(queries()).toEqual([{ limit: '100' }, { limit: '100', cursor: leads[99]._id }, { limit: '100', cursor: leads[199]._id }]);
		expect(items).toHaveLength(250);
	});

	it('the older {page, pages}: asks for page 2 and 3', async () => {
		env.mock.leadPaging = 'pages';
		const { items } = await run({ parameters: { returnAll: true } });
		expect(queries()).toEqual([{ limit: '100' }, { limit: '100', page: '2' }, { limit: '100', page: '3' }]);
		expect(idsOf(items)).toEqual(leadsOf().map((lead) => lead._id));
	});

	it('no pagination at all: one page is all there is', async () => {
		env.mock.inject(json(200, { success: true, data: [{ _id: 'a' }, { _id: 'b' }] }));
		const { items } = await run({ parameters: { returnAll: true } });
		expect(env.mock.requests).toHaveLength(1);
		expect(idsOf(items)).toEqual(['a', 'b']);
	});

	it('a next cursor that points at the page just read stops with an error instead of a loop', async () => {
		const page = json(200, { success: true, data: [{ _id: 'x' }], pagination: { hasMore: true, nextCursor: '666b00000000000000000050' } });
		env.mock.inject(page, { times: 3 });
		const { error } = await run({ parameters: { returnAll: true } });
		expect(error?.message).toContain('SendKit pointed to the page just read');
		expect(env.mock.requests).toHaveLength(2);
	});
});

describe('SendKit Campaign Lead → Get Many: errors', () => {
	it('carries SendKit\'s 404 for an unknown campaign', async () => {
		const { error, run: execution } = await run({ parameters: { campaignId: byId('665a0000000000000000ffff'), returnAll: true } });
		expect(error).toMatchObject({ name: 'NodeApiError', httpCode: '404', message: 'SendKit answered 404: Campaign not found' });
		expectNoSecret(execution, SENDKIT_SEED.workspaceKey);
	});

	it('with continue on fail, a failing item is an error item and the others still read', async () => {
		env.mock.fillCampaign(emptyCampaign, 2);
		const { items, error } = await run({
			parameters: { campaignId: { __rl: true, mode: 'id', value: '={{ $json.campaign }}' }, returnAll: true },
			items: [{ campaign: '665a0000000000000000ffff' }, { campaign: emptyCampaign }, { campaign: otherEmptyCampaign }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.pairedItem, item.json.error ?? item.json.campaignId])).toEqual([
			[{ item: 0 }, 'SendKit answered 404: Campaign not found'],
			[{ item: 1 }, emptyCampaign],
			[{ item: 1 }, emptyCampaign],
		]);
	});
});

describe('SendKit Campaign Lead → Get', () => {
	const getLead = async (campaignLeadId: string, extra: Record<string, unknown> = {}) =>
		await run({ parameters: { operation: 'get', campaignLeadId, ...extra } });

	it('finds a campaign lead by its _id in the campaign\'s list and outputs its record', async () => {
		const { items, error } = await getLead(SENDKIT_SEED.interestedLeadId);
		expect(error).toBeUndefined();
		expect(env.mock.requests).toMatchObject([{ method: 'GET', path: leadsPath(), query: { limit: '100' } }]);
		expect(items).toEqual([
			{
				json: expect.objectContaining({
					_id: SENDKIT_SEED.interestedLeadId,
					aiTag: 'Interested',
					leadId: expect.objectContaining({ email: 'Grace.Hopper@example.com' }),
				}),
				pairedItem: { item: 0 },
			},
		]);
	});

	it('finds a lead by email address, whatever its case, and stops at the page that holds it', async () => {
		const first = await getLead('GRACE.hopper@Example.COM');
		expect(first.items[0].json._id).toBe(SENDKIT_SEED.interestedLeadId);
		expect(env.mock.requests).toHaveLength(1);

		env.mock.reset();
		const last = leadsOf()[249];
		const email = env.mock.state.leads.get(last.leadId)!.email;
		const found = await getLead(email);
		expect(found.items[0].json).toMatchObject({ _id: last._id, leadId: { email } });
		expect(queries()).toEqual([{ limit: '100' }, { limit: '100', cursor: leadsOf()[99]._id }, { limit: '100', cursor: leadsOf()[199]._id }]);
	});

	it('an address that is no lead of the campaign fails the item, naming it, after reading every page', async () => {
		const { error } = await getLead('nobody@example.com');
		expect(error).toMatchObject({ name: 'NodeOperationError' });
		expect(error?.message).toBe(`No lead with the email address "nobody@example.com" in campaign ${SENDKIT_SEED.campaignId}`);
		expect(env.mock.requests).toHaveLength(3);
	});

	it('a lead of another campaign is not found in this one', async () => {
		const { error } = await getLead('kim.lee@acmerobotics.example');
		expect(error?.message).toContain('No lead with the email address "kim.lee@acmerobotics.example"');
	});

	it('an ID that is no campaign lead of the campaign fails the item, naming it', async () => {
		const { error } = await getLead(SENDKIT_SEED.leadId);
		expect(error?.message).toBe(`No lead with the Campaign Lead ID "${SENDKIT_SEED.leadId}" in campaign ${SENDKIT_SEED.campaignId}`);
	});

	it('with continue on fail, a miss is an error item and the hits go on', async () => {
		const { items, error } = await run({
			parameters: { operation: 'get', campaignLeadId: '={{ $json.lead }}' },
			items: [{ lead: SENDKIT_SEED.leadEmail }, { lead: 'nobody@example.com' }, { lead: '666a1b2c3d4e5f6a7b8c9d03' }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.pairedItem, item.json._id ?? item.json.error])).toEqual([
			[{ item: 0 }, SENDKIT_SEED.campaignLeadId],
			[{ item: 1 }, `No lead with the email address "nobody@example.com" in campaign ${SENDKIT_SEED.campaignId}`],
			[{ item: 2 }, '666a1b2c3d4e5f6a7b8c9d03'],
		]);
	});

	it('carries SendKit\'s 404 for an unknown campaign', async () => {
		const { error } = await getLead(SENDKIT_SEED.leadEmail, { campaignId: byId('665a0000000000000000ffff') });
		expect(error).toMatchObject({ httpCode: '404', message: 'SendKit answered 404: Campaign not found' });
	});

	it('refuses an empty lead before any request', async () => {
		const { error } = await getLead('  ');
		expect(error?.message).toBe('Campaign Lead ID (campaignLeadId) is empty');
		expect(env.mock.requests).toHaveLength(0);
	});
});
