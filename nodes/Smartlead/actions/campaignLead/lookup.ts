import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { resolveLead as resolveLeadOf, type ResolvedLead } from '../../../common/leads';
import { isRecord } from '../../../common/records';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { LEAD } from '../../parameters';

/** The campaign IDs an entry of a lead's campaign list names, whatever the shape: `campaign_id`, `email_campaign_id` or `id`. */
const campaignIdOf = (entry: unknown) => (isRecord(entry) ? (entry.campaign_id ?? entry.email_campaign_id ?? entry.id) : undefined);

/** A list inside an answer: the answer itself, or its `data` / `campaigns` / `leads` array. */
function listIn(answer: unknown): unknown[] | undefined {
	if (Array.isArray(answer)) return answer;
	if (!isRecord(answer)) return undefined;
	for (const key of ['data', 'campaigns', 'leads']) if (Array.isArray(answer[key])) return answer[key] as unknown[];
	return undefined;
}

/**
 * The lead with `email` if it is in campaign `campaignId`, else undefined: one `GET /leads/?email=`
 * (Smartlead answers the lead, or `{}` when no lead has the address). The answer's
 * `lead_campaign_data` says which campaigns the lead is in; an answer without it costs one more
 * request, `GET /leads/{id}/campaigns`.
 */
export async function findLeadByEmail(send: Send, campaignId: string, email: string): Promise<IDataObject | undefined> {
	const answer = await send({ method: 'GET', path: '/leads/', qs: { email }, allowMissing: true });
	const wanted = email.toLowerCase();
	// An array is not what the docs show, but would hold the lead too.
	const candidates = Array.isArray(answer) ? answer : [answer];
	const lead = candidates.find(
		(candidate): candidate is IDataObject =>
			isRecord(candidate) &&
			candidate.id !== undefined &&
			candidate.id !== null &&
			(typeof candidate.email !== 'string' || candidate.email.toLowerCase() === wanted),
	);
	if (!lead) return undefined;

	let campaigns = Array.isArray(lead.lead_campaign_data) ? (lead.lead_campaign_data as unknown[]) : undefined;
	if (!campaigns) {
		const listed = await send({ method: 'GET', path: apiPath`/leads/${String(lead.id)}/campaigns`, allowMissing: true });
		campaigns = listIn(listed) ?? [];
	}
	return campaigns.some((entry) => String(campaignIdOf(entry)) === campaignId) ? lead : undefined;
}

/**
 * The lead of the `leadId` parameter in `campaignId`: a numeric ID as it is, an email address
 * looked up in the campaign (see `findLeadByEmail`), anything else refused before any request.
 */
export async function resolveLead(ctx: IExecuteFunctions, itemIndex: number, send: Send, campaignId: string): Promise<ResolvedLead> {
	const lead = await resolveLeadOf(ctx, itemIndex, campaignId, LEAD, {
		findByEmail: async (campaign, email) => await findLeadByEmail(send, campaign, email),
		idOf: (record) => String(record.id),
	});
	if (!/^\d+$/.test(lead.leadId)) {
		throw new NodeOperationError(ctx.getNode(), `${LEAD.label} (${LEAD.name}) must be a number or an email address, not "${lead.leadId}"`, {
			itemIndex,
			description: "Give the lead's Smartlead ID, a whole number such as 2345678, or its email address.",
		});
	}
	return lead;
}
