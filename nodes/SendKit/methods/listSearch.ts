import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { apiRequest } from '../../common/request';
import { CAMPAIGN_PAGE_SIZE, nextPageQuery, readListPage, type NextPage } from '../pages';
import { sendKit } from '../provider';

/** The picker's token for a next page: "cursor:<cursor>" or "page:<n>", whichever SendKit offered. */
const tokenOf = (next: NextPage) => ('cursor' in next ? `cursor:${next.cursor}` : `page:${next.page}`);

function nextOf(token: string | undefined): NextPage | undefined {
	if (token?.startsWith('cursor:')) return { cursor: token.slice('cursor:'.length) };
	if (token?.startsWith('page:')) return { page: Number(token.slice('page:'.length)) };
	return undefined;
}

/** The workspace's campaigns, a page at a time, searched by name on SendKit's side. */
export async function searchCampaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const search = filter?.trim();
	const qs = { limit: CAMPAIGN_PAGE_SIZE, ...(search ? { search } : {}), ...nextPageQuery(nextOf(paginationToken)) };

	// The whole answer: the pagination beside `data` says whether there is more.
	const page = readListPage(await apiRequest.call(this, sendKit, { method: 'GET', path: '/v1/campaigns', qs }));

	const results = page.records.map((campaign) => {
		const name = String(campaign.name ?? campaign._id);
		return { name: campaign.status ? `${name} (${String(campaign.status)})` : name, value: String(campaign._id) };
	});
	return { results, paginationToken: page.next ? tokenOf(page.next) : undefined };
}
