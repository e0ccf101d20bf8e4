import type { INodeProperties } from 'n8n-workflow';

import { describeResource, type ResourceOperations } from '../../../common/router';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getStats from './getStats.operation';
import * as pause from './pause.operation';
import * as resume from './resume.operation';
import * as start from './start.operation';
import * as update from './update.operation';

/** Every operation of the resource, by its value: the one list an operation is added to. */
export const operations = { get, getAll, getStats, pause, resume, start, update } satisfies ResourceOperations;

// `update` stays the default: saved workflows omit it, so another default would change their operation.
export const description: INodeProperties[] = describeResource('campaign', operations, 'update', [
	{
		name: 'Get',
		value: 'get',
		description: 'Get a campaign with its lead counts and sending stats',
		action: 'Get a campaign',
	},
	{
		name: 'Get Many',
		value: 'getAll',
		description: "Get the workspace's campaigns, by status or name",
		action: 'Get many campaigns',
	},
	{
		name: 'Get Stats',
		value: 'getStats',
		description: "Get a campaign's analytics: sent, opened, clicked, replied, bounced, per step and per lead status, optionally between two dates",
		action: 'Get campaign stats',
	},
	{
		name: 'Pause',
		value: 'pause',
		description: 'Pause an active campaign',
		action: 'Pause a campaign',
	},
	{
		name: 'Resume',
		value: 'resume',
		description: 'Resume a paused campaign',
		action: 'Resume a campaign',
	},
	{
		name: 'Start',
		value: 'start',
		description: 'Start sending a campaign',
		action: 'Start a campaign',
	},
	{
		name: 'Update',
		value: 'update',
		description: "Change a campaign's name, sending settings and schedule",
		action: 'Update a campaign',
	},
]);
