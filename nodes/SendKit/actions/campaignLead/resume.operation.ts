import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Send } from '../../../common/router';
import { changeCampaignLeadStatus } from './status';
import { campaign, campaignLeadIdOrEmail } from '../../parameters';

const properties: INodeProperties[] = [
	campaign,
	campaignLeadIdOrEmail,
];

export const description = updateDisplayOptions({ show: { resource: ['campaignLead'], operation: ['resume'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	return await changeCampaignLeadStatus(this, itemIndex, send, 'active');
}
