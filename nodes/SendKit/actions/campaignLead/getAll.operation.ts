import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collection, returnAllOrLimit, statusFilter } from '../../../common/descriptions';
import { readCollection, requireId } from '../../../common/fields';
import { readLimit, readPages } from '../../../common/paging';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { listPages } from '../../pages';
import { campaign } from '../../parameters';

// A named const: `execute` checks the filters against these same options.
const filters = collection('filters', [
	// The statuses SendKit filters a campaign's leads on [3p].
	statusFilter(
		[
			{ name: 'Active', value: 'active' },
			{ name: 'Bounced', value: 'bounced' },
			{ name: 'Completed', value: 'completed' },
			{ name: 'Paused', value: 'paused' },
			{ name: 'Pending', value: 'pending' },
			{ name: 'Removed', value: 'removed' },
			{ name: 'Replied', value: 'replied' },
			{ name: 'Unsubscribed', value: 'unsubscribed' },
		],
		'active',
		"Only leads in this status in the campaign",
	),
]);

export const properties: INodeProperties[] = [campaign, ...returnAllOrLimit, filters];

/** Simplify keeps the campaign lead's state and who the lead is (SendKit's populated `leadId`). */
export const simplified = [
	'_id',
	'status',
	'aiTag',
	'currentSequenceStep',
	'replied',
	'leadId._id',
	'leadId.email',
	'leadId.firstName',
	'leadId.lastName',
	'leadId.company',
];

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject[]> {
	const campaignId = requireId(this, 'campaignId', 'Campaign', itemIndex);
	const limit = readLimit(this, itemIndex);
	const query = readCollection(this, itemIndex, filters);
	const path = apiPath`/v1/campaigns/${campaignId}/leads`;
	return await readPages('SendKit', limit, listPages(send, path, query));
}
