import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { apiRequest } from '../../common/request';
import { smartlead } from '../provider';

interface CampaignSummary {
	id: number | string;
	name?: string;
	status?: string;
}

/** The account's campaigns; Smartlead answers them all at once and has no name search, so we filter here. */
export async function searchCampaigns(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const answer = await apiRequest.call(this, smartlead, { method: 'GET', path: '/campaigns/' });
	const campaigns = (Array.isArray(answer) ? answer : []) as CampaignSummary[];
	const needle = filter?.trim().toLowerCase();
	const results = campaigns
		.filter((campaign) => !needle || `${campaign.name ?? ''} ${campaign.id}`.toLowerCase().includes(needle))
		.map((campaign) => {
			const name = campaign.name ?? String(campaign.id);
			return { name: campaign.status ? `${name} (${campaign.status})` : name, value: String(campaign.id) };
		});
	return { results };
}
