import type { INodeProperties } from 'n8n-workflow';

import { campaignParameters, leadIdOrEmail as leadParameter } from '../common/descriptions';
import type { LeadParameter } from '../common/leads';

/** The parameters that many lemlist operations share, written once. */

const campaigns = campaignParameters('e.g. cam_aBcDeFgHiJkLmNoPq', {
	description: 'Only events of this campaign start the workflow; leave empty for every campaign',
});

/** The campaign of an operation, its description saying the form of an ID (an agent fills it through $fromAI). */
export const campaign: INodeProperties = {
	...campaigns.campaign,
	description: 'The campaign: pick it from the list, or give its lemlist campaign ID, such as cam_aBcDeFgHiJkLmNoPq',
};

export const { campaignFilter } = campaigns;

export const leadIdOrEmail = leadParameter({
	displayName: 'Lead ID or Email',
	name: 'leadId',
	placeholder: 'e.g. lea_aBcDeFgHiJkLmNoPq or ada@example.com',
	description:
		"The lead: its lemlist lead ID in this campaign, such as lea_aBcDeFgHiJkLmNoPq, or its email address, such as ada@example.com, looked up in the campaign first",
});

/** The lead parameter as messages name it. */
export const LEAD: LeadParameter = { name: 'leadId', label: 'Lead ID' };

/**
 * "In All Campaigns" of an action lemlist can also apply to every campaign of the lead; `done` is
 * what happens to the lead ("paused").
 */
export const inAllCampaigns = (done: string): INodeProperties => ({
	displayName: 'In All Campaigns',
	name: 'allCampaigns',
	type: 'boolean',
	default: false,
	description: `Whether the lead is ${done} in every campaign it is in, not only in this one`,
});
