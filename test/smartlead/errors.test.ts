import { createServer } from 'node:net';

import { json, type Fault } from '../../sandbox/providers/http-mock';
import { campaign, expectNoSecret, useSmartlead } from './smartlead-env';

const { env, run } = useSmartlead({
	resource: 'campaign',
	operation: 'update',
	campaignId: campaign(101),
	updateFields: { name: 'Renamed' },
});

async function freePort(): Promise<number> {
	return await new Promise<number>((resolve) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

describe('Smartlead: the three error shapes carry Smartlead\'s own message', () => {
	it('{"message"} on a 401', async () => {
		const { error } = await run({ apiKey: 'sl_not-the-key-4242' });
		expect(error).toMatchObject({ name: 'NodeApiError', httpCode: '401', message: 'Smartlead answered 401: Invalid API Key' });
	});

	it('{"error": "..."} on a 400 from the validator', async () => {
		env.mock.inject(json(400, { error: 'Invalid track_settings value - X' }));
		const { error } = await run();
		expect(error).toMatchObject({ httpCode: '400', message: 'Smartlead answered 400: Invalid track_settings value - X' });
		expect(error?.description).toBe('POST /campaigns/101/settings was refused. Smartlead said: Invalid track_settings value - X');
	});

	it('{"error": {"code", "message"}} on a 429 that asks for longer than the item may wait', async () => {
		env.mock.inject(
			json(429, { error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded', retry_after: 30 } }, { 'Retry-After': '30' }),
		);
		const { error } = await run({ parameters: { options: { maxWaitSeconds: 5 } } });
		expect(error).toMatchObject({ httpCode: '429', message: 'Smartlead answered 429: Rate limit exceeded (RATE_LIMIT_EXCEEDED)' });
		expect(env.mock.requests).toHaveLength(1);
	});
});

describe('Smartlead: the key travels in the URL and never comes out', () => {
	type Scenario = {
		fault?: Fault;
		times?: number;
		apiKey?: string;
		refused?: boolean;
		parameters?: Record<string, unknown>;
		message: string;
		httpCode?: string;
	};
	const scenarios: Array<[string, Scenario]> = [
		['a 401', { apiKey: 'sl_wrong-0e1f2a3b-4c5d', message: 'Smartlead answered 401: Invalid API Key', httpCode: '401' }],
		['a 404', { parameters: { campaignId: campaign(999) }, message: 'Smartlead answered 404: Campaign not found - Invalid campaign_id.', httpCode: '404' }],
		['a 400', { fault: json(400, { error: 'Invalid stop_lead_settings value - X' }), message: 'Smartlead answered 400: Invalid stop_lead_settings value - X', httpCode: '400' }],
		[
			'a 500 after the retries',
			{
				fault: json(500, { message: 'Internal server error' }),
				times: 2,
				parameters: { options: { maxRetries: 1 } },
				message: 'Smartlead answered 500: Internal server error',
				httpCode: '500',
			},
		],
		['a refused connection', { refused: true, message: 'Could not reach Smartlead: the connection was refused; check the Base URL of the credential' }],
		[
			'a timeout',
			{ fault: { delayMs: 1500 }, parameters: { options: { timeoutSeconds: 0.2, maxRetries: 0 } }, message: 'Could not reach Smartlead: the request timed out' },
		],
	];

	const setUp = async (scenario: Scenario) => {
		if (scenario.fault) env.mock.inject(scenario.fault, { times: scenario.times ?? 1 });
		const baseUrl = scenario.refused ? `http://127.0.0.1:${await freePort()}/api/v1` : undefined;
		return { baseUrl, apiKey: scenario.apiKey, parameters: scenario.parameters };
	};
	const keyOf = (scenario: Scenario) => scenario.apiKey ?? env.mock.apiKey;

	it.each(scenarios)('%s fails the node with an error free of the key', async (_label, scenario) => {
		const { error, run: workflowRun } = await run(await setUp(scenario));
		expect(error).toMatchObject({ name: 'NodeApiError', message: scenario.message });
		if (scenario.httpCode) expect(error?.httpCode).toBe(scenario.httpCode);
		if (!scenario.refused) expect(env.mock.requests[0].query.api_key).toBe(keyOf(scenario));
		expectNoSecret(error, keyOf(scenario));
		expectNoSecret(workflowRun, keyOf(scenario));
		expectNoSecret(String((error as { stack?: string })?.stack), keyOf(scenario));
	});

	it.each(scenarios)('%s gives, with continue-on-fail, an error item free of the key', async (_label, scenario) => {
		const { items, error, run: workflowRun } = await run({ ...(await setUp(scenario)), continueOnFail: true, items: [{ n: 1 }] });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: expect.objectContaining({ error: scenario.message }), pairedItem: { item: 0 } }]);
		if (scenario.httpCode) expect(items[0].json.httpCode).toBe(scenario.httpCode);
		expectNoSecret(items, keyOf(scenario));
		expectNoSecret(workflowRun, keyOf(scenario));
	});
});

describe('Smartlead: continue on fail', () => {
	it('gives an error item for each failing input, goes on with the rest and keeps the pairing', async () => {
		const { items, error, run: workflowRun } = await run({
			continueOnFail: true,
			parameters: {
				campaignId: campaign('={{ $json.id }}'),
				updateFields: { name: '={{ $json.name }}', stop_lead_settings: '={{ $json.stop }}' },
			},
			items: [
				{ id: 101, name: 'One' },
				{ id: 999, name: 'Two' },
				{ id: 'abc', name: 'Three' },
				{ id: 102, name: 'Four', stop: 'WHEN_BORED' },
				{ id: 103, name: 'Five', stop: 'CLICKED_LINK' },
			],
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { ok: true, campaignId: 101 }, pairedItem: { item: 0 } },
			{ json: expect.objectContaining({ error: 'Smartlead answered 404: Campaign not found - Invalid campaign_id.', httpCode: '404' }), pairedItem: { item: 1 } },
			{ json: expect.objectContaining({ error: 'Campaign (campaignId) must be a number, not "abc"' }), pairedItem: { item: 2 } },
			{ json: expect.objectContaining({ error: expect.stringContaining('has an unknown value "WHEN_BORED"') }), pairedItem: { item: 3 } },
			{ json: { ok: true, campaignId: 103 }, pairedItem: { item: 4 } },
		]);
		expect(env.mock.requests.map((request) => request.path).sort()).toEqual([
			'/api/v1/campaigns/101/settings',
			'/api/v1/campaigns/103/settings',
			'/api/v1/campaigns/999/settings',
		]);
		expect(env.mock.requests.find((request) => request.path.includes('/103/'))?.body).toEqual({ name: 'Five', stop_lead_settings: 'CLICK_ON_A_LINK' });
		expectNoSecret(workflowRun, env.mock.apiKey);
	});

	it('without continue-on-fail, stops at the first failing item with its index', async () => {
		const { error } = await run({
			parameters: { campaignId: campaign('={{ $json.id }}') },
			items: [{ id: 101 }, { id: 'x1' }, { id: 102 }],
		});
		expect(error?.message).toBe('Campaign (campaignId) must be a number, not "x1"');
		expect((error?.context as { itemIndex?: number })?.itemIndex).toBe(1);
	});
});
