import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../common/request';
import {
	deliveryBody,
	registeredId,
	sameSecret,
	selectedCampaign,
	selectedEvents,
	type DeliveryCheck,
	type HookApi,
	type RemoteHook,
} from '../common/webhooks';
import { lemlist } from './provider';

/**
 * lemlist's hooks (docs/providers/webhooks.md, "lemlist"): one `type` per hook and one hook per
 * target URL (a second one answers 409). So each selected event gets its own hook on its own URL,
 * `<webhook URL>?event=<type>`: distinct to lemlist, the same n8n path to this trigger. lemlist
 * echoes the hook's `secret` in every delivery body; all hooks of one activation share it.
 */
export const lemlistHooks: HookApi = {
	wanted(ctx, webhookUrl) {
		return selectedEvents(ctx).map((event) => ({ url: withEvent(webhookUrl, event), events: [event] }));
	},

	async list(ctx) {
		const answer = await apiRequest.call(ctx, lemlist, { method: 'GET', path: '/hooks' });
		const hooks = (Array.isArray(answer) ? answer : []) as IDataObject[];
		return hooks
			.filter((hook) => typeof hook._id === 'string' && typeof hook.targetUrl === 'string')
			.map((hook): RemoteHook => ({
				id: hook._id as string,
				url: hook.targetUrl as string,
				events: typeof hook.type === 'string' ? [hook.type] : [],
			}));
	},

	async create(ctx: IHookFunctions, hook, secret) {
		const campaignId = selectedCampaign(ctx);
		// The current spec takes campaignId in the query; the trigger also filters deliveries by it.
		const answer = (await apiRequest.call(ctx, lemlist, {
			method: 'POST',
			path: '/hooks',
			qs: campaignId ? { campaignId } : undefined,
			body: { targetUrl: hook.url, type: hook.events[0], secret },
			conceal: [secret],
		})) as IDataObject;
		return { id: registeredId(ctx, lemlist.name, answer?._id) };
	},

	async remove(ctx, id) {
		await apiRequest.call(ctx, lemlist, { method: 'DELETE', path: apiPath`/hooks/${id}`, allowMissing: true });
	},
};

function withEvent(webhookUrl: string, event: string): string {
	const url = new URL(webhookUrl);
	url.searchParams.set('event', event);
	return url.href;
}

/**
 * What a lemlist delivery proves and names (for every trigger on lemlist's hooks): lemlist echoes
 * the hook's secret in the body, which must be this activation's and never reaches the item. The
 * event is the body's `type`, else the hook URL's `event`.
 */
export function lemlistDelivery(ctx: IWebhookFunctions): DeliveryCheck {
	const body = deliveryBody(ctx);
	return {
		provesSecret: (secret) => sameSecret(body.secret, secret),
		event: body.type ?? (ctx.getQueryData() as IDataObject).event,
		campaignId: body.campaignId,
		omit: ['secret'],
	};
}
