import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { bodyFromCollections, requireSomethingToUpdate, type BodyRules } from '../../../common/fields';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { withIds } from '../../../common/items';
import { smartlead } from '../../provider';
import { exactId, requireNumericId } from '../ids';

/**
 * What the two campaign updates share: a numeric campaign ID, a body of what was set in
 * `updateFields` (flat), one `POST /campaigns/{id}/{endpoint}`, and the answer with the campaign ID.
 */
export async function postCampaignUpdate(
	ctx: IExecuteFunctions,
	itemIndex: number,
	send: Send,
	endpoint: 'settings' | 'schedule',
	updateFields: INodeProperties,
	rules: BodyRules,
	nothingToUpdateHint: string,
): Promise<IDataObject> {
	const campaignId = requireNumericId(ctx, 'campaignId', 'Campaign', itemIndex);
	const body = bodyFromCollections(ctx, itemIndex, [updateFields], rules);
	requireSomethingToUpdate(ctx.getNode(), body, itemIndex, nothingToUpdateHint);

	const answer = await send({ method: 'POST', path: apiPath`/campaigns/${campaignId}/${endpoint}`, body, idempotent: true });
	return withIds(smartlead, answer, { campaignId: exactId(campaignId) });
}
