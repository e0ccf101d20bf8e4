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

/** Every operation of the resource, by its value: the one list an operation is added to. */
export const operations = { add, get, getAll, pause, remove, resume, unsubscribe, update } satisfies ResourceOperations;

// `update` stays the default: saved workflows omit it, so another default would change their operation.
export const description: INodeProperties[] = describeResource('campaignLead', operations, 'update', [
	{
		name: 'Add',
		value: 'add',
		description: 'Add a lead (email plus fields) to a campaign, creating it in the workspace if new; batched, up to 5,000 per request. Returns one item per lead: status added, skipped or batchCounts.',
		action: 'Add a lead to a campaign',
	},
	{
		name: 'Get',
		value: 'get',
		description: "Read-only: one lead of a campaign, by its Campaign Lead ID or email address. Returns the lead's entry in the campaign, with its status and the lead's details.",
		action: 'Get a campaign lead',
	},
	{
		name: 'Get Many',
		value: 'getAll',
		description: "Read-only: a campaign's leads, optionally by status. Returns one item per lead entry, with the lead's details.",
		action: 'Get many campaign leads',
	},
	{
		name: 'Pause',
		value: 'pause',
		description: "Stop sending to one lead (ID or email) in a campaign until it is resumed. Returns the lead's campaign entry, now paused.",
		action: 'Pause a campaign lead',
	},
	{
		name: 'Remove',
		value: 'remove',
		description: 'Take a lead (ID or email) out of this campaign, in batched requests; cannot be undone: SendKit deletes a lead sent nothing yet and marks the others removed. Returns one item per lead: status removed or batchCounts.',
		action: 'Remove a lead from a campaign',
	},
	{
		name: 'Resume',
		value: 'resume',
		description: "Continue sending to a paused lead (ID or email) in a campaign. Returns the lead's campaign entry, now active.",
		action: 'Resume a campaign lead',
	},
	{
		name: 'Unsubscribe',
		value: 'unsubscribe',
		description: "Put a lead's email address on the workspace's do-not-contact list, blocking it in every campaign (SendKit has no per-campaign unsubscribe); cannot be undone except by Do-Not-Contact List → Remove. Returns SendKit's answer with the IDs and the address.",
		action: 'Unsubscribe a campaign lead from all campaigns',
	},
	{
		name: 'Update',
		value: 'update',
		description: "Change a lead's status (active or paused) or AI tag in a campaign; a new tag may move it into or out of a subsequence. Returns the lead's campaign entry.",
		action: 'Update a campaign lead',
	},
]);
