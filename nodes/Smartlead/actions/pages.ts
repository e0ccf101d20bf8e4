import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FetchPage } from '../../common/paging';
import { isRecord } from '../../common/records';
import type { Send } from '../../common/router';

/** Where a list is, what a page of it may hold, and the keys a wrapped answer may keep it under. */
export interface OffsetList {
	path: string;
	/** The largest `limit` Smartlead takes for this list. */
	maxPageSize: number;
	/** Keys of an object answer that may hold the list, in the order they are tried; a bare array is read as it is. */
	listKeys: string[];
}

/**
 * The pages of a Smartlead list read with `offset` + `limit` whose answer is the bare list (or a
 * list under one of `listKeys`): each page sized for what is still wanted, at most `maxPageSize`;
 * a page shorter than asked (an empty one included) is the last. An answer without a list fails
 * the item naming the keys it had.
 */
export function offsetListPages(ctx: IExecuteFunctions, itemIndex: number, send: Send, list: OffsetList, query: IDataObject = {}): FetchPage<number> {
	return async (offset = 0, wanted) => {
		const limit = Math.max(1, Math.min(list.maxPageSize, wanted));
		const answer = await send({ method: 'GET', path: list.path, qs: { ...query, offset, limit } });
		const found = Array.isArray(answer)
			? answer
			: isRecord(answer)
				? list.listKeys.map((key) => answer[key]).find((value) => Array.isArray(value))
				: undefined;
		if (!Array.isArray(found)) {
			const had = isRecord(answer) ? Object.keys(answer).join(', ') || 'nothing' : typeof answer;
			throw new NodeOperationError(ctx.getNode(), `Smartlead answered GET ${list.path} without a list`, {
				itemIndex,
				description: `Expected a list (or one under ${list.listKeys.join(' or ')}); the answer had: ${had}.`,
			});
		}
		const records = found.filter(isRecord);
		return { records, next: found.length >= limit ? offset + found.length : undefined };
	};
}
