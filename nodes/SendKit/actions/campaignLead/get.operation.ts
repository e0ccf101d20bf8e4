import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { campaignLocator } from '../../../common/descriptions';
import { requireId } from '../../../common/fields';
import type { Send } from '../../../common/router';
import { campaignLeadOf } from './lookup';

const properties: INodeProperties[] = [
	campaignLocator('665a1b2c3d4e5f6a7b8c9d0e'),
	{
		displayName: 'Campaign Lead ID or Email',
		name: 'campaignLeadId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '666a1b2c3d4e5f6a7b8c9d01 or ada@example.com',
		description:
			"The _id of the CampaignLead record (the lead's entry in this campaign), not the Lead ID; or the lead's email address, looked up among the campaign's leads",
	},
];

export const description = updateDisplayOptions({ show: { resource: ['campaignLead'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const campaignId = requireId(this, 'campaignId', 'Campaign', itemIndex);
	return await campaignLeadOf(this, itemIndex, send, campaignId);
}
