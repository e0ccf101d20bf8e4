import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { withIds } from '../../../common/items';
import { smartlead } from '../../provider';
import { exactId, requireNumericId } from '../ids';
import { readBoolean } from '../../../common/fields';
import { resolveLead } from './lookup';
import { campaign, leadIdOrEmail } from '../../parameters';

export const properties: INodeProperties[] = [
	campaign,
	leadIdOrEmail,
	{
		displayName: 'Category Name or ID',
		name: 'category_id',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getLeadCategories' },
		default: '',
		required: true,
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Pause Lead',
		name: 'pause_lead',
		type: 'boolean',
		default: false,
		description: 'Whether the lead is also paused in the campaign',
	},
];

/** The category as the number Smartlead takes (the list gives a number, an expression may give text). */
function readCategoryId(ctx: IExecuteFunctions, itemIndex: number): number {
	const value = ctx.getNodeParameter('category_id', itemIndex, '') as unknown;
	const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : '';
	if (text === '') {
		throw new NodeOperationError(ctx.getNode(), 'Category Name or ID (category_id) is empty', {
			itemIndex,
			description: 'Choose a category from the list or give its ID; an expression may have resolved to nothing.',
		});
	}
	if (!/^\d+$/.test(text) || Number(text) < 1) {
		throw new NodeOperationError(ctx.getNode(), `Category Name or ID (category_id) must be a category ID, a whole number, not ${JSON.stringify(value)}`, {
			itemIndex,
			description: 'The IDs of the account\'s categories are listed in the dropdown (GET /leads/fetch-categories).',
		});
	}
	return Number(text);
}

/** `POST /campaigns/{id}/leads/{lead_id}/category {category_id, pause_lead}`, both top-level as Smartlead takes them. */
export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const campaignId = requireNumericId(this, 'campaignId', 'Campaign', itemIndex);
	const categoryId = readCategoryId(this, itemIndex);
	const pauseLead = readBoolean(this, 'pause_lead', 'Pause Lead', itemIndex);
	const { leadId } = await resolveLead(this, itemIndex, send, campaignId);
	const answer = await send({
		method: 'POST',
		path: apiPath`/campaigns/${campaignId}/leads/${leadId}/category`,
		body: { category_id: categoryId, pause_lead: pauseLead },
		idempotent: true,
	});
	return withIds(smartlead, answer, { campaignId: exactId(campaignId), leadId: exactId(leadId), categoryId });
}
