import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { bodyFromCollections, requireSomethingToUpdate, type BodyRules } from '../../../common/fields';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { requireNumericId, withIds } from '../ids';

/**
 * What the two campaign updates share: a numeric campaign ID, a body of what was set in
 * `updateFields` (flat), one `POST /campaigns/{id}/{endpoint}`, and the answer with the campaign ID.
 */
export async function postCampaignUpdate(
	this: IExecuteFunctions,
	itemIndex: number,
	send: Send,
	endpoint: 'settings' | 'schedule',
	updateFields: INodeProperties,
	rules: BodyRules,
	nothingToUpdateHint: string,
): Promise<IDataObject> {
	const campaignId = requireNumericId(this, 'campaignId', 'Campaign', itemIndex);
	const body = bodyFromCollections(this, itemIndex, [updateFields], rules);
	requireSomethingToUpdate(this.getNode(), body, itemIndex, nothingToUpdateHint);

	const answer = await send({ method: 'POST', path: apiPath`/campaigns/${campaignId}/${endpoint}`, body });
	return withIds(answer, { campaignId: Number(campaignId) });
}
