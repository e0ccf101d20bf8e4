import type { INodeProperties } from 'n8n-workflow';

import { describeResource, type ResourceOperations } from '../../../common/router';
import * as add from './add.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as pause from './pause.operation';
import * as remove from './remove.operation';
import * as resume from './resume.operation';
import * as unsubscribe from './unsubscribe.operation';
import * as update from './update.operation';
import * as updateCategory from './updateCategory.operation';

/** Every operation of the resource, by its value: the one list an operation is added to. */
export const operations = { add, get, getAll, pause, remove, resume, unsubscribe, update, updateCategory } satisfies ResourceOperations;

// `update` stays the default: saved workflows omit it, so another default would change their operation.
export const description: INodeProperties[] = describeResource('campaignLead', operations, 'update', [
	{
		name: 'Add',
		value: 'add',
		description: 'Add leads to a campaign, up to 400 in one request; leads Smartlead skips say why',
		action: 'Add a lead to a campaign',
	},
	{
		name: 'Get',
		value: 'get',
		description: 'Get a lead of a campaign by its ID or email address',
		action: 'Get a campaign lead',
	},
	{
		name: 'Get Many',
		value: 'getAll',
		description: "List a campaign's leads, filtered by status, category, engagement or dates",
		action: 'Get many campaign leads',
	},
	{
		name: 'Pause',
		value: 'pause',
		description: 'Stop sending to a lead in a campaign until it is resumed',
		action: 'Pause a campaign lead',
	},
	{
		name: 'Remove',
		value: 'remove',
		description: 'Take a lead out of a campaign; it stays in the account and may be added again',
		action: 'Remove a lead from a campaign',
	},
	{
		name: 'Resume',
		value: 'resume',
		description: 'Go on sending to a paused lead, at once or after a delay',
		action: 'Resume a campaign lead',
	},
	{
		name: 'Unsubscribe',
		value: 'unsubscribe',
		description: 'Unsubscribe a lead from a campaign, or from every campaign',
		action: 'Unsubscribe a campaign lead',
	},
	{
		name: 'Update',
		value: 'update',
		description: "Change a lead's details and custom fields in a campaign",
		action: 'Update a campaign lead',
	},
	{
		name: 'Update Category',
		value: 'updateCategory',
		description: "Set a lead's category in a campaign (Interested, Not Interested…), optionally pausing it",
		action: 'Update a campaign lead category',
	},
]);
