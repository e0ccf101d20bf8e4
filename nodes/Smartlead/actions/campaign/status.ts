import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { withIds } from '../../../common/items';
import { smartlead } from '../../provider';
import { exactId, requireNumericId } from '../ids';

/** The status values `POST /campaigns/{id}/status` takes (read back as ACTIVE, PAUSED, STOPPED). */
export type CampaignStatusChange = 'START' | 'PAUSED' | 'STOPPED';

/** What start, pause and stop share: one status change of the campaign, answered with its ID. */
export async function changeCampaignStatus(
	ctx: IExecuteFunctions,
	itemIndex: number,
	send: Send,
	status: CampaignStatusChange,
): Promise<IDataObject> {
	const campaignId = requireNumericId(ctx, 'campaignId', 'Campaign', itemIndex);
	const answer = await send({ method: 'POST', path: apiPath`/campaigns/${campaignId}/status`, body: { status }, idempotent: true });
	return withIds(smartlead, answer, { campaignId: exactId(campaignId) });
}
