import type { INodeProperties } from 'n8n-workflow';

import { campaignParameters, leadIdOrEmail as leadParameter } from '../common/descriptions';
import type { LeadParameter } from '../common/leads';

/** The parameters that many Smartlead operations share, written once. */

// Smartlead keeps webhooks per campaign: the trigger needs one.
const campaigns = campaignParameters('e.g. 1234567', {
	description: 'The campaign whose events start the workflow; Smartlead keeps webhooks per campaign',
	required: true,
});

/** How a Smartlead campaign is given, for descriptions that an agent reads when it fills the campaign through $fromAI. */
const CAMPAIGN_FORM = 'pick it from the list, or give its Smartlead campaign ID, a number such as 1234567';

/** The campaign of an operation; `role` says what the operation does with it ("The campaign the lead is in"). */
export const campaignAs = (role: string): INodeProperties => ({ ...campaigns.campaign, description: `${role}: ${CAMPAIGN_FORM}` });

export const campaign = campaignAs('The campaign');

export const { campaignFilter } = campaigns;

export const leadIdOrEmail = leadParameter({
	displayName: 'Lead ID or Email',
	name: 'leadId',
	placeholder: 'e.g. 2345678 or name@email.com',
	description:
		"The lead: its Smartlead lead ID, a number such as 2345678, or its email address, such as name@example.com, looked up in the campaign first",
});

/** The lead parameter as messages name it. */
export const LEAD: LeadParameter = { name: 'leadId', label: 'Lead ID or Email' };
