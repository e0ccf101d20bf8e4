import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { apiRequest } from '../../common/request';
import { CAMPAIGN_PAGE_SIZE, readCampaignPage, sendKitEnvelope } from '../provider';

/** The workspace's campaigns, a page at a time, searched by name on SendKit's side. */
export async function searchCampaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { limit: CAMPAIGN_PAGE_SIZE };
	const search = filter?.trim();
	if (search) qs.search = search;
	// Tokens are "cursor:<cursor>" or "page:<n>", whichever the previous page offered.
	if (paginationToken?.startsWith('cursor:')) qs.cursor = paginationToken.slice('cursor:'.length);
	else if (paginationToken?.startsWith('page:')) qs.page = Number(paginationToken.slice('page:'.length));

	// The envelope stays on: the pagination beside `data` says whether there is more.
	const answer = await apiRequest.call(this, sendKitEnvelope, { method: 'GET', path: '/v1/campaigns', qs });
	const { campaigns, next } = readCampaignPage(answer);

	const results = campaigns.map((campaign) => ({
		name: campaign.status ? `${campaign.name ?? campaign._id} (${campaign.status})` : (campaign.name ?? campaign._id),
		value: campaign._id,
	}));
	let token: string | undefined;
	if (next && 'cursor' in next) token = `cursor:${next.cursor}`;
	else if (next) token = `page:${next.page}`;
	return { results, paginationToken: token };
}
