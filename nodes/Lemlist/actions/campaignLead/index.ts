import type { INodeProperties } from 'n8n-workflow';

import { describeResource, type ResourceOperations } from '../../../common/router';
import * as add from './add.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as markInterested from './markInterested.operation';
import * as markNotInterested from './markNotInterested.operation';
import * as pause from './pause.operation';
import * as remove from './remove.operation';
import * as resume from './resume.operation';
import * as unsubscribe from './unsubscribe.operation';
import * as update from './update.operation';

/** Every operation of the resource, by its value: the one list an operation is added to. */
export const operations = {
	add,
	get,
	getAll,
	markInterested,
	markNotInterested,
	pause,
	remove,
	resume,
	unsubscribe,
	update,
} satisfies ResourceOperations;

// `update` stays the default: saved workflows omit it, so another default would change their operation.
export const description: INodeProperties[] = describeResource('campaignLead', operations, 'update', [
	{
		name: 'Add',
		value: 'add',
		description: 'Add one lead (email, standard fields, custom variables) to a campaign. Returns the new lead record with its ID (lea_…) and status added.',
		action: 'Add a campaign lead',
	},
	{
		name: 'Get',
		value: 'get',
		description: 'Read-only: one lead of a campaign, by its ID (lea_…) or email address. Returns the lead record with its state.',
		action: 'Get a campaign lead',
	},
	{
		name: 'Get Many',
		value: 'getAll',
		description: "Read-only: a campaign's leads, optionally only those in the given states. Returns one item per lead, the whole record.",
		action: 'Get many campaign leads',
	},
	{
		name: 'Mark Interested',
		value: 'markInterested',
		description: 'Mark a lead (ID or email) as interested in the campaign, or in all its campaigns. Returns the lead record (for all campaigns, the records under leads) with the campaign and lead IDs.',
		action: 'Mark a campaign lead as interested',
	},
	{
		name: 'Mark Not Interested',
		value: 'markNotInterested',
		description: 'Mark a lead (ID or email) as not interested in the campaign, or in all its campaigns. Returns the lead record (for all campaigns, the records under leads) with the campaign and lead IDs.',
		action: 'Mark a campaign lead as not interested',
	},
	{
		name: 'Pause',
		value: 'pause',
		description: 'Stop sending to a lead (ID or email) in the campaign, or in all its campaigns, until it is resumed. Returns the campaign and lead IDs, the paused records under leads.',
		action: 'Pause a campaign lead',
	},
	{
		name: 'Remove',
		value: 'remove',
		description: 'Delete a lead (ID or email) from the campaign, with its progress there; cannot be undone, though its address is not blocked and may be added again. Returns the deleted record with status removed.',
		action: 'Remove a campaign lead',
	},
	{
		name: 'Resume',
		value: 'resume',
		description: 'Continue sending to a paused lead (ID or email); lemlist resumes it by lead ID alone, without the campaign. Returns the campaign and lead IDs, the resumed records under leads.',
		action: 'Resume a campaign lead',
	},
	{
		name: 'Unsubscribe',
		value: 'unsubscribe',
		description: "Unsubscribe a lead (ID or email) from the campaign, where it stays as unsubscribed, or with From All Campaigns put its address on the team's unsubscribe list; cannot be undone (only Do-Not-Contact List → Remove lifts a list entry). Returns lemlist's answer with the campaign and lead IDs.",
		action: 'Unsubscribe a campaign lead',
	},
	{
		name: 'Update',
		value: 'update',
		description: "Change a lead's first name, last name, company, job title or preferred contact method in a campaign; only the fields given change. Returns the updated lead record.",
		action: 'Update a campaign lead',
	},
]);
