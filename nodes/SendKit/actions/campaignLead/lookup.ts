import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { resolveLead, type ResolvedLead } from '../../../common/leads';
import { findInPages } from '../../../common/paging';
import { isRecord, nonEmptyText } from '../../../common/records';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { listPages } from '../../pages';
import { LEAD } from '../../parameters';

/**
 * The email address of a campaign-lead record: the list populates `leadId` with the lead
 * (`leadId.email`) [docs]; a flat `email` or a `lead.email` is read as well [inferred].
 */
export function emailOfCampaignLead(record: IDataObject): string | undefined {
	const lead = isRecord(record.leadId) ? record.leadId : isRecord(record.lead) ? record.lead : {};
	return nonEmptyText(lead.email) ?? nonEmptyText(record.email);
}

/**
 * The campaign's lead record that `matches`. SendKit cannot look a lead up inside a campaign, so
 * this reads the campaign's leads 100 at a time (SendKit's largest page) and stops at the first
 * match; a campaign of n leads costs at most ⌈n / 100⌉ requests.
 */
async function findCampaignLead(send: Send, campaignId: string, matches: (record: IDataObject) => boolean): Promise<IDataObject | undefined> {
	return await findInPages('SendKit', listPages(send, apiPath`/v1/campaigns/${campaignId}/leads`), matches);
}

/** The campaign lead that `campaignLeadId` names: an ID as it is (no request), an email address looked up. */
export async function resolveCampaignLead(ctx: IExecuteFunctions, itemIndex: number, send: Send, campaignId: string): Promise<ResolvedLead> {
	return await resolveLead(ctx, itemIndex, campaignId, LEAD, {
		findByEmail: async (campaign, email) =>
			await findCampaignLead(
				send,
				campaign,
				(record) => nonEmptyText(record._id) !== undefined && emailOfCampaignLead(record)?.trim().toLowerCase() === email.trim().toLowerCase(),
			),
		idOf: (record) => nonEmptyText(record._id),
	});
}

/**
 * The whole record of the campaign lead that `campaignLeadId` names, by ID or email address. Only
 * the campaign's lead list is documented (no single-lead read [?]), so an ID is found there too.
 */
export async function getCampaignLead(ctx: IExecuteFunctions, itemIndex: number, send: Send, campaignId: string): Promise<IDataObject> {
	const lead = await resolveCampaignLead(ctx, itemIndex, send, campaignId);
	const record = lead.record ?? (await findCampaignLead(send, campaignId, (entry) => entry._id === lead.leadId));
	if (record === undefined) {
		throw new NodeOperationError(ctx.getNode(), `No lead with the Campaign Lead ID "${lead.leadId}" in campaign ${campaignId}`, {
			itemIndex,
			description:
				"Campaign Lead ID (campaignLeadId) takes the _id of the lead's entry in this campaign (not the Lead ID) or the lead's email address.",
		});
	}
	return record;
}
