import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { batchSizeOption } from '../../../common/descriptions';
import { readBatchSize, requireId } from '../../../common/fields';
import { isRecord } from '../../../common/records';
import { apiPath } from '../../../common/request';
import type { Batch, BatchEntry, Send } from '../../../common/router';
import { countOf, distinct } from '../../batch';
import { campaign, campaignLeadIdOrEmail } from '../../parameters';
import { dataOf } from '../../provider';
import { resolveCampaignLead } from './lookup';

export const properties: INodeProperties[] = [
	{
		displayName:
			'Takes the lead out of this campaign only: SendKit deletes it when nothing was sent to it yet, and otherwise keeps it with the status "removed". To keep an address out of every campaign, use Unsubscribe or the Do-Not-Contact List.',
		name: 'removeNotice',
		type: 'notice',
		default: '',
	},
	campaign,
	campaignLeadIdOrEmail,
];

/** Its own fields of Options; SendKit publishes no maximum for the bulk action, 1,000 is ours (MAX_LEADS_PER_ACTION). */
export const options: INodeProperties[] = [
	batchSizeOption(1000, 'How many leads of one campaign go in one request (at most 1,000)'),
];

/** Finds the item's lead (an ID as it is, an address looked up in the campaign); leads go grouped by campaign. */
export async function prepare(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<BatchEntry> {
	const campaignId = requireId(this, 'campaignId', 'Campaign', itemIndex);
	// Checked before the lead is looked up: bad input sends no request.
	requireId(this, 'campaignLeadId', 'Campaign Lead ID', itemIndex);
	const maxSize = readBatchSize(this, itemIndex, options);
	const lead = await resolveCampaignLead(this, itemIndex, send, campaignId);
	return { group: { campaignId }, maxSize, entry: { campaignLeadId: lead.leadId, ...(lead.email ? { email: lead.email } : {}) } };
}

/**
 * `POST /v1/campaigns/{id}/leads/action {action: "remove", leadIds}` [docs]. SendKit answers only
 * how many leads it changed (`{action, modifiedCount}`): every item is `removed` when that is every
 * lead of the request, and otherwise `batchCounts` (the count does not tell which one stayed).
 */
export async function sendBatch(this: IExecuteFunctions, { group, entries }: Batch, send: Send): Promise<IDataObject[]> {
	const campaignId = String(group.campaignId);
	const leadIds = distinct(entries.map((entry) => String(entry.campaignLeadId)));
	const answer = dataOf(
		await send({ method: 'POST', path: apiPath`/v1/campaigns/${campaignId}/leads/action`, body: { action: 'remove', leadIds } }),
	);
	const data = isRecord(answer) ? answer : {};
	const modifiedCount = countOf(data.modifiedCount);
	const status = modifiedCount === leadIds.length ? 'removed' : 'batchCounts';
	return entries.map((entry) => ({
		...data,
		campaignId,
		...entry,
		status,
		batch: { size: leadIds.length, modifiedCount: modifiedCount ?? null },
	}));
}
