import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** How many records a Get Many returns: every one, or at most `limit`. */
export interface ReadLimit {
	returnAll: boolean;
	limit: number;
}

/** `returnAll` and `limit` of a Get Many, checked before any request (an expression may give anything). */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): ReadLimit {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as unknown;
	if (returnAll === true) return { returnAll: true, limit: Infinity };
	const limit = ctx.getNodeParameter('limit', itemIndex, 50) as unknown;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(ctx.getNode(), `Limit (limit) must be a whole number of at least 1, not ${JSON.stringify(limit)}`, { itemIndex });
	}
	return { returnAll: false, limit };
}

/** One page of a list: its records, and what asks for the next page (absent on the last one). */
export interface Page<Cursor> {
	records: IDataObject[];
	next?: Cursor;
}

/**
 * Reads a list page by page, each page through the pipeline (so paced like every request), until
 * the provider says there is no more or `limit` records are in. `fetchPage` is told how many
 * records are still wanted, to size its request: with a limit nothing beyond the last page needed
 * is fetched. Records go straight into the one array returned; no page is kept.
 */
export async function readPages<Cursor>(
	{ limit }: ReadLimit,
	fetchPage: (cursor: Cursor | undefined, wanted: number) => Promise<Page<Cursor>>,
): Promise<IDataObject[]> {
	const records: IDataObject[] = [];
	let cursor: Cursor | undefined;
	for (;;) {
		const page = await fetchPage(cursor, limit - records.length);
		for (const record of page.records) {
			if (records.length >= limit) break;
			records.push(record);
		}
		if (records.length >= limit || page.next === undefined || page.records.length === 0) return records;
		cursor = page.next;
	}
}
