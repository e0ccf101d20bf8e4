import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { campaignLocator } from '../../../common/descriptions';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { withIds } from '../output';
import { readBoolean } from '../../../common/fields';
import { getLeadById, idsOf, resolveLead } from './lookup';

const properties: INodeProperties[] = [
	campaignLocator('cam_aBcDeFgHiJkLmNoPq'),
	{
		displayName: 'Lead ID or Email',
		name: 'leadId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'lea_aBcDeFgHiJkLmNoPq or ada@example.com',
		description: "The lead's ID in the campaign (lea_…) or its email address, looked up in the campaign first",
	},
	{
		displayName: 'From All Campaigns',
		name: 'allCampaigns',
		type: 'boolean',
		default: false,
		description:
			"Whether the lead's email address goes on the team's unsubscribe list, so that no campaign contacts it again, rather than the lead leaving this campaign only",
	},
];

export const description = updateDisplayOptions({ show: { resource: ['campaignLead'], operation: ['unsubscribe'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const allCampaigns = readBoolean(this, 'allCampaigns', 'From All Campaigns', itemIndex);
	const lead = await resolveLead(this, itemIndex, send);
	if (!allCampaigns) {
		const answer = await send({ method: 'DELETE', path: apiPath`/campaigns/${lead.campaignId}/leads/${lead.leadId}` });
		return withIds(answer, idsOf(lead));
	}

	// lemlist's unsubscribe list is kept by address: a lead given by ID is read first for its address.
	const email = lead.email ?? (await getLeadById(this, itemIndex, send, lead.campaignId, lead.leadId)).email;
	if (typeof email !== 'string' || email.trim() === '') {
		throw new NodeOperationError(this.getNode(), `lemlist has no email address for lead ${lead.leadId}`, {
			itemIndex,
			description: 'Unsubscribing from all campaigns adds the address to the unsubscribe list; this lead has none.',
		});
	}
	const answer = await send({ method: 'POST', path: apiPath`/unsubscribes/${email.trim()}` });
	return withIds(answer, { ...idsOf(lead), email: email.trim() });
}
