import { SendKitOutreachApi } from '../../credentials/SendKitOutreachApi.credentials';
import { SENDKIT_SEED } from '../../sandbox/providers/sendkit';
import { expectNoSecret, useSendKit } from './sendkit-env';

const { env, run, platform } = useSendKit({
	resource: 'campaignLead',
	operation: 'update',
	campaignId: { __rl: true, mode: 'id', value: SENDKIT_SEED.campaignId },
	campaignLeadId: SENDKIT_SEED.campaignLeadId,
	updateFields: { status: 'paused' },
});
const [workspaceOne, workspaceTwo] = SENDKIT_SEED.workspaceIds;

describe('SendKit: the two kinds of key', () => {
	it('a workspace key (sk_…) sends X-Api-Key and no X-Workspace-Id', async () => {
		const { error } = await run();
		expect(error).toBeUndefined();
		const { headers } = env.mock.requests[0];
		expect(headers['x-api-key']).toBe(SENDKIT_SEED.workspaceKey);
		expect(headers).not.toHaveProperty('x-workspace-id');
	});

	it('a workspace key never sends a Workspace ID left in the credential', async () => {
		const { error } = await run({ credential: { workspaceId: workspaceOne } });
		expect(error).toBeUndefined();
		expect(env.mock.requests[0].headers).not.toHaveProperty('x-workspace-id');
	});

	it('a platform key (sk_user_…) sends X-Api-Key and X-Workspace-Id', async () => {
		const { items, error } = await run({ credential: platform() });
		expect(error).toBeUndefined();
		expect(env.mock.requests[0].headers).toMatchObject({ 'x-api-key': SENDKIT_SEED.platformKey, 'x-workspace-id': workspaceOne });
		expect(items[0].json).toMatchObject({ _id: SENDKIT_SEED.campaignLeadId, status: 'paused' });
	});

	it('a platform key without a Workspace ID fails before any request, saying so', async () => {
		const { error, run: execution } = await run({ credential: platform('  ') });
		expect(error).toMatchObject({ name: 'NodeOperationError' });
		expect(error?.message).toBe(
			'This SendKit credential holds a platform API key (sk_user_…), which needs a Workspace ID: add the Workspace ID to the credential, or use a workspace API key (sk_…) instead',
		);
		expect(env.mock.requests).toHaveLength(0);
		expectNoSecret(execution, SENDKIT_SEED.platformKey);
	});

	it('a platform key acts in the workspace it names: another workspace does not see the campaign', async () => {
		const { error } = await run({ credential: platform(workspaceTwo) });
		expect(error).toMatchObject({ httpCode: '404', message: 'SendKit answered 404: Campaign not found' });
		expect(env.mock.requests[0].headers['x-workspace-id']).toBe(workspaceTwo);
	});

	it('the credential test (GET /v1/workspaces) goes through the same headers', async () => {
		const credential = new SendKitOutreachApi();
		expect(credential.test.request).toMatchObject({ url: '/v1/workspaces' });
		const call = async (apiKey: string, workspaceId: string) => {
			const options = await credential.authenticate(
				{ apiKey, workspaceId, baseUrl: env.mock.url },
				{ url: `${env.mock.url}${credential.test.request.url}`, method: 'GET' },
			);
			const response = await fetch(options.url, { headers: options.headers as Record<string, string> });
			return { status: response.status, body: (await response.json()) as { data?: Array<{ _id: string }> } };
		};
		const workspace = await call(SENDKIT_SEED.workspaceKey, workspaceOne);
		expect(workspace.status).toBe(200);
		expect(workspace.body.data?.map((entry) => entry._id)).toEqual([workspaceOne]);
		const user = await call(SENDKIT_SEED.platformKey, workspaceTwo);
		expect(user.status).toBe(200);
		expect(user.body.data).toHaveLength(2);
		expect((await call('sk_live_wrong', '')).status).toBe(401);
		expect(env.mock.requests.map((request) => request.headers['x-workspace-id'])).toEqual([undefined, workspaceTwo, undefined]);
	});
});

describe('SendKit: errors carry SendKit\'s own message, never the key', () => {
	it('401 for an unknown key', async () => {
		const wrongKey = 'sk_live_n0tAR3alKey42';
		const { error, run: execution } = await run({ credential: { apiKey: wrongKey } });
		expect(error).toMatchObject({ name: 'NodeApiError', httpCode: '401', message: 'SendKit answered 401: Invalid API key' });
		expect(env.mock.requests[0].headers['x-api-key']).toBe(wrongKey);
		expectNoSecret(execution, wrongKey);
	});

	it('403 for a platform key naming a workspace it has no access to', async () => {
		const { error, run: execution } = await run({ credential: platform('664f000000000000000000ff') });
		expect(error).toMatchObject({ httpCode: '403', message: 'SendKit answered 403: You do not have access to this workspace' });
		expectNoSecret(execution, SENDKIT_SEED.platformKey);
	});

	it('the server refuses the header rules the credential keeps (403 and 400)', async () => {
		const { mock } = env;
		const send = async (headers: Record<string, string>) =>
			await fetch(`${mock.url}/v1/tags`, { headers }).then(async (response) => [response.status, await response.json()]);
		expect(await send({ 'X-Api-Key': SENDKIT_SEED.platformKey })).toEqual([
			403,
			{ error: 'Forbidden', message: 'X-Workspace-Id header is required when using a platform API key', code: 403 },
		]);
		expect(await send({ 'X-Api-Key': SENDKIT_SEED.workspaceKey, 'X-Workspace-Id': workspaceOne })).toEqual([
			400,
			expect.objectContaining({ error: 'Bad Request', code: 400, message: expect.stringContaining('must not be sent with a workspace API key') }),
		]);
	});

	it('waits out a 429 for as long as Retry-After says, then retries', async () => {
		env.mock.inject({ status: 429, body: { error: 'Too Many Requests', message: 'Rate limit exceeded', code: 429 }, headers: { 'Retry-After': '1' } });
		const { items, error } = await run();
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ status: 'paused' });
		expect(env.mock.requests).toHaveLength(2);
		expect(env.mock.requests[1].at - env.mock.requests[0].at).toBeGreaterThanOrEqual(950);
	});

	it('keeps under the pace set in the credential, so SendKit\'s own limit is never hit', async () => {
		env.mock.setRateLimit(4, 1000);
		const items = Array.from({ length: 9 }, (_, index) => ({ index }));
		const { items: output, error } = await run({
			credential: { maxRequestsPerSecond: 4 },
			parameters: { updateFields: { status: '={{ $json.index % 2 ? "active" : "paused" }}' } },
			items,
		});
		expect(error).toBeUndefined();
		expect(output.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(env.mock.requests).toHaveLength(9); // nothing answered 429, nothing resent
		const times = env.mock.requests.map((request) => request.at);
		for (let index = 4; index < times.length; index++) expect(times[index] - times[index - 4]).toBeGreaterThanOrEqual(1000);
	}, 15_000);

	it('retries a 5xx and succeeds', async () => {
		env.mock.inject({ status: 503, body: { error: 'Service Unavailable', message: 'Try again', code: 503 } }, { times: 2 });
		const { items, error } = await run();
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(env.mock.requests).toHaveLength(3);
	});

	it('gives up on a lasting 5xx with SendKit\'s words and the number of attempts', async () => {
		env.mock.inject({ status: 502, body: { error: 'Bad Gateway', message: 'Upstream unavailable', code: 502 } }, { times: 5 });
		const { error } = await run({ parameters: { options: { maxRetries: 1 } } });
		expect(error).toMatchObject({ httpCode: '502', message: 'SendKit answered 502: Upstream unavailable' });
		expect(error?.description).toContain('after 2 attempts');
	});
});

describe('SendKit: continue on fail', () => {
	it('gives an error item for each failing input, paired, and goes on with the rest', async () => {
		const { items, error, run: execution } = await run({
			continueOnFail: true,
			parameters: {
				campaignLeadId: '={{ $json.id }}',
				updateFields: { status: '={{ $json.status }}', aiTag: '={{ $json.tag }}' },
			},
			items: [
				{ id: SENDKIT_SEED.campaignLeadId, status: 'paused' },
				{ id: SENDKIT_SEED.campaignLeadId, status: 'bounced' },
				{ id: 'nope', status: 'active' },
				{ id: SENDKIT_SEED.campaignLeadId, tag: 'Unknown tag' },
				{ id: SENDKIT_SEED.interestedLeadId, status: 'active' },
			],
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: expect.objectContaining({ _id: SENDKIT_SEED.campaignLeadId, status: 'paused' }), pairedItem: { item: 0 } },
			{ json: expect.objectContaining({ error: expect.stringContaining('allowed values: active, paused') }), pairedItem: { item: 1 } },
			{ json: expect.objectContaining({ error: 'SendKit answered 404: Campaign lead not found', httpCode: '404' }), pairedItem: { item: 2 } },
			{ json: expect.objectContaining({ error: expect.stringContaining('SendKit answered 400: aiTag "Unknown tag"'), httpCode: '400' }), pairedItem: { item: 3 } },
			{ json: expect.objectContaining({ _id: SENDKIT_SEED.interestedLeadId, status: 'active' }), pairedItem: { item: 4 } },
		]);
		expect(env.mock.requests).toHaveLength(4);
		expectNoSecret(execution, SENDKIT_SEED.workspaceKey);
	});
});
