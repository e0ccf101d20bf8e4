import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Send } from '../../../common/router';
import { changeCampaignLeadStatus } from './status';
import { campaign, campaignLeadIdOrEmail } from '../../parameters';

export const properties: INodeProperties[] = [campaign, campaignLeadIdOrEmail];

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	return await changeCampaignLeadStatus(this, itemIndex, send, 'paused');
}
