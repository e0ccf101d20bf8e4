import { json } from '../../sandbox/providers/http-mock';
import { EMAIL_ACCOUNT_COUNT } from '../../sandbox/providers/smartlead';
import { useSmartlead } from './smartlead-env';

const { env, run } = useSmartlead({ resource: 'emailAccount', operation: 'getAll' });

const pages = () => env.mock.requests.map((request) => [request.path, request.query.offset, request.query.limit]);

describe('Smartlead Email Account → Get Many', () => {
	it('reads every account page by page (100 at most), until a short page', async () => {
		const { items, error } = await run({ parameters: { returnAll: true } });
		expect(error).toBeUndefined();
		expect(pages()).toEqual([
			['/api/v1/email-accounts/', '0', '100'],
			['/api/v1/email-accounts/', '100', '100'],
		]);
		expect(env.mock.requests.every((request) => request.query.api_key === env.mock.apiKey)).toBe(true);
		expect(items).toHaveLength(EMAIL_ACCOUNT_COUNT);
		expect(items[0]).toEqual({ json: expect.objectContaining({ id: 7001, from_email: 'maya.0@send0.acme.test', type: 'GMAIL', warmup_details: expect.objectContaining({ status: 'INACTIVE' }) }), pairedItem: { item: 0 } });
		expect(new Set(items.map((item) => item.json.id)).size).toBe(EMAIL_ACCOUNT_COUNT);
	});

	it('never outputs the SMTP and IMAP passwords Smartlead includes', async () => {
		const { items } = await run({ parameters: { returnAll: true } });
		const text = JSON.stringify(items);
		expect(text).not.toContain('sl-mailbox-secret');
		expect(Object.keys(items[0].json).filter((key) => /password/i.test(key))).toEqual([]);
		expect(items[0].json).toHaveProperty('imap_host', 'imap.acme.test');
	});

	it.each([
		[5, [['/api/v1/email-accounts/', '0', '5']]],
		[100, [['/api/v1/email-accounts/', '0', '100']]],
		[101, [['/api/v1/email-accounts/', '0', '100'], ['/api/v1/email-accounts/', '100', '1']]],
	])('with a limit of %i, asks only for what it needs', async (limit, expected) => {
		const { items } = await run({ parameters: { returnAll: false, limit } });
		expect(items).toHaveLength(limit);
		expect(pages()).toEqual(expected);
	});

	it('reads a list wrapped as {data: [...]}, and fails naming what an answer without a list had', async () => {
		env.mock.inject(json(200, { data: [{ id: 1, from_email: 'a@acme.test', password: 'x' }] }));
		const wrapped = await run({ parameters: { returnAll: true } });
		expect(wrapped.items.map((item) => item.json)).toEqual([{ id: 1, from_email: 'a@acme.test' }]);
		env.mock.inject(json(200, { ok: true, accounts: 'none' }));
		const odd = await run({ parameters: { returnAll: true } });
		expect(odd.error).toMatchObject({ message: 'Smartlead answered GET /email-accounts/ without a list' });
		expect(odd.error?.description).toContain('the answer had: ok, accounts');
	});

	it('refuses a limit that is not a whole number before any request', async () => {
		const { error } = await run({ parameters: { returnAll: false, limit: '={{ "ten" }}' } });
		expect(error?.message).toBe('Limit (limit) must be a whole number of at least 1, not "ten"');
		expect(env.mock.requests).toHaveLength(0);
	});
});
