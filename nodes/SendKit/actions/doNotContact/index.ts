import type { INodeProperties } from 'n8n-workflow';

import { describeResource, type ResourceOperations } from '../../../common/router';
import * as add from './add.operation';
import * as getAll from './getAll.operation';
import * as remove from './remove.operation';

/** Every operation of the resource, by its value: the one list an operation is added to. */
export const operations = { add, getAll, remove } satisfies ResourceOperations;

export const description: INodeProperties[] = describeResource('doNotContact', operations, 'add', [
	{
		name: 'Add',
		value: 'add',
		description: "Put an email address or a whole domain on the workspace's do-not-contact list, which every campaign respects",
		action: 'Add to the do-not-contact list',
	},
	{
		name: 'Get Many',
		value: 'getAll',
		description: "Get the entries of the workspace's do-not-contact list, addresses and domains",
		action: 'Get many do-not-contact entries',
	},
	{
		name: 'Remove',
		value: 'remove',
		description: 'Take an email address or a domain off the do-not-contact list',
		action: 'Remove from the do-not-contact list',
	},
]);
