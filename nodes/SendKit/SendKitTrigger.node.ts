import type { INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { answerDelivery, webhookLifecycle } from '../common/webhooks';
import { sendKitDelivery, sendKitHooks } from './hooks';
import { searchCampaigns } from './methods/listSearch';
import { campaignFilter } from './parameters';

export class SendKitTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SendKit Outreach Trigger',
		name: 'sendKitTrigger',
		icon: { light: 'file:sendkit.svg', dark: 'file:sendkit.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when SendKit reports an email or lead event, through a signed webhook it registers itself',
		defaults: { name: 'SendKit Outreach Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sendKitOutreachApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				description: 'The SendKit events that start the workflow',
				options: [
					{ name: 'Email Bounced', value: 'email.bounced' },
					{ name: 'Email Clicked', value: 'email.clicked' },
					{ name: 'Email Opened', value: 'email.opened' },
					{ name: 'Email Positive Reply', value: 'email.positive_reply' },
					{ name: 'Email Replied', value: 'email.replied' },
					{ name: 'Email Sent', value: 'email.sent' },
					{ name: 'Email Unsubscribed', value: 'email.unsubscribed' },
					{ name: 'Lead AI Tag Changed', value: 'lead.tag_changed' },
					{ name: 'Lead Bounced', value: 'lead.bounced' },
					{ name: 'Lead Replied', value: 'lead.replied' },
				],
			},
			campaignFilter,
		],
	};

	methods = { listSearch: { searchCampaigns } };

	webhookMethods = { default: webhookLifecycle(sendKitHooks) };

	/** SendKit signs the raw body with this activation's secret (see `sendKitDelivery`). */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return answerDelivery(this, sendKitDelivery(this));
	}
}
