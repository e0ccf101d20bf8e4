import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collection } from '../../../common/descriptions';
import { readCollection } from '../../../common/fields';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { withIds } from '../../../common/items';
import { smartlead } from '../../provider';
import { exactId, requireNumericId } from '../ids';
import { resolveLead } from './lookup';
import { campaign, leadIdOrEmail } from '../../parameters';

// A named constant: execute builds the body from its options (flat, as Smartlead takes it).
const additionalFields = collection('additionalFields', [
	{
		displayName: 'Resume With Delay (Days)',
		name: 'resume_lead_with_delay_days',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 0,
		description: 'How many days to wait before the next email of the sequence; without it Smartlead goes on at once',
	},
]);

export const properties: INodeProperties[] = [campaign, leadIdOrEmail, additionalFields];

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const campaignId = requireNumericId(this, 'campaignId', 'Campaign', itemIndex);
	const body = readCollection(this, itemIndex, additionalFields);
	const { leadId } = await resolveLead(this, itemIndex, send, campaignId);
	const answer = await send({
		method: 'POST',
		path: apiPath`/campaigns/${campaignId}/leads/${leadId}/resume`,
		body: Object.keys(body).length ? body : undefined,
		idempotent: true,
	});
	return withIds(smartlead, answer, { campaignId: exactId(campaignId), leadId: exactId(leadId) });
}
