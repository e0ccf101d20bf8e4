import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../common/descriptions';
import { readLimit, readPages } from '../../../common/paging';
import type { Send } from '../../../common/router';

// lemlist's default page of the unsubscribe list; it documents no larger one.
const PAGE_SIZE = 100;

export const properties: INodeProperties[] = [...returnAllOrLimit];

/**
 * The team's unsubscribe list, `GET /unsubscribes?offset&limit`, page by page until a short page.
 * One item per entry as lemlist answers it (`_id`, `value`, `createdAt`, `source`).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	return await readPages<number>('lemlist', limit, async (offset = 0, wanted) => {
		const size = Math.min(wanted, PAGE_SIZE);
		const answer = await send({ method: 'GET', path: '/unsubscribes', qs: { offset, limit: size } });
		if (!Array.isArray(answer)) {
			throw new NodeOperationError(this.getNode(), 'lemlist answered the unsubscribe list with something other than a list', { itemIndex });
		}
		const records = answer as IDataObject[];
		return { records, next: records.length < size ? undefined : offset + records.length };
	});
}
