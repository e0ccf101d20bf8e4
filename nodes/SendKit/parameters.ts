import { campaignParameters, leadIdOrEmail } from '../common/descriptions';
import type { LeadParameter } from '../common/leads';

/** The parameters that many SendKit operations share, written once. */

export const { campaign, campaignFilter } = campaignParameters('665a1b2c3d4e5f6a7b8c9d0e', {
	description: 'Only events of this campaign start the workflow; leave empty for every campaign of the workspace',
});

export const campaignLeadIdOrEmail = leadIdOrEmail({
	displayName: 'Campaign Lead ID or Email',
	name: 'campaignLeadId',
	placeholder: '666a1b2c3d4e5f6a7b8c9d01 or ada@example.com',
	description:
		"The _id of the CampaignLead record (the lead's entry in this campaign), not the Lead ID; or the lead's email address, looked up among the campaign's leads",
});

/** The lead parameter as messages name it. */
export const LEAD: LeadParameter = { name: 'campaignLeadId', label: 'Campaign Lead ID' };
