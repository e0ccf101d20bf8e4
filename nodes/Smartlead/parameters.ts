import { campaignParameters, leadIdOrEmail as leadParameter } from '../common/descriptions';
import type { LeadParameter } from '../common/leads';

/** The parameters that many Smartlead operations share, written once. */

// Smartlead keeps webhooks per campaign: the trigger needs one.
export const { campaign, campaignFilter } = campaignParameters('1234567', {
	description: 'The campaign whose events start the workflow; Smartlead keeps webhooks per campaign',
	required: true,
});

export const leadIdOrEmail = leadParameter({
	displayName: 'Lead ID or Email',
	name: 'leadId',
	placeholder: '2345678 or name@email.com',
	description: "The lead's Smartlead ID (a number) or its email address; an address is looked up in the campaign first",
});

/** The lead parameter as messages name it. */
export const LEAD: LeadParameter = { name: 'leadId', label: 'Lead ID or Email' };
