import type { IDataObject } from 'n8n-workflow';

import type { FetchPage, Page } from '../common/paging';
import { isRecord, nonEmptyText } from '../common/records';
import type { Send } from '../common/router';

/** How SendKit's lists page; the facts and what is uncertain are in docs/providers/sendkit.md. */

/** The most records SendKit's list endpoints answer per request (`limit` 1–100) [docs]. */
export const MAX_PAGE_SIZE = 100;

/** Campaigns per page in the picker (SendKit's maximum is not published [inferred]). */
export const CAMPAIGN_PAGE_SIZE = 50;

/** What to send for the next page: a cursor, or (the older answer shape) a page number. */
export type NextPage = { cursor: string } | { page: number };

/**
 * One page of a SendKit list (`GET /v1/campaigns`, `GET /v1/campaigns/{id}/leads`, `GET /v1/dnc`), read
 * tolerantly because the name of the next-page field is not published [?]: a cursor in
 * `pagination.nextCursor` (or `next_cursor`, or beside `data`) unless `hasMore` is false; `hasMore`
 * true without a cursor means "continue after the last `_id`" (the cursor SendKit's examples pass
 * is a record's ObjectId); the docs' older example answers `pagination: {page, pages}`, which
 * decides alone when present. Anything else is the last page.
 */
export function readListPage(answer: unknown): Page<NextPage> {
	const envelope = isRecord(answer) ? answer : {};
	const data = Array.isArray(answer) ? answer : envelope.data;
	const records = (Array.isArray(data) ? data : []).filter(isRecord);
	const pagination = isRecord(envelope.pagination) ? envelope.pagination : {};
	const hasMore = pagination.hasMore ?? envelope.hasMore;
	const nextCursor =
		nonEmptyText(pagination.nextCursor) ??
		nonEmptyText(pagination.next_cursor) ??
		nonEmptyText(envelope.nextCursor) ??
		nonEmptyText(envelope.next_cursor);
	if (nextCursor !== undefined && hasMore !== false) return { records, next: { cursor: nextCursor } };
	const page = Number(pagination.page);
	const pages = Number(pagination.pages);
	if (Number.isInteger(page) && Number.isInteger(pages)) return page < pages ? { records, next: { page: page + 1 } } : { records };
	const lastId = nonEmptyText(records[records.length - 1]?._id);
	if (hasMore === true && lastId !== undefined) return { records, next: { cursor: lastId } };
	return { records };
}

/** The query that asks for the page after `next`. */
export function nextPageQuery(next: NextPage | undefined): IDataObject {
	if (next && 'cursor' in next) return { cursor: next.cursor };
	return next ? { page: next.page } : {};
}

/**
 * The pages of a SendKit list through the node's pipeline. Unfiltered, a page asks for no more
 * than `wanted` records (at most SendKit's 100). SendKit may answer fewer records than asked while
 * saying there is more, even none [?], which a filter makes likely: filtered, every page asks for
 * 100 (at most one page more than needed, instead of many small requests).
 */
export function listPages(send: Send, path: string, filters: IDataObject = {}): FetchPage<NextPage> {
	const filtered = Object.keys(filters).length > 0;
	return async (cursor, wanted) => {
		const limit = filtered ? MAX_PAGE_SIZE : Math.max(1, Math.min(wanted, MAX_PAGE_SIZE));
		return readListPage(await send({ method: 'GET', path, qs: { ...filters, limit, ...nextPageQuery(cursor) } }));
	};
}
