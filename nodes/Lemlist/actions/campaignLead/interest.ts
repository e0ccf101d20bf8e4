import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { withIds } from '../../../common/items';
import { lemlist } from '../../provider';
import { readBoolean } from '../../../common/fields';
import { idsOf, resolveLead } from './lookup';

/**
 * Mark Interested and Mark Not Interested: in the campaign
 * (`POST /campaigns/{id}/leads/{leadId}/{verdict}`, one lead record back) or in every campaign of
 * the lead (`POST /leads/{verdict}/{leadId}`, a record per campaign).
 */
export async function markInterest(
	ctx: IExecuteFunctions,
	itemIndex: number,
	send: Send,
	verdict: 'interested' | 'notinterested',
): Promise<IDataObject> {
	const allCampaigns = readBoolean(ctx, 'allCampaigns', 'In All Campaigns', itemIndex);
	const lead = await resolveLead(ctx, itemIndex, send);
	const path = allCampaigns
		? apiPath`/leads/${verdict}/${lead.leadId}`
		: apiPath`/campaigns/${lead.campaignId}/leads/${lead.leadId}/${verdict}`;
	const answer = await send({ method: 'POST', path, idempotent: true });
	return withIds(lemlist, answer, idsOf(lead));
}
