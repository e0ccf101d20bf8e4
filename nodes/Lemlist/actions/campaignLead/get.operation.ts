import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isRecord } from '../../../common/records';
import { pickFields, type Send } from '../../../common/router';
import { getLeadById, resolveLead } from './lookup';
import { campaign, leadIdOrEmail } from '../../parameters';

export const properties: INodeProperties[] = [
	campaign,
	{
		...leadIdOrEmail,
		description:
			"The lead: its lemlist lead ID in this campaign, such as lea_aBcDeFgHiJkLmNoPq, or its email address, such as ada@example.com. By ID, the lead record; by email, lemlist's record of the address in this campaign (with its state, variables and campaign).",
	},
];

/** What Simplify keeps of a lead read by ID (lemlist's lead record). */
const SIMPLIFIED_BY_ID = ['_id', 'email', 'firstName', 'lastName', 'companyName', 'jobTitle', 'campaignId', 'isPaused', 'emailStatus'];

/** What Simplify keeps of a lead read by email (the address's record in the campaign: fields under `variables`). */
const SIMPLIFIED_BY_EMAIL = [
	'_id',
	'variables.email',
	'variables.firstName',
	'variables.lastName',
	'variables.companyName',
	'campaign.id',
	'campaign.name',
	'state',
	'status',
	'isPaused',
];

/** The lead's identity and state, by the shape lemlist answered in. */
export const simplified = (record: IDataObject): IDataObject =>
	pickFields(record, isRecord(record.campaign) || isRecord(record.variables) ? SIMPLIFIED_BY_EMAIL : SIMPLIFIED_BY_ID);

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const lead = await resolveLead(this, itemIndex, send);
	// The address lookup already answered the record: one request either way.
	if (lead.record) return lead.record;
	return await getLeadById(this, itemIndex, send, lead.campaignId, lead.leadId);
}
