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
		description: "Put an email address or a whole domain on the workspace's do-not-contact list, which every campaign respects; cannot be undone except by Do-Not-Contact List → Remove. Returns one item per value: status added, skipped (already listed) or batchCounts.",
		action: 'Add to the do-not-contact list',
	},
	{
		name: 'Get Many',
		value: 'getAll',
		description: "Read-only: the entries of the workspace's do-not-contact list, optionally only addresses or domains. Returns one item per entry.",
		action: 'Get many do-not-contact entries',
	},
	{
		name: 'Remove',
		value: 'remove',
		description: "Take an email address or a domain off the workspace's do-not-contact list, so that campaigns may contact it again. Returns one item per value: status removed, skipped (not listed) or batchCounts.",
		action: 'Remove from the do-not-contact list',
	},
]);
