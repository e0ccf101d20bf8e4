import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../common/descriptions';
import { readLimit, readPages } from '../../../common/paging';
import type { Send } from '../../../common/router';
import { offsetListPages } from '../pages';

export const properties: INodeProperties[] = [...returnAllOrLimit];

/**
 * The global block list, `GET /leads/get-domain-block-list?offset&limit` (at most 1,000 a page),
 * one item per entry as Smartlead answers it: `{id, email_or_domain, created_at, source, client_id}`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	return await readPages(
		'Smartlead',
		limit,
		offsetListPages(this, itemIndex, send, { path: '/leads/get-domain-block-list', maxPageSize: 1000, listKeys: ['data', 'block_list'] }),
	);
}
