/**
 * The Outreach examples that run one workflow against each provider: the three files differ only in
 * the Outreach nodes' `provider` and credential (and the workflow's id and name), and each runs in
 * the engine against its provider's stand-in with lead items of the shared shape throughout.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';

import { runWorkflow, shutdownEngine, type TestWorkflow } from '../../sandbox/engine';
import { loadExamples } from '../../sandbox/examples';
import type { HttpMock } from '../../sandbox/providers/http-mock';
import { startLemlistMock, type LemlistMock } from '../../sandbox/providers/lemlist';
import { SENDKIT_SEED, startSendKitMock, type SendKitMock } from '../../sandbox/providers/sendkit';
import { startSmartleadMock, type SmartleadMock } from '../../sandbox/providers/smartlead';
import { registerPack } from '../harness/pack';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const OUTREACH = 'n8n-nodes-outreach.outreach';
const LEAD_KEYS = ['provider', 'campaignId', 'leadId', 'email', 'firstName', 'lastName', 'companyName', 'status', 'providerStatus', 'raw'].sort();

interface Workflow extends TestWorkflow {
	id: string;
	name: string;
	nodes: INode[];
}

const providers = [
	{
		file: 'outreach-lead-pause-and-mark-interested-lemlist.json',
		provider: 'lemlist',
		label: 'lemlist',
		credential: 'lemlistOutreachApi',
		campaignId: 'cam_A1',
		leadId: 'lea_1',
		requests: ['GET /api/leads/ada%40example.com', 'POST /api/leads/pause/lea_1', 'POST /api/campaigns/cam_A1/leads/lea_1/interested'],
	},
	{
		file: 'outreach-lead-pause-and-mark-interested-smartlead.json',
		provider: 'smartlead',
		label: 'Smartlead',
		credential: 'smartleadOutreachApi',
		campaignId: '101',
		leadId: '5001',
		// Mark Interested finds the "Interested" category by name, then sets it.
		requests: ['GET /api/v1/leads/', 'POST /api/v1/campaigns/101/leads/5001/pause', 'GET /api/v1/leads/fetch-categories', 'POST /api/v1/campaigns/101/leads/5001/category'],
	},
	{
		file: 'outreach-lead-pause-and-mark-interested-sendkit.json',
		provider: 'sendKit',
		label: 'SendKit',
		credential: 'sendKitOutreachApi',
		campaignId: SENDKIT_SEED.campaignId,
		leadId: SENDKIT_SEED.campaignLeadId,
		requests: [
			`GET /v1/campaigns/${SENDKIT_SEED.campaignId}/leads`,
			`PATCH /v1/campaigns/${SENDKIT_SEED.campaignId}/leads/${SENDKIT_SEED.campaignLeadId}`,
			`PATCH /v1/campaigns/${SENDKIT_SEED.campaignId}/leads/${SENDKIT_SEED.campaignLeadId}`,
		],
	},
];

const read = (file: string) => JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as Workflow;

/** A workflow less what may differ per provider: its id, the provider's name in its name, and each Outreach node's provider and credential. */
function providerFree(workflow: Workflow, label: string) {
	const copy = JSON.parse(JSON.stringify(workflow)) as Workflow & Record<string, unknown>;
	delete (copy as Partial<Workflow>).id;
	copy.name = copy.name.replace(label, '<provider>');
	for (const node of copy.nodes.filter((candidate) => candidate.type === OUTREACH)) {
		delete node.parameters.provider;
		delete node.credentials;
	}
	return copy;
}

describe('one Outreach workflow for every provider', () => {
	it('the three files differ only in each Outreach node\'s provider and credential', () => {
		const [first, ...others] = providers.map((test) => providerFree(read(test.file), test.label));
		for (const other of others) expect(other).toEqual(first);
	});

	it.each(providers)('$file: every Outreach node is on $provider with its credential, and the names are loaded as examples', (test) => {
		const workflow = read(test.file);
		const outreach = workflow.nodes.filter((node) => node.type === OUTREACH);
		expect(outreach.map((node) => node.parameters.operation)).toEqual(['get', 'pause', 'markInterested']);
		for (const node of outreach) {
			expect(node.parameters.provider).toBe(test.provider);
			expect(Object.keys(node.credentials ?? {})).toEqual([test.credential]);
		}
		expect(workflow.name).toContain(test.label);
		expect(loadExamples().map((example) => example.file)).toContain(test.file);
	});

	it('the workflows are distinct in n8n (their own ids)', () => {
		expect(new Set(providers.map((test) => read(test.file).id)).size).toBe(providers.length);
	});
});

describe('each provider runs the same workflow in the engine', () => {
	const mocks: Record<string, HttpMock> = {};
	const credentials: Record<string, () => Record<string, ICredentialDataDecryptedObject>> = {
		lemlist: () => ({ lemlistOutreachApi: { apiKey: (mocks.lemlist as LemlistMock).apiKey, baseUrl: mocks.lemlist.url } }),
		smartlead: () => ({ smartleadOutreachApi: { apiKey: (mocks.smartlead as SmartleadMock).apiKey, baseUrl: mocks.smartlead.url } }),
		sendKit: () => ({ sendKitOutreachApi: { apiKey: (mocks.sendKit as SendKitMock).workspaceKey, baseUrl: mocks.sendKit.url, maxRequestsPerSecond: 10 } }),
	};

	beforeAll(async () => {
		registerPack();
		mocks.lemlist = await startLemlistMock();
		mocks.smartlead = await startSmartleadMock();
		mocks.sendKit = await startSendKitMock();
	});

	afterAll(async () => {
		await Promise.all(Object.values(mocks).map(async (mock) => await mock.close()));
		await shutdownEngine();
	});

	it.each(providers)('$file: found by email, paused, marked interested; each node outputs one lead of the shared shape', async (test) => {
		const workflow = read(test.file);
		const run = await runWorkflow(workflow, { credentials: credentials[test.provider]() });
		expect(run.data.resultData.error).toBeUndefined();
		const outputs = workflow.nodes
			.filter((node) => node.type === OUTREACH)
			.map((node) => run.data.resultData.runData[node.name]?.[0]?.data?.main?.[0]?.map((item) => item.json));
		for (const items of outputs) {
			expect(items).toHaveLength(1);
			expect(Object.keys(items![0]).sort()).toEqual(LEAD_KEYS);
			expect(items![0]).toMatchObject({ provider: test.provider, campaignId: test.campaignId, leadId: test.leadId });
		}
		// The lead found by its address; the actions, given its ID and campaign from that item, answer their new status.
		expect(outputs[0]![0].email).toBe('ada@example.com');
		expect(outputs.slice(1).map((items) => items![0].status)).toEqual(['paused', 'interested']);
		// Only this provider was asked, and only for these.
		for (const [provider, mock] of Object.entries(mocks)) {
			if (provider === test.provider) expect(mock.requests.length).toBeGreaterThan(0);
			else expect(mock.requests).toHaveLength(0);
		}
		expect(mocks[test.provider].requests.map((request) => `${request.method} ${request.path}`)).toEqual(test.requests);
		for (const mock of Object.values(mocks)) mock.reset();
	});
});

describe('one reply branch for every provider', () => {
	const workflow = read('trigger-outreach-replied-any-provider.json');
	const triggers = workflow.nodes.filter((node) => node.type === 'n8n-nodes-outreach.outreachTrigger');

	it('has an Outreach Trigger on replied for each provider, each with its credential and its own webhook', () => {
		expect(triggers.map((node) => [node.parameters.provider, node.parameters.events, Object.keys(node.credentials ?? {})])).toEqual([
			['lemlist', ['replied'], ['lemlistOutreachApi']],
			['smartlead', ['replied'], ['smartleadOutreachApi']],
			['sendKit', ['replied'], ['sendKitOutreachApi']],
		]);
		expect(new Set(triggers.map((node) => node.webhookId)).size).toBe(3);
	});

	it('all three feed the one branch, which reads only fields of the shared trigger item', () => {
		const targets = triggers.map((node) => JSON.stringify(workflow.connections[node.name]));
		expect(new Set(targets).size).toBe(1);
		expect(JSON.parse(targets[0])).toEqual({ main: [[{ node: 'Reply Summary', type: 'main', index: 0 }]] });
		const expressions = JSON.stringify(workflow.nodes.find((node) => node.name === 'Reply Summary')!.parameters).match(/\$json(\.\w+)+/g) ?? [];
		const shared = ['$json.provider', '$json.event', '$json.occurredAt', '$json.campaign.id', '$json.campaign.name', '$json.lead.id', '$json.lead.email', '$json.lead.firstName', '$json.lead.lastName', '$json.message.subject', '$json.message.text'];
		expect(expressions.length).toBeGreaterThan(0);
		for (const expression of expressions) expect(shared).toContain(expression);
	});
});
