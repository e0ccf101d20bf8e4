import { lemlistDelivery, lemlistHooks } from '../../Lemlist/hooks';
import { firstText } from '../vocabulary';
import type { TriggerAdapter } from './types';

/**
 * lemlist under the Outreach Trigger (docs/providers/webhooks.md, "Outreach Trigger"). Each
 * unified event is one lemlist type, so one hook each, as the Lemlist trigger registers them.
 * Interest is lemlist's lead-state group (`interested`, `notInterested`), which gathers the
 * channel activities (`emailsInterested`, LinkedIn, calls, marked by hand or through the API).
 */
export const lemlistTrigger: TriggerAdapter = {
	provider: 'lemlist',
	hooks: lemlistHooks,
	delivery: lemlistDelivery,
	events: {
		replied: 'emailsReplied',
		interested: 'interested',
		notInterested: 'notInterested',
		bounced: 'emailsBounced',
		unsubscribed: 'emailsUnsubscribed',
		opened: 'emailsOpened',
		clicked: 'emailsClicked',
		sent: 'emailsSent',
	},
	/** A delivery is the activity: flat, with the lead's and the campaign's fields beside its type. */
	read: (raw) => ({
		occurredAt: firstText(raw.createdAt),
		campaign: { id: firstText(raw.campaignId), name: firstText(raw.campaignName) },
		lead: {
			id: firstText(raw.leadId),
			email: firstText(raw.leadEmail),
			firstName: firstText(raw.leadFirstName),
			lastName: firstText(raw.leadLastName),
		},
		// No documented field carries a reply's text; `text` is read when an activity has one.
		message: { subject: firstText(raw.subject), text: firstText(raw.text) },
	}),
};
