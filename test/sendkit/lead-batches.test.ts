import type { IDataObject } from 'n8n-workflow';

import { json, type RecordedRequest } from '../../sandbox/providers/http-mock';
import { MAX_LEADS_PER_ADD, SENDKIT_SEED } from '../../sandbox/providers/sendkit';
import { useSendKit } from './sendkit-env';

/**
 * Campaign Lead → Add and Remove: many items in one request per campaign (SendKit's bulk
 * endpoints), one output item per input item, paired to it, whatever the batching.
 */
const { env, run } = useSendKit({
	resource: 'campaignLead',
	campaignId: { __rl: true, mode: 'id', value: SENDKIT_SEED.campaignId },
});

const CAMPAIGN = SENDKIT_SEED.campaignId;
const PAUSED = SENDKIT_SEED.pausedCampaignId;
const byId = (campaignId: string) => ({ __rl: true, mode: 'id', value: campaignId });
const leadsPath = (campaignId = CAMPAIGN) => `/v1/campaigns/${campaignId}/leads`;
const actionPath = (campaignId = CAMPAIGN) => `/v1/campaigns/${campaignId}/leads/action`;
const addresses = (count: number, prefix = 'new') => Array.from({ length: count }, (_, n) => `${prefix}.${n + 1}@fresh.example`);
const posts = (path: string) => env.mock.requests.filter((request) => request.method === 'POST' && request.path === path);
/** The requests SendKit applied (answered 200), not the ones a fault answered. */
const applied = (path: string): RecordedRequest[] =>
	env.mock.answers.filter((answer) => answer.status === 200 && answer.request.method === 'POST' && answer.request.path === path).map((answer) => answer.request);
const sentLeads = (requests: RecordedRequest[]) => requests.flatMap((request) => ((request.body as IDataObject).leads as IDataObject[]).map((lead) => lead.email));
const sentIds = (requests: RecordedRequest[]) => requests.flatMap((request) => (request.body as IDataObject).leadIds as string[]);
const inCampaign = (email: string, campaignId = CAMPAIGN) => {
	const lead = [...env.mock.state.leads.values()].find((candidate) => candidate.email === email.toLowerCase());
	return [...env.mock.state.campaignLeads.values()].filter((record) => record.campaignId === campaignId && record.leadId === lead?._id);
};
const pairing = (count: number) => Array.from({ length: count }, (_, item) => ({ item }));

const add = async (emails: string[], extra: IDataObject = {}, continueOnFail = false) =>
	await run({
		parameters: { operation: 'add', email: '={{ $json.email }}', ...extra },
		items: emails.map((email) => ({ email })),
		continueOnFail,
	});

describe('SendKit Campaign Lead → Add', () => {
	it('POSTs {leads: [{email, …fields, customFields}]} and outputs the lead, its status and the batch counts', async () => {
		const { items, error } = await run({
			parameters: {
				operation: 'add',
				email: ' Lin.Ada@Fresh.example ',
				additionalFields: { firstName: 'Lin', lastName: 'Ada', companyName: 'Fresh', jobTitle: 'CTO', phone: '+1 555 0100', website: 'https://fresh.example', linkedinUrl: 'https://www.linkedin.com/in/lin' },
				customFields: { field: [{ name: 'industry', value: 'SaaS' }, { name: 'seats', value: '12' }, { name: '', value: '' }] },
			},
		});
		expect(error).toBeUndefined();
		const lead = {
			email: 'Lin.Ada@Fresh.example',
			firstName: 'Lin',
			lastName: 'Ada',
			companyName: 'Fresh',
			jobTitle: 'CTO',
			phone: '+1 555 0100',
			website: 'https://fresh.example',
			linkedinUrl: 'https://www.linkedin.com/in/lin',
			customFields: { industry: 'SaaS', seats: '12' },
		};
		expect(env.mock.requests.map((request) => [request.method, request.path, request.query, request.body])).toEqual([['POST', leadsPath(), {}, { leads: [lead] }]]);
		expect(items).toEqual([
			{
				json: { campaignId: CAMPAIGN, email: 'Lin.Ada@Fresh.example', status: 'added', lead, batch: { size: 1, added: 1, skipped: 0, errors: 0 } },
				pairedItem: { item: 0 },
			},
		]);
		const [record] = inCampaign('lin.ada@fresh.example');
		// New leads start active in an active campaign [docs].
		expect(record).toMatchObject({ status: 'active', currentSequenceStep: 0 });
		expect(env.mock.state.leads.get(record.leadId)).toMatchObject({ email: 'lin.ada@fresh.example', firstName: 'Lin', jobTitle: 'CTO', customFields: { industry: 'SaaS', seats: '12' } });
	});

	it.each([
		[0, []],
		[1, [1]],
		[2, [2]],
		[3, [3]],
		[4, [3, 1]],
		[7, [3, 3, 1]],
	])('%i items with a batch size of 3: requests of %j leads, every lead once, every item paired', async (count, sizes) => {
		const emails = addresses(count);
		const { items, error } = await add(emails, { options: { batchSize: 3 } });
		expect(error).toBeUndefined();
		const requests = posts(leadsPath());
		expect(requests.map((request) => ((request.body as IDataObject).leads as unknown[]).length).sort().reverse()).toEqual(sizes);
		expect(sentLeads(requests).sort()).toEqual([...emails].sort());
		expect(items.map((item) => item.pairedItem)).toEqual(pairing(count));
		expect(items.map((item) => [item.json.email, item.json.status])).toEqual(emails.map((email) => [email, 'added']));
		for (const email of emails) expect(inCampaign(email)).toHaveLength(1);
		if (count === 7) expect(items[6].json.batch).toEqual({ size: 1, added: 1, skipped: 0, errors: 0 });
	});

	it(`${MAX_LEADS_PER_ADD + 1} items by default: one request of ${MAX_LEADS_PER_ADD} (SendKit's maximum) and one of 1`, async () => {
		const emails = addresses(MAX_LEADS_PER_ADD + 1, 'bulk');
		const { items, error } = await add(emails);
		expect(error).toBeUndefined();
		const requests = posts(leadsPath());
		expect(requests.map((request) => ((request.body as IDataObject).leads as unknown[]).length).sort()).toEqual([1, MAX_LEADS_PER_ADD]);
		expect(items).toHaveLength(MAX_LEADS_PER_ADD + 1);
		expect(items.every((item, index) => item.pairedItem && (item.pairedItem as { item: number }).item === index && item.json.status === 'added')).toBe(true);
		expect(items[0].json.batch).toEqual({ size: MAX_LEADS_PER_ADD, added: MAX_LEADS_PER_ADD, skipped: 0, errors: 0 });
	}, 60_000);

	it('the stand-in refuses more than 5,000 leads in one request, in SendKit\'s error shape', async () => {
		const response = await fetch(`${env.mock.url}${leadsPath()}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'X-Api-Key': SENDKIT_SEED.workspaceKey },
			body: JSON.stringify({ leads: addresses(MAX_LEADS_PER_ADD + 1, 'over').map((email) => ({ email })) }),
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({ error: 'Bad Request', code: 400, message: `leads must contain at most ${MAX_LEADS_PER_ADD} entries, got ${MAX_LEADS_PER_ADD + 1}` });
		expect(inCampaign('over.1@fresh.example')).toHaveLength(0);
	});

	it('a batch size over 5,000 is refused before any request, naming the option', async () => {
		const { error } = await add(addresses(2), { options: { batchSize: '={{ 5001 }}' } });
		expect(error?.message).toBe('"Batch Size" (options.batchSize) must be at most 5000, not 5001');
		expect(env.mock.requests).toHaveLength(0);
	});

	it('items go to their own campaign: one request per campaign, items paired in input order', async () => {
		const emails = addresses(5);
		const { items, error } = await run({
			parameters: { operation: 'add', email: '={{ $json.email }}', campaignId: byId('={{ $json.campaign }}') },
			items: emails.map((email, n) => ({ email, campaign: n % 2 ? PAUSED : CAMPAIGN })),
		});
		expect(error).toBeUndefined();
		expect(sentLeads(posts(leadsPath()))).toEqual([emails[0], emails[2], emails[4]]);
		expect(sentLeads(posts(leadsPath(PAUSED)))).toEqual([emails[1], emails[3]]);
		expect(items.map((item) => [item.pairedItem, item.json.campaignId, item.json.status])).toEqual(
			emails.map((_, n) => [{ item: n }, n % 2 ? PAUSED : CAMPAIGN, 'added']),
		);
		// A paused campaign's new leads wait as pending [docs].
		expect(inCampaign(emails[1], PAUSED)[0].status).toBe('pending');
	});

	it('leads already in the campaign are skipped: all skipped says so, a mix reports the batch counts', async () => {
		const duplicates = await add([SENDKIT_SEED.leadEmail, 'alan.turing@example.com']);
		expect(duplicates.items.map((item) => item.json)).toEqual(
			[SENDKIT_SEED.leadEmail, 'alan.turing@example.com'].map((email) => ({
				campaignId: CAMPAIGN,
				email,
				status: 'skipped',
				reason: 'SendKit skipped every lead of this request: already in the campaign, or on the do-not-contact list',
				lead: { email },
				batch: { size: 2, added: 0, skipped: 2, errors: 0 },
			})),
		);
		const mixed = await add([SENDKIT_SEED.leadEmail, 'fresh.one@fresh.example']);
		expect(mixed.items.map((item) => [item.json.status, item.json.batch])).toEqual([
			['batchCounts', { size: 2, added: 1, skipped: 1, errors: 0 }],
			['batchCounts', { size: 2, added: 1, skipped: 1, errors: 0 }],
		]);
		expect(inCampaign(SENDKIT_SEED.leadEmail)).toHaveLength(1);
		expect(inCampaign('fresh.one@fresh.example')).toHaveLength(1);
	});

	it('an address or domain on the do-not-contact list is not added (skipped)', async () => {
		const dnc = await run({ parameters: { resource: 'doNotContact', operation: 'add', value: '={{ $json.value }}' }, items: [{ value: 'blocked.example' }, { value: 'ada.blocked@fresh.example' }] });
		expect(dnc.error).toBeUndefined();
		const { items } = await add(['someone@blocked.example', 'ada.blocked@fresh.example']);
		expect(items.map((item) => item.json.status)).toEqual(['skipped', 'skipped']);
		expect(inCampaign('someone@blocked.example')).toHaveLength(0);
		expect(inCampaign('ada.blocked@fresh.example')).toHaveLength(0);
	});

	it('with continue on fail, a lead SendKit refuses fails its item alone, with SendKit\'s message; the others are added', async () => {
		const emails = ['one@fresh.example', 'first..last@fresh.example', 'two@fresh.example'];
		const { items, error } = await add(emails, {}, true);
		expect(error).toBeUndefined();
		expect(posts(leadsPath())).toHaveLength(1);
		expect(items.map((item) => [item.pairedItem, item.json.error ?? item.json.status])).toEqual([
			[{ item: 0 }, 'added'],
			[{ item: 1 }, `SendKit did not add first..last@fresh.example to campaign ${CAMPAIGN}: Invalid email address "first..last@fresh.example"`],
			[{ item: 2 }, 'added'],
		]);
		expect(items[0].json.batch).toEqual({ size: 3, added: 2, skipped: 0, errors: 1 });
		expect(inCampaign('one@fresh.example')).toHaveLength(1);
		expect(inCampaign('two@fresh.example')).toHaveLength(1);
	});

	it('without continue on fail, the refused lead is the error (its batch was sent; the others are in)', async () => {
		const { error } = await add(['one@fresh.example', 'first..last@fresh.example']);
		expect(error?.message).toBe(`SendKit did not add first..last@fresh.example to campaign ${CAMPAIGN}: Invalid email address "first..last@fresh.example"`);
		expect(inCampaign('one@fresh.example')).toHaveLength(1);
	});

	it('with continue on fail, a bad address fails its item before any request; the others go in one request', async () => {
		const { items, error } = await add(['one@fresh.example', 'not-an-address', 'two@fresh.example'], {}, true);
		expect(error).toBeUndefined();
		expect(sentLeads(posts(leadsPath()))).toEqual(['one@fresh.example', 'two@fresh.example']);
		expect(items.map((item) => [item.pairedItem, item.json.error ?? item.json.status])).toEqual([
			[{ item: 0 }, 'added'],
			[{ item: 1 }, 'Email (email) must be an email address, not "not-an-address"'],
			[{ item: 2 }, 'added'],
		]);
	});

	it.each([
		[{ email: '={{ "  " }}' }, 'Email (email) is empty'],
		[{ email: '={{ { "a": 1 } }}' }, 'Email (email) must be an email address, not {"a":1}'],
		[{ additionalFields: { firstName: '={{ { "a": 1 } }}' } }, '"First Name" (additionalFields.firstName) must be text, not {"a":1}'],
		[{ additionalFields: { phone: '={{ ["1", "2"] }}' } }, '"Phone" (additionalFields.phone) must be text, not ["1","2"]'],
		[{ customFields: { field: [{ name: '', value: 'x' }] } }, '"Custom Fields" (customFields) has a value without a name: "x"'],
		[{ customFields: { field: [{ name: 'a', value: '1' }, { name: 'a', value: '2' }] } }, '"Custom Fields" (customFields) names "a" twice'],
		[{ customFields: { field: [{ name: 'a', value: '={{ { "b": 1 } }}' }] } }, '"Custom Fields" (customFields) "a" must be text, not {"b":1}'],
		[{ campaignId: byId('={{ "" }}') }, 'Campaign (campaignId) is empty'],
	])('without continue on fail, bad input stops the run before any request: %j', async (parameters, message) => {
		const { error } = await run({ parameters: { operation: 'add', email: '={{ $json.email }}', ...parameters }, items: [{ email: 'ok@fresh.example' }, { email: 'ok2@fresh.example' }] });
		expect(error?.message).toBe(message);
		expect(env.mock.requests).toHaveLength(0);
	});

	it('a request SendKit refuses whole fails each of its items with SendKit\'s message; the other campaign\'s batch goes on', async () => {
		const missing = '665a0000000000000000ffff';
		const { items, error } = await run({
			parameters: { operation: 'add', email: '={{ $json.email }}', campaignId: byId('={{ $json.campaign }}') },
			items: [
				{ email: 'a@fresh.example', campaign: missing },
				{ email: 'b@fresh.example', campaign: CAMPAIGN },
				{ email: 'c@fresh.example', campaign: missing },
			],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.error ?? item.json.status)).toEqual([
			'SendKit answered 404: Campaign not found',
			'added',
			'SendKit answered 404: Campaign not found',
		]);
	});

	it('a 429 in the middle of the run is waited out: nothing lost, nothing sent twice', async () => {
		let posted = 0;
		env.mock.inject(json(429, { error: 'Too Many Requests', message: 'Rate limit exceeded', code: 429 }, { 'Retry-After': '1' }), {
			match: (request) => request.method === 'POST' && ++posted === 2,
		});
		const emails = addresses(7, 'limited');
		const { items, error } = await add(emails, { options: { batchSize: 2 } });
		expect(error).toBeUndefined();
		expect(env.mock.answers.filter((answer) => answer.status === 429)).toHaveLength(1);
		expect(posts(leadsPath())).toHaveLength(5); // four batches, one of them sent again after its 429
		expect(sentLeads(applied(leadsPath())).sort()).toEqual([...emails].sort());
		expect(items.map((item) => [item.pairedItem, item.json.email, item.json.status])).toEqual(emails.map((email, item) => [{ item }, email, 'added']));
		for (const email of emails) expect(inCampaign(email)).toHaveLength(1);
	});
});

describe('SendKit Campaign Lead → Remove', () => {
	const remove = async (leads: string[], extra: IDataObject = {}, continueOnFail = false) =>
		await run({
			parameters: { operation: 'remove', campaignLeadId: '={{ $json.lead }}', ...extra },
			items: leads.map((lead) => ({ lead })),
			continueOnFail,
		});
	const status = (campaignLeadId: string) => env.mock.state.campaignLeads.get(campaignLeadId)?.status;

	it('by ID and by email: one POST …/leads/action {action: "remove", leadIds} for the campaign, each item the lead removed', async () => {
		const { items, error } = await remove([SENDKIT_SEED.campaignLeadId, 'Alan.Turing@example.com']);
		expect(error).toBeUndefined();
		expect(env.mock.requests.map((request) => [request.method, request.path, request.query, request.body])).toEqual([
			['GET', leadsPath(), { limit: '100' }, ''],
			['POST', actionPath(), {}, { action: 'remove', leadIds: [SENDKIT_SEED.campaignLeadId, '666a1b2c3d4e5f6a7b8c9d03'] }],
		]);
		const batch = { size: 2, modifiedCount: 2 };
		expect(items).toEqual([
			{ json: { action: 'remove', modifiedCount: 2, campaignId: CAMPAIGN, campaignLeadId: SENDKIT_SEED.campaignLeadId, status: 'removed', batch }, pairedItem: { item: 0 } },
			{
				json: { action: 'remove', modifiedCount: 2, campaignId: CAMPAIGN, campaignLeadId: '666a1b2c3d4e5f6a7b8c9d03', email: 'Alan.Turing@example.com', status: 'removed', batch },
				pairedItem: { item: 1 },
			},
		]);
		// Leads that were sent something stay, as "removed" [docs].
		expect(status(SENDKIT_SEED.campaignLeadId)).toBe('removed');
		expect(status('666a1b2c3d4e5f6a7b8c9d03')).toBe('removed');
		expect(status(SENDKIT_SEED.interestedLeadId)).toBe('active');
	});

	it('a lead that was sent nothing yet is deleted', async () => {
		await run({ parameters: { operation: 'add', email: 'just.added@fresh.example' } });
		const [record] = inCampaign('just.added@fresh.example');
		const { items } = await remove(['just.added@fresh.example']);
		expect(items[0].json).toMatchObject({ campaignLeadId: record._id, status: 'removed' });
		expect(env.mock.state.campaignLeads.has(record._id)).toBe(false);
	});

	it.each([
		[0, []],
		[1, [1]],
		[2, [2]],
		[3, [3]],
		[4, [3, 1]],
		[7, [3, 3, 1]],
	])('%i items with a batch size of 3: requests of %j leads, every lead once, every item paired', async (count, sizes) => {
		const ids = env.mock.fillCampaign(CAMPAIGN, count).map((record) => record._id);
		const { items, error } = await remove(ids, { options: { batchSize: 3 } });
		expect(error).toBeUndefined();
		const requests = posts(actionPath());
		expect(requests.map((request) => ((request.body as IDataObject).leadIds as unknown[]).length).sort().reverse()).toEqual(sizes);
		expect(sentIds(requests).sort()).toEqual([...ids].sort());
		expect(items.map((item) => [item.pairedItem, item.json.campaignLeadId, item.json.status])).toEqual(ids.map((id, item) => [{ item }, id, 'removed']));
		for (const id of ids) expect(status(id)).toBe('removed');
	});

	it('a batch size over 1,000 is refused before any request', async () => {
		const { error } = await remove([SENDKIT_SEED.campaignLeadId], { options: { batchSize: 1001 } });
		expect(error?.message).toBe('"Batch Size" (options.batchSize) must be at most 1000, not 1001');
		expect(env.mock.requests).toHaveLength(0);
	});

	it('when SendKit changed fewer leads than sent, every item of the batch reports the counts', async () => {
		// A lead of another campaign: SendKit leaves it alone and counts it out.
		const { items } = await remove([SENDKIT_SEED.campaignLeadId, '666d00000000000000000001']);
		expect(items.map((item) => [item.json.status, item.json.batch])).toEqual([
			['batchCounts', { size: 2, modifiedCount: 1 }],
			['batchCounts', { size: 2, modifiedCount: 1 }],
		]);
		expect(status('666d00000000000000000001')).toBe('pending');
	});

	it('the same lead twice in a run is sent once', async () => {
		const { items } = await remove([SENDKIT_SEED.campaignLeadId, 'ada@example.com']);
		expect(sentIds(posts(actionPath()))).toEqual([SENDKIT_SEED.campaignLeadId]);
		expect(items.map((item) => item.json.status)).toEqual(['removed', 'removed']);
	});

	it('with continue on fail, an address not in the campaign fails its item before any removal; the others are removed', async () => {
		const { items, error } = await remove([SENDKIT_SEED.campaignLeadId, 'nobody@example.com', SENDKIT_SEED.interestedLeadId], {}, true);
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.pairedItem, item.json.error ?? item.json.status])).toEqual([
			[{ item: 0 }, 'removed'],
			[{ item: 1 }, `No lead with the email address "nobody@example.com" in campaign ${CAMPAIGN}`],
			[{ item: 2 }, 'removed'],
		]);
		expect(sentIds(posts(actionPath()))).toEqual([SENDKIT_SEED.campaignLeadId, SENDKIT_SEED.interestedLeadId]);
	});

	it('without continue on fail, an address not in the campaign stops the run before any removal', async () => {
		const { error } = await remove([SENDKIT_SEED.campaignLeadId, 'nobody@example.com']);
		expect(error?.message).toBe(`No lead with the email address "nobody@example.com" in campaign ${CAMPAIGN}`);
		expect(posts(actionPath())).toHaveLength(0);
		expect(status(SENDKIT_SEED.campaignLeadId)).toBe('active');
	});

	it('a batch SendKit refuses fails each of its items with SendKit\'s message', async () => {
		const { items } = await remove(['not-an-object-id', SENDKIT_SEED.campaignLeadId], {}, true);
		expect(items.map((item) => item.json.error)).toEqual([
			'SendKit answered 400: Invalid campaign lead ID "not-an-object-id"',
			'SendKit answered 400: Invalid campaign lead ID "not-an-object-id"',
		]);
		expect(status(SENDKIT_SEED.campaignLeadId)).toBe('active');
	});

	it('a 429 in the middle of the run is waited out: nothing lost, nothing sent twice', async () => {
		let posted = 0;
		env.mock.inject(json(429, { error: 'Too Many Requests', message: 'Rate limit exceeded', code: 429 }, { 'Retry-After': '1' }), {
			match: (request) => request.method === 'POST' && ++posted === 2,
		});
		const ids = env.mock.fillCampaign(CAMPAIGN, 5).map((record) => record._id);
		const { items, error } = await remove(ids, { options: { batchSize: 2 } });
		expect(error).toBeUndefined();
		expect(posts(actionPath())).toHaveLength(4);
		expect(sentIds(applied(actionPath())).sort()).toEqual([...ids].sort());
		expect(items.map((item) => item.json.status)).toEqual(ids.map(() => 'removed'));
	});
});
