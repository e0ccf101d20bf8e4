import type { INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { answerDelivery, webhookLifecycle } from '../common/webhooks';
import { smartleadDelivery, smartleadHooks } from './hooks';
import { searchCampaigns } from './methods/listSearch';
import { campaignFilter } from './parameters';

export class SmartleadTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Smartlead Outreach Trigger',
		name: 'smartleadTrigger',
		icon: { light: 'file:smartlead.svg', dark: 'file:smartlead.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when a Smartlead campaign reports a lead event, through a webhook it registers itself',
		defaults: { name: 'Smartlead Outreach Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'smartleadOutreachApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			campaignFilter,
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				description: 'The Smartlead events that start the workflow',
				options: [
					{ name: 'Campaign Status Changed', value: 'CAMPAIGN_STATUS_CHANGED' },
					{ name: 'Email Bounce', value: 'EMAIL_BOUNCE' },
					{ name: 'Email Link Click', value: 'EMAIL_LINK_CLICK' },
					{ name: 'Email Open', value: 'EMAIL_OPEN' },
					{ name: 'Email Reply', value: 'EMAIL_REPLY' },
					{ name: 'Email Sent', value: 'EMAIL_SENT' },
					{ name: 'First Email Sent', value: 'FIRST_EMAIL_SENT' },
					{ name: 'Lead Category Updated', value: 'LEAD_CATEGORY_UPDATED' },
					{ name: 'Lead Unsubscribed', value: 'LEAD_UNSUBSCRIBED' },
					{ name: 'Manual Step Reached', value: 'MANUAL_STEP_REACHED' },
					{ name: 'Untracked Replies', value: 'UNTRACKED_REPLIES' },
				],
			},
		],
	};

	methods = { listSearch: { searchCampaigns } };

	webhookMethods = { default: webhookLifecycle(smartleadHooks) };

	/** The registered URL carries this activation's token; the account's `secret_key` never reaches the item. */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return answerDelivery(this, smartleadDelivery(this));
	}
}
