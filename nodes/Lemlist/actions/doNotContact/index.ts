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
		description: "Put an email address or a whole domain on the team's unsubscribe list, so that no campaign contacts it again; cannot be undone except by Do-Not-Contact List → Remove. Returns the entry with status added.",
		action: 'Add to the do-not-contact list',
	},
	{
		name: 'Get Many',
		value: 'getAll',
		description: "Read-only: the team's unsubscribe list. Returns one item per address or domain, with its source and date.",
		action: 'Get many do-not-contact entries',
	},
	{
		name: 'Remove',
		value: 'remove',
		description: "Take an email address or a domain off the team's unsubscribe list, so that campaigns may contact it again. Returns the value with status removed, or skipped when it was not on the list.",
		action: 'Remove from the do-not-contact list',
	},
]);
