import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { campaignLocator } from '../../../common/descriptions';
import { requireId } from '../../../common/fields';
import type { Send } from '../../../common/router';
import { dataOf, emailOfCampaignLead, withIds } from '../../provider';
import { campaignLeadOf } from './lookup';

const properties: INodeProperties[] = [
	{
		displayName:
			"SendKit has no unsubscribe for one campaign: this puts the lead's email address on the workspace's do-not-contact list, which blocks it in every campaign",
		name: 'unsubscribeNotice',
		type: 'notice',
		default: '',
	},
	campaignLocator('665a1b2c3d4e5f6a7b8c9d0e'),
	{
		displayName: 'Campaign Lead ID or Email',
		name: 'campaignLeadId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '666a1b2c3d4e5f6a7b8c9d01 or ada@example.com',
		description:
			"The _id of the CampaignLead record (the lead's entry in this campaign), not the Lead ID; or the lead's email address, looked up among the campaign's leads",
	},
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: '',
		description: 'Why the address is on the do-not-contact list, kept by SendKit with the entry',
		placeholder: 'Asked to be removed',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['campaignLead'], operation: ['unsubscribe'] } }, properties);

/**
 * `POST /v1/dnc {entries: [email], type: "email", reason}`: the campaign lead is found first (by
 * ID or email) for its address, and so that an address not in this campaign fails the item.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const node = this.getNode();
	const campaignId = requireId(this, 'campaignId', 'Campaign', itemIndex);
	const reason = this.getNodeParameter('reason', itemIndex, '') as unknown;
	if (typeof reason === 'object' && reason !== null) {
		throw new NodeOperationError(node, `Reason (reason) must be text, not ${JSON.stringify(reason)}`, { itemIndex });
	}
	const record = await campaignLeadOf(this, itemIndex, send, campaignId);
	const campaignLeadId = record._id as string;
	const email = emailOfCampaignLead(record);
	if (email === undefined) {
		throw new NodeOperationError(node, `SendKit answered no email address for campaign lead ${campaignLeadId}`, { itemIndex });
	}
	const body: IDataObject = { entries: [email], type: 'email' };
	const why = String(reason ?? '').trim();
	if (why !== '') body.reason = why;
	const answer = await send({ method: 'POST', path: '/v1/dnc', body });
	return withIds(dataOf(answer), { campaignId, campaignLeadId, email });
}
