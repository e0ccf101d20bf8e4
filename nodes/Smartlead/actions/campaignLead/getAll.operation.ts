import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { collection, returnAllOrLimit, statusFilter } from '../../../common/descriptions';
import { buildBody } from '../../../common/fields';
import { readLimit, readPages } from '../../../common/paging';
import { isRecord } from '../../../common/records';
import { pickFields, type Send } from '../../../common/router';
import { requireNumericId } from '../ids';
import { campaignLeadPages } from './pages';
import { campaignAs } from '../../parameters';

// A named constant: execute checks the values against its options.
const filters = collection('filters', [
	{
		displayName: 'Category Name or ID',
		name: 'lead_category_id',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getLeadCategories' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Created After',
		name: 'created_at_gt',
		type: 'dateTime',
		default: '',
		description: 'Only leads added to the campaign after this moment',
	},
	{
		displayName: 'Email Status',
		name: 'emailStatus',
		type: 'options',
		options: [
			{ name: 'Accepted', value: 'is_accepted', description: "The lead's mail server accepted an email" },
			{ name: 'Bounced', value: 'is_bounced', description: 'An email to the lead bounced' },
			{ name: 'Clicked', value: 'is_clicked', description: 'The lead clicked a link' },
			{ name: 'Marked as Spam', value: 'is_spam', description: 'The lead marked an email as spam' },
			{ name: 'Opened', value: 'is_opened', description: 'The lead opened an email' },
			{ name: 'Opened, Not Replied', value: 'not_replied', description: 'The lead opened an email but did not reply' },
			{ name: 'Replied', value: 'is_replied', description: 'The lead replied' },
			{ name: 'Sender Bounced', value: 'is_sender_bounced', description: "The sending mailbox's email bounced" },
			{ name: 'Unsubscribed', value: 'is_unsubscribed', description: 'The lead unsubscribed' },
		],
		default: 'is_replied',
		description: 'Only leads with this engagement',
	},
	{
		displayName: 'Last Event After',
		name: 'event_time_gt',
		type: 'dateTime',
		default: '',
		description: "Only leads whose last event (open, click, reply…) came after this moment",
	},
	{
		displayName: 'Last Sent After',
		name: 'last_sent_time_gt',
		type: 'dateTime',
		default: '',
		description: 'Only leads last emailed after this moment',
	},
	statusFilter(
		[
			{ name: 'Completed', value: 'COMPLETED', description: 'The sequence has ended for the lead' },
			{ name: 'In Progress', value: 'INPROGRESS', description: 'The lead is in the sequence' },
			{ name: 'Paused', value: 'PAUSED', description: 'The lead is paused' },
			{ name: 'Started', value: 'STARTED', description: 'The lead is added; its sequence has not started' },
			{ name: 'Stopped', value: 'STOPPED', description: 'The lead is stopped' },
		],
		'INPROGRESS',
		"The lead's status in the campaign",
	),
], 'Smartlead applies these; a lead must match every filter added');

export const properties: INodeProperties[] = [
	campaignAs('The campaign whose leads are listed'),
	...returnAllOrLimit,
	filters,
];

/** What Simplify keeps of a lead of the reference list shape: its place in the campaign and who it is. */
const SIMPLIFIED_NESTED = [
	'campaign_lead_map_id',
	'status',
	'lead_category_id',
	'lead.id',
	'lead.email',
	'lead.first_name',
	'lead.last_name',
	'lead.company_name',
	'lead.is_unsubscribed',
];

/** What Simplify keeps of a lead of the flat list shape. */
const SIMPLIFIED_FLAT = ['id', 'email', 'first_name', 'last_name', 'company_name', 'status', 'category_id', 'category_name', 'is_unsubscribed', 'last_sent_time'];

/** Who the lead is and where it stands in the campaign, in either shape Smartlead lists leads in. */
export const simplified = (record: IDataObject): IDataObject => pickFields(record, isRecord(record.lead) ? SIMPLIFIED_NESTED : SIMPLIFIED_FLAT);

const checkDate = (value: unknown) =>
	Number.isNaN(Date.parse(String(value))) ? `must be a date and time such as 2026-01-05T09:00:00Z, not "${String(value)}"` : undefined;

/** The filters as Smartlead's query parameters, each checked before any request. */
function readFilters(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const values = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	if (typeof values !== 'object' || values === null || Array.isArray(values)) {
		throw new NodeOperationError(ctx.getNode(), '"Filters" (filters) must be an object of filters', { itemIndex });
	}
	// The categories come from the account: the category is checked as an ID, the rest against their options.
	const { lead_category_id: category, ...rest } = values;
	const others = (filters.options as INodeProperties[]).filter((option) => option.name !== 'lead_category_id');
	const query = buildBody(ctx.getNode(), others, rest, itemIndex, 'filters', {
		checks: { created_at_gt: checkDate, last_sent_time_gt: checkDate, event_time_gt: checkDate },
	});
	if (category !== undefined && category !== null && String(category).trim() !== '') {
		const text = String(category).trim();
		if (typeof category === 'object' || !/^\d+$/.test(text) || Number(text) < 1) {
			throw new NodeOperationError(ctx.getNode(), `"Category Name or ID" (filters.lead_category_id) must be a category ID, a whole number, not ${JSON.stringify(category)}`, { itemIndex });
		}
		query.lead_category_id = Number(text);
	}
	return query;
}

/** The campaign's leads, page by page (`offset`/`limit`, at most 100 per page), one item per lead. */
export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject[]> {
	const campaignId = requireNumericId(this, 'campaignId', 'Campaign', itemIndex);
	const limit = readLimit(this, itemIndex);
	const query = readFilters(this, itemIndex);
	return await readPages('Smartlead', limit, campaignLeadPages(this, itemIndex, send, campaignId, query));
}
