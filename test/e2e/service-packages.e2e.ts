import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { freePort, N8nInstance, root, run, SANDBOX_OWNER, type ExecutionResult, type N8nServer } from '../../sandbox/n8n';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';
import { CAMPAIGN, chain, PROVIDERS, type Credential } from './operation-steps';

/**
 * The service packages (`npm run pack:services`, run here first so the tarballs are this
 * checkout's) in a real n8n (2.8.4, or N8N_E2E_VERSION), against the sandbox. Each package alone:
 * its provider's every-operation workflow of operations.e2e.ts, on the package's node type and
 * credential type, with the same checks of each node's items and requests. Then both service
 * packages next to the umbrella in one n8n: every node and credential type of the three is loaded
 * under its own name, and one workflow runs each provider's node from both packages.
 */
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

const SERVICES = [
	{ packageName: 'n8n-nodes-smartlead-outreach', credentialType: 'smartleadStandaloneApi', credentialId: 'svcSmartlead0001', ...PROVIDERS.find(({ provider }) => provider === 'smartlead')! },
	{ packageName: 'n8n-nodes-sendkit-outreach', credentialType: 'sendKitStandaloneApi', credentialId: 'svcSendKit000001', ...PROVIDERS.find(({ provider }) => provider === 'sendkit')! },
].map((service) => ({ ...service, tarball: join(root, '.cache', 'packages', `${service.packageName}-${version}.tgz`) }));

let sandbox: Sandbox;

/** The sandbox's credential of each service, under the service package's credential type. */
function serviceCredentials(): Array<Credential & { data: Record<string, string> }> {
	return SERVICES.map(({ credential, credentialType, credentialId, provider }) => {
		const umbrella = sandbox.credentials().find((candidate) => candidate.type === credential)!;
		return { ...umbrella, id: credentialId, name: `${umbrella.name}, ${provider} package`, type: credentialType };
	});
}

/** The requests one provider's stand-in received since `from`, as `METHOD path` up to the query. */
const requestsOf = (provider: string, from = 0) =>
	sandbox.requests
		.slice(from)
		.filter((request) => request.provider === provider)
		.map((request) => `${request.method} ${request.path.split('?')[0]}`);

beforeAll(async () => {
	const packed = await run(process.execPath, [join(root, 'scripts', 'pack-services.mjs')], { cwd: root });
	if (packed.code !== 0) throw new Error(`npm run pack:services failed:\n${packed.stdout}\n${packed.stderr}`);
	sandbox = await startSandbox();
});

afterAll(async () => {
	await sandbox?.close();
});

describe.each(SERVICES)('$packageName alone: every $type operation in a real n8n', (service) => {
	let n8n: N8nInstance;
	let result: ExecutionResult | undefined;
	let output = '';
	let requests: string[] = [];

	beforeAll(async () => {
		n8n = await N8nInstance.create(undefined, {}, { umbrella: false, tarballs: [service.tarball] });
		const credentials = serviceCredentials().filter((credential) => credential.type === service.credentialType);
		await n8n.importCredentials(credentials);
		await n8n.importWorkflow(chain(service, credentials, { packageName: service.packageName, credentialType: service.credentialType }));
		const from = sandbox.requests.length;
		const run = await n8n.execute(service.id);
		result = run.result;
		output = run.output;
		requests = requestsOf(service.provider, from);
	});

	afterAll(() => n8n?.dispose());

	it('runs to the end', () => {
		expect([result?.data.resultData.error?.message, result ? 'ran' : output.slice(-500)]).toEqual([undefined, 'ran']);
	});

	it.each(service.steps)('$name', (step) => {
		const run = result?.data.resultData.runData[step.name]?.[0];
		expect(run?.error).toBeUndefined();
		const items = (run?.data?.main?.[0] ?? []).map((item) => item.json);
		expect(items).toHaveLength(step.items);
		if (step.first) expect(items[0]).toMatchObject(step.first);
		expect(requests).toContain(step.request);
	});
});

describe('both service packages next to n8n-nodes-outreach in one n8n', () => {
	let n8n: N8nInstance;
	let server: N8nServer;
	let nodeTypes: Array<{ name: string; displayName: string; credentials?: Array<{ name: string }>; iconUrl?: { light: string; dark: string } }>;
	let credentialTypes: Array<{ name: string; displayName: string }>;
	let cookie = '';
	let result: ExecutionResult | undefined;
	let output = '';
	const requests: Record<string, string[]> = {};

	/** One node of `packageName`'s provider node: Get Campaign, with that package's credential. */
	const getCampaign = (name: string, packageName: string, type: string, credential: Credential, campaignId: string, index: number) => ({
		id: `e2eBothPackages-${index}`,
		name,
		type: `${packageName}.${type}`,
		typeVersion: 1,
		position: [220 * index, 0],
		executeOnce: true,
		parameters: { resource: 'campaign', operation: 'get', campaignId: { __rl: true, mode: 'id', value: campaignId } },
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
	});

	beforeAll(async () => {
		n8n = await N8nInstance.create(undefined, {}, { tarballs: SERVICES.map((service) => service.tarball) });
		const credentials = [...sandbox.credentials(), ...serviceCredentials()];
		await n8n.importCredentials(credentials);
		const byType = (type: string) => credentials.find((credential) => credential.type === type)!;
		const nodes = [
			getCampaign('Smartlead (umbrella)', 'n8n-nodes-outreach', 'smartlead', byType('smartleadOutreachApi'), '101', 1),
			getCampaign('Smartlead (service)', 'n8n-nodes-smartlead-outreach', 'smartlead', byType('smartleadStandaloneApi'), '101', 2),
			getCampaign('SendKit (umbrella)', 'n8n-nodes-outreach', 'sendKit', byType('sendKitOutreachApi'), CAMPAIGN, 3),
			getCampaign('SendKit (service)', 'n8n-nodes-sendkit-outreach', 'sendKit', byType('sendKitStandaloneApi'), CAMPAIGN, 4),
		];
		const names = ['Start', ...nodes.map((node) => node.name)];
		await n8n.importWorkflow({
			id: 'e2eBothPackages1',
			name: 'e2e umbrella and service packages',
			nodes: [{ id: 'e2eBothPackages-0', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }, ...nodes],
			connections: Object.fromEntries(names.slice(0, -1).map((from, index) => [from, { main: [[{ node: names[index + 1], type: 'main', index: 0 }]] }])),
			settings: { executionOrder: 'v1' },
		});
		const from = sandbox.requests.length;
		const run = await n8n.execute('e2eBothPackages1');
		result = run.result;
		output = run.output;
		for (const provider of ['smartlead', 'sendkit']) requests[provider] = requestsOf(provider, from);

		// The node and credential types n8n loaded, as its editor reads them.
		server = n8n.startServer(await freePort(), { quiet: true });
		await server.ready();
		const login = await fetch(`${server.base}/rest/login`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: SANDBOX_OWNER.email, password: SANDBOX_OWNER.password }),
		});
		cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
		const types = async <T>(file: string) => (await (await fetch(`${server.base}/types/${file}`, { headers: { Cookie: cookie } })).json()) as T;
		nodeTypes = await types('nodes.json');
		credentialTypes = await types('credentials.json');
	});

	afterAll(async () => {
		await server?.stop();
		n8n?.dispose();
	});

	// n8n adds a Tool variant of each node usable as an AI tool.
	it('loads every node type of the three packages, each under its own name', () => {
		const loaded = (packageName: string) =>
			nodeTypes
				.filter((type) => type.name.startsWith(`${packageName}.`))
				.map(({ name, displayName, credentials }) => ({ name, displayName, credentials: credentials?.map((credential) => credential.name) }))
				.sort((a, b) => a.name.localeCompare(b.name));
		expect(loaded('n8n-nodes-smartlead-outreach')).toEqual([
			{ name: 'n8n-nodes-smartlead-outreach.smartlead', displayName: 'Smartlead', credentials: ['smartleadStandaloneApi'] },
			{ name: 'n8n-nodes-smartlead-outreach.smartleadTool', displayName: 'Smartlead Tool', credentials: ['smartleadStandaloneApi'] },
			{ name: 'n8n-nodes-smartlead-outreach.smartleadTrigger', displayName: 'Smartlead Trigger', credentials: ['smartleadStandaloneApi'] },
		]);
		expect(loaded('n8n-nodes-sendkit-outreach')).toEqual([
			{ name: 'n8n-nodes-sendkit-outreach.sendKit', displayName: 'SendKit', credentials: ['sendKitStandaloneApi'] },
			{ name: 'n8n-nodes-sendkit-outreach.sendKitTool', displayName: 'SendKit Tool', credentials: ['sendKitStandaloneApi'] },
			{ name: 'n8n-nodes-sendkit-outreach.sendKitTrigger', displayName: 'SendKit Trigger', credentials: ['sendKitStandaloneApi'] },
		]);
		expect(loaded('n8n-nodes-outreach')).toEqual(
			expect.arrayContaining([
				{ name: 'n8n-nodes-outreach.smartlead', displayName: 'Smartlead Outreach', credentials: ['smartleadOutreachApi'] },
				{ name: 'n8n-nodes-outreach.sendKit', displayName: 'SendKit Outreach', credentials: ['sendKitOutreachApi'] },
			]),
		);
		// No display name of a pack node is shown twice in the node picker.
		const displayNames = nodeTypes.filter((type) => /^n8n-nodes-(smartlead-|sendkit-)?outreach\./.test(type.name)).map((type) => type.displayName);
		expect(new Set(displayNames).size).toBe(displayNames.length);
	});

	it('serves each service node its light and dark icon', async () => {
		for (const name of ['n8n-nodes-smartlead-outreach.smartlead', 'n8n-nodes-sendkit-outreach.sendKitTrigger']) {
			const { iconUrl } = nodeTypes.find((type) => type.name === name)!;
			for (const url of [iconUrl!.light, iconUrl!.dark]) {
				const icon = await fetch(`${server.base}/${url}`, { headers: { Cookie: cookie } });
				expect([url, icon.status, (await icon.text()).includes('<svg')]).toEqual([url, 200, true]);
			}
		}
	});

	it('loads the five credential types, each once', () => {
		const ours = ['lemlistOutreachApi', 'smartleadOutreachApi', 'sendKitOutreachApi', 'smartleadStandaloneApi', 'sendKitStandaloneApi'];
		const loaded = credentialTypes.filter((type) => ours.includes(type.name)).map(({ name, displayName }) => ({ name, displayName }));
		expect(loaded.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
			{ name: 'lemlistOutreachApi', displayName: 'Lemlist Outreach API' },
			{ name: 'sendKitOutreachApi', displayName: 'SendKit Outreach API' },
			{ name: 'sendKitStandaloneApi', displayName: 'SendKit API' },
			{ name: 'smartleadOutreachApi', displayName: 'Smartlead Outreach API' },
			{ name: 'smartleadStandaloneApi', displayName: 'Smartlead API' },
		]);
	});

	it("runs each provider's node from both packages in one workflow, each with its own credential", () => {
		expect([result?.data.resultData.error?.message, result ? 'ran' : output.slice(-500)]).toEqual([undefined, 'ran']);
		const first = (name: string) => result?.data.resultData.runData[name]?.[0]?.data?.main?.[0]?.map((item) => item.json);
		expect(first('Smartlead (umbrella)')).toEqual([expect.objectContaining({ id: 101 })]);
		expect(first('Smartlead (service)')).toEqual([expect.objectContaining({ id: 101 })]);
		expect(first('SendKit (umbrella)')).toEqual([expect.objectContaining({ _id: CAMPAIGN })]);
		expect(first('SendKit (service)')).toEqual([expect.objectContaining({ _id: CAMPAIGN })]);
		expect(requests).toEqual({
			smartlead: ['GET /api/v1/campaigns/101', 'GET /api/v1/campaigns/101'],
			sendkit: [`GET /v1/campaigns/${CAMPAIGN}`, `GET /v1/campaigns/${CAMPAIGN}`],
		});
	});
});
