import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { withIds } from '../../../common/items';
import { smartlead } from '../../provider';
import { exactId, requireNumericId } from '../ids';
import { resolveLead } from './lookup';
import { campaign, leadIdOrEmail } from '../../parameters';

export const properties: INodeProperties[] = [campaign, leadIdOrEmail];

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const campaignId = requireNumericId(this, 'campaignId', 'Campaign', itemIndex);
	const { leadId } = await resolveLead(this, itemIndex, send, campaignId);
	const answer = await send({ method: 'POST', path: apiPath`/campaigns/${campaignId}/leads/${leadId}/pause`, idempotent: true });
	return withIds(smartlead, answer, { campaignId: exactId(campaignId), leadId: exactId(leadId) });
}
