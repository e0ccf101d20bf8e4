import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collection } from '../../../common/descriptions';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { withIds } from '../../../common/items';
import { smartlead } from '../../provider';
import { exactId, requireNumericId } from '../ids';
import { resolveLead } from './lookup';
import { LEAD_FIELDS, readLeadFields, requireEmail } from './leadFields';
import { campaign, leadIdOrEmail } from '../../parameters';

export { MAX_CUSTOM_FIELDS } from './leadFields';

// A named constant: the body builder in execute reads its name and options.
const updateFields = collection('updateFields', LEAD_FIELDS, 'Only the fields added here are sent');

export const properties: INodeProperties[] = [
	campaign,
	leadIdOrEmail,
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. name@email.com',
		description: "The lead's email address as it is to be saved, such as name@example.com; Smartlead requires it on every lead update",
	},
	updateFields,
];

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const campaignId = requireNumericId(this, 'campaignId', 'Campaign', itemIndex);
	const email = requireEmail(this, itemIndex, 'on every lead update');
	const body: IDataObject = { email, ...readLeadFields(this, itemIndex, updateFields) };

	// Last: an email address in the lead parameter costs a look-up request, made only for a valid update.
	const { leadId } = await resolveLead(this, itemIndex, send, campaignId);
	const answer = await send({ method: 'POST', path: apiPath`/campaigns/${campaignId}/leads/${leadId}`, body, idempotent: true });
	return withIds(smartlead, answer, { campaignId: exactId(campaignId), leadId: exactId(leadId), email });
}
