import type { DeliveryResult, Outgoing } from '../../sandbox/providers/hooks';

/** A trigger of each provider as the e2e suites publish it, and how its deliveries look and are forged. */
export interface TriggerCase {
	provider: string;
	workflowId: string;
	type: string;
	credential: string;
	parameters: Record<string, unknown>;
	event: string;
	hookCount: number;
	/** The delivery's body less what only carries the secret, as the item must show it. */
	expectedItem(delivery: DeliveryResult): Record<string, unknown>;
	/** The same delivery, with its proof of origin broken. */
	forge(delivery: DeliveryResult): Outgoing;
}

export const without = (body: Record<string, unknown>, ...keys: string[]) => Object.fromEntries(Object.entries(body).filter(([key]) => !keys.includes(key)));

/** The lemlist, Smartlead and SendKit cases, under the workflow IDs a suite gives them. */
export function triggerCases(workflowIds: { lemlist: string; smartlead: string; sendkit: string }): TriggerCase[] {
	return [
		{
			provider: 'lemlist',
			workflowId: workflowIds.lemlist,
			type: 'lemlistTrigger',
			credential: 'lemlistOutreachApi',
			parameters: { events: ['emailsReplied', 'emailsBounced'], campaignId: { __rl: true, mode: 'id', value: 'cam_A1' } },
			event: 'emailsReplied',
			hookCount: 2,
			expectedItem: (delivery) => without(delivery.body, 'secret'),
			forge: (delivery) => ({ url: delivery.url, rawBody: JSON.stringify({ ...delivery.body, secret: 'forged-secret' }) }),
		},
		{
			provider: 'smartlead',
			workflowId: workflowIds.smartlead,
			type: 'smartleadTrigger',
			credential: 'smartleadOutreachApi',
			parameters: { campaignId: { __rl: true, mode: 'id', value: '101' }, events: ['EMAIL_REPLY', 'EMAIL_BOUNCE'] },
			event: 'EMAIL_REPLY',
			hookCount: 1,
			expectedItem: (delivery) => ({ ...without(delivery.body, 'secret_key'), webhook_url: delivery.url.split('?')[0] }),
			forge: (delivery) => ({ url: delivery.url.replace(/token=[^&]+/, 'token=forged'), rawBody: JSON.stringify(delivery.body) }),
		},
		{
			provider: 'sendkit',
			workflowId: workflowIds.sendkit,
			type: 'sendKitTrigger',
			credential: 'sendKitOutreachApi',
			parameters: { events: ['email.replied', 'lead.tag_changed'] },
			event: 'email.replied',
			hookCount: 1,
			expectedItem: (delivery) => delivery.body,
			forge: (delivery) => ({ url: delivery.url, rawBody: JSON.stringify(delivery.body), headers: { 'X-Webhook-Signature': 'sha256=' + '0'.repeat(64), 'X-Webhook-Event': 'email.replied' } }),
		},
	];
}
