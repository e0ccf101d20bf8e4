import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../../sandbox/engine';
import type { HttpMock, RecordedRequest } from '../../sandbox/providers/http-mock';

/**
 * The Outreach node runs the provider's own operations: for each intent, the requests the provider
 * receives from the Outreach node equal those its own node sends, and every item has the shared
 * shape, with the provider node's item as its `raw`.
 */
export interface Intent {
	title: string;
	/** The provider node's parameters. */
	own: INodeParameters;
	/** The Outreach node's parameters for the same intent (besides `provider`). */
	outreach: INodeParameters;
	/** What every output item must hold. */
	item: Record<string, unknown>;
}

export interface ProviderCase {
	provider: string;
	type: string;
	mock: () => HttpMock;
	credentials: () => Record<string, ICredentialDataDecryptedObject>;
	intents: Intent[];
}

export const campaign = (value: string) => ({ __rl: true, mode: 'id', value });

const LEAD_KEYS = ['provider', 'campaignId', 'leadId', 'email', 'firstName', 'lastName', 'companyName', 'status', 'providerStatus', 'raw'];
const CAMPAIGN_KEYS = ['provider', 'campaignId', 'name', 'status', 'raw'];
const sent = (requests: RecordedRequest[]) => requests.map(({ method, path, query, body }) => ({ method, path, query, body }));

export function sameRequestsAsProviderNode(test: ProviderCase) {
	describe(`Outreach node on ${test.provider}`, () => {
	it.each(test.intents)('$title: the same requests as the provider node, and items of the shared shape', async (intent) => {
		const own = await runNode({ type: test.type, credentials: test.credentials(), parameters: intent.own });
		expect(own.error).toBeUndefined();
		const ownRequests = sent(test.mock().requests);
		test.mock().reset();

		const outreach = await runNode({ type: 'n8n-nodes-outreach.outreach', credentials: test.credentials(), parameters: { provider: test.provider, ...intent.outreach } });
		expect(outreach.error).toBeUndefined();
		expect(sent(test.mock().requests)).toEqual(ownRequests);
		expect(outreach.items).toHaveLength(own.items.length);
		const keys = intent.outreach.resource === 'lead' ? LEAD_KEYS : CAMPAIGN_KEYS;
		for (const [index, item] of outreach.items.entries()) {
			expect(Object.keys(item.json).sort()).toEqual([...keys].sort());
			expect(item.json).toMatchObject(intent.item);
			expect(item.json.raw).toEqual(own.items[index].json);
		}
	});
});
}
