import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withParameters, type Translate } from '../../common/translate';
import { webhookLifecycle } from '../../common/webhooks';
import { lemlistTrigger } from './lemlist';
import { sendKitTrigger } from './sendKit';
import { smartleadTrigger } from './smartlead';
import { isOutreachEvent, type OutreachEvent, type OutreachEventItem, type TriggerAdapter } from './types';

const ADAPTERS: Record<string, TriggerAdapter> = { lemlist: lemlistTrigger, smartlead: smartleadTrigger, sendKit: sendKitTrigger };

/** Each provider's own webhook lifecycle, made once: the provider triggers' registration code. */
const LIFECYCLES = new Map(Object.values(ADAPTERS).map((adapter) => [adapter, webhookLifecycle(adapter.hooks)]));

/** The provider the trigger is set to. */
export function adapterOf(ctx: IHookFunctions | IWebhookFunctions): TriggerAdapter {
	const provider = String(ctx.getNodeParameter('provider', '') ?? '');
	if (!Object.prototype.hasOwnProperty.call(ADAPTERS, provider)) {
		throw new NodeOperationError(ctx.getNode(), `Unknown provider "${provider}"`, { description: 'Choose lemlist, Smartlead or SendKit in "Provider".' });
	}
	return ADAPTERS[provider];
}

/** The unified events chosen in "Events" (anything else in the list is not one of them). */
export function chosenEvents(ctx: IHookFunctions | IWebhookFunctions): OutreachEvent[] {
	const events = ctx.getNodeParameter('events', []) as unknown;
	return Array.isArray(events) ? events.filter(isOutreachEvent) : [];
}

/**
 * The provider trigger's `events` from the Outreach Trigger's: each chosen event as the provider
 * names it, once each (two unified events may share one provider event). `campaignId` has the same
 * name in every trigger and is read as it is.
 */
const translateFor =
	(adapter: TriggerAdapter): Translate =>
	(name, own) => {
		if (name !== 'events') return undefined;
		const chosen = own('events', []);
		const events = Array.isArray(chosen) ? chosen.filter(isOutreachEvent) : [];
		return { value: [...new Set(events.map((event) => adapter.events[event]))] };
	};

/** `ctx` as the provider trigger's code must see it. */
export const asProvider = <Context extends IHookFunctions | IWebhookFunctions>(ctx: Context, adapter: TriggerAdapter): Context =>
	withParameters(ctx, translateFor(adapter));

/** The provider's webhook lifecycle method, run on the translated context. */
export async function runLifecycle(ctx: IHookFunctions, method: 'checkExists' | 'create' | 'delete'): Promise<boolean> {
	const adapter = adapterOf(ctx);
	return await LIFECYCLES.get(adapter)![method].call(asProvider(ctx, adapter));
}

/** Interest labels as the providers name them by default, compared without case or extra spaces. */
const INTEREST: Record<string, OutreachEvent> = { interested: 'interested', 'not interested': 'notInterested' };

/**
 * The unified event of a verified delivery of `providerEvent`. An interest label other than
 * Interested or Not Interested (a Meeting Request category, an Out of Office tag) is none.
 */
export function eventOf(adapter: TriggerAdapter, providerEvent: string, raw: IDataObject): OutreachEvent | undefined {
	if (adapter.interest?.event === providerEvent) {
		const label = adapter.interest.labelOf(raw);
		return typeof label === 'string' ? INTEREST[label.trim().replace(/\s+/g, ' ').toLowerCase()] : undefined;
	}
	return (Object.keys(adapter.events) as OutreachEvent[]).find((event) => adapter.events[event] === providerEvent);
}

/** The trigger's item for one delivery: the same fields for every provider, null where the delivery has none. */
export function itemOf(adapter: TriggerAdapter, event: OutreachEvent, raw: IDataObject): OutreachEventItem {
	return { provider: adapter.provider, event, ...adapter.read(raw), raw };
}
