import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requireId } from '../../../common/fields';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { withIds } from '../../../common/items';
import { dataOf, sendKit } from '../../provider';
import { resolveCampaignLead } from './lookup';

/**
 * Pause or resume one lead with SendKit's single-lead update, `PATCH …/leads/{campaignLeadId}
 * {status}` [docs], rather than the bulk `POST …/leads/action`: it answers the lead's record as
 * it now is, and a lead that is not in the campaign is SendKit's 404 for that item, where the
 * bulk action would only count zero leads modified.
 */
export async function changeCampaignLeadStatus(
	ctx: IExecuteFunctions,
	itemIndex: number,
	send: Send,
	status: 'active' | 'paused',
): Promise<IDataObject> {
	const campaignId = requireId(ctx, 'campaignId', 'Campaign', itemIndex);
	const { leadId: campaignLeadId } = await resolveCampaignLead(ctx, itemIndex, send, campaignId);
	const answer = await send({ method: 'PATCH', path: apiPath`/v1/campaigns/${campaignId}/leads/${campaignLeadId}`, body: { status } });
	return withIds(sendKit, dataOf(answer), { campaignId, campaignLeadId });
}
