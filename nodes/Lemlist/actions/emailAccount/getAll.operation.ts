import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../common/descriptions';
import { readLimit, readPages } from '../../../common/paging';
import type { Send } from '../../../common/router';

export const properties: INodeProperties[] = [...returnAllOrLimit];

/**
 * The team's senders, `GET /team/senders`: one answer, no paging; a limit keeps the first. One item
 * per sender: `{userId, campaigns: [{_id, name, status, sendingChannels}]}`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	return await readPages('lemlist', limit, async () => {
		const answer = await send({ method: 'GET', path: '/team/senders' });
		if (!Array.isArray(answer)) {
			throw new NodeOperationError(this.getNode(), 'lemlist answered the list of senders with something other than a list', { itemIndex });
		}
		return { records: answer as IDataObject[] };
	});
}
