import type { INodeProperties } from 'n8n-workflow';

import { campaignLocator } from '../common/descriptions';
import type { LeadParameter } from '../common/leads';

/** The parameters that many Smartlead operations share, written once. */

const idPlaceholder = '1234567';

export const campaign = campaignLocator({ idPlaceholder });

/** The trigger's campaign: required, since Smartlead keeps webhooks per campaign. */
export const campaignFilter = campaignLocator({
	idPlaceholder,
	description: 'The campaign whose events start the workflow; Smartlead keeps webhooks per campaign',
});

/** The lead parameter of every campaign lead operation: an ID or an email address. */
export const leadIdOrEmail: INodeProperties = {
	displayName: 'Lead ID or Email',
	name: 'leadId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '2345678 or name@email.com',
	description: "The lead's Smartlead ID (a number) or its email address; an address is looked up in the campaign first",
};

/** The lead parameter as messages name it. */
export const LEAD: LeadParameter = { name: 'leadId', label: 'Lead ID or Email' };
