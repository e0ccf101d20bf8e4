import { json, type RecordedRequest } from '../../sandbox/providers/http-mock';
import { MAX_BLOCK_LIST_VALUES, SMARTLEAD_BLOCK_SEED } from '../../sandbox/providers/smartlead';
import { campaign, expectRefusedBeforeRequest, useSmartlead } from './smartlead-env';

/** Do-Not-Contact List: Smartlead's global block list. Add is batched (400 values a request); Get Many pages by offset. */
const { env, run } = useSmartlead({ resource: 'doNotContact', operation: 'add', value: '={{ $json.value }}' });

const values = (count: number) => Array.from({ length: count }, (_, n) => ({ value: `d${n}.blocked.example` }));
const listOf = (request: RecordedRequest) => (request.body as { domain_block_list: string[] }).domain_block_list;
const addRequests = () => env.mock.requests.filter((request) => request.method === 'POST' && request.path === '/api/v1/leads/add-domain-block-list');
const onList = () => env.mock.state.blockList.map((entry) => entry.email_or_domain);

describe('Smartlead Do-Not-Contact List → Add', () => {
	it('puts a domain on the block list, trimmed and lower-cased; the next lead on that domain is skipped', async () => {
		const { items, error } = await run({ parameters: { value: ' Competitor.Example ' } });
		expect(error).toBeUndefined();
		expect(env.mock.requests).toHaveLength(1);
		expect(env.mock.requests[0]).toMatchObject({ method: 'POST', path: '/api/v1/leads/add-domain-block-list', query: { api_key: env.mock.apiKey } });
		expect(env.mock.requests[0].body).toEqual({ domain_block_list: ['competitor.example'] });
		expect(items).toEqual([{ json: { value: 'competitor.example', status: 'added', batch: { size: 1, ok: true } }, pairedItem: { item: 0 } }]);
		expect(onList()).toContain('competitor.example');

		const lead = await run({ parameters: { resource: 'campaignLead', operation: 'add', campaignId: campaign(101), email: 'sam@competitor.example' } });
		expect(lead.items[0].json).toMatchObject({ status: 'skipped', reason: 'blockList' });
	});

	it('puts an address on the list; items with the same value are sent once and each says added', async () => {
		const { items } = await run({ items: [{ value: 'Sam@Competitor.example' }, { value: 'sam@competitor.example' }, { value: 'other.example' }] });
		expect(addRequests().map(listOf)).toEqual([['sam@competitor.example', 'other.example']]);
		expect(items.map((item) => [item.json.value, item.json.status, item.pairedItem])).toEqual([
			['sam@competitor.example', 'added', { item: 0 }],
			['sam@competitor.example', 'added', { item: 1 }],
			['other.example', 'added', { item: 2 }],
		]);
		expect(onList().filter((value) => value === 'sam@competitor.example')).toHaveLength(1);
	});

	it.each([
		[0, []],
		[1, [1]],
		[MAX_BLOCK_LIST_VALUES - 1, [MAX_BLOCK_LIST_VALUES - 1]],
		[MAX_BLOCK_LIST_VALUES, [MAX_BLOCK_LIST_VALUES]],
		[MAX_BLOCK_LIST_VALUES + 1, [MAX_BLOCK_LIST_VALUES, 1]],
		[2 * MAX_BLOCK_LIST_VALUES + 1, [MAX_BLOCK_LIST_VALUES, MAX_BLOCK_LIST_VALUES, 1]],
	])('%i items go in requests of %j values (at most 400 a request)', async (count, sizes) => {
		const input = values(count);
		const { items, error } = await run({ items: input });
		expect(error).toBeUndefined();
		expect(addRequests().map((request) => listOf(request).length).sort()).toEqual([...sizes].sort());
		expect(addRequests().flatMap(listOf).sort()).toEqual(input.map((item) => item.value).sort());
		expect(items).toHaveLength(count);
		expect(items.every((item, index) => item.json.value === input[index].value && item.json.status === 'added' && (item.pairedItem as { item: number }).item === index)).toBe(true);
		expect(onList()).toHaveLength(SMARTLEAD_BLOCK_SEED.length + count);
	}, 60_000);

	it('the stand-in refuses more than 400 values in one request, whole', async () => {
		const answer = await fetch(`${env.mock.url}/leads/add-domain-block-list?api_key=${env.mock.apiKey}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ domain_block_list: values(MAX_BLOCK_LIST_VALUES + 1).map((item) => item.value) }),
		});
		expect(answer.status).toBe(400);
		expect(await answer.json()).toEqual({ error: '"domain_block_list" must contain less than or equal to 400 items' });
		expect(onList()).toEqual(SMARTLEAD_BLOCK_SEED);
	});

	it.each([
		['={{ "" }}', 'Email or Domain (value) is empty'],
		['example', 'Email or Domain (value) must be an email address (ada@example.com) or a domain (example.com), not "example"'],
		['https://example.com/about', 'not "https://example.com/about"'],
		['name@@example.com', 'not "name@@example.com"'],
		['exa mple.com', 'not "exa mple.com"'],
		['name@example', 'not "name@example"'],
		['={{ { "value": "x.com" } }}', 'not {"value":"x.com"}'],
	])('refuses %j before any request', async (value, message) => {
		const { error } = await run({ parameters: { value } });
		expectRefusedBeforeRequest(error, env.mock, message);
	});

	it('with Continue On Fail, a value that fails its checks fails alone and the rest are sent together', async () => {
		const { items, error } = await run({ items: [{ value: 'a.example' }, { value: 'not a domain' }, { value: 'b.example' }], continueOnFail: true });
		expect(error).toBeUndefined();
		expect(addRequests().map(listOf)).toEqual([['a.example', 'b.example']]);
		expect(items.map((item) => [item.json.status ?? item.json.error, item.pairedItem])).toEqual([
			['added', { item: 0 }],
			[expect.stringContaining('Email or Domain (value) must be an email address'), { item: 1 }],
			['added', { item: 2 }],
		]);
	});

	it('without Continue On Fail, that value stops the run before anything is sent', async () => {
		const { error } = await run({ items: [{ value: 'a.example' }, { value: 'not a domain' }] });
		expectRefusedBeforeRequest(error, env.mock, 'Email or Domain (value) must be an email address', 1);
	});

	it("a request Smartlead refuses fails each of its items with Smartlead's message; an answer counting fewer added says batchCounts", async () => {
		env.mock.inject(json(422, { error: '"domain_block_list[0]" must be a valid domain' }));
		const refused = await run({ items: values(2), continueOnFail: true });
		expect(refused.items.map((item) => item.json.error)).toEqual([
			'Smartlead answered 422: "domain_block_list[0]" must be a valid domain',
			'Smartlead answered 422: "domain_block_list[0]" must be a valid domain',
		]);
		env.mock.inject(json(200, { ok: true, added_count: 1 }));
		const counted = await run({ items: values(2) });
		expect(counted.items.map((item) => item.json.status)).toEqual(['batchCounts', 'batchCounts']);
		expect(counted.items[0].json.batch).toEqual({ size: 2, ok: true, added_count: 1 });
	});

	it('a 429 in the middle of the run is waited out: every value reaches Smartlead once, none is lost or doubled', async () => {
		env.mock.inject(json(429, { error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded', retry_after: 1 } }, { 'Retry-After': '1' }), {
			match: (req) => req.method === 'POST' && listOf(req)[0] === `d${MAX_BLOCK_LIST_VALUES}.blocked.example`,
		});
		const input = values(2 * MAX_BLOCK_LIST_VALUES + 1);
		const { items, error } = await run({ items: input });
		expect(error).toBeUndefined();
		expect(items.filter((item) => item.json.status === 'added')).toHaveLength(input.length);
		expect(env.mock.answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 429]);
		const accepted = env.mock.answers.filter((answer) => answer.status === 200).flatMap((answer) => listOf(answer.request));
		expect(accepted.sort()).toEqual(input.map((item) => item.value).sort());
		expect(onList()).toHaveLength(SMARTLEAD_BLOCK_SEED.length + input.length);
	}, 30_000);
});

describe('Smartlead Do-Not-Contact List → Get Many', () => {
	const getAll = { operation: 'getAll' };

	it('lists the entries as Smartlead answers them, in pages of up to 1,000', async () => {
		const { items, error } = await run({ parameters: { ...getAll, returnAll: true } });
		expect(error).toBeUndefined();
		expect(env.mock.requests.map((request) => [request.method, request.path, request.query])).toEqual([
			['GET', '/api/v1/leads/get-domain-block-list', { api_key: env.mock.apiKey, offset: '0', limit: '1000' }],
		]);
		expect(items.map((item) => item.json)).toEqual(
			SMARTLEAD_BLOCK_SEED.map((value) => ({ id: expect.any(Number), email_or_domain: value, created_at: expect.any(String), source: expect.any(String), client_id: null })),
		);
	});

	it('reads a long list page by page until a short page; a limit asks only for what it needs', async () => {
		for (let n = 0; n < 1500; n++) env.mock.state.blockList.push({ id: 1 + n, email_or_domain: `x${n}.example`, created_at: '2025-03-01T00:00:00.000Z', source: 'Manual', client_id: null });
		const all = await run({ parameters: { ...getAll, returnAll: true } });
		expect(all.items).toHaveLength(1502);
		expect(env.mock.requests.map((request) => [request.query.offset, request.query.limit])).toEqual([
			['0', '1000'],
			['1000', '1000'],
		]);
		env.mock.requests.length = 0;
		const some = await run({ parameters: { ...getAll, returnAll: false, limit: 3 } });
		expect(some.items.map((item) => item.json.email_or_domain)).toEqual([...SMARTLEAD_BLOCK_SEED, 'x0.example']);
		expect(env.mock.requests.map((request) => [request.query.offset, request.query.limit])).toEqual([['0', '3']]);
	});
});
