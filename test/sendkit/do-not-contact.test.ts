import type { IDataObject } from 'n8n-workflow';

import { json, type RecordedRequest } from '../../sandbox/providers/http-mock';
import { SENDKIT_SEED } from '../../sandbox/providers/sendkit';
import { useSendKit } from './sendkit-env';

/** The Do-Not-Contact List resource: Add and Remove batched, Get Many paged like SendKit's other lists. */
const { env, run, platform } = useSendKit({ resource: 'doNotContact' });

const wire = () => env.mock.requests.map((request) => [request.method, request.path, request.query, request.body]);
const dncRequests = (method: string) => env.mock.requests.filter((request) => request.method === method && request.path === '/v1/dnc');
const applied = (method: string): RecordedRequest[] =>
	env.mock.answers.filter((answer) => answer.status === 200 && answer.request.method === method && answer.request.path === '/v1/dnc').map((answer) => answer.request);
const addedValues = (requests: RecordedRequest[]) => requests.flatMap((request) => ((request.body as IDataObject).entries as IDataObject[]).map((entry) => entry.email));
const deletedValues = (requests: RecordedRequest[]) => requests.flatMap((request) => (request.body as IDataObject).emails as string[]);
const listed = () => env.mock.dncEntries().map((entry) => entry.value).sort();
const values = (count: number, prefix = 'dnc') => Array.from({ length: count }, (_, n) => `${prefix}.${n + 1}@block.example`);
const pairing = (count: number) => Array.from({ length: count }, (_, item) => ({ item }));

const act = async (operation: 'add' | 'remove', items: string[], extra: IDataObject = {}, continueOnFail = false) =>
	await run({ parameters: { operation, value: '={{ $json.value }}', ...extra }, items: items.map((value) => ({ value })), continueOnFail });
/** Puts values on the list through the stand-in's own API (the documented body). */
const seed = async (list: string[]) => {
	const response = await fetch(`${env.mock.url}/v1/dnc`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'X-Api-Key': SENDKIT_SEED.workspaceKey },
		body: JSON.stringify({ entries: list.map((email) => ({ email })) }),
	});
	expect(response.status).toBe(200);
	env.mock.requests.length = 0;
	env.mock.answers.length = 0;
};

describe('SendKit Do-Not-Contact List → Add', () => {
	it('POSTs {entries: [{email, reason?}]} for all items at once, trimmed and lower-cased, and outputs each value as added', async () => {
		const { items, error } = await run({
			parameters: { operation: 'add', value: '={{ $json.value }}', reason: '={{ $json.reason }}' },
			items: [{ value: ' Ada@Example.com ', reason: 'Asked to be removed' }, { value: 'Competitor.example', reason: '' }],
		});
		expect(error).toBeUndefined();
		expect(wire()).toEqual([['POST', '/v1/dnc', {}, { entries: [{ email: 'ada@example.com', reason: 'Asked to be removed' }, { email: 'competitor.example' }] }]]);
		const batch = { size: 2, added: 2, skipped: 0 };
		expect(items).toEqual([
			{ json: { value: 'ada@example.com', status: 'added', batch }, pairedItem: { item: 0 } },
			{ json: { value: 'competitor.example', status: 'added', batch }, pairedItem: { item: 1 } },
		]);
		expect(env.mock.dncEntries()).toEqual([
			{ value: 'ada@example.com', type: 'email', reason: 'Asked to be removed', createdAt: expect.any(String) },
			{ value: 'competitor.example', type: 'domain', createdAt: expect.any(String) },
		]);
	});

	it('what is listed already is skipped: all skipped says so, a mix reports the batch counts', async () => {
		await seed(['ada@example.com']);
		const again = await act('add', ['ada@example.com']);
		expect(again.items[0].json).toEqual({ value: 'ada@example.com', status: 'skipped', reason: 'already on the do-not-contact list', batch: { size: 1, added: 0, skipped: 1 } });
		const mixed = await act('add', ['ada@example.com', 'grace@example.com']);
		expect(mixed.items.map((item) => [item.json.status, item.json.batch])).toEqual([
			['batchCounts', { size: 2, added: 1, skipped: 1 }],
			['batchCounts', { size: 2, added: 1, skipped: 1 }],
		]);
	});

	it('the same value twice in one request is sent once, and both items are added', async () => {
		const { items } = await act('add', ['ada@example.com', 'ADA@example.com']);
		expect(addedValues(dncRequests('POST'))).toEqual(['ada@example.com']);
		expect(items.map((item) => [item.json.value, item.json.status, item.json.batch])).toEqual([
			['ada@example.com', 'added', { size: 1, added: 1, skipped: 0 }],
			['ada@example.com', 'added', { size: 1, added: 1, skipped: 0 }],
		]);
	});

	it.each([
		[0, []],
		[1, [1]],
		[2, [2]],
		[3, [3]],
		[4, [3, 1]],
		[7, [3, 3, 1]],
	])('%i items with a batch size of 3: requests of %j entries, every value once, every item paired', async (count, sizes) => {
		const list = values(count);
		const { items, error } = await act('add', list, { options: { batchSize: 3 } });
		expect(error).toBeUndefined();
		const requests = dncRequests('POST');
		expect(requests.map((request) => ((request.body as IDataObject).entries as unknown[]).length).sort().reverse()).toEqual(sizes);
		expect(addedValues(requests).sort()).toEqual([...list].sort());
		expect(items.map((item) => item.pairedItem)).toEqual(pairing(count));
		expect(items.map((item) => [item.json.value, item.json.status])).toEqual(list.map((value) => [value, 'added']));
		expect(listed()).toEqual([...list].sort());
	});

	it('1,001 items by default: one request of 1,000 and one of 1', async () => {
		const list = values(1001, 'many');
		const { items, error } = await act('add', list);
		expect(error).toBeUndefined();
		expect(dncRequests('POST').map((request) => ((request.body as IDataObject).entries as unknown[]).length).sort()).toEqual([1, 1000]);
		expect(items).toHaveLength(1001);
		expect(listed()).toHaveLength(1001);
	}, 30_000);

	it.each([
		['not an address', 'Email or Domain (value) must be an email address (ada@example.com) or a domain (example.com), not "not an address"'],
		['ada@', 'Email or Domain (value) must be an email address (ada@example.com) or a domain (example.com), not "ada@"'],
		['example', 'Email or Domain (value) must be an email address (ada@example.com) or a domain (example.com), not "example"'],
		['https://example.com', 'Email or Domain (value) must be an email address (ada@example.com) or a domain (example.com), not "https://example.com"'],
		['-bad.example', 'Email or Domain (value) must be an email address (ada@example.com) or a domain (example.com), not "-bad.example"'],
		['   ', 'Email or Domain (value) is empty'],
	])('with continue on fail, %j fails its item before any request; the others are sent', async (bad, message) => {
		const { items, error } = await act('add', ['ok@example.com', bad, 'ok.example'], {}, true);
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.pairedItem, item.json.error ?? item.json.status])).toEqual([
			[{ item: 0 }, 'added'],
			[{ item: 1 }, message],
			[{ item: 2 }, 'added'],
		]);
		expect(addedValues(dncRequests('POST'))).toEqual(['ok@example.com', 'ok.example']);
	});

	it('without continue on fail, a bad value stops the run before any request', async () => {
		const { error } = await run({ parameters: { operation: 'add', value: '={{ $json.value }}' }, items: [{ value: 'ok@example.com' }, { value: 42 }] });
		expect(error).toMatchObject({ name: 'NodeOperationError', message: 'Email or Domain (value) must be text, not 42' });
		expect(env.mock.requests).toHaveLength(0);
	});

	it('refuses a reason that is not text before any request', async () => {
		const { error } = await act('add', ['ok@example.com'], { reason: '={{ { "why": 1 } }}' });
		expect(error?.message).toContain('Reason (reason) must be text');
		expect(env.mock.requests).toHaveLength(0);
	});

	it('a platform key lists the value in the workspace it names', async () => {
		const { error } = await run({ parameters: { operation: 'add', value: 'ada@example.com' }, credential: platform(SENDKIT_SEED.workspaceIds[1]) });
		expect(error).toBeUndefined();
		expect(env.mock.dncEntries(SENDKIT_SEED.workspaceIds[1])).toHaveLength(1);
		expect(env.mock.dncEntries()).toHaveLength(0);
	});

	it('a 429 in the middle of the run is waited out: nothing lost, nothing sent twice', async () => {
		let posted = 0;
		env.mock.inject(json(429, { error: 'Too Many Requests', message: 'Rate limit exceeded', code: 429 }, { 'Retry-After': '1' }), {
			match: (request) => request.method === 'POST' && ++posted === 2,
		});
		const list = values(7, 'limited');
		const { items, error } = await act('add', list, { options: { batchSize: 2 } });
		expect(error).toBeUndefined();
		expect(dncRequests('POST')).toHaveLength(5);
		expect(addedValues(applied('POST')).sort()).toEqual([...list].sort());
		expect(items.map((item) => item.json.status)).toEqual(list.map(() => 'added'));
		expect(listed()).toEqual([...list].sort());
	});
});

describe('SendKit Do-Not-Contact List → Remove', () => {
	it('DELETEs {emails} for all items at once and outputs each value as removed', async () => {
		await seed(['ada@example.com', 'competitor.example']);
		const { items, error } = await act('remove', [' ADA@example.com', 'competitor.example']);
		expect(error).toBeUndefined();
		expect(wire()).toEqual([['DELETE', '/v1/dnc', {}, { emails: ['ada@example.com', 'competitor.example'] }]]);
		const batch = { size: 2, deleted: 2 };
		expect(items).toEqual([
			{ json: { value: 'ada@example.com', status: 'removed', batch }, pairedItem: { item: 0 } },
			{ json: { value: 'competitor.example', status: 'removed', batch }, pairedItem: { item: 1 } },
		]);
		expect(listed()).toEqual([]);
	});

	it('values not on the list are skipped; a mix reports the batch counts', async () => {
		await seed(['ada@example.com']);
		const none = await act('remove', ['grace@example.com']);
		expect(none.items[0].json).toEqual({ value: 'grace@example.com', status: 'skipped', reason: 'not on the do-not-contact list', batch: { size: 1, deleted: 0 } });
		const mixed = await act('remove', ['grace@example.com', 'ada@example.com']);
		expect(mixed.items.map((item) => [item.json.status, item.json.batch])).toEqual([
			['batchCounts', { size: 2, deleted: 1 }],
			['batchCounts', { size: 2, deleted: 1 }],
		]);
	});

	it.each([
		[0, []],
		[1, [1]],
		[2, [2]],
		[3, [3]],
		[4, [3, 1]],
		[7, [3, 3, 1]],
	])('%i items with a batch size of 3: requests of %j values, every value once, every item paired', async (count, sizes) => {
		const list = values(count);
		if (count) await seed(list);
		const { items, error } = await act('remove', list, { options: { batchSize: 3 } });
		expect(error).toBeUndefined();
		const requests = dncRequests('DELETE');
		expect(requests.map((request) => ((request.body as IDataObject).emails as unknown[]).length).sort().reverse()).toEqual(sizes);
		expect(deletedValues(requests).sort()).toEqual([...list].sort());
		expect(items.map((item) => [item.pairedItem, item.json.status])).toEqual(list.map((_, item) => [{ item }, 'removed']));
		expect(listed()).toEqual([]);
	});

	it('with continue on fail, a bad value fails its item before any request', async () => {
		await seed(['ada@example.com']);
		const { items } = await act('remove', ['nope', 'ada@example.com'], {}, true);
		expect(items.map((item) => item.json.error ?? item.json.status)).toEqual(['Email or Domain (value) must be an email address (ada@example.com) or a domain (example.com), not "nope"', 'removed']);
		expect(deletedValues(dncRequests('DELETE'))).toEqual(['ada@example.com']);
	});

	it('a 429 in the middle of the run is waited out: nothing lost, nothing sent twice', async () => {
		const list = values(5, 'limited');
		await seed(list);
		let deleted = 0;
		env.mock.inject(json(429, { error: 'Too Many Requests', message: 'Rate limit exceeded', code: 429 }, { 'Retry-After': '1' }), {
			match: (request) => request.method === 'DELETE' && ++deleted === 2,
		});
		const { items, error } = await act('remove', list, { options: { batchSize: 2 } });
		expect(error).toBeUndefined();
		expect(dncRequests('DELETE')).toHaveLength(4);
		expect(deletedValues(applied('DELETE')).sort()).toEqual([...list].sort());
		expect(items.map((item) => item.json.status)).toEqual(list.map(() => 'removed'));
	});
});

describe('SendKit Do-Not-Contact List → Get Many', () => {
	it('outputs one item per entry as SendKit answers it', async () => {
		await seed(['ada@example.com', 'competitor.example']);
		const { items, error } = await run({ parameters: { operation: 'getAll', returnAll: true } });
		expect(error).toBeUndefined();
		expect(wire()).toEqual([['GET', '/v1/dnc', { limit: '100' }, '']]);
		expect(items.map((item) => item.json)).toEqual([
			{
				_id: expect.stringMatching(/^[0-9a-f]{24}$/),
				email: 'ada@example.com',
				entryType: 'email',
				workspaceId: SENDKIT_SEED.workspaceIds[0],
				reason: null,
				unsubscribedAt: expect.any(String),
				createdAt: expect.any(String),
				updatedAt: expect.any(String),
			},
			expect.objectContaining({ email: 'competitor.example', entryType: 'domain' }),
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('pages by cursor, 100 at a time, until SendKit says there is no more', async () => {
		await seed(values(250, 'paged'));
		const { items } = await run({ parameters: { operation: 'getAll', returnAll: true } });
		expect(items).toHaveLength(250);
		expect(env.mock.requests.map((request) => [request.query.limit, request.query.cursor !== undefined])).toEqual([
			['100', false],
			['100', true],
			['100', true],
		]);
		expect(new Set(items.map((item) => item.json.email)).size).toBe(250);
	});

	it('a limit asks for no more than it needs; the Type filter is sent as `type`', async () => {
		await seed(['a@example.com', 'b@example.com', 'c.example', 'd.example']);
		const limited = await run({ parameters: { operation: 'getAll', returnAll: false, limit: 3 } });
		expect(limited.items).toHaveLength(3);
		expect(wire()).toEqual([['GET', '/v1/dnc', { limit: '3' }, '']]);
		env.mock.requests.length = 0;
		const domains = await run({ parameters: { operation: 'getAll', returnAll: true, filters: { type: 'domain' } } });
		expect(domains.items.map((item) => item.json.email)).toEqual(['c.example', 'd.example']);
		expect(wire()).toEqual([['GET', '/v1/dnc', { type: 'domain', limit: '100' }, '']]);
	});

	it('refuses a bad limit or type before any request', async () => {
		const limit = await run({ parameters: { operation: 'getAll', returnAll: false, limit: '={{ 0 }}' } });
		expect(limit.error?.message).toBe('Limit (limit) must be a whole number of at least 1, not 0');
		const type = await run({ parameters: { operation: 'getAll', returnAll: true, filters: { type: '={{ "phone" }}' } } });
		expect(type.error?.message).toBe('"Type" (filters.type) has an unknown value "phone"; allowed values: domain, email');
		expect(env.mock.requests).toHaveLength(0);
	});
});

describe('the stand-in\'s POST /v1/dnc takes both bodies (SendKit\'s page and the node\'s Unsubscribe disagree)', () => {
	const post = async (body: unknown) => {
		const response = await fetch(`${env.mock.url}/v1/dnc`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'X-Api-Key': SENDKIT_SEED.workspaceKey },
			body: JSON.stringify(body),
		});
		return [response.status, await response.json()];
	};

	it('the documented {entries: [{email, reason?}]} and Unsubscribe\'s {entries: [string], type, reason}', async () => {
		expect(await post({ entries: [{ email: 'Ada@example.com', reason: 'manual' }, { email: 'spam.example' }] })).toEqual([200, { success: true, data: { added: 2, skipped: 0 } }]);
		expect(await post({ entries: ['grace@example.com', 'ada@example.com'], type: 'email', reason: 'unsubscribe' })).toEqual([200, { success: true, data: { added: 1, skipped: 1 } }]);
		expect(env.mock.dncEntries().map((entry) => [entry.value, entry.type, entry.reason])).toEqual([
			['ada@example.com', 'email', 'manual'],
			['spam.example', 'domain', undefined],
			['grace@example.com', 'email', 'unsubscribe'],
		]);
		expect(await post({ entries: [{ email: 'not valid' }] })).toEqual([400, { error: 'Bad Request', code: 400, message: '"not valid" is not a valid email address or domain' }]);
	});
});
