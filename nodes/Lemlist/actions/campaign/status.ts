import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requireId } from '../../../common/fields';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { withIds } from '../../../common/items';
import { lemlist } from '../../provider';

/** Start and Pause: one `POST /campaigns/{id}/{action}`; lemlist answers `{_id, state}`. */
export async function changeCampaignStatus(
	ctx: IExecuteFunctions,
	itemIndex: number,
	send: Send,
	action: 'start' | 'pause',
): Promise<IDataObject> {
	const campaignId = requireId(ctx, 'campaignId', 'Campaign', itemIndex);
	const answer = await send({ method: 'POST', path: apiPath`/campaigns/${campaignId}/${action}`, idempotent: true });
	return withIds(lemlist, answer, { campaignId });
}
