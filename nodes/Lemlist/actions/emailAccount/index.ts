import type { INodeProperties } from 'n8n-workflow';

import { describeResource, type ResourceOperations } from '../../../common/router';
import * as getAll from './getAll.operation';

/** Every operation of the resource, by its value: the one list an operation is added to. */
export const operations = { getAll } satisfies ResourceOperations;

export const description: INodeProperties[] = describeResource('emailAccount', operations, 'getAll', [
	{
		name: 'Get Many',
		value: 'getAll',
		description: "List the team's senders, each with the campaigns it sends for",
		action: 'Get many email accounts',
	},
]);
