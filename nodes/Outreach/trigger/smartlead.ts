import type { IDataObject } from 'n8n-workflow';

import { isRecord } from '../../common/records';
import { smartleadDelivery, smartleadHooks } from '../../Smartlead/hooks';
import { firstText } from '../vocabulary';
import type { TriggerAdapter } from './types';

const inside = (value: unknown): IDataObject => (isRecord(value) ? value : {});

/**
 * Smartlead under the Outreach Trigger (docs/providers/webhooks.md, "Outreach Trigger"): one
 * campaign hook with the mapped events, as the Smartlead trigger registers it. Interest is a
 * lead category: LEAD_CATEGORY_UPDATED serves both interest events, told apart by the new
 * category's name.
 */
export const smartleadTrigger: TriggerAdapter = {
	provider: 'smartlead',
	hooks: smartleadHooks,
	delivery: smartleadDelivery,
	events: {
		replied: 'EMAIL_REPLY',
		interested: 'LEAD_CATEGORY_UPDATED',
		notInterested: 'LEAD_CATEGORY_UPDATED',
		bounced: 'EMAIL_BOUNCE',
		unsubscribed: 'LEAD_UNSUBSCRIBED',
		opened: 'EMAIL_OPEN',
		clicked: 'EMAIL_LINK_CLICK',
		sent: 'EMAIL_SENT',
	},
	interest: { event: 'LEAD_CATEGORY_UPDATED', labelOf: (raw) => inside(raw.lead_category).new_name ?? raw.category },
	read(raw) {
		const lead = inside(raw.lead_data);
		const reply = inside(raw.reply_message);
		return {
			// Older payloads carry only the time of their own event.
			occurredAt: firstText(raw.event_timestamp, raw.time_replied, raw.time_sent, raw.time_opened, raw.time_clicked),
			campaign: { id: firstText(raw.campaign_id), name: firstText(raw.campaign_name) },
			lead: {
				id: firstText(raw.sl_email_lead_id, raw.lead_id),
				// `to_email` last: it is the lead on Smartlead's sending events only.
				email: firstText(raw.sl_lead_email, raw.lead_email, lead.email, raw.to_email),
				// Only the category update carries the lead's names; other events name the lead whole (`to_name`, in raw).
				firstName: firstText(lead.first_name),
				lastName: firstText(lead.last_name),
			},
			message: {
				subject: firstText(raw.subject, raw.custom_subject),
				text: firstText(reply.text, raw.preview_text, raw.reply_body),
			},
		};
	},
};
