import type { INodeProperties } from 'n8n-workflow';

import * as update from './update.operation';

export { update };

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['campaignLead'] } },
	options: [
		{
			name: 'Update',
			value: 'update',
			description: "Change a lead's status or AI tag in a campaign",
			action: 'Update a campaign lead',
		},
	],
	default: 'update',
};

export const description: INodeProperties[] = [operation, ...update.description];
