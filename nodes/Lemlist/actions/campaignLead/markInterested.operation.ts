import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { campaignLocator } from '../../../common/descriptions';
import type { Send } from '../../../common/router';
import { markInterest } from './interest';

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
		description: 'Whether the lead is marked interested in every campaign it is in, not only in this one',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['campaignLead'], operation: ['markInterested'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	return await markInterest.call(this, itemIndex, send, 'interested');
}
