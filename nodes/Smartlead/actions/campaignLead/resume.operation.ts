import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { buildBody } from '../../../common/fields';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { withIds } from '../../../common/items';
import { smartlead } from '../../provider';
import { requireNumericId } from '../ids';
import { resolveLead } from './lookup';
import { campaign, leadIdOrEmail } from '../../parameters';

// A named constant: execute builds the body from its options (flat, as Smartlead takes it).
const additionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		{
			displayName: 'Resume With Delay (Days)',
			name: 'resume_lead_with_delay_days',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: 0,
			description: 'How many days to wait before the next email of the sequence; without it Smartlead goes on at once',
		},
	],
};

const properties: INodeProperties[] = [campaign, leadIdOrEmail, additionalFields];

export const description = updateDisplayOptions({ show: { resource: ['campaignLead'], operation: ['resume'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const campaignId = requireNumericId(this, 'campaignId', 'Campaign', itemIndex);
	const values = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = buildBody(this.getNode(), additionalFields.options as INodeProperties[], values, itemIndex, 'additionalFields');
	const { leadId } = await resolveLead(this, itemIndex, send, campaignId);
	const answer = await send({
		method: 'POST',
		path: apiPath`/campaigns/${campaignId}/leads/${leadId}/resume`,
		body: Object.keys(body).length ? body : undefined,
	});
	return withIds(smartlead, answer, { campaignId: Number(campaignId), leadId: Number(leadId) });
}
