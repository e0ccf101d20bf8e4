import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../common/descriptions';
import * as update from './update.operation';

export { update };

export const description: INodeProperties[] = [
	operationSelector('campaignLead', [
		{
			name: 'Update',
			value: 'update',
			description: "Change a lead's status or AI tag in a campaign",
			action: 'Update a campaign lead',
		},
	]),
	...update.description,
];
