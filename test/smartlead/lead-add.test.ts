import { json, type RecordedRequest } from '../../sandbox/providers/http-mock';
import { MAX_LEADS_PER_REQUEST } from '../../sandbox/providers/smartlead';
import { campaign, expectNoSecret, expectRefusedBeforeRequest, useSmartlead } from './smartlead-env';

/**
 * Campaign Lead → Add: items batched per campaign and settings (Options → Batch Size, at most
 * Smartlead's 400), one `POST /campaigns/{id}/leads` per batch, one output item per input item.
 */
const { env, run } = useSmartlead({
	resource: 'campaignLead',
	operation: 'add',
	campaignId: campaign(101),
	email: '={{ $json.email }}',
});

/** `count` input items, each a lead with its own address. */
const leads = (count: number, prefix = 'lead') => Array.from({ length: count }, (_, n) => ({ email: `${prefix}${n}@fresh.example` }));

const SETTINGS_OFF = { ignore_global_block_list: false, ignore_unsubscribe_list: false, ignore_duplicate_leads_in_other_campaign: false };

/** The add requests the stand-in received, answered or not. */
const addRequests = () => env.mock.requests.filter((request) => request.method === 'POST' && /\/campaigns\/\d+\/leads$/.test(request.path));
const leadListOf = (request: RecordedRequest) => (request.body as { lead_list: Array<{ email: string }> }).lead_list;
const emailsOf = (request: RecordedRequest) => leadListOf(request).map((lead) => lead.email);
const memberEmails = (campaignId: number) =>
	env.mock.state.memberships.filter((m) => m.campaignId === campaignId).map((m) => env.mock.state.leads.get(m.leadId)!.email);

describe('Smartlead Campaign Lead → Add: the request and the output', () => {
	it('sends the lead with its fields, custom fields as an object and every setting; outputs the lead and the batch counts', async () => {
		const { items, error, run: workflowRun } = await run({
			parameters: {
				email: ' grace@hopper.example ',
				additionalFields: {
					first_name: 'Grace',
					last_name: 'Hopper',
					company_name: 'Hopper Labs',
					phone_number: '+1 555 0100',
					website: 'https://hopper.example',
					location: 'Arlington',
					linkedin_profile: 'https://www.linkedin.com/in/grace',
					company_url: 'https://labs.hopper.example',
					custom_fields: { field: [{ name: 'Title', value: 'Rear Admiral' }, { name: '', value: '' }] },
				},
				settings: { ignore_unsubscribe_list: true },
			},
		});
		expect(error).toBeUndefined();
		expect(env.mock.requests).toHaveLength(1);
		expect(env.mock.requests[0]).toMatchObject({ method: 'POST', path: '/api/v1/campaigns/101/leads', query: { api_key: env.mock.apiKey } });
		const lead = {
			email: 'grace@hopper.example',
			first_name: 'Grace',
			last_name: 'Hopper',
			company_name: 'Hopper Labs',
			phone_number: '+1 555 0100',
			website: 'https://hopper.example',
			location: 'Arlington',
			linkedin_profile: 'https://www.linkedin.com/in/grace',
			company_url: 'https://labs.hopper.example',
			custom_fields: { Title: 'Rear Admiral' },
		};
		expect(env.mock.requests[0].body).toEqual({ lead_list: [lead], settings: { ...SETTINGS_OFF, ignore_unsubscribe_list: true } });
		expect(items).toEqual([
			{
				json: {
					campaignId: 101,
					email: 'grace@hopper.example',
					status: 'added',
					lead,
					batch: {
						size: 1,
						ok: true,
						upload_count: 1,
						total_leads: 1,
						block_count: 0,
						duplicate_count: 0,
						invalid_email_count: 0,
						invalid_emails: [],
						already_added_to_campaign: 0,
						unsubscribed_leads: [],
						is_lead_limit_exhausted: false,
						lead_import_stopped_count: 0,
						bounce_count: 0,
					},
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(memberEmails(101)).toContain('grace@hopper.example');
		expectNoSecret(workflowRun, env.mock.apiKey);
	});

	it('sends the address alone, and every setting as false, when nothing else is set', async () => {
		await run({ items: leads(1) });
		expect(env.mock.requests[0].body).toEqual({ lead_list: [{ email: 'lead0@fresh.example' }], settings: SETTINGS_OFF });
	});

	it('groups items by campaign and settings, keeps input order in the output and pairs each item', async () => {
		const { items, error } = await run({
			parameters: {
				campaignId: campaign('={{ $json.campaign }}'),
				settings: { ignore_global_block_list: '={{ $json.ignoreBlocks }}' },
			},
			items: [
				{ campaign: 101, email: 'a@fresh.example', ignoreBlocks: false },
				{ campaign: 103, email: 'b@fresh.example', ignoreBlocks: false },
				{ campaign: 101, email: 'c@fresh.example', ignoreBlocks: false },
				{ campaign: 103, email: 'd@fresh.example', ignoreBlocks: true },
				{ campaign: 101, email: 'e@fresh.example', ignoreBlocks: 'false' },
			],
		});
		expect(error).toBeUndefined();
		expect(addRequests().map((request) => [request.path, emailsOf(request), (request.body as { settings: object }).settings])).toEqual(
			expect.arrayContaining([
				['/api/v1/campaigns/101/leads', ['a@fresh.example', 'c@fresh.example', 'e@fresh.example'], SETTINGS_OFF],
				['/api/v1/campaigns/103/leads', ['b@fresh.example'], SETTINGS_OFF],
				['/api/v1/campaigns/103/leads', ['d@fresh.example'], { ...SETTINGS_OFF, ignore_global_block_list: true }],
			]),
		);
		expect(addRequests()).toHaveLength(3);
		expect(items.map((item) => [item.json.campaignId, item.json.email, item.json.status, (item.json.batch as { size: number }).size, item.pairedItem])).toEqual([
			[101, 'a@fresh.example', 'added', 3, { item: 0 }],
			[103, 'b@fresh.example', 'added', 1, { item: 1 }],
			[101, 'c@fresh.example', 'added', 3, { item: 2 }],
			[103, 'd@fresh.example', 'added', 1, { item: 3 }],
			[101, 'e@fresh.example', 'added', 3, { item: 4 }],
		]);
	});
});

describe('Smartlead Campaign Lead → Add: batch boundaries', () => {
	it.each([
		[0, []],
		[1, [1]],
		[2, [2]],
		[3, [3]],
		[4, [3, 1]],
		[7, [3, 3, 1]],
	])('with Batch Size 3, %i items go in requests of %j', async (count, sizes) => {
		const input = leads(count);
		const { items, error } = await run({ parameters: { options: { batchSize: 3 } }, items: input });
		expect(error).toBeUndefined();
		expect(addRequests().map((request) => leadListOf(request).length).sort()).toEqual([...sizes].sort());
		expect(addRequests().flatMap(emailsOf).sort()).toEqual(input.map((lead) => lead.email).sort());
		expect(items.map((item) => [item.json.email, item.json.status, item.pairedItem])).toEqual(input.map((lead, item) => [lead.email, 'added', { item }]));
		expect(memberEmails(101).filter((email) => email.endsWith('@fresh.example')).sort()).toEqual(input.map((lead) => lead.email).sort());
	});

	it.each([
		[399, [399]],
		[400, [400]],
		[401, [400, 1]],
		[801, [400, 400, 1]],
	])("at Smartlead's maximum (default Batch Size 400), %i items go in requests of %j", async (count, sizes) => {
		const input = leads(count);
		const { items, error } = await run({ items: input });
		expect(error).toBeUndefined();
		expect(addRequests().map((request) => leadListOf(request).length).sort()).toEqual([...sizes].sort());
		expect(env.mock.answers.map((answer) => answer.status)).toEqual(sizes.map(() => 200));
		expect(new Set(addRequests().flatMap(emailsOf)).size).toBe(count);
		expect(items).toHaveLength(count);
		expect(items.every((item, index) => item.json.status === 'added' && (item.pairedItem as { item: number }).item === index)).toBe(true);
	}, 60_000);

	it('the stand-in refuses a request over 400 leads as Smartlead does, whole, with its error body', async () => {
		const lead_list = leads(MAX_LEADS_PER_REQUEST + 1).map((lead) => ({ email: lead.email }));
		const answer = await fetch(`${env.mock.url}/campaigns/101/leads?api_key=${env.mock.apiKey}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ lead_list, settings: SETTINGS_OFF }),
		});
		expect(answer.status).toBe(400);
		expect(await answer.json()).toEqual({ error: '"lead_list" must contain less than or equal to 400 items' });
		expect(memberEmails(101).filter((email) => email.endsWith('@fresh.example'))).toEqual([]);
	});

	it.each([
		[{ options: { batchSize: 0 } }, '"Batch Size" (options.batchSize) must be at least 1, not 0'],
		[{ options: { batchSize: 401 } }, '"Batch Size" (options.batchSize) must be at most 400, not 401'],
		[{ options: { batchSize: '={{ 2.5 }}' } }, '"Batch Size" (options.batchSize) must be a whole number, not 2.5'],
	])('refuses %j before any request', async (parameters, message) => {
		const { error } = await run({ parameters, items: leads(2) });
		expectRefusedBeforeRequest(error, env.mock, message);
	});
});

describe('Smartlead Campaign Lead → Add: what Smartlead skips', () => {
	it('a lead already in the campaign is skipped, and said so', async () => {
		const { items } = await run({ parameters: { email: 'ada@example.com' } });
		expect(items[0].json).toMatchObject({ email: 'ada@example.com', status: 'skipped', reason: 'alreadyInCampaign', batch: { size: 1, upload_count: 0, already_added_to_campaign: 1 } });
		expect(memberEmails(101).filter((email) => email === 'ada@example.com')).toHaveLength(1);
	});

	it('an unsubscribed lead is named by Smartlead and skipped; the rest of the batch is known to be added', async () => {
		env.mock.state.leads.get(5003)!.is_unsubscribed = true;
		const { items, error } = await run({ items: [{ email: 'new@fresh.example' }, { email: 'Grace@example.com' }] });
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.email, item.json.status, item.json.reason])).toEqual([
			['new@fresh.example', 'added', undefined],
			['Grace@example.com', 'skipped', 'unsubscribed'],
		]);
		expect(items[1].json.batch).toMatchObject({ size: 2, upload_count: 1, unsubscribed_leads: ['Grace@example.com'] });
		// Ignoring the unsubscribe list (and the other campaign grace is in) adds her.
		const again = await run({ parameters: { settings: { ignore_unsubscribe_list: true, ignore_duplicate_leads_in_other_campaign: true } }, items: [{ email: 'grace@example.com' }] });
		expect(again.items[0].json).toMatchObject({ status: 'added' });
		expect(memberEmails(101)).toContain('grace@example.com');
	});

	it('the global block list takes effect by address and by domain: alone a blocked lead is skipped; in a mixed batch the counts stand for the batch', async () => {
		const alone = await run({ items: [{ email: 'someone@blocked.example' }] });
		expect(alone.items[0].json).toMatchObject({ status: 'skipped', reason: 'blockList', batch: { size: 1, upload_count: 0, block_count: 1 } });

		const mixed = await run({ items: [{ email: 'bounced@trap.example' }, { email: 'fine@fresh.example' }] });
		expect(mixed.items.map((item) => [item.json.email, item.json.status, item.json.reason])).toEqual([
			['bounced@trap.example', 'batchCounts', undefined],
			['fine@fresh.example', 'batchCounts', undefined],
		]);
		expect(mixed.items[0].json.batch).toMatchObject({ size: 2, upload_count: 1, block_count: 1 });
		expect(memberEmails(101)).toContain('fine@fresh.example');
		expect(memberEmails(101)).not.toContain('bounced@trap.example');

		const ignored = await run({ parameters: { settings: { ignore_global_block_list: true } }, items: [{ email: 'someone@blocked.example' }] });
		expect(ignored.items[0].json).toMatchObject({ status: 'added' });
	});

	it('a lead of another campaign is skipped unless Ignore Duplicate Leads in Other Campaign is on; then the same lead joins', async () => {
		const skipped = await run({ parameters: { campaignId: campaign(102), email: 'alan@example.com' } });
		expect(skipped.items[0].json).toMatchObject({ status: 'skipped', reason: 'duplicate', batch: { duplicate_count: 1 } });
		const added = await run({ parameters: { campaignId: campaign(102), email: 'alan@example.com', settings: { ignore_duplicate_leads_in_other_campaign: true } } });
		expect(added.items[0].json).toMatchObject({ campaignId: 102, status: 'added' });
		expect(env.mock.state.memberships.filter((m) => m.leadId === 5002).map((m) => m.campaignId).sort()).toEqual([101, 102]);
	});

	it('the same address twice in one batch: Smartlead counts a duplicate, and the counts stand for the batch', async () => {
		const { items } = await run({ items: [{ email: 'twice@fresh.example' }, { email: 'TWICE@fresh.example' }] });
		expect(items.map((item) => item.json.status)).toEqual(['batchCounts', 'batchCounts']);
		expect(items[0].json.batch).toMatchObject({ size: 2, upload_count: 1, duplicate_count: 1 });
		expect(memberEmails(101).filter((email) => email.toLowerCase() === 'twice@fresh.example')).toHaveLength(1);
	});

	it('reads other answer shapes tolerantly: names in any skipped list, counts as strings, no counts at all', async () => {
		env.mock.inject(json(200, { ok: true, added_count: '1', skipped_count: '1', blocked_leads: [{ email: 'one@fresh.example' }] }));
		const named = await run({ items: [{ email: 'one@fresh.example' }, { email: 'two@fresh.example' }] });
		expect(named.items.map((item) => [item.json.status, item.json.reason])).toEqual([
			['skipped', 'blockList'],
			['added', undefined],
		]);
		env.mock.inject(json(200, { added_count: 0, skipped_count: 2 }));
		const none = await run({ items: [{ email: 'five@fresh.example' }, { email: 'six@fresh.example' }] });
		expect(none.items.map((item) => [item.json.status, item.json.reason])).toEqual([
			['skipped', 'notAdded'],
			['skipped', 'notAdded'],
		]);
		env.mock.inject(json(200, { ok: true }));
		const bare = await run({ items: [{ email: 'three@fresh.example' }] });
		expect(bare.items[0].json).toMatchObject({ status: 'batchCounts', batch: { size: 1, ok: true } });
		env.mock.inject(json(200, { ok: false, error: 'Lead limit reached for your plan' }));
		const refused = await run({ items: [{ email: 'four@fresh.example' }], continueOnFail: true });
		expect(refused.items[0].json).toMatchObject({ error: 'Smartlead did not add the leads: Lead limit reached for your plan' });
	});
});

describe('Smartlead Campaign Lead → Add: Continue On Fail inside a batch', () => {
	const input = [{ email: 'first@fresh.example' }, { email: 'not-an-address' }, { email: 'third@fresh.example' }];

	it('an item that fails its checks fails alone, before any request; the others go in one batch', async () => {
		const { items, error } = await run({ items: input, continueOnFail: true });
		expect(error).toBeUndefined();
		expect(addRequests().map(emailsOf)).toEqual([['first@fresh.example', 'third@fresh.example']]);
		expect(items.map((item) => [item.json.status ?? item.json.error, item.pairedItem])).toEqual([
			['added', { item: 0 }],
			['Email (email) does not look like an email address: "not-an-address"', { item: 1 }],
			['added', { item: 2 }],
		]);
	});

	it('without Continue On Fail, that item stops the run before anything is sent', async () => {
		const { error } = await run({ items: input });
		expectRefusedBeforeRequest(error, env.mock, 'Email (email) does not look like an email address: "not-an-address"', 1);
	});

	it.each([
		[{ campaignId: campaign('abc') }, 'Campaign (campaignId) must be a number, not "abc"'],
		[{ email: '={{ "" }}' }, 'Email (email) is empty'],
		[{ additionalFields: { custom_fields: { field: [{ name: '', value: 'orphan' }] } } }, '"Custom Fields" (additionalFields.custom_fields) has a value without a name: "orphan"'],
		[{ additionalFields: { first_name: '={{ { "a": 1 } }}' } }, '"First Name" (additionalFields.first_name) must be text, not {"a":1}'],
		[{ settings: { ignore_global_block_list: '={{ "maybe" }}' } }, '"Ignore Global Block List" (settings.ignore_global_block_list) must be true or false, not "maybe"'],
	])('refuses %j before any request', async (parameters, message) => {
		const { error } = await run({ parameters: { email: 'x@fresh.example', ...parameters } });
		expectRefusedBeforeRequest(error, env.mock, message);
	});

	it('a lead Smartlead refuses (an invalid address) fails alone; the rest of its batch is added', async () => {
		const { items, error } = await run({ items: [{ email: 'ok1@fresh.example' }, { email: 'ada@example.c' }, { email: 'ok2@fresh.example' }], continueOnFail: true });
		expect(error).toBeUndefined();
		expect(addRequests()).toHaveLength(1);
		expect(items.map((item) => [item.json.status ?? item.json.error, item.pairedItem])).toEqual([
			['added', { item: 0 }],
			['Smartlead refused the lead "ada@example.c": not a valid email address', { item: 1 }],
			['added', { item: 2 }],
		]);
		expect(memberEmails(101)).toEqual(expect.arrayContaining(['ok1@fresh.example', 'ok2@fresh.example']));
	});

	it('without Continue On Fail, the refused lead fails the run with its own index', async () => {
		const { error } = await run({ items: [{ email: 'ok1@fresh.example' }, { email: 'ada@example.c' }] });
		expect(error).toMatchObject({ message: 'Smartlead refused the lead "ada@example.c": not a valid email address' });
		expect((error?.context as { itemIndex?: number })?.itemIndex).toBe(1);
	});

	it('a batch Smartlead refuses whole fails each of its items with Smartlead\'s message; the other batches go on', async () => {
		env.mock.inject(json(400, { error: 'Campaign is archived' }), {
			match: (req) => req.method === 'POST' && (req.body as { lead_list?: Array<{ email: string }> }).lead_list?.[0]?.email === 'lead2@fresh.example',
		});
		const { items, error } = await run({ parameters: { options: { batchSize: 2 } }, items: leads(5), continueOnFail: true });
		expect(error).toBeUndefined();
		const failed = items.filter((item) => item.json.error !== undefined);
		expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 2 }, { item: 3 }]);
		for (const item of failed) expect(item.json).toMatchObject({ error: 'Smartlead answered 400: Campaign is archived', httpCode: '400' });
		expect(items.filter((item) => item.json.status === 'added')).toHaveLength(3);
		expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
	});
});

describe('Smartlead Campaign Lead → Add: a 429 in the middle of a batched run', () => {
	it('waits it out and sends that batch again: every lead reaches Smartlead once, none is lost or doubled', async () => {
		env.mock.inject(json(429, { error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded', retry_after: 1 } }, { 'Retry-After': '1' }), {
			match: (req) => req.method === 'POST' && (req.body as { lead_list?: Array<{ email: string }> }).lead_list?.[0]?.email === 'lead3@fresh.example',
		});
		const input = leads(8);
		const { items, error } = await run({ parameters: { options: { batchSize: 3 } }, items: input });
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.email, item.json.status, item.pairedItem])).toEqual(input.map((lead, item) => [lead.email, 'added', { item }]));
		const statuses = env.mock.answers.map((answer) => answer.status).sort();
		expect(statuses).toEqual([200, 200, 200, 429]);
		const accepted = env.mock.answers.filter((answer) => answer.status === 200).flatMap((answer) => emailsOf(answer.request));
		expect(accepted.sort()).toEqual(input.map((lead) => lead.email).sort());
		const refused = env.mock.answers.find((answer) => answer.status === 429)!;
		expect(emailsOf(refused.request)).toEqual(['lead3@fresh.example', 'lead4@fresh.example', 'lead5@fresh.example']);
		expect(memberEmails(101).filter((email) => email.endsWith('@fresh.example')).sort()).toEqual(input.map((lead) => lead.email).sort());
	}, 20_000);
});
