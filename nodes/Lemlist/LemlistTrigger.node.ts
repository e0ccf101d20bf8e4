import type { INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { answerDelivery, webhookLifecycle } from '../common/webhooks';
import { lemlistDelivery, lemlistHooks } from './hooks';
import { searchCampaigns } from './methods/listSearch';
import { campaignFilter } from './parameters';

export class LemlistTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Lemlist Outreach Trigger',
		name: 'lemlistTrigger',
		icon: { light: 'file:lemlist.svg', dark: 'file:lemlist.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when lemlist reports a lead event, through a webhook it registers itself',
		defaults: { name: 'Lemlist Outreach Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'lemlistOutreachApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				description:
					'The lemlist activities that start the workflow. lemlist takes one event per webhook, so the trigger registers one webhook for each.',
				options: [
					{ name: 'Campaign Complete', value: 'campaignComplete' },
					{ name: 'Email Bounced', value: 'emailsBounced' },
					{ name: 'Email Clicked', value: 'emailsClicked' },
					{ name: 'Email Failed', value: 'emailsFailed' },
					{ name: 'Email Marked Interested', value: 'emailsInterested' },
					{ name: 'Email Marked Not Interested', value: 'emailsNotInterested' },
					{ name: 'Email Opened', value: 'emailsOpened' },
					{ name: 'Email Replied', value: 'emailsReplied' },
					{ name: 'Email Sent', value: 'emailsSent' },
					{ name: 'Email Unsubscribed', value: 'emailsUnsubscribed' },
					{ name: 'Lead Annotated', value: 'annotated' },
					{ name: 'Lead Attracted', value: 'attracted' },
					{ name: 'Lead Contacted', value: 'contacted' },
					{ name: 'Lead Hooked', value: 'hooked' },
					{ name: 'Lead Interested', value: 'interested' },
					{ name: 'Lead Not Interested', value: 'notInterested' },
					{ name: 'Lead Paused', value: 'paused' },
					{ name: 'Lead Resumed', value: 'resumed' },
					{ name: 'Lead Stopped', value: 'stopped' },
					{ name: 'Lead Warmed', value: 'warmed' },
				],
			},
			campaignFilter,
		],
	};

	methods = { listSearch: { searchCampaigns } };

	webhookMethods = { default: webhookLifecycle(lemlistHooks) };

	/** lemlist echoes the hook's secret in the body: it must be this activation's, and never reaches the item. */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return answerDelivery(this, lemlistDelivery(this));
	}
}
