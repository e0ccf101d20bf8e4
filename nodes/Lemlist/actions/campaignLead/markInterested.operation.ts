import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Send } from '../../../common/router';
import { markInterest } from './interest';
import { campaign, leadIdOrEmail } from '../../parameters';

const properties: INodeProperties[] = [
	campaign,
	leadIdOrEmail,
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
	return await markInterest(this, itemIndex, send, 'interested');
}
