import type { INodeProperties } from 'n8n-workflow';

import * as update from './update.operation';

export { update };

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['campaign'] } },
	options: [
		{
			name: 'Update',
			value: 'update',
			description: "Change a campaign's name, sending settings and schedule",
			action: 'Update a campaign',
		},
	],
	default: 'update',
};

export const description: INodeProperties[] = [operation, ...update.description];
