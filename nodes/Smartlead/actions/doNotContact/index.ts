import type { INodeProperties } from 'n8n-workflow';

import { describeResource, type ResourceOperations } from '../../../common/router';
import * as add from './add.operation';
import * as getAll from './getAll.operation';

/**
 * Smartlead's global block list. No Remove: Smartlead's reference has a delete endpoint for it,
 * but its path is not recorded (docs/providers/smartlead.md, "Do-not-contact list").
 */
export const operations = { add, getAll } satisfies ResourceOperations;

export const description: INodeProperties[] = describeResource('doNotContact', operations, 'add', [
	{
		name: 'Add',
		value: 'add',
		description: "Put an email address or a domain on the account's global block list",
		action: 'Add to the do-not-contact list',
	},
	{
		name: 'Get Many',
		value: 'getAll',
		description: 'List the addresses and domains on the global block list',
		action: 'Get many do-not-contact entries',
	},
]);
