import { request } from 'node:http';
import type {
	ICredentialType,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes } from 'n8n-workflow';

import { registerCredentialType, registerNodeType, runNode, shutdownEngine } from '../sandbox/engine';
import { startLemlistMock } from '../sandbox/providers/lemlist';
import type { LemlistMock } from '../sandbox/providers/lemlist';

class TestEchoApi implements ICredentialType {
	name = 'testEchoApi';
	displayName = 'Test Echo API';
	properties: ICredentialType['properties'] = [
		{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
	];
	authenticate: ICredentialType['authenticate'] = {
		type: 'generic',
		properties: { auth: { username: '', password: '={{$credentials.apiKey}}' } },
	};
}

class TestEcho implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Echo',
		name: 'echo',
		group: ['transform'],
		version: 1,
		description: 'GETs a path for each item',
		defaults: { name: 'Test Echo' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'testEchoApi', required: true }],
		properties: [
			{ displayName: 'Path', name: 'path', type: 'string', default: '/team' },
			{ displayName: 'Label', name: 'label', type: 'string', default: '' },
			{ displayName: 'Full Response', name: 'fullResponse', type: 'boolean', default: false },
			{ displayName: 'Ignore Status', name: 'ignoreStatus', type: 'boolean', default: false },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const credentials = await this.getCredentials('testEchoApi');
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const options: IHttpRequestOptions = {
					method: 'GET',
					url: `${credentials.baseUrl as string}${this.getNodeParameter('path', i) as string}`,
					json: true,
					returnFullResponse: this.getNodeParameter('fullResponse', i) as boolean,
					ignoreHttpStatusErrors: this.getNodeParameter('ignoreStatus', i) as boolean,
				};
				const response = await this.helpers.httpRequestWithAuthentication.call(this, 'testEchoApi', options);
				out.push({
					json: { response, label: this.getNodeParameter('label', i) as string },
					pairedItem: { item: i },
				});
			} catch (error) {
				if (this.continueOnFail()) {
					out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				throw new NodeApiError(this.getNode(), error as never, { itemIndex: i });
			}
		}
		return [out];
	}
}

registerCredentialType(new TestEchoApi());
registerNodeType('test.echo', new TestEcho());

let mock: LemlistMock;

beforeAll(async () => {
	mock = await startLemlistMock({});
});
afterEach(() => mock.reset());
afterAll(async () => {
	await mock.close();
	await shutdownEngine();
});

const echo = (parameters: Record<string, unknown>, extra: Partial<Parameters<typeof runNode>[0]> = {}) =>
	runNode({
		type: 'test.echo',
		parameters: parameters as never,
		credentials: { testEchoApi: { apiKey: mock.apiKey, baseUrl: mock.url } },
		...extra,
	});

/** Raw HTTP request to the mock (bypassing n8n) for testing the mock itself. */
function raw(method: string, path: string, opts: { key?: string | null; body?: unknown } = {}) {
	const key = opts.key === undefined ? mock.apiKey : opts.key;
	const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
	return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
		const req = request(
			`${mock.url}${path}`,
			{
				method,
				headers: {
					...(key === null ? {} : { Authorization: `Basic ${Buffer.from(':' + key).toString('base64')}` }),
					...(payload ? { 'Content-Type': 'application/json' } : {}),
				},
			},
			(res) => {
				let body = '';
				res.on('data', (c) => (body += c));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
			},
		);
		req.on('error', reject);
		req.end(payload);
	});
}

describe('engine harness', () => {
	it('runs a node per item with generic Basic auth, pairedItem and per-item expressions', async () => {
		const { items, error } = await echo(
			{ path: '/team', label: '={{ "hello " + $json.who }}' },
			{ items: [{ who: 'ada' }, { who: 'alan' }] },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json).toEqual({ response: { _id: 'tea_1', name: 'Acme' }, label: 'hello ada' });
		expect(items[1].json.label).toBe('hello alan');

		expect(mock.requests).toHaveLength(2);
		const expected = `Basic ${Buffer.from(':lem-test-key-123').toString('base64')}`;
		for (const r of mock.requests) {
			expect(r.method).toBe('GET');
			expect(r.path).toBe('/api/team');
			expect(r.headers.authorization).toBe(expected);
		}
	});

	it('reports a non-2xx answer as a run error (plain object)', async () => {
		const { items, error } = await echo({ path: '/campaigns/nope' });
		expect(items).toEqual([]);
		expect(error).toBeDefined();
		expect(error).not.toBeInstanceOf(Error);
		expect(error!.name).toBe('NodeApiError');
		expect(error!.httpCode).toBe('404');
	});

	it('continueOnFail gives an error item and goes on', async () => {
		mock.inject({ status: 503, body: 'Service down' }, { times: 1 });
		const { items, error } = await echo({ path: '/team' }, { items: [{}, {}], continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json.error).toEqual(expect.any(String));
		expect(items[1].json.response).toEqual({ _id: 'tea_1', name: 'Acme' });
	});

	it('supports returnFullResponse and ignoreHttpStatusErrors', async () => {
		const full = await echo({ path: '/team', fullResponse: true });
		const response = full.items[0].json.response as { statusCode: number; headers: Record<string, string>; body: unknown };
		expect(response.statusCode).toBe(200);
		expect(response.headers['x-ratelimit-limit']).toBe('20');
		expect(response.body).toEqual({ _id: 'tea_1', name: 'Acme' });

		const ignored = await echo({ path: '/campaigns/nope', fullResponse: true, ignoreStatus: true });
		expect(ignored.error).toBeUndefined();
		const r = ignored.items[0].json.response as { statusCode: number; body: unknown };
		expect(r.statusCode).toBe(404);
		expect(r.body).toBe('Campaign not found');
	});
});

describe('lemlist mock', () => {
	it('authenticates with Basic (empty user, key as password)', async () => {
		expect(await raw('GET', '/team', { key: null })).toMatchObject({ status: 400, body: 'No API key provided' });
		expect(await raw('GET', '/team', { key: 'wrong' })).toMatchObject({
			status: 401,
			body: 'The authentication you supplied is incorrect',
		});
		const ok = await raw('GET', '/team');
		expect(ok.status).toBe(200);
		expect(JSON.parse(ok.body)).toEqual({ _id: 'tea_1', name: 'Acme' });
		expect(ok.headers['retry-after']).toMatch(/^\d+$/);
		expect(ok.headers['x-ratelimit-remaining']).toBe('19');
		expect(String(ok.headers['x-ratelimit-reset'])).toMatch(/GMT/);
	});

	it('answers 429 with Retry-After after 20 quick requests', async () => {
		const answers = await Promise.all(Array.from({ length: 21 }, () => raw('GET', '/team')));
		const limited = answers.filter((a) => a.status === 429);
		expect(limited).toHaveLength(1);
		expect(limited[0].body).toBe('Too many requests');
		expect(Number(limited[0].headers['retry-after'])).toBeGreaterThanOrEqual(1);
		expect(Number(limited[0].headers['retry-after'])).toBeLessThanOrEqual(2);
	});

	it('validates PATCH /campaigns/:id strictly and echoes sent fields', async () => {
		let r = await raw('PATCH', '/campaigns/cam_A1', { body: { stopOnEmailReplied: 'yes' } });
		expect(r).toMatchObject({ status: 400, body: '"stopOnEmailReplied" must be a boolean' });
		expect(r.headers['content-type']).toMatch(/text\/plain/);
		r = await raw('PATCH', '/campaigns/cam_A1', { body: { tracking: { trackOpens: true, x: 1 } } });
		expect(r).toMatchObject({ status: 400, body: 'Unknown field "tracking.x"' });
		r = await raw('PATCH', '/campaigns/cam_A1', { body: { autoReviewConditions: ['risky', 'maybe'] } });
		expect(r.status).toBe(400);
		expect(r.body).toContain('"maybe"');
		r = await raw('PATCH', '/campaigns/cam_DYN', { body: { sendUserIds: ['usr_2aBCdEfGHiJkLmNOp'] } });
		expect(r.status).toBe(400);
		expect(r.body).toMatch(/^Cannot update senders on campaigns with a dynamic sender strategy/);
		r = await raw('PATCH', '/campaigns/a%2Fb', { body: { name: 'x' } });
		expect(r).toMatchObject({ status: 404, body: 'Campaign not found' });

		r = await raw('PATCH', '/campaigns/cam_A1', {
			body: { sendUserIds: ['usr_2aBCdEfGHiJkLmNOp'], tracking: { trackOpens: false } },
		});
		expect(r.status).toBe(200);
		expect(JSON.parse(r.body)).toEqual({
			sendUserIds: ['usr_2aBCdEfGHiJkLmNOp'],
			tracking: { trackOpens: false },
			sendUsers: [
				{
					id: 'usr_2aBCdEfGHiJkLmNOp',
					mailboxes: [{ sendUserMailboxId: 'smb_a1b2c3', email: 'grace@acme.test' }],
					phoneNumbers: [],
					whatsappAccountIds: [],
				},
			],
		});
		await raw('PATCH', '/campaigns/cam_A1', { body: { tracking: { trackClicks: true } } });
		expect(mock.state.campaigns.get('cam_A1')!.settings.tracking).toEqual({ trackOpens: false, trackClicks: true });
	});

	it('pages GET /campaigns?version=v2', async () => {
		const p1 = JSON.parse((await raw('GET', '/campaigns?version=v2&limit=100&page=1')).body);
		expect(p1.campaigns).toHaveLength(100);
		expect(p1.pagination).toEqual({ totalRecords: 130, currentPage: 1, nextPage: 2, totalPage: 2 });
		const p2 = JSON.parse((await raw('GET', '/campaigns?version=v2&limit=100&page=2')).body);
		expect(p2.campaigns).toHaveLength(30);
		expect(p2.pagination.nextPage).toBeNull();
		expect(Array.isArray(JSON.parse((await raw('GET', '/campaigns?limit=5')).body))).toBe(true);
		expect((await raw('GET', '/campaigns?version=v2&limit=101')).status).toBe(400);
	});

	it('updates leads and reports graveyard / missing leads', async () => {
		let r = await raw('PATCH', '/campaigns/cam_A1/leads/lea_1', { body: { firstName: 'Ada B.' } });
		expect(JSON.parse(r.body)).toEqual({ _id: 'lea_1', campaignId: 'cam_A1', firstName: 'Ada B.' });
		r = await raw('PATCH', '/campaigns/cam_A1/leads/lea_GRAVE', { body: { firstName: 'x' } });
		expect(r).toMatchObject({ status: 500, body: 'Lead in graveyard' });
		r = await raw('PATCH', '/campaigns/cam_A1/leads/lea_nope', { body: { firstName: 'x' } });
		expect(r).toMatchObject({ status: 404, body: 'Lead not found' });
		r = await raw('PATCH', '/campaigns/cam_A1/leads/lea_1', { body: { email: 'x' } });
		expect(r).toMatchObject({ status: 400, body: 'Unknown field "email"' });
	});

	it('injects faults in order, then answers normally', async () => {
		mock.inject('reset');
		mock.inject('html500');
		await expect(raw('GET', '/team')).rejects.toThrow(/socket hang up|ECONNRESET/);
		const html = await raw('GET', '/team');
		expect(html.status).toBe(500);
		expect(html.headers['content-type']).toMatch(/text\/html/);
		expect((await raw('GET', '/team')).status).toBe(200);
		expect(mock.requests).toHaveLength(3);
	});
});
