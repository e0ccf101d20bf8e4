import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { batchSizeOption, collection } from '../../../common/descriptions';
import { readBatchSize, readCollection } from '../../../common/fields';
import { apiPath } from '../../../common/request';
import type { Batch, BatchEntry, Send } from '../../../common/router';
import { requireNumericId } from '../ids';
import { campaignAs } from '../../parameters';
import { addOutcomes } from './addAnswer';
import { LEAD_FIELDS, readLeadFields, requireEmail } from './leadFields';

/** Smartlead takes at most this many leads per request (docs/providers/smartlead.md, "Campaign lead"). */
export const MAX_LEADS_PER_REQUEST = 400;

// Named constants: prepare reads their names and options.
const additionalFields = collection('additionalFields', LEAD_FIELDS, 'Only the fields added here are sent with the lead');

const settings: INodeProperties = {
	displayName: 'Settings',
	name: 'settings',
	type: 'collection',
	placeholder: 'Add Setting',
	default: {},
	description: "Smartlead's checks when leads are added; a check not switched off here applies",
	options: [
		{
			displayName: 'Ignore Duplicate Leads in Other Campaign',
			name: 'ignore_duplicate_leads_in_other_campaign',
			type: 'boolean',
			default: false,
			description: 'Whether a lead already in another campaign of the account is added anyway',
		},
		{
			displayName: 'Ignore Global Block List',
			name: 'ignore_global_block_list',
			type: 'boolean',
			default: false,
			description: 'Whether a lead whose address or domain is on the global block list is added anyway',
		},
		{
			displayName: 'Ignore Unsubscribe List',
			name: 'ignore_unsubscribe_list',
			type: 'boolean',
			default: false,
			description: 'Whether a lead who unsubscribed is added anyway',
		},
	],
};

/** The settings in the order Smartlead's docs list them; each is always sent, false unless switched on. */
const SETTINGS = ['ignore_global_block_list', 'ignore_unsubscribe_list', 'ignore_duplicate_leads_in_other_campaign'];

export const properties: INodeProperties[] = [
	campaignAs('The campaign the leads are added to'),
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. name@email.com',
		description: "The lead's email address, such as name@example.com",
	},
	additionalFields,
	settings,
];

export const options: INodeProperties[] = [
	batchSizeOption(400, "The most leads sent in one request, up to Smartlead's 400; items for the same campaign with the same settings are sent together"),
];

/** One item's lead, read and checked before any request; items of one campaign and settings are sent together. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<BatchEntry> {
	const campaignId = requireNumericId(this, 'campaignId', 'Campaign', itemIndex);
	const email = requireEmail(this, itemIndex, 'for every lead it adds');
	const lead: IDataObject = { email, ...readLeadFields(this, itemIndex, additionalFields) };
	const chosen = readCollection(this, itemIndex, settings);
	const sent = Object.fromEntries(SETTINGS.map((name) => [name, chosen[name] === true]));
	return { group: { campaignId, settings: sent }, maxSize: readBatchSize(this, itemIndex, options), entry: lead };
}

/** `POST /campaigns/{id}/leads {lead_list, settings}`: one request for the batch, one result per lead (see addOutcomes). */
export async function sendBatch(this: IExecuteFunctions, batch: Batch, send: Send): Promise<Array<IDataObject | Error>> {
	const campaignId = String(batch.group.campaignId);
	const answer = await send({
		method: 'POST',
		path: apiPath`/campaigns/${campaignId}/leads`,
		body: { lead_list: batch.entries, settings: batch.group.settings as IDataObject },
	});
	return addOutcomes(this, batch, answer);
}
