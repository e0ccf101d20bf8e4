import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiPath, apiRequest } from '../common/request';
import {
	deliveryBody,
	sameSecret,
	selectedCampaign,
	selectedEvents,
	type DeliveryCheck,
	type HookApi,
	type RemoteHook,
} from '../common/webhooks';
import { exactId } from './actions/ids';
import { smartlead } from './provider';

/**
 * Smartlead's campaign-level hooks (docs/providers/webhooks.md, "Smartlead"): one hook per
 * campaign carrying every selected event. Smartlead signs nothing we can rely on, so the
 * registered URL carries the activation's secret as `?token=`, which the trigger checks.
 */
export const smartleadHooks: HookApi = {
	wanted(ctx, webhookUrl, secret) {
		const url = new URL(webhookUrl);
		url.searchParams.set('token', secret);
		return [{ url: url.href, events: selectedEvents(ctx) }];
	},

	async list(ctx) {
		const answer = await apiRequest.call(ctx, smartlead, { method: 'GET', path: apiPath`/campaigns/${campaignOf(ctx)}/webhooks` });
		return hookList(answer).map((hook): RemoteHook => ({
			id: String(hook.id),
			url: String(hook.webhook_url ?? ''),
			events: Array.isArray(hook.event_types) ? hook.event_types.map(String) : [],
		}));
	},

	async create(ctx, hook, secret) {
		const campaignId = campaignOf(ctx);
		const workflow = ctx.getWorkflow();
		const answer = (await apiRequest.call(ctx, smartlead, {
			method: 'POST',
			path: apiPath`/campaigns/${campaignId}/webhooks`,
			// `id: null` creates; `categories` left empty: every lead category [?].
			body: { id: null, name: `n8n: ${workflow.name ?? workflow.id}`, webhook_url: hook.url, event_types: hook.events, categories: [] },
			// The hook's URL carries the secret as its token.
			conceal: [secret],
		})) as IDataObject;
		const id = answer.id ?? (answer.data as IDataObject | undefined)?.id ?? answer.webhook_id;
		if (id !== undefined && id !== null) return { id: String(id) };
		// Some answers carry only `ok`: the new hook is the one on our URL.
		const registered = (await this.list(ctx))?.find((remote) => remote.url === hook.url);
		if (!registered) throw new NodeOperationError(ctx.getNode(), `Smartlead accepted the webhook for campaign ${campaignId} but does not list it`);
		return { id: registered.id };
	},

	async remove(ctx, id) {
		const campaignId = campaignOf(ctx);
		// Newer docs delete by path, the older ones with `{id}` in the body [?]: try both.
		const byPath = await apiRequest.call(ctx, smartlead, { method: 'DELETE', path: apiPath`/campaigns/${campaignId}/webhooks/${id}`, allowMissing: true });
		if (byPath !== undefined) return;
		await apiRequest.call(ctx, smartlead, { method: 'DELETE', path: apiPath`/campaigns/${campaignId}/webhooks`, body: { id: exactId(id) }, allowMissing: true });
	},
};

/**
 * What a Smartlead delivery proves and names (for every trigger on Smartlead's hooks): the
 * registered URL carries this activation's token. Smartlead echoes that URL (`webhook_url`) and the
 * account's `secret_key` in the body: neither reaches the item.
 */
export function smartleadDelivery(ctx: IWebhookFunctions): DeliveryCheck {
	const body = deliveryBody(ctx);
	return {
		provesSecret: (secret) => sameSecret((ctx.getQueryData() as IDataObject).token, secret),
		event: body.event_type,
		campaignId: body.campaign_id,
		omit: ['secret_key'],
	};
}

function campaignOf(ctx: IHookFunctions): string {
	const campaignId = selectedCampaign(ctx);
	if (!/^\d+$/.test(campaignId)) {
		throw new NodeOperationError(ctx.getNode(), `Campaign must be a Smartlead campaign ID (a number), not "${campaignId}"`, {
			description: 'Smartlead keeps webhooks per campaign: pick the campaign whose events start this workflow.',
		});
	}
	return campaignId;
}

function hookList(answer: unknown): IDataObject[] {
	const list = Array.isArray(answer) ? answer : (answer as IDataObject | undefined)?.data;
	return (Array.isArray(list) ? list : []).filter((hook): hook is IDataObject => typeof hook === 'object' && hook !== null && 'id' in hook);
}
