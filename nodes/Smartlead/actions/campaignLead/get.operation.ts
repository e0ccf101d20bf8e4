import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { findInPages } from '../../../common/paging';
import type { Send } from '../../../common/router';
import { requireNumericId } from '../ids';
import { campaignAs, leadIdOrEmail } from '../../parameters';
import { resolveLead } from './lookup';
import { campaignLeadPages, leadIdOfRecord } from './pages';

export const properties: INodeProperties[] = [campaignAs('The campaign the lead is in'), leadIdOrEmail];

/**
 * One lead of the campaign. Smartlead looks leads up by email (`GET /leads/?email=`, one request):
 * the output is that answer, the lead with `lead_campaign_data`. Its reference has no single-lead
 * endpoint by ID, so an ID is found by reading the campaign's leads page by page (100 at a time)
 * until it turns up: the output is the lead's entry in that list (status, category, `lead`).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const campaignId = requireNumericId(this, 'campaignId', 'Campaign', itemIndex);
	const { leadId, record } = await resolveLead(this, itemIndex, send, campaignId);
	if (record) return record;

	const found = await findInPages('Smartlead', campaignLeadPages(this, itemIndex, send, campaignId), (entry) => leadIdOfRecord(entry) === leadId);
	if (found) return found;
	throw new NodeOperationError(this.getNode(), `No lead with the ID ${leadId} in campaign ${campaignId}`, {
		itemIndex,
		description: "Every lead of the campaign was read and none has this ID; check the ID or the campaign.",
	});
}
