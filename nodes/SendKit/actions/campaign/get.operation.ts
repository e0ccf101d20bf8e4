import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireId } from '../../../common/fields';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { dataOf } from '../../provider';
import { campaign } from '../../parameters';

export const properties: INodeProperties[] = [campaign];

/** Simplify keeps the campaign's identity, state and main counts. */
export const simplified = [
	'_id',
	'name',
	'status',
	'createdAt',
	'leadCounts.total',
	'leadCounts.active',
	'stats.sent',
	'stats.replied',
	'stats.bounced',
	'stats.unsubscribed',
];

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const campaignId = requireId(this, 'campaignId', 'Campaign', itemIndex);
	return dataOf(await send({ method: 'GET', path: apiPath`/v1/campaigns/${campaignId}` })) as IDataObject;
}
