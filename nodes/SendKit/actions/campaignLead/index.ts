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
		description: 'Add leads to a campaign by email address, many in one request; SendKit creates a lead the workspace does not have yet',
		action: 'Add a lead to a campaign',
	},
	{
		name: 'Get',
		value: 'get',
		description: "Get a lead's entry in a campaign, by its ID or the lead's email address",
		action: 'Get a campaign lead',
	},
	{
		name: 'Get Many',
		value: 'getAll',
		description: "Get a campaign's leads, by status",
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
		description: 'Take a lead out of this campaign only, by its ID or email address; it stays free to be contacted elsewhere',
		action: 'Remove a lead from a campaign',
	},
	{
		name: 'Resume',
		value: 'resume',
		description: 'Send to a paused lead in a campaign again',
		action: 'Resume a campaign lead',
	},
	{
		name: 'Unsubscribe',
		value: 'unsubscribe',
		description: "Put a lead's email address on the do-not-contact list, which blocks it in every campaign",
		action: 'Unsubscribe a campaign lead from all campaigns',
	},
	{
		name: 'Update',
		value: 'update',
		description: "Change a lead's status or AI tag in a campaign",
		action: 'Update a campaign lead',
	},
]);
