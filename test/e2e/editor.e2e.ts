import { freePort, N8nInstance, type N8nServer } from '../../sandbox/n8n';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';

/**
 * What a person does in the editor, through the same REST calls the editor makes, in a real
 * `n8n start` with the pack installed: pick a campaign from each node's list, open the SendKit tag
 * dropdown, and test each credential.
 */
let sandbox: Sandbox;
let n8n: N8nInstance;
let server: N8nServer;

const credentialRef = (type: string) => {
	const { id, name } = sandbox.credentials().find((credential) => credential.type === type)!;
	return { [type]: { id, name } };
};

beforeAll(async () => {
	sandbox = await startSandbox();
	n8n = await N8nInstance.create();
	await n8n.importCredentials(sandbox.credentials());
	server = n8n.startServer(await freePort(), { quiet: true });
	await server.ready();
});

afterAll(async () => {
	await server?.stop();
	n8n?.dispose();
	await sandbox?.close();
});

interface SearchResult {
	results: Array<{ name: string; value: string | number }>;
	paginationToken?: string;
}

const searchCampaigns = async (node: string, credentialType: string, filter?: string) =>
	await server.post<SearchResult>('dynamic-node-parameters/resource-locator-results', {
		nodeTypeAndVersion: { name: `n8n-nodes-outreach.${node}`, version: 1 },
		methodName: 'searchCampaigns',
		path: 'parameters.campaignId',
		currentNodeParameters: { resource: 'campaign', operation: 'update', campaignId: { __rl: true, mode: 'list', value: '' } },
		credentials: credentialRef(credentialType),
		filter,
	});

describe('the editor in a real n8n', () => {
	it('lists and searches lemlist campaigns in the picker', async () => {
		const all = await searchCampaigns('lemlist', 'lemlistOutreachApi');
		expect(all.results).toHaveLength(100);
		expect(all.paginationToken).toBe('2');
		const found = await searchCampaigns('lemlist', 'lemlistOutreachApi', 'founders');
		expect(found.results).toEqual([{ name: 'Founders EU (paused)', value: 'cam_B2' }]);
	});

	it('lists Smartlead and SendKit campaigns in their pickers', async () => {
		const smartlead = await searchCampaigns('smartlead', 'smartleadOutreachApi');
		expect(smartlead.results.map((result) => String(result.value))).toEqual(expect.arrayContaining(['101', '102', '103']));
		const sendkit = await searchCampaigns('sendKit', 'sendKitOutreachApi');
		expect(sendkit.results.length).toBeGreaterThan(0);
		expect(sendkit.paginationToken).toBeTruthy();
	});

	it('loads the SendKit AI tag dropdown from the workspace', async () => {
		const options = await server.post<Array<{ name: string; value: string }>>('dynamic-node-parameters/options', {
			nodeTypeAndVersion: { name: 'n8n-nodes-outreach.sendKit', version: 1 },
			methodName: 'getAiTags',
			path: 'parameters.updateFields.aiTag',
			currentNodeParameters: { resource: 'campaignLead', operation: 'update' },
			credentials: credentialRef('sendKitOutreachApi'),
		});
		expect(options.map((option) => option.value).sort()).toEqual(['Interested', 'Meeting Booked', 'Not Interested', 'Out of Office']);
	});

	it.each(['lemlistOutreachApi', 'smartleadOutreachApi', 'sendKitOutreachApi'])('tests the %s credential: a good key passes, a wrong one fails', async (type) => {
		const credential = sandbox.credentials().find((candidate) => candidate.type === type)!;
		const test = async (apiKey: string) =>
			await server.post<{ status: string; message: string }>('credentials/test', {
				credentials: { ...credential, data: { ...credential.data, apiKey } },
			});
		expect(await test(credential.data.apiKey)).toMatchObject({ status: 'OK' });
		const wrongKey = type === 'sendKitOutreachApi' ? 'sk_wrong_key_e2e' : 'wrong-key-e2e';
		expect(await test(wrongKey)).toMatchObject({ status: 'Error' });
	});
});
