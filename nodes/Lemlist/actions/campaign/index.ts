import type { INodeProperties } from 'n8n-workflow';

import { describeResource, type ResourceOperations } from '../../../common/router';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getStats from './getStats.operation';
import * as pause from './pause.operation';
import * as start from './start.operation';
import * as update from './update.operation';

/** Every operation of the resource, by its value: the one list an operation is added to. */
export const operations = { get, getAll, getStats, pause, start, update } satisfies ResourceOperations;

// `update` stays the default: saved workflows omit it, so another default would change their operation.
export const description: INodeProperties[] = describeResource('campaign', operations, 'update', [
	{
		name: 'Get',
		value: 'get',
		description: 'Get a campaign by ID',
		action: 'Get a campaign',
	},
	{
		name: 'Get Many',
		value: 'getAll',
		description: "List the account's campaigns, by status",
		action: 'Get many campaigns',
	},
	{
		name: 'Get Stats',
		value: 'getStats',
		description: "Get a campaign's statistics over a period",
		action: 'Get campaign statistics',
	},
	{
		name: 'Pause',
		value: 'pause',
		description: 'Pause a running campaign',
		action: 'Pause a campaign',
	},
	{
		name: 'Start',
		value: 'start',
		description: 'Start or restart a campaign',
		action: 'Start a campaign',
	},
	{
		name: 'Update',
		value: 'update',
		description: "Change a campaign's settings, senders, tracking and reply handling",
		action: 'Update a campaign',
	},
]);
