import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../common/descriptions';
import * as update from './update.operation';

export { update };

export const description: INodeProperties[] = [
	operationSelector('campaign', [
		{
			name: 'Update',
			value: 'update',
			description: "Change a campaign's name, sending settings and schedule",
			action: 'Update a campaign',
		},
	]),
	...update.description,
];
