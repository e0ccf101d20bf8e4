import type { IDataObject } from 'n8n-workflow';

import { isRecord } from '../../common/records';
import type { Translate } from '../../common/translate';
import * as campaign from '../../SendKit/actions/campaign';
import * as campaignLead from '../../SendKit/actions/campaignLead';
import { sendKit } from '../../SendKit/provider';
import { firstText, textOrNull, type LeadStatus, type NodeAdapter, type OutreachLead } from '../vocabulary';
import { leadFields, statusFilter } from './translate';

/**
 * SendKit's words in the shared vocabulary (docs/providers/sendkit.md, "Lead statuses", and the
 * stand-in's CAMPAIGN_LEAD_STATUSES): a campaign lead's `status`, and what Add and Remove answer
 * for their items. `pending` (added to a campaign not yet sending) waits in the sequence, so it
 * is active; `removed`, `skipped` and `batchCounts` say nothing of the lead's state (unknown).
 *
 *   pending, active, added → active · paused → paused · completed → completed · replied → replied
 *   bounced → bounced · unsubscribed → unsubscribed · removed, skipped, batchCounts → unknown
 *
 * Interest is the lead's AI tag (the "Update campaign lead" page): "Interested" → interested,
 * "Not Interested" → notInterested (ignoring case, as the Outreach Trigger reads the tag). It wins
 * over the status, except bounced and unsubscribed, which say the lead can no longer be reached.
 */
const STATUS: Record<string, LeadStatus> = {
	pending: 'active',
	active: 'active',
	added: 'active',
	paused: 'paused',
	completed: 'completed',
	replied: 'replied',
	bounced: 'bounced',
	unsubscribed: 'unsubscribed',
};

const INTEREST: Record<string, LeadStatus> = { interested: 'interested', 'not interested': 'notInterested' };

/** The AI tags Mark Interested and Mark Not Interested set: SendKit takes a tag by its name. */
const TAG_OF = { markInterested: 'Interested', markNotInterested: 'Not Interested' } as const;

/** The Get Many filter: SendKit lists a campaign's leads by one status and cannot list them by AI tag. */
const FILTER_OF: Partial<Record<LeadStatus, string>> = {
	active: 'active',
	paused: 'paused',
	completed: 'completed',
	replied: 'replied',
	bounced: 'bounced',
	unsubscribed: 'unsubscribed',
};

/** SendKit's campaign-lead operations take the lead as `campaignLeadId` (its entry's `_id`, or an address). */
const leadParameter: Translate = (name, own) => (name === 'campaignLeadId' ? { value: own('lead', '') } : undefined);

/** Add's entry fields: SendKit's names are the shared ones. */
const addFields = leadFields('SendKit', {
	firstName: 'firstName',
	lastName: 'lastName',
	companyName: 'companyName',
	jobTitle: 'jobTitle',
	phone: 'phone',
	website: 'website',
	linkedinUrl: 'linkedinUrl',
})('additionalFields', 'customFields', 'field');

/** The interest marks are SendKit's Update with the AI tag as its only field. */
const tagged =
	(tag: string): Translate =>
	(name, own, itemIndex) =>
		name === 'updateFields' ? { value: { aiTag: tag } } : leadParameter(name, own, itemIndex);

const lead = (operation: string) => ({ resource: 'campaignLead', operation, translate: leadParameter });

/** Campaign Get Many: the Outreach node's lead filters are not SendKit's campaign filters. */
const noCampaignFilters: Translate = (name) => (name === 'filters' ? { value: {} } : undefined);

export const sendKitAdapter: NodeAdapter = {
	provider: sendKit,
	resources: { campaign: campaign.operations, campaignLead: campaignLead.operations },
	lead: {
		add: { resource: 'campaignLead', operation: 'add', translate: addFields },
		get: lead('get'),
		getAll: {
			resource: 'campaignLead',
			operation: 'getAll',
			translate: statusFilter('SendKit', (status) => (FILTER_OF[status] ? { status: FILTER_OF[status] } : undefined)),
		},
		pause: lead('pause'),
		resume: lead('resume'),
		unsubscribe: lead('unsubscribe'),
		markInterested: { resource: 'campaignLead', operation: 'update', translate: tagged(TAG_OF.markInterested) },
		markNotInterested: { resource: 'campaignLead', operation: 'update', translate: tagged(TAG_OF.markNotInterested) },
		remove: lead('remove'),
	},
	campaign: {
		get: { resource: 'campaign', operation: 'get' },
		getAll: { resource: 'campaign', operation: 'getAll', translate: noCampaignFilters },
		start: { resource: 'campaign', operation: 'start' },
		pause: { resource: 'campaign', operation: 'pause' },
		resume: { resource: 'campaign', operation: 'resume' },
	},
	toLead(record: IDataObject): OutreachLead {
		// Lists populate `leadId` with the Lead; Add answers what it sent as `lead`; updates answer neither.
		const person = isRecord(record.leadId) ? record.leadId : isRecord(record.lead) ? record.lead : {};
		const state = textOrNull(record.status);
		const known = state !== null && Object.prototype.hasOwnProperty.call(STATUS, state) ? STATUS[state] : undefined;
		const tag = typeof record.aiTag === 'string' ? record.aiTag.trim().toLowerCase() : '';
		const interest = Object.prototype.hasOwnProperty.call(INTEREST, tag) ? INTEREST[tag] : undefined;
		const unreachable = known === 'bounced' || known === 'unsubscribed';
		return {
			provider: 'sendKit',
			campaignId: textOrNull(record.campaignId),
			// The lead's entry in the campaign: the ID the Outreach node's `lead` takes.
			leadId: firstText(record.campaignLeadId, record._id),
			email: firstText(record.email, person.email),
			firstName: textOrNull(person.firstName),
			lastName: textOrNull(person.lastName),
			companyName: firstText(person.companyName, person.company),
			status: (unreachable ? known : interest) ?? known ?? 'unknown',
			providerStatus: state,
			raw: record,
		};
	},
	toCampaign(record) {
		return {
			provider: 'sendKit',
			campaignId: firstText(record.campaignId, record._id, record.id),
			name: textOrNull(record.name),
			status: textOrNull(record.status) ?? 'unknown',
			raw: record,
		};
	},
};
