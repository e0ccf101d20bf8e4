import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { campaignLocator } from '../../../common/descriptions';
import type { Send } from '../../../common/router';
import { requireNumericId } from '../ids';
import { leadIdOrEmail, resolveLead } from './lookup';
import { fetchCampaignLeadPage, leadIdOfRecord, MAX_PAGE_SIZE } from './pages';

const properties: INodeProperties[] = [{ ...campaignLocator('1234567'), description: 'The campaign the lead is in' }, leadIdOrEmail];

export const description = updateDisplayOptions({ show: { resource: ['campaignLead'], operation: ['get'] } }, properties);

/**
 * One lead of the campaign. Smartlead looks leads up by email (`GET /leads/?email=`, one request):
 * the output is that answer, the lead with `lead_campaign_data`. Its reference has no single-lead
 * endpoint by ID, so an ID is found by reading the campaign's leads page by page (100 at a time)
 * until it turns up: the output is the lead's entry in that list (status, category, `lead`).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const campaignId = requireNumericId(this, 'campaignId', 'Campaign', itemIndex);
	const { leadId, lead } = await resolveLead(this, itemIndex, send, campaignId);
	if (lead) return lead;

	let offset: number | undefined = 0;
	while (offset !== undefined) {
		const page = await fetchCampaignLeadPage(this, itemIndex, send, campaignId, offset, MAX_PAGE_SIZE);
		const found = page.records.find((record) => leadIdOfRecord(record) === leadId);
		if (found) return found;
		offset = page.next;
	}
	throw new NodeOperationError(this.getNode(), `No lead with the ID ${leadId} in campaign ${campaignId}`, {
		itemIndex,
		description: "Every lead of the campaign was read and none has this ID; check the ID or the campaign.",
	});
}
