import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchCampaigns as lemlistCampaigns } from '../Lemlist/methods/listSearch';
import { searchCampaigns as sendKitCampaigns } from '../SendKit/methods/listSearch';
import { searchCampaigns as smartleadCampaigns } from '../Smartlead/methods/listSearch';

const SEARCHES = { lemlist: lemlistCampaigns, smartlead: smartleadCampaigns, sendKit: sendKitCampaigns };

/** The campaign picker of the Outreach node and trigger: the chosen provider's own picker. */
export async function searchCampaigns(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const provider = String(this.getCurrentNodeParameter('provider') ?? '');
	const search = Object.prototype.hasOwnProperty.call(SEARCHES, provider) ? SEARCHES[provider as keyof typeof SEARCHES] : undefined;
	if (!search) return { results: [] };
	return await search.call(this, filter, paginationToken);
}
