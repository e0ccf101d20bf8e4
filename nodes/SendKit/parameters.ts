import type { INodeProperties } from 'n8n-workflow';

import { campaignParameters, leadIdOrEmail } from '../common/descriptions';
import type { LeadParameter } from '../common/leads';

/** The parameters that many SendKit operations share, written once. */

const campaigns = campaignParameters('e.g. 665a1b2c3d4e5f6a7b8c9d0e', {
	description: 'Only events of this campaign start the workflow; leave empty for every campaign of the workspace',
});

/** The campaign of an operation, its description saying the form of an ID (an agent fills it through $fromAI). */
export const campaign: INodeProperties = {
	...campaigns.campaign,
	description: 'The campaign: pick it from the list, or give its SendKit campaign ID, 24 hexadecimal characters such as 665a1b2c3d4e5f6a7b8c9d0e',
};

export const { campaignFilter } = campaigns;

export const campaignLeadIdOrEmail = leadIdOrEmail({
	displayName: 'Campaign Lead ID or Email',
	name: 'campaignLeadId',
	placeholder: 'e.g. 666a1b2c3d4e5f6a7b8c9d01 or ada@example.com',
	description:
		"The lead: the _id of the CampaignLead record (its entry in this campaign, 24 hexadecimal characters such as 666a1b2c3d4e5f6a7b8c9d01), not the Lead ID; or its email address, such as ada@example.com, looked up among the campaign's leads",
});

/** The lead parameter as messages name it. */
export const LEAD: LeadParameter = { name: 'campaignLeadId', label: 'Campaign Lead ID' };
