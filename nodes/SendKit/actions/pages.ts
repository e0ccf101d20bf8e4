import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Page } from '../../common/paging';
import type { Send } from '../../common/router';
import { MAX_PAGE_SIZE, readListPage, type NextPage } from '../provider';

const sameNext = (a: NextPage, b: NextPage) => JSON.stringify(a) === JSON.stringify(b);

/**
 * One page of a SendKit list through the node's pipeline. Unfiltered, it asks for no more than
 * `wanted` records (at most SendKit's 100). SendKit may answer fewer records than asked while
 * saying there is more, even none [?], which a filter makes likely: filtered, every page asks for
 * 100 (at most one page more than needed, instead of many small requests). An empty page that
 * points further is followed here, so a page handed back is empty only at the end of the list. A
 * next page that is the one just asked for stops the read with an error instead of a loop.
 */
export async function fetchListPage(
	ctx: IExecuteFunctions,
	itemIndex: number,
	send: Send,
	path: string,
	filters: IDataObject,
	cursor: NextPage | undefined,
	wanted: number,
): Promise<Page<NextPage>> {
	let asked = cursor;
	for (;;) {
		const filtered = Object.keys(filters).length > 0;
		const qs: IDataObject = { ...filters, limit: filtered ? MAX_PAGE_SIZE : Math.max(1, Math.min(wanted, MAX_PAGE_SIZE)) };
		if (asked && 'cursor' in asked) qs.cursor = asked.cursor;
		else if (asked) qs.page = asked.page;
		const { records, next } = readListPage(await send({ method: 'GET', path, qs }));
		if (next && asked && sameNext(next, asked)) {
			throw new NodeOperationError(ctx.getNode(), `SendKit pointed to the page just read (${JSON.stringify(next)}) as the next one`, {
				itemIndex,
				description: `Reading GET ${path} was stopped rather than repeated without end.`,
			});
		}
		if (records.length > 0 || next === undefined) return { records, next };
		asked = next;
	}
}
