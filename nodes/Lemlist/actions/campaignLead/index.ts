import type { INodeProperties } from 'n8n-workflow';

import * as update from './update.operation';

export { update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['campaignLead'] } },
		options: [
			{
				name: 'Update',
				value: 'update',
				description: "Change a lead's details in a campaign",
				action: 'Update a campaign lead',
			},
		],
		default: 'update',
	},
	...update.description,
];
