import type { INodeProperties } from 'n8n-workflow';

import { campaignLocator } from '../common/descriptions';
import type { LeadParameter } from '../common/leads';

/** The parameters that many lemlist operations share, written once. */

const idPlaceholder = 'cam_aBcDeFgHiJkLmNoPq';

export const campaign = campaignLocator({ idPlaceholder });

/** The trigger's campaign: optional, empty for every campaign. */
export const campaignFilter = campaignLocator({
	idPlaceholder,
	required: false,
	description: 'Only events of this campaign start the workflow; leave empty for every campaign',
});

export const leadIdOrEmail: INodeProperties = {
	displayName: 'Lead ID or Email',
	name: 'leadId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'lea_aBcDeFgHiJkLmNoPq or ada@example.com',
	description: "The lead's ID in the campaign (lea_…) or its email address, looked up in the campaign first",
};

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

/** The lead parameter as messages name it. */
export const LEAD: LeadParameter = { name: 'leadId', label: 'Lead ID' };
