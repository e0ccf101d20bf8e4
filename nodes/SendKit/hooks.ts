import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { isRecord } from '../common/records';
import { apiPath, apiRequest } from '../common/request';
import { deliveryBody, registeredId, sameSecret, selectedEvents, signatureOf, type DeliveryCheck, type HookApi, type RemoteHook } from '../common/webhooks';
import { dataOf, sendKit } from './provider';

/**
 * SendKit's workspace hooks (docs/providers/webhooks.md, "SendKit"): one hook with
 * every selected event, signed with the secret we hand over (SendKit answers the secret it uses,
 * which is adopted). SendKit hooks cover the whole workspace; a campaign is filtered on delivery.
 */
export const sendKitHooks: HookApi = {
	wanted(ctx, webhookUrl) {
		return [{ url: webhookUrl, events: selectedEvents(ctx) }];
	},

	async list(ctx) {
		// The list is documented but paged; only its first page is read [?]: the stored IDs cover the rest (docs/providers/webhooks.md).
		const answer = dataOf(await apiRequest.call(ctx, sendKit, { method: 'GET', path: '/v1/webhooks', allowMissing: true }));
		if (answer === undefined) return undefined;
		const list = Array.isArray(answer) ? answer : (answer as IDataObject | undefined)?.webhooks;
		return (Array.isArray(list) ? (list as IDataObject[]) : [])
			.filter((hook) => typeof hook._id === 'string' && typeof hook.url === 'string')
			.map((hook): RemoteHook => ({
				id: hook._id as string,
				url: hook.url as string,
				events: Array.isArray(hook.events) ? hook.events.map(String) : [],
			}));
	},

	async create(ctx, hook, secret) {
		const workflow = ctx.getWorkflow();
		const answer = dataOf(
			await apiRequest.call(ctx, sendKit, {
				method: 'POST',
				path: '/v1/webhooks',
				body: { name: `n8n: ${workflow.name ?? workflow.id}`, url: hook.url, events: hook.events, secret },
				conceal: [secret],
			}),
		) as IDataObject;
		return { id: registeredId(ctx, sendKit.name, answer?._id), secret: typeof answer?.secret === 'string' && answer.secret ? answer.secret : undefined };
	},

	async remove(ctx, id) {
		await apiRequest.call(ctx, sendKit, { method: 'DELETE', path: apiPath`/v1/webhooks/${id}`, allowMissing: true });
	},
};

/**
 * The campaign a delivery names. SendKit's delivery envelope is unpublished [?]: the ID is looked
 * for at the top level and under `data`, flat or as a `campaign` object.
 */
export function deliveredCampaign(body: IDataObject): unknown {
	for (const place of [body, isRecord(body.data) ? body.data : {}]) {
		const campaign = place.campaignId ?? place.campaign_id ?? (isRecord(place.campaign) ? (place.campaign._id ?? place.campaign.id) : undefined);
		if (campaign !== undefined) return campaign;
	}
	return undefined;
}

/**
 * What a SendKit delivery proves and names (for every trigger on SendKit's hooks). SendKit signs
 * the raw body: X-Webhook-Signature is its HMAC-SHA256 in hex, with or without `sha256=`. Without
 * the raw bytes there is nothing to verify. The event is read from the signed body; X-Webhook-Event
 * is not signed, so a delivery whose header names another event names none.
 */
export function sendKitDelivery(ctx: IWebhookFunctions): DeliveryCheck {
	const body = deliveryBody(ctx);
	const headers = ctx.getHeaderData() as Record<string, unknown>;
	const rawBody = (ctx.getRequestObject() as { rawBody?: unknown }).rawBody;
	const signed = Buffer.isBuffer(rawBody) || typeof rawBody === 'string' ? rawBody : undefined;
	const presented = typeof headers['x-webhook-signature'] === 'string' ? headers['x-webhook-signature'].trim().replace(/^sha256=/i, '').toLowerCase() : '';
	const event = body.event ?? body.type;
	const named = headers['x-webhook-event'];
	return {
		provesSecret: (secret) => signed !== undefined && presented !== '' && sameSecret(presented, signatureOf(secret, signed)),
		event: named === undefined || named === event ? event : undefined,
		campaignId: deliveredCampaign(body),
	};
}
