import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withIds } from '../../../common/items';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { campaign, leadIdOrEmail } from '../../parameters';
import { lemlist } from '../../provider';
import { idsOf, resolveLead } from './lookup';

export const properties: INodeProperties[] = [campaign, leadIdOrEmail];

/**
 * Takes the lead out of the campaign: `DELETE /campaigns/{id}/leads/{leadId}?action=remove`.
 * Without `action=remove` the same call unsubscribes the lead instead (Unsubscribe); the address is
 * not put on any list, so the lead can be added again.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const lead = await resolveLead(this, itemIndex, send);
	const answer = await send({
		method: 'DELETE',
		path: apiPath`/campaigns/${lead.campaignId}/leads/${lead.leadId}`,
		qs: { action: 'remove' },
	});
	return withIds(lemlist, answer, { ...idsOf(lead), status: 'removed' });
}
