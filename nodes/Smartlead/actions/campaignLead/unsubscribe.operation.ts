import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fromAllCampaigns } from '../../../common/descriptions';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { withIds } from '../../../common/items';
import { smartlead } from '../../provider';
import { exactId, requireNumericId } from '../ids';
import { readBoolean } from '../../../common/fields';
import { resolveLead } from './lookup';
import { campaign, leadIdOrEmail } from '../../parameters';

export const properties: INodeProperties[] = [
	campaign,
	leadIdOrEmail,
	fromAllCampaigns(
		'Whether the lead is unsubscribed from every campaign of the account rather than this one alone; the campaign still serves to find the lead by email',
	),
];

/** From the campaign (`POST /campaigns/{id}/leads/{lead_id}/unsubscribe`) or from all (`POST /leads/{lead_id}/unsubscribe`). */
export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const campaignId = requireNumericId(this, 'campaignId', 'Campaign', itemIndex);
	const allCampaigns = readBoolean(this, 'allCampaigns', 'From All Campaigns', itemIndex);
	const { leadId } = await resolveLead(this, itemIndex, send, campaignId);
	const path = allCampaigns ? apiPath`/leads/${leadId}/unsubscribe` : apiPath`/campaigns/${campaignId}/leads/${leadId}/unsubscribe`;
	const answer = await send({ method: 'POST', path, idempotent: true });
	return withIds(smartlead, answer, { campaignId: exactId(campaignId), leadId: exactId(leadId), allCampaigns });
}
