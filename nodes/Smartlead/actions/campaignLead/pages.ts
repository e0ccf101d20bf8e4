import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FetchPage, Page } from '../../../common/paging';
import { isRecord } from '../../../common/records';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';

/** Smartlead serves at most this many leads per page of `GET /campaigns/{id}/leads`. */
const MAX_PAGE_SIZE = 100;

/**
 * One page of a campaign's leads, from `offset`, at most `pageSize` of them. The reference answer is
 * `{total_leads: "250", offset, limit, data: [...]}` (the total a string); a newer docs page shows
 * `{total: 250, leads: [...]}`: both are read. The next page starts where this one ended, until the
 * total is reached; without a total, a short page is the last one.
 */
async function fetchCampaignLeadPage(
	ctx: IExecuteFunctions,
	itemIndex: number,
	send: Send,
	campaignId: string,
	offset: number,
	pageSize: number,
	filters: IDataObject = {},
): Promise<Page<number>> {
	const path = apiPath`/campaigns/${campaignId}/leads`;
	const answer = await send({ method: 'GET', path, qs: { ...filters, offset, limit: pageSize } });
	const body = isRecord(answer) ? answer : {};
	const list = Array.isArray(answer) ? answer : (body.data ?? body.leads);
	if (!Array.isArray(list)) {
		throw new NodeOperationError(ctx.getNode(), `Smartlead answered GET ${path} without a list of leads`, {
			itemIndex,
			description: `Expected "data" (or "leads") to be a list; the answer had: ${Object.keys(body).join(', ') || 'nothing'}.`,
		});
	}
	const records = list.filter(isRecord);
	const rawTotal = body.total_leads ?? body.total;
	const total = typeof rawTotal === 'number' || (typeof rawTotal === 'string' && rawTotal.trim() !== '') ? Number(rawTotal) : NaN;
	const end = offset + list.length;
	const more = list.length > 0 && (Number.isFinite(total) ? end < total : list.length >= pageSize);
	return { records, next: more ? end : undefined };
}

/** The pages of a campaign's leads, each sized for what is still wanted (at most 100), from offset 0. */
export function campaignLeadPages(ctx: IExecuteFunctions, itemIndex: number, send: Send, campaignId: string, filters: IDataObject = {}): FetchPage<number> {
	return async (offset = 0, wanted) =>
		await fetchCampaignLeadPage(ctx, itemIndex, send, campaignId, offset, Math.min(MAX_PAGE_SIZE, wanted), filters);
}

/** The lead ID of a record of the list: `lead.id` in the reference shape, `id` in the flat one. */
export function leadIdOfRecord(record: IDataObject): string | undefined {
	const id = isRecord(record.lead) ? record.lead.id : (record.lead_id ?? record.id);
	return id === undefined || id === null ? undefined : String(id);
}
