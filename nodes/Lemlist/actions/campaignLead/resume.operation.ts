import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { withIds } from '../../../common/items';
import { lemlist } from '../../provider';
import { idsOf, resolveLead } from './lookup';
import { campaign, leadIdOrEmail } from '../../parameters';

export const properties: INodeProperties[] = [
	campaign,
	{
		...leadIdOrEmail,
		description:
			"The lead: its lemlist lead ID in this campaign, such as lea_aBcDeFgHiJkLmNoPq, or its email address, such as ada@example.com, looked up in the campaign first. lemlist resumes a lead by its ID alone; the campaign serves the lookup.",
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const lead = await resolveLead(this, itemIndex, send);
	// lemlist's resume takes no campaign.
	const answer = await send({ method: 'POST', path: apiPath`/leads/start/${lead.leadId}`, idempotent: true });
	return withIds(lemlist, answer, idsOf(lead));
}
