import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireId } from '../../../common/fields';
import { resolveLead as resolveLeadOf, type ResolvedLead } from '../../../common/leads';
import { isRecord, nonEmptyText, recordsOf } from '../../../common/records';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { LEAD } from '../../parameters';

/** The campaign of a lead record: `campaign.id` in the per-address list, `campaignId` in a lead record. */
export function campaignOf(record: IDataObject): string | undefined {
	return nonEmptyText((isRecord(record.campaign) ? record.campaign.id : undefined) ?? record.campaignId);
}

/**
 * lemlist's record of an address in one campaign, with one request: `GET /leads/{email}` lists the
 * address once per campaign it is in. An answer that names no campaign at all (the older,
 * single-record shape) is taken as it is; an address lemlist does not know answers nothing.
 */
export async function findLeadByEmail(send: Send, campaignId: string, email: string): Promise<IDataObject | undefined> {
	const answer = await send({ method: 'GET', path: apiPath`/leads/${email}`, qs: { version: 'v2' }, allowMissing: true });
	const records = recordsOf(answer);
	if (records.length > 0 && records.every((record) => campaignOf(record) === undefined)) return records[0];
	return records.find((record) => campaignOf(record) === campaignId);
}

/**
 * Reads the Campaign and the Lead ID or Email parameters. An ID is used as it is (no request); an
 * email address is looked up in the campaign first (see `findLeadByEmail`).
 */
export async function resolveLead(ctx: IExecuteFunctions, itemIndex: number, send: Send): Promise<ResolvedLead> {
	const campaignId = requireId(ctx, 'campaignId', 'Campaign', itemIndex);
	return await resolveLeadOf(ctx, itemIndex, campaignId, LEAD, {
		findByEmail: async (campaign, email) => await findLeadByEmail(send, campaign, email),
		idOf: (record) => nonEmptyText(record._id),
	});
}

/**
 * A lead record fetched by ID (`GET /leads?id=`). lemlist lead IDs belong to one campaign: a lead
 * of another campaign fails the item rather than acting outside the chosen campaign.
 */
export async function getLeadById(ctx: IExecuteFunctions, itemIndex: number, send: Send, campaignId: string, leadId: string): Promise<IDataObject> {
	const answer = await send({ method: 'GET', path: '/leads', qs: { id: leadId, version: 'v2' } });
	// One record is what lemlist documents; a list is read as records of the lead, the chosen campaign's first.
	const records = recordsOf(answer);
	const record = records.find((candidate) => campaignOf(candidate) === campaignId) ?? records[0] ?? {};
	const actual = campaignOf(record);
	if (actual !== undefined && actual !== campaignId) {
		throw new NodeOperationError(ctx.getNode(), `Lead ${leadId} is in campaign ${actual}, not in ${campaignId}`, {
			itemIndex,
			description: 'lemlist lead IDs belong to one campaign: choose the campaign of the lead, or give its email address.',
		});
	}
	return record;
}

/** The IDs an action's output carries: the campaign, the lead, and the address when one was given. */
export function idsOf(lead: ResolvedLead): IDataObject {
	return { campaignId: lead.campaignId, leadId: lead.leadId, ...(lead.email ? { email: lead.email } : {}) };
}
