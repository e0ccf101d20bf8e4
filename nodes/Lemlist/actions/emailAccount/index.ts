import type { INodeProperties } from 'n8n-workflow';

import { describeResource, type ResourceOperations } from '../../../common/router';
import * as getAll from './getAll.operation';

/** Every operation of the resource, by its value: the one list an operation is added to. */
export const operations = { getAll } satisfies ResourceOperations;

export const description: INodeProperties[] = describeResource('emailAccount', operations, 'getAll', [
	{
		name: 'Get Many',
		value: 'getAll',
		description: "Read-only: the team's senders, the users who send campaigns. Returns one item per sender: its user ID (usr_…) and the campaigns it sends for.",
		action: 'Get many email accounts',
	},
]);
