import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { withIds } from '../../../common/items';
import { smartlead } from '../../provider';
import { exactId, requireNumericId } from '../ids';
import { resolveLead } from './lookup';
import { campaignAs, leadIdOrEmail } from '../../parameters';

export const properties: INodeProperties[] = [campaignAs('The campaign the lead is removed from'), leadIdOrEmail];

/**
 * `DELETE /campaigns/{id}/leads/{lead_id}`: the lead leaves this campaign only; it stays in the
 * account and in its other campaigns, and may be added again (unlike Unsubscribe, which keeps it
 * in the campaign and stops sending to it).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const campaignId = requireNumericId(this, 'campaignId', 'Campaign', itemIndex);
	const { leadId, email } = await resolveLead(this, itemIndex, send, campaignId);
	const answer = await send({ method: 'DELETE', path: apiPath`/campaigns/${campaignId}/leads/${leadId}` });
	return withIds(smartlead, answer, { campaignId: exactId(campaignId), leadId: exactId(leadId), ...(email ? { email } : {}), status: 'removed' });
}
