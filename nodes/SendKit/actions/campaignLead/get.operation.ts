import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireId } from '../../../common/fields';
import type { Send } from '../../../common/router';
import { getCampaignLead } from './lookup';
import { campaign, campaignLeadIdOrEmail } from '../../parameters';

export const properties: INodeProperties[] = [campaign, campaignLeadIdOrEmail];

/** The lead is its entry in the campaign's list: Simplify keeps what it keeps in Get Many. */
export { simplified } from './getAll.operation';

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const campaignId = requireId(this, 'campaignId', 'Campaign', itemIndex);
	return await getCampaignLead(this, itemIndex, send, campaignId);
}
