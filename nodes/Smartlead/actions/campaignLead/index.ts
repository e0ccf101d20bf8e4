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
		description: 'Add a lead (email plus fields) to a campaign, batched up to 400 per request; Smartlead skips blocked, unsubscribed and duplicate leads. Returns one item per lead: status added, skipped with a reason, or batchCounts.',
		action: 'Add a lead to a campaign',
	},
	{
		name: 'Get',
		value: 'get',
		description: 'Read-only: one lead of a campaign, by its numeric ID or email address. Returns the lead with its status in the campaign.',
		action: 'Get a campaign lead',
	},
	{
		name: 'Get Many',
		value: 'getAll',
		description: "Read-only: a campaign's leads, optionally by status, category, engagement or dates. Returns one item per lead.",
		action: 'Get many campaign leads',
	},
	{
		name: 'Pause',
		value: 'pause',
		description: "Stop sending to one lead (ID or email) in a campaign until it is resumed. Returns Smartlead's answer with the campaign and lead IDs.",
		action: 'Pause a campaign lead',
	},
	{
		name: 'Remove',
		value: 'remove',
		description: 'Delete a lead (ID or email) from the campaign; cannot be undone, though the lead stays in the account and its other campaigns and may be added again. Returns the IDs with status removed.',
		action: 'Remove a lead from a campaign',
	},
	{
		name: 'Resume',
		value: 'resume',
		description: "Continue sending to a paused lead (ID or email), at once or after a delay in days. Returns Smartlead's answer with the campaign and lead IDs.",
		action: 'Resume a campaign lead',
	},
	{
		name: 'Unsubscribe',
		value: 'unsubscribe',
		description: "Stop all emails to a lead (ID or email) in this campaign, or with From All Campaigns in every campaign of the account, whose later adds then skip it; cannot be undone. Returns Smartlead's answer with the IDs.",
		action: 'Unsubscribe a campaign lead',
	},
	{
		name: 'Update',
		value: 'update',
		description: "Change a lead's fields and custom fields in a campaign; Smartlead needs its email on every update, and only the fields given are sent. Returns Smartlead's answer with the campaign and lead IDs.",
		action: 'Update a campaign lead',
	},
	{
		name: 'Update Category',
		value: 'updateCategory',
		description: "Set a lead's category in a campaign (Interested, Not Interested…, by category ID), optionally pausing it. Returns Smartlead's answer with the IDs and the category ID.",
		action: 'Update a campaign lead category',
	},
]);
