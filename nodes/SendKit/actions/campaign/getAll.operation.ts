import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collection, returnAllOrLimit, statusFilter } from '../../../common/descriptions';
import { readCollection } from '../../../common/fields';
import { readLimit, readPages } from '../../../common/paging';
import type { Send } from '../../../common/router';
import { listPages } from '../../pages';

// A named const: `execute` checks the filters against these same options.
const filters = collection('filters', [
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		description: 'Only campaigns whose name contains this text',
	},
	// The statuses SendKit filters campaigns on [3p].
	statusFilter(
		[
			{ name: 'Active', value: 'active' },
			{ name: 'Archived', value: 'archived' },
			{ name: 'Completed', value: 'completed' },
			{ name: 'Draft', value: 'draft' },
			{ name: 'Paused', value: 'paused' },
		],
		'active',
		'Only campaigns in this status',
	),
]);

export const properties: INodeProperties[] = [...returnAllOrLimit, filters];

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const query = readCollection(this, itemIndex, filters);
	return await readPages('SendKit', limit, listPages(send, '/v1/campaigns', query));
}
