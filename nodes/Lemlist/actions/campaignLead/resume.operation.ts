import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { campaignLocator } from '../../../common/descriptions';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { withIds } from '../output';
import { idsOf, resolveLead } from './lookup';

const properties: INodeProperties[] = [
	campaignLocator('cam_aBcDeFgHiJkLmNoPq'),
	{
		displayName: 'Lead ID or Email',
		name: 'leadId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'lea_aBcDeFgHiJkLmNoPq or ada@example.com',
		description:
			"The lead's ID in the campaign (lea_…) or its email address, looked up in the campaign first. lemlist resumes a lead by its ID alone; the campaign serves the lookup.",
	},
];

export const description = updateDisplayOptions({ show: { resource: ['campaignLead'], operation: ['resume'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const lead = await resolveLead(this, itemIndex, send);
	// lemlist's resume takes no campaign.
	const answer = await send({ method: 'POST', path: apiPath`/leads/start/${lead.leadId}` });
	return withIds(answer, idsOf(lead));
}
