import type { INodeProperties } from 'n8n-workflow';

import * as update from './update.operation';

export { update };

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
				description: "Change a campaign's settings, senders, tracking and reply handling",
				action: 'Update a campaign',
			},
		],
		default: 'update',
	},
	...update.description,
];
