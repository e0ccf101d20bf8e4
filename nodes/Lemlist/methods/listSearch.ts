import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { apiRequest } from '../../common/request';
import { lemlist } from '../provider';

const PAGE_SIZE = 100;

interface CampaignSummary {
	_id: string;
	name?: string;
	status?: string;
}

/** The account's campaigns, a page at a time; lemlist has no name search, so we filter here. */
export async function searchCampaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1) || 1;
	const answer = await apiRequest.call(this, lemlist, {
		method: 'GET',
		path: '/campaigns',
		qs: { version: 'v2', limit: PAGE_SIZE, page },
	});

	// v2 answers {campaigns, pagination}; older accounts still get a bare array.
	let campaigns: CampaignSummary[];
	let hasMore: boolean;
	if (Array.isArray(answer)) {
		campaigns = answer as CampaignSummary[];
		hasMore = campaigns.length === PAGE_SIZE;
	} else {
		const { campaigns: list, pagination } = (answer ?? {}) as {
			campaigns?: CampaignSummary[];
			pagination?: IDataObject;
		};
		campaigns = list ?? [];
		const totalPage = Number(pagination?.totalPage ?? page);
		hasMore = Boolean(pagination?.nextPage) || page < totalPage;
	}

	const needle = filter?.trim().toLowerCase();
	const results = campaigns
		.filter((campaign) => !needle || `${campaign.name ?? ''} ${campaign._id}`.toLowerCase().includes(needle))
		.map((campaign) => ({
			name: campaign.status ? `${campaign.name ?? campaign._id} (${campaign.status})` : (campaign.name ?? campaign._id),
			value: campaign._id,
		}));
	return { results, paginationToken: hasMore ? String(page + 1) : undefined };
}
