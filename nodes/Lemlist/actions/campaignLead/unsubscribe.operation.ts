import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { fromAllCampaigns } from '../../../common/descriptions';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { withIds } from '../../../common/items';
import { lemlist } from '../../provider';
import { readBoolean } from '../../../common/fields';
import { getLeadById, idsOf, resolveLead } from './lookup';
import { campaign, leadIdOrEmail } from '../../parameters';

export const properties: INodeProperties[] = [
	campaign,
	leadIdOrEmail,
	fromAllCampaigns(
		"Whether the lead's email address goes on the team's unsubscribe list, so that no campaign contacts it again, rather than the lead leaving this campaign only",
	),
];

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const allCampaigns = readBoolean(this, 'allCampaigns', 'From All Campaigns', itemIndex);
	const lead = await resolveLead(this, itemIndex, send);
	if (!allCampaigns) {
		const answer = await send({ method: 'DELETE', path: apiPath`/campaigns/${lead.campaignId}/leads/${lead.leadId}` });
		return withIds(lemlist, answer, idsOf(lead));
	}

	// lemlist's unsubscribe list is kept by address: a lead given by ID is read first for its address.
	const email = lead.email ?? (await getLeadById(this, itemIndex, send, lead.campaignId, lead.leadId)).email;
	if (typeof email !== 'string' || email.trim() === '') {
		throw new NodeOperationError(this.getNode(), `lemlist has no email address for lead ${lead.leadId}`, {
			itemIndex,
			description: 'Unsubscribing from all campaigns adds the address to the unsubscribe list; this lead has none.',
		});
	}
	const answer = await send({ method: 'POST', path: apiPath`/unsubscribes/${email.trim()}` });
	return withIds(lemlist, answer, { ...idsOf(lead), email: email.trim() });
}
