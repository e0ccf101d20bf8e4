import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collection, returnAllOrLimit } from '../../../common/descriptions';
import { readCollection } from '../../../common/fields';
import { readLimit, readPages } from '../../../common/paging';
import type { Send } from '../../../common/router';
import { listPages } from '../../pages';

// A named const: `execute` checks the filters against these same options.
const filters = collection('filters', [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		// The entry types SendKit filters on [docs].
		options: [
			{ name: 'Domain', value: 'domain' },
			{ name: 'Email', value: 'email' },
		],
		default: 'email',
		description: 'Only entries of this type',
	},
]);

export const properties: INodeProperties[] = [...returnAllOrLimit, filters];

/** `GET /v1/dnc?type&limit&cursor`, paged like SendKit's other lists; one item per entry as SendKit answers it. */
export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const query = readCollection(this, itemIndex, filters);
	return await readPages('SendKit', limit, listPages(send, '/v1/dnc', query));
}
