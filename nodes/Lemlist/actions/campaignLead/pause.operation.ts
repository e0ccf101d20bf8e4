import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { campaignLocator } from '../../../common/descriptions';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { withIds } from '../output';
import { readBoolean } from '../../../common/fields';
import { idsOf, resolveLead } from './lookup';

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
		displayName: 'In All Campaigns',
		name: 'allCampaigns',
		type: 'boolean',
		default: false,
		description: 'Whether the lead is paused in every campaign it is in, not only in this one',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['campaignLead'], operation: ['pause'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const allCampaigns = readBoolean(this, 'allCampaigns', 'In All Campaigns', itemIndex);
	const lead = await resolveLead(this, itemIndex, send);
	// Without a campaign lemlist pauses the lead everywhere.
	const qs = allCampaigns ? undefined : { campaignId: lead.campaignId };
	const answer = await send({ method: 'POST', path: apiPath`/leads/pause/${lead.leadId}`, qs });
	return withIds(answer, idsOf(lead));
}
