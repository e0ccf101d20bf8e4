import type { RecordedRequest } from '../../sandbox/providers/http-mock';
import { useLemlist } from './lemlist-env';

const campaign = (id: string) => ({ __rl: true, mode: 'id', value: id });
const { env, run } = useLemlist({ resource: 'campaignLead', campaignId: campaign('cam_A1') });

const wire = (request: RecordedRequest) => ({ method: request.method, path: request.path, query: request.query, body: request.body });
const line = (request: RecordedRequest) => `${request.method} ${request.path}`;
const leadsOf = (campaignId: string) => [...env.mock.state.leads.values()].filter((lead) => lead.campaignId === campaignId);
const leadByEmail = (campaignId: string, email: string) => leadsOf(campaignId).find((lead) => lead.email === email);

const add = async (parameters: Record<string, unknown>, extra: { items?: object[]; continueOnFail?: boolean } = {}) =>
	await run({ parameters: { operation: 'add', ...parameters }, ...extra });
const remove = async (parameters: Record<string, unknown>, extra: { items?: object[]; continueOnFail?: boolean } = {}) =>
	await run({ parameters: { operation: 'remove', ...parameters }, ...extra });

/** The adds lemlist accepted, by address: each lead must reach the stand-in exactly once. */
const accepted = () =>
	env.mock.answers
		.filter(({ request, status }) => request.method === 'POST' && /\/leads\/$/.test(request.path) && status === 200)
		.map(({ request }) => (request.body as { email: string }).email);

describe('lemlist Campaign Lead → Add', () => {
	it('POST /campaigns/{id}/leads/ with email, fields and custom variables as top-level keys; the flags in the query', async () => {
		const { items, error } = await add({
			email: ' grace@navy.example ',
			additionalFields: { firstName: 'Grace', lastName: 'Hopper', companyDomain: 'navy.example', icebreaker: 'Loved your talk', timezone: 'America/New_York' },
			customVariables: { variable: [{ name: 'favouriteShip', value: 'USS Hopper' }, { name: 'fleetSize', value: '={{ 42 }}' }, { name: '', value: '' }] },
			options: { deduplicate: true, verifyEmail: false, maxRetries: 2 },
		});
		expect(error).toBeUndefined();
		expect(env.mock.requests.map(wire)).toEqual([
			{
				method: 'POST',
				path: '/api/campaigns/cam_A1/leads/',
				// Only the flags that were set; the request options stay out of the query.
				query: { deduplicate: 'true', verifyEmail: 'false' },
				body: {
					email: 'grace@navy.example',
					firstName: 'Grace',
					lastName: 'Hopper',
					companyDomain: 'navy.example',
					icebreaker: 'Loved your talk',
					timezone: 'America/New_York',
					favouriteShip: 'USS Hopper',
					fleetSize: '42',
				},
			},
		]);
		const created = leadByEmail('cam_A1', 'grace@navy.example')!;
		expect(created).toMatchObject({ firstName: 'Grace', timezone: 'America/New_York', variables: { favouriteShip: 'USS Hopper', fleetSize: '42' } });
		expect(items).toEqual([
			{
				json: {
					campaignId: 'cam_A1',
					campaignName: 'Q4 Outbound',
					email: 'grace@navy.example',
					firstName: 'Grace',
					lastName: 'Hopper',
					companyDomain: 'navy.example',
					_id: created._id,
					isPaused: false,
					contactId: expect.stringMatching(/^ctc_/),
					status: 'added',
				},
				pairedItem: { item: 0 },
			},
		]);

		// The lead is in the campaign afterwards, found by its address.
		const reread = await run({ parameters: { operation: 'get', leadId: 'grace@navy.example' } });
		expect(reread.items[0].json).toMatchObject({ _id: created._id, campaign: { id: 'cam_A1' } });
	});

	it('without flags or fields: the email alone and no query', async () => {
		const { items } = await add({ email: 'linus@kernel.example' });
		expect(env.mock.requests.map(wire)).toEqual([
			{ method: 'POST', path: '/api/campaigns/cam_A1/leads/', query: {}, body: { email: 'linus@kernel.example' } },
		]);
		expect(items[0].json).toMatchObject({ campaignId: 'cam_A1', email: 'linus@kernel.example', status: 'added' });
	});

	it('one request per item, each paired to its input, each campaign its own', async () => {
		const { items } = await add(
			{ campaignId: campaign('={{ $json.campaign }}'), email: '={{ $json.email }}', additionalFields: { firstName: '={{ $json.name }}' } },
			{ items: [{ campaign: 'cam_A1', email: 'a1@new.example', name: 'A' }, { campaign: 'cam_B2', email: 'b2@new.example', name: 'B' }, { campaign: 'cam_A1', email: 'a3@new.example', name: 'C' }] },
		);
		expect(env.mock.requests.map(line)).toEqual([
			'POST /api/campaigns/cam_A1/leads/',
			'POST /api/campaigns/cam_B2/leads/',
			'POST /api/campaigns/cam_A1/leads/',
		]);
		expect(items.map((item) => [item.json.campaignId, item.json.email, item.json.firstName, item.json.status, item.pairedItem])).toEqual([
			['cam_A1', 'a1@new.example', 'A', 'added', { item: 0 }],
			['cam_B2', 'b2@new.example', 'B', 'added', { item: 1 }],
			['cam_A1', 'a3@new.example', 'C', 'added', { item: 2 }],
		]);
	});

	it('a lead already in the campaign is refused with lemlist\'s words, once, and fails its item alone under Continue On Fail', async () => {
		const { items } = await add(
			{ email: '={{ $json.email }}' },
			{ items: [{ email: 'new.one@example.com' }, { email: 'alan@example.com' }, { email: 'new.two@example.com' }], continueOnFail: true },
		);
		expect(items.map((item) => item.json.error ?? item.json.status)).toEqual(['added', 'lemlist answered 409: Lead already in the campaign', 'added']);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		// A refusal is not retried.
		expect(env.mock.requests).toHaveLength(3);
		expect(leadsOf('cam_A1').filter((lead) => lead.email === 'alan@example.com')).toHaveLength(1);
	});

	it('Deduplicate refuses an address that is in another campaign; without it the lead is added', async () => {
		const refused = await add({ campaignId: campaign('cam_DYN'), email: 'ada@example.com', options: { deduplicate: true } });
		expect(refused.error).toMatchObject({ httpCode: '409', message: 'lemlist answered 409: Lead already exists in another campaign' });
		expect(leadByEmail('cam_DYN', 'ada@example.com')).toBeUndefined();

		const added = await add({ campaignId: campaign('cam_DYN'), email: 'ada@example.com' });
		expect(added.error).toBeUndefined();
		expect(added.items[0].json).toMatchObject({ campaignId: 'cam_DYN', email: 'ada@example.com', status: 'added' });
		expect(env.mock.requests.map((request) => request.query)).toEqual([{ deduplicate: 'true' }, {}]);
	});

	it('an address or a domain on the do-not-contact list is not added', async () => {
		await run({ parameters: { resource: 'doNotContact', operation: 'add', value: 'blocked@example.org' } });
		await run({ parameters: { resource: 'doNotContact', operation: 'add', value: 'competitor.example' } });
		env.mock.requests.length = 0;

		const { items } = await add(
			{ email: '={{ $json.email }}' },
			{ items: [{ email: 'blocked@example.org' }, { email: 'ceo@competitor.example' }, { email: 'fine@example.org' }], continueOnFail: true },
		);
		expect(items.map((item) => item.json.error ?? item.json.status)).toEqual([
			'lemlist answered 400: This email address or its domain is in the unsubscribe list',
			'lemlist answered 400: This email address or its domain is in the unsubscribe list',
			'added',
		]);
		expect(leadsOf('cam_A1').map((lead) => lead.email)).not.toContain('ceo@competitor.example');
	});

	it('a 429 in the middle of a run: every lead reaches lemlist exactly once, in input order', async () => {
		const emails = Array.from({ length: 6 }, (_, n) => `burst${n}@new.example`);
		env.mock.inject(
			{ status: 429, body: 'Too many requests', contentType: 'text/plain', headers: { 'Retry-After': '1' } },
			{ match: (request) => (request.body as { email?: string })?.email === emails[3] },
		);
		const { items, error } = await add({ email: '={{ $json.email }}' }, { items: emails.map((email) => ({ email })) });
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.email, item.json.status, item.pairedItem])).toEqual(emails.map((email, item) => [email, 'added', { item }]));
		expect(accepted().sort()).toEqual([...emails].sort());
		expect(env.mock.answers.filter((answer) => answer.status === 429)).toHaveLength(1);
		expect(leadsOf('cam_A1').filter((lead) => emails.includes(lead.email))).toHaveLength(6);
	}, 20_000);

	describe('bad input fails before any request, naming the parameter', () => {
		it.each([
			[{ email: '={{ "  " }}' }, 'Email (email) is empty'],
			[{ email: '={{ $json.nothing }}' }, 'Email (email) is empty'],
			[{ email: 'not-an-address' }, 'Email (email) must be an email address, not "not-an-address"'],
			[{ email: '={{ 42 }}' }, 'Email (email) must be text, not 42'],
			[{ email: 'ok@example.com', customVariables: { variable: [{ name: 'firstName', value: 'Ada' }] } }, '"Custom Variables" (customVariables) names "firstName", a standard field of the lead: set it in Additional Fields instead'],
			[{ email: 'ok@example.com', customVariables: { variable: [{ name: 'email', value: 'x@example.com' }] } }, '"Custom Variables" (customVariables) names "email", a standard field of the lead: set it in Email instead'],
			[{ email: 'ok@example.com', customVariables: { variable: [{ name: 'plan', value: 'a' }, { name: ' plan ', value: 'b' }] } }, '"Custom Variables" (customVariables) names "plan" twice'],
			[{ email: 'ok@example.com', customVariables: { variable: [{ name: '', value: 'orphan' }] } }, '"Custom Variables" (customVariables) has a value without a name: "orphan"'],
			[{ email: 'ok@example.com', customVariables: { variable: [{ name: 'plan', value: '={{ { tier: 1 } }}' }] } }, '"Custom Variables" (customVariables) "plan" must be text'],
			[{ email: 'ok@example.com', customVariables: { variable: [{ name: '={{ { a: 1 } }}', value: 'x' }] } }, '"Custom Variables" (customVariables) has a name that is not text'],
			[{ email: 'ok@example.com', additionalFields: { firstName: '={{ { a: 1 } }}' } }, '"First Name" (additionalFields.firstName) must be text'],
			[{ email: 'ok@example.com', options: { deduplicate: '={{ "yes" }}' } }, '"Deduplicate" (options.deduplicate) must be true or false, not "yes"'],
		])('%j', async (parameters, message) => {
			const { error } = await add(parameters, { items: [{ a: 1 }] });
			expect(error).toMatchObject({ name: 'NodeOperationError' });
			expect(error?.message).toContain(message);
			expect((error?.context as { itemIndex?: number })?.itemIndex).toBe(0);
			expect(env.mock.requests).toHaveLength(0);
		});

		it('under Continue On Fail the bad item alone fails, and sends nothing', async () => {
			const { items } = await add(
				{ email: '={{ $json.email }}' },
				{ items: [{ email: 'one@new.example' }, { email: 'nope' }, { email: 'three@new.example' }], continueOnFail: true },
			);
			expect(items.map((item) => item.json.error ?? item.json.status)).toEqual(['added', 'Email (email) must be an email address, not "nope"', 'added']);
			expect(env.mock.requests.map((request) => (request.body as { email: string }).email)).toEqual(['one@new.example', 'three@new.example']);
		});
	});
});

describe('lemlist Campaign Lead → Remove', () => {
	it('by ID: DELETE /campaigns/{id}/leads/{id}?action=remove; the lead is gone, not unsubscribed, and can be added again', async () => {
		const { items, error } = await remove({ leadId: 'lea_2' });
		expect(error).toBeUndefined();
		expect(env.mock.requests.map(wire)).toEqual([{ method: 'DELETE', path: '/api/campaigns/cam_A1/leads/lea_2', query: { action: 'remove' }, body: '' }]);
		expect(items).toEqual([
			{ json: expect.objectContaining({ _id: 'lea_2', email: 'alan@example.com', campaignId: 'cam_A1', leadId: 'lea_2', status: 'removed' }), pairedItem: { item: 0 } },
		]);
		expect(env.mock.state.leads.has('lea_2')).toBe(false);
		expect(env.mock.state.unsubscribes.size).toBe(0);

		const exported = await run({ parameters: { operation: 'getAll', returnAll: true } });
		expect(exported.items.map((item) => item.json._id)).not.toContain('lea_2');

		const again = await add({ email: 'alan@example.com' });
		expect(again.items[0].json).toMatchObject({ email: 'alan@example.com', status: 'added' });
	});

	it('by email: the lookup in the campaign, then the delete; the item carries the address', async () => {
		const { items } = await remove({ campaignId: campaign('cam_B2'), leadId: 'ada@example.com' });
		expect(env.mock.requests.map(wire)).toEqual([
			{ method: 'GET', path: '/api/leads/ada%40example.com', query: { version: 'v2' }, body: '' },
			{ method: 'DELETE', path: '/api/campaigns/cam_B2/leads/lea_EU001', query: { action: 'remove' }, body: '' },
		]);
		expect(items[0].json).toMatchObject({ campaignId: 'cam_B2', leadId: 'lea_EU001', email: 'ada@example.com', status: 'removed' });
		// The same contact stays in the other campaign.
		expect(env.mock.state.leads.has('lea_EU001')).toBe(false);
		expect(env.mock.state.leads.get('lea_1')?.state).toBe('emailsSent');
	});

	it('Unsubscribe, unlike Remove, keeps the lead in the campaign, unsubscribed', async () => {
		await run({ parameters: { operation: 'unsubscribe', leadId: 'lea_2' } });
		await remove({ leadId: 'lea_1' });
		expect(env.mock.requests.map((request) => [request.method, request.path, request.query])).toEqual([
			['DELETE', '/api/campaigns/cam_A1/leads/lea_2', {}],
			['DELETE', '/api/campaigns/cam_A1/leads/lea_1', { action: 'remove' }],
		]);
		expect(env.mock.state.leads.get('lea_2')?.state).toBe('emailsUnsubscribed');
		expect(env.mock.state.leads.has('lea_1')).toBe(false);
	});

	it('an address with no lead in the campaign fails before any delete; an unknown ID carries lemlist\'s words', async () => {
		const { items } = await remove(
			{ leadId: '={{ $json.lead }}' },
			{ items: [{ lead: 'nobody@example.com' }, { lead: 'lea_nope' }], continueOnFail: true },
		);
		expect(items.map((item) => item.json.error)).toEqual([
			'No lead with the email address "nobody@example.com" in campaign cam_A1',
			'lemlist answered 404: Lead not found',
		]);
		expect(env.mock.requests.map(line)).toEqual(['GET /api/leads/nobody%40example.com', 'DELETE /api/campaigns/cam_A1/leads/lea_nope']);
	});

	it('refuses an empty lead before any request', async () => {
		const { error } = await remove({ leadId: '={{ "" }}' });
		expect(error?.message).toContain('Lead ID (leadId) is empty');
		expect(env.mock.requests).toHaveLength(0);
	});
});
