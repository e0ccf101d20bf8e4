import type { IDataObject } from 'n8n-workflow';

import { isRecord } from '../../common/records';
import { deliveredCampaign, sendKitDelivery, sendKitHooks } from '../../SendKit/hooks';
import { firstText } from '../vocabulary';
import type { TriggerAdapter } from './types';

const inside = (value: unknown): IDataObject => (isRecord(value) ? value : {});

/**
 * SendKit under the Outreach Trigger (docs/providers/webhooks.md, "Outreach Trigger"): one
 * workspace hook with the mapped events, as the SendKit trigger registers it. Interest is the
 * lead's AI tag: `lead.tag_changed` serves both interest events, told apart by the new tag's name
 * (the tag the Outreach node's Mark Interested sets).
 */
export const sendKitTrigger: TriggerAdapter = {
	provider: 'sendKit',
	hooks: sendKitHooks,
	delivery: sendKitDelivery,
	events: {
		replied: 'email.replied',
		interested: 'lead.tag_changed',
		notInterested: 'lead.tag_changed',
		bounced: 'email.bounced',
		unsubscribed: 'email.unsubscribed',
		opened: 'email.opened',
		clicked: 'email.clicked',
		sent: 'email.sent',
	},
	// The envelope is unpublished: the new tag is looked for under `data`, then at the top level.
	interest: { event: 'lead.tag_changed', labelOf: (raw) => valueOf([inside(raw.data), raw], 'newTag', 'aiTag', 'tag') },
	read(raw) {
		const data = inside(raw.data);
		const places = [data, raw];
		// The lead may come flat or as a `lead` object.
		const person = inside(data.lead ?? raw.lead);
		const campaign = inside(data.campaign ?? raw.campaign);
		return {
			occurredAt: firstText(raw.createdAt, raw.timestamp, data.createdAt),
			campaign: { id: firstText(deliveredCampaign(raw)), name: firstText(valueOf(places, 'campaignName'), campaign.name) },
			lead: {
				// The CampaignLead ID first: it is what the SendKit node and the Outreach node take as the lead.
				id: firstText(valueOf(places, 'campaignLeadId', 'leadId'), person._id, person.id),
				email: firstText(valueOf(places, 'email', 'leadEmail'), person.email),
				firstName: firstText(valueOf(places, 'firstName'), person.firstName),
				lastName: firstText(valueOf(places, 'lastName'), person.lastName),
			},
			message: { subject: firstText(valueOf(places, 'subject')), text: firstText(valueOf(places, 'text')) },
		};
	},
};

/** The value of the first of `names` that one of `places` holds (not null), each name looked for in every place in turn. */
function valueOf(places: IDataObject[], ...names: string[]): unknown {
	for (const name of names) {
		for (const place of places) if (place[name] !== undefined && place[name] !== null) return place[name];
	}
	return undefined;
}
