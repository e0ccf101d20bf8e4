import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import type { DeliveryCheck, HookApi } from '../../common/webhooks';
import type { ProviderName } from '../vocabulary';

/** The trigger's events in one vocabulary, as its `events` parameter names them. */
export const OUTREACH_EVENTS = ['replied', 'interested', 'notInterested', 'bounced', 'unsubscribed', 'opened', 'clicked', 'sent'] as const;
export type OutreachEvent = (typeof OUTREACH_EVENTS)[number];

export const isOutreachEvent = (value: unknown): value is OutreachEvent => (OUTREACH_EVENTS as readonly unknown[]).includes(value);

/** What a delivery says, read from its body less the secret; every field is present, null when the provider left it out. */
export interface DeliveryFields {
	occurredAt: string | null;
	campaign: { id: string | null; name: string | null };
	lead: { id: string | null; email: string | null; firstName: string | null; lastName: string | null };
	message: { subject: string | null; text: string | null };
}

/** One item of the Outreach Trigger: the same shape for every provider and event. */
export interface OutreachEventItem extends IDataObject {
	provider: ProviderName;
	event: OutreachEvent;
	occurredAt: string | null;
	campaign: { id: string | null; name: string | null };
	lead: { id: string | null; email: string | null; firstName: string | null; lastName: string | null };
	message: { subject: string | null; text: string | null };
	/** The delivery as the provider's own trigger outputs it: the body without the secret. */
	raw: IDataObject;
}

/**
 * One provider under the Outreach Trigger: the provider trigger's own hook registration and
 * delivery check, which unified event is which provider event, and how a delivery reads.
 */
export interface TriggerAdapter {
	provider: ProviderName;
	hooks: HookApi;
	delivery(ctx: IWebhookFunctions): DeliveryCheck;
	/** The provider event registered for each unified event (two may share one). */
	events: Record<OutreachEvent, string>;
	/**
	 * A provider event that reports interest as a label (a category, a tag): the label's name,
	 * read from the delivery, tells interested from not interested.
	 */
	interest?: { event: string; labelOf(raw: IDataObject): unknown };
	read(raw: IDataObject): DeliveryFields;
}
