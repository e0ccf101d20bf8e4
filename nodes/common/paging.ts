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

/** Fetches one page from `cursor` (the first page when undefined), sized for `wanted` more records. */
export type FetchPage<Cursor> = (cursor: Cursor | undefined, wanted: number) => Promise<Page<Cursor>>;

/**
 * Reads a list page by page, each page through the pipeline (so paced like every request), handing
 * each page's records to `visit` until it answers false or the provider says there is no more. A
 * page may be empty and still point further (a filtered list): it is followed. A next page that
 * was read before stops the read with an error instead of a loop. `wanted` tells `fetchPage` how
 * many records are still needed, to size its request.
 */
/** The most pages one read follows: a list that never ends is a provider's fault, not a reason to read forever. */
export const MAX_PAGES = 10_000;

async function eachPage<Cursor>(
	source: string,
	fetchPage: FetchPage<Cursor>,
	wanted: () => number,
	visit: (records: IDataObject[]) => boolean,
): Promise<void> {
	const seen = new Set<string>();
	let cursor: Cursor | undefined;
	for (let pages = 1; ; pages++) {
		if (pages > MAX_PAGES) throw new Error(`${source} kept pointing to a next page after ${MAX_PAGES} pages: the read stopped`);
		const page = await fetchPage(cursor, wanted());
		if (!visit(page.records) || page.next === undefined) return;
		const key = JSON.stringify(page.next);
		if (seen.has(key)) {
			throw new Error(`${source} pointed to the page just read (${key}) as the next one: the read stopped rather than repeat itself`);
		}
		seen.add(key);
		cursor = page.next;
	}
}

/**
 * Every record of a list, or the first `limit`; with a limit nothing beyond the last page needed
 * is fetched. Records go straight into the one array returned; no page is kept. `source` names who
 * answers the list, for errors.
 */
export async function readPages<Cursor>(source: string, { limit }: ReadLimit, fetchPage: FetchPage<Cursor>): Promise<IDataObject[]> {
	const records: IDataObject[] = [];
	await eachPage(source, fetchPage, () => limit - records.length, (page) => {
		for (const record of page) {
			if (records.length >= limit) break;
			records.push(record);
		}
		return records.length < limit;
	});
	return records;
}

/** The first record of a list that `matches`, reading whole pages until it turns up; undefined if none does. */
export async function findInPages<Cursor>(
	source: string,
	fetchPage: FetchPage<Cursor>,
	matches: (record: IDataObject) => boolean,
): Promise<IDataObject | undefined> {
	let found: IDataObject | undefined;
	await eachPage(source, fetchPage, () => Infinity, (page) => {
		found = page.find(matches);
		return found === undefined;
	});
	return found;
}
