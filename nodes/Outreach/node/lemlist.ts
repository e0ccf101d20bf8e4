import type { IDataObject } from 'n8n-workflow';

import { isRecord } from '../../common/records';
import * as campaign from '../../Lemlist/actions/campaign';
import * as campaignLead from '../../Lemlist/actions/campaignLead';
import { lemlist } from '../../Lemlist/provider';
import { firstText, textOrNull, type LeadStatus, type NodeAdapter, type OutreachLead } from '../vocabulary';
import { leadFields, leadParameters, statusFilter } from './translate';

/**
 * lemlist's states in the shared vocabulary: the detailed state (the lead's last event) and the
 * global one (its stage) both occur in records (docs/providers/lemlist.md, "Leads").
 */
const STATUS: Record<string, LeadStatus> = {
	contacted: 'active',
	hooked: 'active',
	attracted: 'active',
	emailsSent: 'active',
	emailsOpened: 'active',
	emailsClicked: 'active',
	warmed: 'replied',
	emailsReplied: 'replied',
	emailsBounced: 'bounced',
	emailsUnsubscribed: 'unsubscribed',
	interested: 'interested',
	emailsInterested: 'interested',
	manualInterested: 'interested',
	notInterested: 'notInterested',
	emailsNotInterested: 'notInterested',
	manualNotInterested: 'notInterested',
	paused: 'paused',
};

/** The export's `state` filter for each shared status lemlist can filter by. */
const STATES_OF: Partial<Record<LeadStatus, string[]>> = {
	active: ['contacted', 'hooked', 'attracted'],
	paused: ['paused'],
	replied: ['warmed'],
	bounced: ['emailsBounced'],
	unsubscribed: ['emailsUnsubscribed'],
	interested: ['interested'],
	notInterested: ['notInterested'],
};

const fields = leadFields('lemlist', { firstName: 'firstName', lastName: 'lastName', companyName: 'companyName', jobTitle: 'jobTitle' });
const addFields = leadFields('lemlist', {
	firstName: 'firstName',
	lastName: 'lastName',
	companyName: 'companyName',
	jobTitle: 'jobTitle',
	phone: 'phone',
	linkedinUrl: 'linkedinUrl',
});

const lead = (operation: string) => ({ resource: 'campaignLead', operation, translate: leadParameters });

export const lemlistAdapter: NodeAdapter = {
	provider: lemlist,
	resources: { campaign: campaign.operations, campaignLead: campaignLead.operations },
	lead: {
		add: { resource: 'campaignLead', operation: 'add', translate: addFields('additionalFields', 'customVariables', 'variable') },
		get: lead('get'),
		getAll: { resource: 'campaignLead', operation: 'getAll', translate: statusFilter('lemlist', (status) => (STATES_OF[status] ? { state: STATES_OF[status] } : undefined)) },
		update: { resource: 'campaignLead', operation: 'update', translate: fields('updateFields') },
		pause: lead('pause'),
		resume: lead('resume'),
		unsubscribe: lead('unsubscribe'),
		markInterested: lead('markInterested'),
		markNotInterested: lead('markNotInterested'),
		remove: lead('remove'),
	},
	campaign: {
		get: { resource: 'campaign', operation: 'get' },
		getAll: { resource: 'campaign', operation: 'getAll' },
		start: { resource: 'campaign', operation: 'start' },
		pause: { resource: 'campaign', operation: 'pause' },
	},
	toLead(record: IDataObject): OutreachLead {
		// A lookup by address keeps the lead's fields under `variables` and the campaign as an object; the export, flat.
		const variables = isRecord(record.variables) ? record.variables : {};
		const campaignOf = isRecord(record.campaign) ? record.campaign : {};
		const state = firstText(record.state, record.lastState);
		const known = state !== null && Object.prototype.hasOwnProperty.call(STATUS, state) ? STATUS[state] : undefined;
		return {
			provider: 'lemlist',
			campaignId: firstText(record.campaignId, campaignOf.id),
			leadId: firstText(record.leadId, record._id),
			email: firstText(record.email, variables.email),
			firstName: firstText(record.firstName, variables.firstName),
			lastName: firstText(record.lastName, variables.lastName),
			companyName: firstText(record.companyName, variables.companyName),
			status: record.isPaused === true ? 'paused' : (known ?? 'unknown'),
			providerStatus: state,
			raw: record,
		};
	},
	toCampaign(record) {
		return {
			provider: 'lemlist',
			campaignId: firstText(record.campaignId, record._id),
			name: textOrNull(record.name),
			status: firstText(record.status, record.state) ?? 'unknown',
			raw: record,
		};
	},
};
