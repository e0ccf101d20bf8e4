import type { RecordedRequest } from '../../sandbox/providers/http-mock';
import { useLemlist } from './lemlist-env';

const { env, run } = useLemlist({ resource: 'doNotContact' });

const wire = (request: RecordedRequest) => ({ method: request.method, path: request.path, query: request.query, body: request.body });

const dnc = async (operation: string, parameters: Record<string, unknown>, extra: { items?: object[]; continueOnFail?: boolean } = {}) =>
	await run({ parameters: { operation, ...parameters }, ...extra });

/** Puts `count` entries on the stand-in's unsubscribe list. */
function fillList(count: number) {
	for (let n = 1; n <= count; n++) {
		const value = `dnc${String(n).padStart(3, '0')}@example.net`;
		env.mock.state.unsubscribes.set(value, { _id: `uns_${String(n).padStart(17, '0')}`, value, createdAt: '2024-06-01T00:00:00.000Z', source: 'user' });
	}
}

describe('lemlist Do-Not-Contact List → Add', () => {
	it('an address: POST /unsubscribes/{email}; lemlist\'s record plus value and status; the address\'s leads stop', async () => {
		const { items, error } = await dnc('add', { value: ' Ada@Example.com ' });
		expect(error).toBeUndefined();
		expect(env.mock.requests.map(wire)).toEqual([{ method: 'POST', path: '/api/unsubscribes/ada%40example.com', query: {}, body: '' }]);
		expect(items).toEqual([
			{ json: { _id: 'uns_00000000000000001', value: 'ada@example.com', email: 'ada@example.com', status: 'added' }, pairedItem: { item: 0 } },
		]);
		expect(env.mock.state.leads.get('lea_1')?.state).toBe('emailsUnsubscribed');
	});

	it('a domain, bare or as lemlist lists it: sent as "@domain", the item gives the domain back', async () => {
		const { items } = await dnc('add', { value: '={{ $json.value }}' }, { items: [{ value: 'Competitor.example' }, { value: '@rival.example' }] });
		expect(env.mock.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			'POST /api/unsubscribes/%40competitor.example',
			'POST /api/unsubscribes/%40rival.example',
		]);
		expect(items.map((item) => [item.json.value, item.json.status, item.pairedItem])).toEqual([
			['competitor.example', 'added', { item: 0 }],
			['rival.example', 'added', { item: 1 }],
		]);
		expect([...env.mock.state.unsubscribes.keys()]).toEqual(['@competitor.example', '@rival.example']);
	});

	it('anything but an address or a domain fails its item before any request, naming the parameter', async () => {
		const values = ['not an address', 'ada@', 'https://example.com', '<script>alert(1)</script>', '12345', '   ', 42, null, 'fine@example.com'];
		const { items } = await dnc('add', { value: '={{ $json.value }}' }, { items: values.map((value) => ({ value })), continueOnFail: true });
		expect(items.map((item) => item.json.error ?? item.json.status)).toEqual([
			'Email or Domain (value) must be an email address (ada@example.com) or a domain (example.com), not "not an address"',
			'Email or Domain (value) must be an email address (ada@example.com) or a domain (example.com), not "ada@"',
			'Email or Domain (value) must be an email address (ada@example.com) or a domain (example.com), not "https://example.com"',
			'Email or Domain (value) must be an email address (ada@example.com) or a domain (example.com), not "<script>alert(1)</script>"',
			'Email or Domain (value) must be an email address (ada@example.com) or a domain (example.com), not "12345"',
			'Email or Domain (value) is empty',
			'Email or Domain (value) must be text, not 42',
			'Email or Domain (value) is empty',
			'added',
		]);
		expect(env.mock.requests).toHaveLength(1);
	});
});

describe('lemlist Do-Not-Contact List → Remove', () => {
	it('DELETE /unsubscribes/{value}: the entry is gone, the item says removed', async () => {
		await dnc('add', { value: 'ada@example.com' });
		await dnc('add', { value: 'competitor.example' });
		env.mock.requests.length = 0;

		const { items } = await dnc('remove', { value: '={{ $json.value }}' }, { items: [{ value: 'ADA@example.com' }, { value: 'competitor.example' }] });
		expect(env.mock.requests.map(wire)).toEqual([
			{ method: 'DELETE', path: '/api/unsubscribes/ada%40example.com', query: {}, body: '' },
			{ method: 'DELETE', path: '/api/unsubscribes/%40competitor.example', query: {}, body: '' },
		]);
		expect(items.map((item) => item.json)).toEqual([
			{ _id: 'uns_00000000000000001', value: 'ada@example.com', status: 'removed' },
			{ _id: 'uns_00000000000000002', value: 'competitor.example', status: 'removed' },
		]);
		expect(env.mock.state.unsubscribes.size).toBe(0);
	});

	it('a value that is not on the list is skipped, with the reason, and not tried again', async () => {
		const { items, error } = await dnc('remove', { value: 'nobody@example.com' });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { value: 'nobody@example.com', status: 'skipped', reason: 'not on the unsubscribe list' }, pairedItem: { item: 0 } }]);
		expect(env.mock.requests).toHaveLength(1);
	});

	it('another 404 (an API key lemlist does not know) still fails the item', async () => {
		env.mock.inject({ status: 404, body: 'No user found for this API key', contentType: 'text/plain' });
		const { error } = await dnc('remove', { value: 'nobody@example.com' });
		expect(error).toMatchObject({ httpCode: '404', message: 'lemlist answered 404: No user found for this API key' });
	});
});

describe('lemlist Do-Not-Contact List → Get Many', () => {
	it('an empty list: one request, no items', async () => {
		const { items } = await dnc('getAll', { returnAll: true });
		expect(env.mock.requests.map(wire)).toEqual([{ method: 'GET', path: '/api/unsubscribes', query: { offset: '0', limit: '100' }, body: '' }]);
		expect(items).toEqual([]);
	});

	it('Return All: pages of 100 by offset until a short page; one item per entry as lemlist gives it', async () => {
		fillList(250);
		const { items } = await dnc('getAll', { returnAll: true });
		expect(env.mock.requests.map((request) => request.query)).toEqual([
			{ offset: '0', limit: '100' },
			{ offset: '100', limit: '100' },
			{ offset: '200', limit: '100' },
		]);
		expect(items).toHaveLength(250);
		expect(items[0]).toEqual({
			json: { _id: 'uns_00000000000000001', createdAt: '2024-06-01T00:00:00.000Z', value: 'dnc001@example.net', source: 'user' },
			pairedItem: { item: 0 },
		});
		expect(items[249].json.value).toBe('dnc250@example.net');
	});

	it('a list of exactly one page asks once more and stops at the empty page', async () => {
		fillList(100);
		const { items } = await dnc('getAll', { returnAll: true });
		expect(env.mock.requests.map((request) => request.query.offset)).toEqual(['0', '100']);
		expect(items).toHaveLength(100);
	});

	it('a limit asks for no more than it needs', async () => {
		fillList(250);
		const first = await dnc('getAll', { returnAll: false, limit: 120 });
		expect(first.items.map((item) => item.json.value)).toEqual(Array.from({ length: 120 }, (_, n) => `dnc${String(n + 1).padStart(3, '0')}@example.net`));
		expect(env.mock.requests.map((request) => request.query)).toEqual([
			{ offset: '0', limit: '100' },
			{ offset: '100', limit: '20' },
		]);
	});

	it('what Add puts on the list shows up, domains as lemlist keeps them', async () => {
		await dnc('add', { value: 'competitor.example' });
		const { items } = await dnc('getAll', { returnAll: true });
		expect(items.map((item) => item.json.value)).toEqual(['@competitor.example']);
	});

	it('an answer that is not a list fails the item with a message saying so', async () => {
		env.mock.inject({ status: 200, body: { unsubscribes: [] }, contentType: 'application/json' });
		const { error } = await dnc('getAll', { returnAll: true });
		expect(error?.message).toBe('lemlist answered the unsubscribe list with something other than a list');
	});
});
