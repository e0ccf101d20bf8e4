import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Send } from '../../../common/router';
import { getLeadById, resolveLead } from './lookup';
import { campaign, leadIdOrEmail } from '../../parameters';

export const properties: INodeProperties[] = [
	campaign,
	{
		...leadIdOrEmail,
		description:
			"The lead: its lemlist lead ID in this campaign, such as lea_aBcDeFgHiJkLmNoPq, or its email address, such as ada@example.com. By ID, the lead record; by email, lemlist's record of the address in this campaign (with its state, variables and campaign).",
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const lead = await resolveLead(this, itemIndex, send);
	// The address lookup already answered the record: one request either way.
	if (lead.record) return lead.record;
	return await getLeadById(this, itemIndex, send, lead.campaignId, lead.leadId);
}
