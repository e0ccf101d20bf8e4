import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requireId } from '../../../common/fields';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { withIds } from '../../../common/items';
import { dataOf, sendKit } from '../../provider';

/**
 * `POST /v1/campaigns/{id}/start|pause|resume`: no body; SendKit answers the campaign's new
 * status (`{id, status}` for resume; start and pause are not documented [?]), with the ID added.
 */
export async function changeCampaignStatus(
	ctx: IExecuteFunctions,
	itemIndex: number,
	send: Send,
	action: 'start' | 'pause' | 'resume',
): Promise<IDataObject> {
	const campaignId = requireId(ctx, 'campaignId', 'Campaign', itemIndex);
	const answer = await send({ method: 'POST', path: apiPath`/v1/campaigns/${campaignId}/${action}`, idempotent: true });
	return withIds(sendKit, dataOf(answer), { campaignId });
}
