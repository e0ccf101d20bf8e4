import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { findInPages } from '../../../common/paging';
import { isRecord } from '../../../common/records';
import { pickFields, type Send } from '../../../common/router';
import { requireNumericId } from '../ids';
import { campaignAs, leadIdOrEmail } from '../../parameters';
import { resolveLead } from './lookup';
import { simplified as simplifiedListEntry } from './getAll.operation';
import { campaignLeadPages, leadIdOfRecord } from './pages';

export const properties: INodeProperties[] = [campaignAs('The campaign the lead is in'), leadIdOrEmail];

/** What Simplify keeps of a lead found by email (Smartlead's lead record and its campaigns). */
const SIMPLIFIED_BY_EMAIL = ['id', 'email', 'first_name', 'last_name', 'company_name', 'is_unsubscribed', 'created_at', 'lead_campaign_data'];

/** A lead found by email is Smartlead's lead record; one found by ID is its entry in the campaign's list. */
export const simplified = (record: IDataObject): IDataObject =>
	isRecord(record.lead) || 'status' in record ? simplifiedListEntry(record) : pickFields(record, SIMPLIFIED_BY_EMAIL);

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
