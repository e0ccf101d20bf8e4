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
		description: 'Add a lead to a campaign, with its fields and custom variables',
		action: 'Add a campaign lead',
	},
	{
		name: 'Get',
		value: 'get',
		description: 'Get a lead of a campaign by ID or email address',
		action: 'Get a campaign lead',
	},
	{
		name: 'Get Many',
		value: 'getAll',
		description: "List a campaign's leads, by state",
		action: 'Get many campaign leads',
	},
	{
		name: 'Mark Interested',
		value: 'markInterested',
		description: 'Mark a lead as interested, in the campaign or in all its campaigns',
		action: 'Mark a campaign lead as interested',
	},
	{
		name: 'Mark Not Interested',
		value: 'markNotInterested',
		description: 'Mark a lead as not interested, in the campaign or in all its campaigns',
		action: 'Mark a campaign lead as not interested',
	},
	{
		name: 'Pause',
		value: 'pause',
		description: 'Pause a lead, in the campaign or in all its campaigns',
		action: 'Pause a campaign lead',
	},
	{
		name: 'Remove',
		value: 'remove',
		description: 'Delete a lead from the campaign; unlike Unsubscribe, its address stays free to be added again',
		action: 'Remove a campaign lead',
	},
	{
		name: 'Resume',
		value: 'resume',
		description: 'Resume a paused lead',
		action: 'Resume a campaign lead',
	},
	{
		name: 'Unsubscribe',
		value: 'unsubscribe',
		description: 'Unsubscribe a lead from the campaign, or its address from all campaigns',
		action: 'Unsubscribe a campaign lead',
	},
	{
		name: 'Update',
		value: 'update',
		description: "Change a lead's details in a campaign",
		action: 'Update a campaign lead',
	},
]);
