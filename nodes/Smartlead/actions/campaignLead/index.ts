import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../common/descriptions';
import * as update from './update.operation';

export { update };

export const description: INodeProperties[] = [
	operationSelector('campaignLead', [
		{
			name: 'Update',
			value: 'update',
			description: "Change a lead's details and custom fields in a campaign",
			action: 'Update a campaign lead',
		},
	]),
	...update.description,
];
