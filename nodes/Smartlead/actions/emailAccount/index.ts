import type { INodeProperties } from 'n8n-workflow';

import { describeResource, type ResourceOperations } from '../../../common/router';
import * as getAll from './getAll.operation';

export const operations = { getAll } satisfies ResourceOperations;

export const description: INodeProperties[] = describeResource('emailAccount', operations, 'getAll', [
	{
		name: 'Get Many',
		value: 'getAll',
		description: "Read-only: the account's sending mailboxes with their warmup and connection status, without passwords. Returns one item per mailbox.",
		action: 'Get many email accounts',
	},
]);
