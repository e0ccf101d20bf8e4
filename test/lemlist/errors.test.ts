import { createServer } from 'node:net';

import { useLemlist } from './lemlist-env';

const { env, run: updateCampaign } = useLemlist({
	resource: 'campaign',
	operation: 'update',
	campaignId: { __rl: true, mode: 'id', value: 'cam_A1' },
	updateFields: { name: 'Renamed' },
});

/** Everything a run exposes (errors, items, run data) must be free of the key in any form. */
function expectNoSecret(value: unknown, key: string) {
	const text = JSON.stringify(value);
	expect(text).not.toContain(key);
	expect(text).not.toContain(Buffer.from(`:${key}`).toString('base64'));
	expect(text).not.toMatch(/authorization"?\s*:\s*"?basic/i);
}

describe('lemlist: bad input fails before any request', () => {
	it.each([
		[{ campaignId: { __rl: true, mode: 'id', value: '={{ $json.nothing }}' } }, 'Campaign (campaignId) is empty'],
		[{ campaignId: { __rl: true, mode: 'id', value: ' ' } }, 'Campaign (campaignId) is empty'],
		[{ updateFields: {} }, 'Nothing to update'],
		[{ updateFields: { name: '' }, tracking: {}, onReplied: {} }, 'Nothing to update'],
		[{ updateFields: { autoReviewConditions: '={{ ["deliverable", "maybe"] }}' } }, 'has an unknown value "maybe"; allowed values: deliverable, risky, undeliverable, unverified'],
		[{ updateFields: {}, onReplied: { campaignProgress: '={{ "halt" }}' } }, '"Campaign Progress" (onReplied.campaignProgress) has an unknown value "halt"; allowed values: continue, pause, stop'],
		[{ updateFields: { stopOnEmailReplied: '={{ "yes" }}' } }, '"Stop on Email Replied" (updateFields.stopOnEmailReplied) must be true or false, not "yes"'],
		[{ updateFields: { sendUserIds: '={{ [1, 2] }}' } }, '"Sender IDs" (updateFields.sendUserIds) must be a list of non-empty strings'],
	])('%j', async (parameters, message) => {
		const { error } = await updateCampaign({ parameters, items: [{ a: 1 }] });
		expect(error).toMatchObject({ name: 'NodeOperationError' });
		expect(error?.message).toContain(message);
		expect((error?.context as { itemIndex?: number })?.itemIndex).toBe(0);
		expect(env.mock.requests).toHaveLength(0);
	});

	it('names the failing item', async () => {
		const { error } = await updateCampaign({
			parameters: { updateFields: { autoReviewConditions: '={{ $json.conditions }}' } },
			items: [{ conditions: 'risky' }, { conditions: 'risky' }, { conditions: 'bogus' }],
		});
		expect(error?.message).toContain('"bogus"');
		expect((error?.context as { itemIndex?: number })?.itemIndex).toBe(2);
	});
});

describe('lemlist: API errors carry lemlist\'s own message', () => {
	it('401 for a wrong key, and the key is nowhere', async () => {
		const wrongKey = 'lem-wrong-key-987654';
		const { error, run } = await updateCampaign({ apiKey: wrongKey });
		expect(error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '401',
			message: 'lemlist answered 401: The authentication you supplied is incorrect',
		});
		expect(env.mock.requests[0].headers.authorization).toBe(`Basic ${Buffer.from(`:${wrongKey}`).toString('base64')}`);
		expectNoSecret(run, wrongKey);
	});

	it('404 "Campaign not found"', async () => {
		const { error } = await updateCampaign({ parameters: { campaignId: { __rl: true, mode: 'id', value: 'cam_nope' } } });
		expect(error).toMatchObject({ httpCode: '404', message: 'lemlist answered 404: Campaign not found' });
		expect(error?.description).toContain('PATCH /campaigns/cam_nope');
	});

	it('400 from lemlist\'s validation', async () => {
		const { error } = await updateCampaign({ parameters: { updateFields: { sendUserIds: 'bob' } } });
		expect(error?.httpCode).toBe('400');
		expect(error?.message).toMatch(/^lemlist answered 400: .*sendUserIds/);
		expect(env.mock.requests).toHaveLength(1);
	});

	it('400 for senders on a campaign with a dynamic sender strategy', async () => {
		const { error } = await updateCampaign({
			parameters: { campaignId: { __rl: true, mode: 'id', value: 'cam_DYN' }, updateFields: { sendUserIds: 'usr_2aBCdEfGHiJkLmNOp' } },
		});
		expect(error?.httpCode).toBe('400');
		expect(error?.message).toContain('Cannot update senders on campaigns with a dynamic sender strategy');
	});

	it('JSON error bodies of newer routes', async () => {
		env.mock.inject({ status: 404, body: { error: 'Campaign not found', code: 'CAMPAIGN_NOT_FOUND' } });
		const { error } = await updateCampaign();
		expect(error?.message).toBe('lemlist answered 404: Campaign not found (CAMPAIGN_NOT_FOUND)');
	});
});

describe('lemlist: rate limits and transient failures', () => {
	it('waits out a 429 for as long as Retry-After says, then retries', async () => {
		env.mock.inject({ status: 429, body: 'Too many requests', contentType: 'text/plain', headers: { 'Retry-After': '1' } });
		const { items, error } = await updateCampaign();
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ name: 'Renamed' });
		expect(env.mock.requests).toHaveLength(2);
		expect(env.mock.requests[1].at - env.mock.requests[0].at).toBeGreaterThanOrEqual(950);
	});

	it('waits until lemlist\'s reset date when there is no Retry-After', async () => {
		const reset = new Date(Date.now() + 1500).toString();
		env.mock.inject({ status: 429, body: 'Too many requests', contentType: 'text/plain', headers: { 'X-RateLimit-Reset': reset } });
		const { error } = await updateCampaign();
		expect(error).toBeUndefined();
		expect(env.mock.requests).toHaveLength(2);
		// The retry waited for the reset date (whole seconds); 5 ms for timer rounding.
		expect(env.mock.requests[1].at).toBeGreaterThanOrEqual(Date.parse(reset) - 5);
	});

	it('paces 45 items under 20 requests per 2 seconds without a single 429', async () => {
		const items = Array.from({ length: 45 }, (_, index) => ({ name: `Campaign ${index}` }));
		const { items: output, error } = await updateCampaign({ parameters: { updateFields: { name: '={{ $json.name }}' } }, items });
		expect(error).toBeUndefined();
		expect(output.map((item) => item.json.name)).toEqual(items.map((item) => item.name));
		expect(output.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		const times = env.mock.requests.map((request) => request.at);
		expect(times).toHaveLength(45); // one request per item: nothing answered 429, nothing resent
		for (let index = 20; index < times.length; index++) {
			expect(times[index] - times[index - 20]).toBeGreaterThanOrEqual(2000);
		}
	}, 20_000);

	it.each([
		['a 503', { status: 503, body: 'Service unavailable', contentType: 'text/plain' }],
		['an HTML 500 page', 'html500' as const],
		['a reset connection', 'reset' as const],
	])('retries %s and succeeds', async (_label, fault) => {
		env.mock.inject(fault as never, { times: 2 });
		const { items, error } = await updateCampaign();
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { name: 'Renamed' }, pairedItem: { item: 0 } }]);
		expect(env.mock.requests).toHaveLength(3);
	});

	it('fails clearly when lemlist cannot be reached, without the key', async () => {
		const port = await new Promise<number>((resolve) => {
			const server = createServer();
			server.listen(0, '127.0.0.1', () => {
				const { port: free } = server.address() as { port: number };
				server.close(() => resolve(free));
			});
		});
		const { error, run } = await updateCampaign({ baseUrl: `http://127.0.0.1:${port}/api` });
		expect(error).toMatchObject({ name: 'NodeApiError' });
		expect(error?.message).toBe('Could not reach lemlist: the connection was refused; check the Base URL of the credential');
		expectNoSecret(run, env.mock.apiKey);
	});
});

describe('lemlist: continue on fail', () => {
	it('gives an error item for the failing input and goes on with the rest', async () => {
		const { items, error, run } = await updateCampaign({
			continueOnFail: true,
			parameters: {
				campaignId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				updateFields: { name: '={{ $json.name }}', autoReviewConditions: '={{ $json.conditions }}' },
			},
			items: [
				{ id: 'cam_A1', name: 'One' },
				{ id: 'cam_nope', name: 'Two' },
				{ id: 'cam_B2', name: 'Three', conditions: 'sometimes' },
				{ id: 'cam_B2', name: 'Four' },
			],
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { name: 'One' }, pairedItem: { item: 0 } },
			{ json: expect.objectContaining({ error: 'lemlist answered 404: Campaign not found', httpCode: '404' }), pairedItem: { item: 1 } },
			{ json: expect.objectContaining({ error: expect.stringContaining('"sometimes"') }), pairedItem: { item: 2 } },
			{ json: { name: 'Four' }, pairedItem: { item: 3 } },
		]);
		expect(env.mock.requests).toHaveLength(3);
		expectNoSecret(run, env.mock.apiKey);
	});
});

describe('lemlist: the retry options of the node', () => {
	it('retries a request slower than the timeout, then succeeds', async () => {
		env.mock.inject({ delayMs: 1500 });
		const { items, error } = await updateCampaign({ parameters: { options: { timeoutSeconds: 0.3 } } });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ name: 'Renamed' });
		expect(env.mock.requests).toHaveLength(2);
	});

	it('stops after Max Retries with the last answer and the number of attempts', async () => {
		env.mock.inject({ status: 502, body: 'Bad gateway', contentType: 'text/plain' }, { times: 3 });
		const { error } = await updateCampaign({ parameters: { options: { maxRetries: 1 } } });
		expect(error).toMatchObject({ httpCode: '502', message: 'lemlist answered 502: Bad gateway' });
		expect(error?.description).toContain('after 2 attempts');
		expect(env.mock.requests).toHaveLength(2);
	});

	it('gives up on a 429 whose wait exceeds Max Wait per Item', async () => {
		env.mock.inject({ status: 429, body: 'Too many requests', contentType: 'text/plain', headers: { 'Retry-After': '30' } });
		const { error } = await updateCampaign({ parameters: { options: { maxWaitSeconds: 5 } } });
		expect(error).toMatchObject({ httpCode: '429', message: 'lemlist answered 429: Too many requests' });
		expect(env.mock.requests).toHaveLength(1);
	});

	it('times out without retries when asked, naming the timeout', async () => {
		env.mock.inject({ delayMs: 1500 });
		const { error, run } = await updateCampaign({ parameters: { options: { timeoutSeconds: 0.2, maxRetries: 0 } } });
		expect(error?.message).toBe('Could not reach lemlist: the request timed out');
		expectNoSecret(run, env.mock.apiKey);
	});
});
