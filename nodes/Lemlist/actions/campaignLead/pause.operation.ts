import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { withIds } from '../../../common/items';
import { lemlist } from '../../provider';
import { readBoolean } from '../../../common/fields';
import { idsOf, resolveLead } from './lookup';
import { campaign, inAllCampaigns, leadIdOrEmail } from '../../parameters';

export const properties: INodeProperties[] = [campaign, leadIdOrEmail, inAllCampaigns('paused')];

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const allCampaigns = readBoolean(this, 'allCampaigns', 'In All Campaigns', itemIndex);
	const lead = await resolveLead(this, itemIndex, send);
	// Without a campaign lemlist pauses the lead everywhere.
	const qs = allCampaigns ? undefined : { campaignId: lead.campaignId };
	const answer = await send({ method: 'POST', path: apiPath`/leads/pause/${lead.leadId}`, qs, idempotent: true });
	return withIds(lemlist, answer, idsOf(lead));
}
