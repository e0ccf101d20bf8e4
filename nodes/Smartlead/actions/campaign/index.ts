import type { INodeProperties } from 'n8n-workflow';

import * as update from './update.operation';
import * as updateSchedule from './updateSchedule.operation';

export { update, updateSchedule };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['campaign'] } },
		options: [
			{
				name: 'Update',
				value: 'update',
				description: "Change a campaign's settings: tracking, stop conditions, plain text, AI options",
				action: 'Update a campaign',
			},
			{
				name: 'Update Schedule',
				value: 'updateSchedule',
				description: "Change a campaign's sending schedule and sending limits",
				action: 'Update a campaign schedule',
			},
		],
		default: 'update',
	},
	...update.description,
	...updateSchedule.description,
];
