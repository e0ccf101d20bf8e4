import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { McpClient, textOf, type McpTool, type McpToolResult } from '../../sandbox/mcp-client';
import { freePort, N8nInstance, root, waitFor, type N8nServer } from '../../sandbox/n8n';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';

/**
 * The Outreach node as agent tools in a real n8n: the agent example (examples/agent) puts Outreach
 * tool nodes behind an MCP Server Trigger, and a scripted MCP client, standing in for the model, lists
 * the tools and calls them over Streamable HTTP. What is checked is what a client sees (the tools,
 * their input schemas, the results) and what the providers receive, request by request; execution
 * records are not, as n8n 2.8 and 2.41 record refused calls differently.
 * MCP_E2E_DEBUG=1 shows n8n's log, the tools and each call.
 */
const example = JSON.parse(readFileSync(join(root, 'examples', 'agent', 'outreach-reply-triage-mcp.json'), 'utf8')) as {
	id: string;
	nodes: Array<{ name: string; type: string; parameters: Record<string, unknown> }>;
};
const trigger = example.nodes.find((node) => node.type === '@n8n/n8n-nodes-langchain.mcpTrigger')!;

let sandbox: Sandbox;
let n8n: N8nInstance;
let server: N8nServer;
let client: McpClient;

/** The provider requests since `from`, one line each: what was asked, its body if any, and the answer's status. */
const wire = (from: number) =>
	sandbox.requests
		.slice(from)
		.map(({ provider, method, path, body, status }) => `${provider} ${method} ${path}${body === undefined ? '' : ` ${JSON.stringify(body)}`} ${status}`);

/** Calls a tool; answers its result and the provider requests it caused. */
async function call(name: string, args: Record<string, unknown>) {
	const from = sandbox.requests.length;
	const result = await client.callTool(name, args);
	if (process.env.MCP_E2E_DEBUG) console.log(name, JSON.stringify(args), JSON.stringify(result).slice(0, 1500), wire(from));
	return { result, requests: wire(from) };
}

/** The tool's items: the Outreach node's output, as JSON text in the result. */
const itemsOf = (result: McpToolResult) => {
	expect(result.isError).toBeFalsy();
	return JSON.parse(textOf(result)) as Array<Record<string, unknown>>;
};

// As a tool the node simplifies by default (its Simplify is on in the …Tool variant): no `raw`, the agent's context spared.
const LEAD_KEYS = ['campaignId', 'companyName', 'email', 'firstName', 'lastName', 'leadId', 'provider', 'providerStatus', 'status'];

const PROVIDERS = [
	{
		label: 'lemlist',
		campaign: 'The lemlist campaign ID, such as cam_aBcDeFgHiJkLmNoPq',
		lead: 'The email address of the lead (or its lemlist lead ID, lea_...)',
	},
	{
		label: 'Smartlead',
		campaign: 'The Smartlead campaign ID, a number such as 1234567',
		lead: 'The email address of the lead (or its Smartlead lead ID, a number)',
	},
	{
		label: 'SendKit',
		campaign: 'The SendKit campaign ID, 24 hexadecimal characters such as 665a1b2c3d4e5f6a7b8c9d0e',
		lead: 'The email address of the lead (or its SendKit campaign lead ID)',
	},
];
const ACTIONS = ['Find %s lead', 'Pause %s lead', 'Mark %s lead interested', 'Mark %s lead not interested'];

beforeAll(async () => {
	sandbox = await startSandbox();
	n8n = await N8nInstance.create();
	// The pack is copied from dist/ as it is: a dist built for another package.json (a node listed there
	// but not built yet) makes n8n skip the whole package, and the tools' type is then unknown.
	const pack = join(n8n.userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-outreach');
	const { n8n: listed } = JSON.parse(readFileSync(join(pack, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
	const unbuilt = [...listed.nodes, ...listed.credentials].filter((file) => !existsSync(join(pack, file)));
	if (unbuilt.length) throw new Error(`The copied pack lacks ${unbuilt.join(', ')}: run npm run build`);
	await n8n.importCredentials(sandbox.credentials());
	await n8n.importWorkflow(example);
	await n8n.publish(example.id);
	const port = await freePort();
	server = n8n.startServer(port, { quiet: !process.env.MCP_E2E_DEBUG });
	await server.ready();
	const url = `http://127.0.0.1:${port}/mcp/${String(trigger.parameters.path)}`;
	// 404 until n8n has activated the workflow; then a bare POST gets 406 (its Accept lacks text/event-stream).
	await waitFor('the MCP Server Trigger to be served', async () => {
		const probe = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
		await probe.text();
		return probe.status === 404 ? undefined : probe.status;
	});
	client = await McpClient.connect(url);
});

afterAll(async () => {
	await client?.close().catch(() => undefined);
	await server?.stop();
	n8n?.dispose();
	await sandbox?.close();
});

describe('the agent example: Outreach tools behind an MCP Server Trigger, called by a scripted MCP client', () => {
	it('lists one tool per Outreach tool node, named after it, whose input schema is its $fromAI parameters', async () => {
		expect(client.serverName).toBe('MCP_Server_Trigger');
		const tools = await client.listTools();
		if (process.env.MCP_E2E_DEBUG) console.log(JSON.stringify(tools, null, 2));
		// n8n 2.8 names draft-07 in $schema, 2.41 draft 2020-12; the rest is the same.
		const seen = tools
			.map(({ name, description, inputSchema: { $schema: _draft, required, ...schema } }: McpTool) => ({ name, description, inputSchema: { ...schema, required: [...(required ?? [])].sort() } }))
			.sort((a, b) => a.name.localeCompare(b.name));
		const toolNodes = new Map(example.nodes.filter((node) => node.type === 'n8n-nodes-outreach.outreachTool').map((node) => [node.name, node]));
		const expected = PROVIDERS.flatMap((provider) =>
			ACTIONS.map((action) => {
				const name = action.replace('%s', provider.label);
				return {
					// MCP tool names have no spaces.
					name: name.replace(/ /g, '_'),
					description: toolNodes.get(name)?.parameters.toolDescription,
					inputSchema: {
						type: 'object',
						properties: {
							campaignId: { type: 'string', description: provider.campaign },
							lead: { type: 'string', description: provider.lead },
						},
						required: ['campaignId', 'lead'],
						additionalProperties: true,
					},
				};
			}),
		).sort((a, b) => a.name.localeCompare(b.name));
		expect(seen).toEqual(expected);
		expect(seen).toHaveLength(12);
	});

	it('Find lemlist lead: one look-up by email, and the lead in the Outreach shape', async () => {
		const { result, requests } = await call('Find_lemlist_lead', { campaignId: 'cam_A1', lead: 'ada@example.com' });
		const items = itemsOf(result);
		expect(items).toEqual([
			{
				provider: 'lemlist',
				campaignId: 'cam_A1',
				leadId: 'lea_1',
				email: 'ada@example.com',
				firstName: 'Ada',
				lastName: 'Lovelace',
				companyName: 'Engines Ltd',
				status: 'active',
				providerStatus: 'emailsSent',
			},
		]);
		expect(requests).toEqual(['lemlist GET /api/leads/ada%40example.com?version=v2 200']);
	});

	it('Pause lemlist lead: the look-up, then the pause, and the lead paused', async () => {
		const { result, requests } = await call('Pause_lemlist_lead', { campaignId: 'cam_A1', lead: 'alan@example.com' });
		const items = itemsOf(result);
		expect(items).toEqual([expect.objectContaining({ provider: 'lemlist', campaignId: 'cam_A1', leadId: 'lea_2', email: 'alan@example.com', status: 'paused' })]);
		expect(requests).toEqual(['lemlist GET /api/leads/alan%40example.com?version=v2 200', 'lemlist POST /api/leads/pause/lea_2?campaignId=cam_A1 200']);
	});

	it('Mark lemlist lead not interested: the look-up, then the interest change', async () => {
		const { result, requests } = await call('Mark_lemlist_lead_not_interested', { campaignId: 'cam_A1', lead: 'ada@example.com' });
		expect(itemsOf(result)).toEqual([expect.objectContaining({ provider: 'lemlist', campaignId: 'cam_A1', leadId: 'lea_1', status: 'notInterested' })]);
		expect(requests).toEqual(['lemlist GET /api/leads/ada%40example.com?version=v2 200', 'lemlist POST /api/campaigns/cam_A1/leads/lea_1/notinterested 200']);
	});

	it('Find Smartlead lead and Mark Smartlead lead interested', async () => {
		const found = await call('Find_Smartlead_lead', { campaignId: '101', lead: 'ada@example.com' });
		const items = itemsOf(found.result);
		expect(Object.keys(items[0]).sort()).toEqual(LEAD_KEYS);
		expect(items).toEqual([expect.objectContaining({ provider: 'smartlead', campaignId: '101', leadId: '5001', email: 'ada@example.com' })]);
		expect(found.requests).toEqual(['smartlead GET /api/v1/leads/?email=ada%40example.com&api_key=*** 200']);
		const marked = await call('Mark_Smartlead_lead_interested', { campaignId: '101', lead: 'ada@example.com' });
		expect(itemsOf(marked.result)).toEqual([expect.objectContaining({ provider: 'smartlead', leadId: '5001', status: 'interested' })]);
		// The category is found by name among the account's, then the lead by its address, then categorised.
		expect(marked.requests).toEqual([
			'smartlead GET /api/v1/leads/fetch-categories?api_key=*** 200',
			'smartlead GET /api/v1/leads/?email=ada%40example.com&api_key=*** 200',
			'smartlead POST /api/v1/campaigns/101/leads/5001/category?api_key=*** {"category_id":1,"pause_lead":false} 200',
		]);
	});

	it('Find SendKit lead and Pause SendKit lead', async () => {
		const found = await call('Find_SendKit_lead', { campaignId: '665a1b2c3d4e5f6a7b8c9d0e', lead: 'ada@example.com' });
		const items = itemsOf(found.result);
		expect(Object.keys(items[0]).sort()).toEqual(LEAD_KEYS);
		expect(items).toEqual([expect.objectContaining({ provider: 'sendKit', campaignId: '665a1b2c3d4e5f6a7b8c9d0e', email: 'ada@example.com' })]);
		expect(found.requests).toEqual(['sendkit GET /v1/campaigns/665a1b2c3d4e5f6a7b8c9d0e/leads?limit=100 200']);
		const paused = await call('Pause_SendKit_lead', { campaignId: '665a1b2c3d4e5f6a7b8c9d0e', lead: 'ada@example.com' });
		expect(itemsOf(paused.result)).toEqual([expect.objectContaining({ provider: 'sendKit', status: 'paused' })]);
		expect(paused.requests).toEqual([
			'sendkit GET /v1/campaigns/665a1b2c3d4e5f6a7b8c9d0e/leads?limit=100 200',
			'sendkit PATCH /v1/campaigns/665a1b2c3d4e5f6a7b8c9d0e/leads/666a1b2c3d4e5f6a7b8c9d01 {"status":"paused"} 200',
		]);
	});

	it('a call without its arguments is refused by the input schema before the node runs: no request', async () => {
		const { result, requests } = await call('Find_lemlist_lead', {});
		expect(result.isError).toBe(true);
		expect(textOf(result)).toContain('Received tool input did not match expected schema');
		expect(requests).toEqual([]);
	});

	it("the node's error reaches the client as an isError result", async () => {
		const { result, requests } = await call('Find_lemlist_lead', { campaignId: 'cam_A1', lead: 'nobody@example.com' });
		expect(result.isError).toBe(true);
		expect(textOf(result)).toContain('nobody@example.com');
		expect(requests).toEqual(['lemlist GET /api/leads/nobody%40example.com?version=v2 404']);
	});
});
