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
		description: "Put an email address or a whole domain on the account's global block list, so that every campaign skips it; cannot be undone with this node, which has no Remove. Returns one item per value with status added.",
		action: 'Add to the do-not-contact list',
	},
	{
		name: 'Get Many',
		value: 'getAll',
		description: "Read-only: the addresses and domains on the account's global block list. Returns one item per entry.",
		action: 'Get many do-not-contact entries',
	},
]);
