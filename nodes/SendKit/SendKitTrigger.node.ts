import type { INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { answerDelivery, deliveryBody, sameSecret, signatureOf, webhookLifecycle } from '../common/webhooks';
import { deliveredCampaign, sendKitHooks } from './hooks';
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

	/**
	 * SendKit signs the raw body: X-Webhook-Signature is its HMAC-SHA256 in hex, with or without
	 * `sha256=`. Without the raw bytes there is nothing to verify. The event is read from the signed
	 * body; X-Webhook-Event is not signed, so a delivery whose header names another event is ignored.
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const body = deliveryBody(this);
		const headers = this.getHeaderData() as Record<string, unknown>;
		const rawBody = (this.getRequestObject() as { rawBody?: unknown }).rawBody;
		const signed = Buffer.isBuffer(rawBody) || typeof rawBody === 'string' ? rawBody : undefined;
		const presented = typeof headers['x-webhook-signature'] === 'string' ? headers['x-webhook-signature'].trim().replace(/^sha256=/i, '').toLowerCase() : '';
		const event = body.event ?? body.type;
		const named = headers['x-webhook-event'];
		return answerDelivery(this, {
			provesSecret: (secret) => signed !== undefined && presented !== '' && sameSecret(presented, signatureOf(secret, signed)),
			event: named === undefined || named === event ? event : undefined,
			campaignId: deliveredCampaign(body),
		});
	}
}
