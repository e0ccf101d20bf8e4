import type { INodeProperties } from 'n8n-workflow';

import { descriptionsOf, type ResourceOperations } from '../../../common/router';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as pause from './pause.operation';
import * as start from './start.operation';
import * as update from './update.operation';

/** Every operation of the resource, by its value: the one list an operation is added to. */
export const operations = { get, getAll, pause, start, update } satisfies ResourceOperations;

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['campaign'] } },
		options: [
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
		],
		// Stays `update`: saved workflows omit the default, so changing it would change their operation.
		default: 'update',
	},
	...descriptionsOf('campaign', operations),
];
