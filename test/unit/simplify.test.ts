/**
 * Simplify as n8n offers it: the property on exactly the operations that declare what they keep,
 * defaulting to the whole record in a workflow and to the simplified one in the `…Tool` node type
 * n8n derives for AI agents; and a run of that tool type simplified by default through the engine.
 */
import type { INode, INodeProperties, INodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { registerNodeType } from '../../sandbox/engine';
import { startLemlistMock } from '../../sandbox/providers/lemlist';
import { Lemlist } from '../../nodes/Lemlist/Lemlist.node';
import { Outreach } from '../../nodes/Outreach/Outreach.node';
import { SendKit } from '../../nodes/SendKit/SendKit.node';
import { Smartlead } from '../../nodes/Smartlead/Smartlead.node';
import { runPackNode, useProviderMock } from '../harness/provider-env';

/** The operations that offer Simplify, by node (resource → operations). */
const OFFERED: Record<string, Record<string, string[]>> = {
	lemlist: { campaign: ['getStats'], campaignLead: ['get', 'getAll'] },
	smartlead: { campaign: ['get', 'getAll', 'getStats'], campaignLead: ['get', 'getAll'], emailAccount: ['getAll'] },
	sendKit: { campaign: ['get', 'getStats'], campaignLead: ['get', 'getAll'] },
};

const NODES: Record<string, INodeType> = { lemlist: new Lemlist(), smartlead: new Smartlead(), sendKit: new SendKit() };

/**
 * The description of the tool n8n derives from a node with `usableAsTool`: its name ends in
 * "Tool", which is what `@tool` in display options reads (n8n-workflow's node-helpers). n8n also
 * turns its connections into an AI tool output; these stay main so a Manual Trigger can run it.
 */
function asTool(node: INodeType): INodeType {
	const tool = Object.create(node) as INodeType;
	tool.description = { ...node.description, name: `${node.description.name}Tool`, displayName: `${node.description.displayName} Tool` };
	return tool;
}

/** The value of `simplify` n8n gives a node of this description with these parameters (defaults filled in). */
function simplifyDefault(node: INodeType, parameters: INode['parameters']): unknown {
	const filled = NodeHelpers.getNodeParameters(node.description.properties, parameters, true, false, { typeVersion: 1 } as INode, node.description);
	return filled?.simplify;
}

const simplifyProperties = (properties: INodeProperties[]) => properties.filter((property) => property.name === 'simplify');

describe('the Simplify parameter', () => {
	it.each(Object.keys(NODES))('%s: shown exactly on the operations that declare what they keep', (name) => {
		const node = NODES[name];
		const shown: Record<string, string[]> = {};
		for (const property of simplifyProperties(node.description.properties)) {
			const show = property.displayOptions?.show as { resource: string[]; operation: string[] };
			for (const resource of show.resource) (shown[resource] ??= []).push(...show.operation);
		}
		// Two properties of one name per operation: one for the workflow node, one for the tool.
		const once = Object.fromEntries(Object.entries(shown).map(([resource, operations]) => [resource, [...new Set(operations)].sort()]));
		expect(once).toEqual(OFFERED[name]);
		for (const operations of Object.values(shown)) expect(operations.length % 2).toBe(0);
	});

	it.each(Object.entries(OFFERED).flatMap(([name, resources]) => Object.entries(resources).flatMap(([resource, operations]) => operations.map((operation) => [name, resource, operation]))))(
		'%s %s → %s: the whole record by default in a workflow, simplified by default as a tool',
		(name, resource, operation) => {
			expect(simplifyDefault(NODES[name], { resource, operation })).toBe(false);
			expect(simplifyDefault(asTool(NODES[name]), { resource, operation })).toBe(true);
			// Set either way, the tool keeps what was chosen.
			expect(simplifyDefault(asTool(NODES[name]), { resource, operation, simplify: false })).toBe(false);
		},
	);

	it('Outreach: on every operation, the whole item by default in a workflow, without raw by default as a tool', () => {
		const outreach = new Outreach();
		expect(simplifyProperties(outreach.description.properties).map((property) => property.displayOptions)).toEqual([
			{ hide: { '@tool': [true] } },
			{ show: { '@tool': [true] } },
		]);
		for (const parameters of [{ resource: 'lead', operation: 'get' }, { resource: 'campaign', operation: 'getAll' }, { resource: 'lead', operation: 'pause' }]) {
			expect(simplifyDefault(outreach, { provider: 'lemlist', ...parameters })).toBe(false);
			expect(simplifyDefault(asTool(outreach), { provider: 'lemlist', ...parameters })).toBe(true);
		}
	});
});

describe('the lemlist tool through the engine', () => {
	const env = useProviderMock(async () => await startLemlistMock());
	const TOOL = 'n8n-nodes-outreach.lemlistTool';
	beforeAll(() => registerNodeType(TOOL, asTool(new Lemlist())));
	const credentials = () => ({ lemlistOutreachApi: { apiKey: env.mock.apiKey, baseUrl: env.mock.url } });
	const parameters = { resource: 'campaignLead', operation: 'getAll', campaignId: { __rl: true, mode: 'id', value: 'cam_B2' }, limit: 1 };
	const exportRequest = { method: 'GET', path: '/api/campaigns/cam_B2/export/leads', query: { state: 'all', format: 'json' } };
	const wire = () => env.mock.requests.map(({ method, path, query }) => ({ method, path, query }));

	it('runs simplified when Simplify was never set', async () => {
		const { items, error } = await runPackNode(TOOL, credentials(), {}, { parameters });
		expect(error).toBeUndefined();
		expect(wire()).toEqual([exportRequest]);
		expect(items.map((item) => item.json)).toEqual([
			{
				_id: 'lea_EU001',
				email: 'ada@example.com',
				firstName: 'Ada',
				lastName: 'Lovelace',
				companyName: 'Engines Ltd',
				jobTitle: 'CEO',
				linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace-1',
				lastState: 'reviewed',
				status: 'review',
				emailStatus: 'deliverable',
			},
		]);
	});

	it('returns the whole record, one switch away', async () => {
		const { items, error } = await runPackNode(TOOL, credentials(), {}, { parameters: { ...parameters, simplify: false } });
		expect(error).toBeUndefined();
		expect(wire()).toEqual([exportRequest]);
		expect(items.map((item) => item.json)).toEqual([
			{
				emailStatus: 'deliverable',
				email: 'ada@example.com',
				firstName: 'Ada',
				lastName: 'Lovelace',
				linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace-1',
				companyName: 'Engines Ltd',
				companyDomain: 'enginesltd.example',
				jobTitle: 'CEO',
				lastState: 'reviewed',
				status: 'review',
				_id: 'lea_EU001',
			},
		]);
	});
});
