import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { campaignLocator } from '../../../common/descriptions';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { requireNumericId, withIds } from '../ids';
import { leadIdOrEmail, resolveLead } from './lookup';

const properties: INodeProperties[] = [campaignLocator('1234567'), leadIdOrEmail];

export const description = updateDisplayOptions({ show: { resource: ['campaignLead'], operation: ['pause'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const campaignId = requireNumericId(this, 'campaignId', 'Campaign', itemIndex);
	const { leadId } = await resolveLead(this, itemIndex, send, campaignId);
	const answer = await send({ method: 'POST', path: apiPath`/campaigns/${campaignId}/leads/${leadId}/pause` });
	return withIds(answer, { campaignId: Number(campaignId), leadId: Number(leadId) });
}
