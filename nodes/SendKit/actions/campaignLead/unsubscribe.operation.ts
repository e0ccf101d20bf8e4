import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireId } from '../../../common/fields';
import type { Send } from '../../../common/router';
import { withIds } from '../../../common/items';
import { dataOf, sendKit } from '../../provider';
import { emailOfCampaignLead, getCampaignLead } from './lookup';
import { campaign, campaignLeadIdOrEmail } from '../../parameters';

export const properties: INodeProperties[] = [
	{
		displayName:
			"SendKit has no unsubscribe for one campaign: this puts the lead's email address on the workspace's do-not-contact list, which blocks it in every campaign",
		name: 'unsubscribeNotice',
		type: 'notice',
		default: '',
	},
	campaign,
	campaignLeadIdOrEmail,
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: '',
		description: 'Why the address is on the do-not-contact list, kept by SendKit with the entry',
		placeholder: 'e.g. Asked to be removed',
	},
];

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
	const record = await getCampaignLead(this, itemIndex, send, campaignId);
	const campaignLeadId = record._id as string;
	const email = emailOfCampaignLead(record);
	if (email === undefined) {
		throw new NodeOperationError(node, `SendKit answered no email address for campaign lead ${campaignLeadId}`, { itemIndex });
	}
	const body: IDataObject = { entries: [email], type: 'email' };
	const why = String(reason ?? '').trim();
	if (why !== '') body.reason = why;
	const answer = await send({ method: 'POST', path: '/v1/dnc', body });
	return withIds(sendKit, dataOf(answer), { campaignId, campaignLeadId, email });
}
