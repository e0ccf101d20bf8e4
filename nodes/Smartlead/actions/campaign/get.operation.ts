import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { requireNumericId } from '../ids';
import { campaignAs } from '../../parameters';

export const properties: INodeProperties[] = [campaignAs('The campaign to get')];

/** Simplify keeps the campaign's identity, state and main sending settings. */
export const simplified = [
	'id',
	'name',
	'status',
	'created_at',
	'updated_at',
	'client_id',
	'track_settings',
	'stop_lead_settings',
	'max_leads_per_day',
	'min_time_btwn_emails',
];

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const campaignId = requireNumericId(this, 'campaignId', 'Campaign', itemIndex);
	return (await send({ method: 'GET', path: apiPath`/campaigns/${campaignId}` })) as IDataObject;
}
