import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { leadIdOf } from '../../../common/leads';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { emailOfCampaignLead, MAX_PAGE_SIZE, type NextPage } from '../../provider';
import { fetchListPage } from '../pages';

type Match = (record: IDataObject) => boolean;

const hasId = (record: IDataObject) => typeof record._id === 'string' && record._id !== '';

const byEmail =
	(email: string): Match =>
	(record) =>
		hasId(record) && emailOfCampaignLead(record)?.trim().toLowerCase() === email.trim().toLowerCase();

const byId =
	(campaignLeadId: string): Match =>
	(record) =>
		record._id === campaignLeadId;

/**
 * The campaign's lead record that `matches`. SendKit cannot look a lead up by email inside a
 * campaign, so this reads the campaign's leads 100 at a time (SendKit's largest page) and stops at
 * the first match; a campaign of n leads costs at most ⌈n / 100⌉ requests.
 */
async function findCampaignLead(
	ctx: IExecuteFunctions,
	itemIndex: number,
	send: Send,
	campaignId: string,
	matches: Match,
): Promise<IDataObject | undefined> {
	const path = apiPath`/v1/campaigns/${campaignId}/leads`;
	let cursor: NextPage | undefined;
	for (;;) {
		const page = await fetchListPage(ctx, itemIndex, send, path, {}, cursor, MAX_PAGE_SIZE);
		const found = page.records.find(matches);
		if (found || page.next === undefined) return found;
		cursor = page.next;
	}
}

/** The CampaignLead `_id` that `campaignLeadId` names: an ID as it is, an email address looked up. */
export async function campaignLeadIdOf(ctx: IExecuteFunctions, itemIndex: number, send: Send, campaignId: string): Promise<string> {
	return await leadIdOf(ctx, 'campaignLeadId', 'Campaign Lead ID', itemIndex, campaignId, async (email) => {
		const found = await findCampaignLead(ctx, itemIndex, send, campaignId, byEmail(email));
		return found?._id as string | undefined;
	});
}

/**
 * The whole record of the campaign lead that `campaignLeadId` names, by ID or email address. Only
 * the campaign's lead list is documented (no single-lead read [?]), so an ID is found there too.
 */
export async function campaignLeadOf(ctx: IExecuteFunctions, itemIndex: number, send: Send, campaignId: string): Promise<IDataObject> {
	let record: IDataObject | undefined;
	const campaignLeadId = await leadIdOf(ctx, 'campaignLeadId', 'Campaign Lead ID', itemIndex, campaignId, async (email) => {
		record = await findCampaignLead(ctx, itemIndex, send, campaignId, byEmail(email));
		return record?._id as string | undefined;
	});
	record ??= await findCampaignLead(ctx, itemIndex, send, campaignId, byId(campaignLeadId));
	if (record === undefined) {
		throw new NodeOperationError(ctx.getNode(), `No lead with the Campaign Lead ID "${campaignLeadId}" in campaign ${campaignId}`, {
			itemIndex,
			description:
				"Campaign Lead ID (campaignLeadId) takes the _id of the lead's entry in this campaign (not the Lead ID) or the lead's email address.",
		});
	}
	return record;
}
