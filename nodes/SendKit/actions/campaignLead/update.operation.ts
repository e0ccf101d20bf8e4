import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { collection } from '../../../common/descriptions';
import { buildBody, requireId, requireSomethingToUpdate } from '../../../common/fields';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { dataOf } from '../../provider';
import { resolveCampaignLead } from './lookup';
import { campaign, campaignLeadIdOrEmail } from '../../parameters';

// A named const: `execute` builds the body from these same options.
const updateFields = collection('updateFields', [
	{
		displayName: 'AI Tag Name or ID',
		name: 'aiTag',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getAiTags' },
		default: '',
		description:
			'The AI tag to give the lead, one of the workspace\'s AI tagging labels. Changing the tag fires SendKit\'s lead.tag_changed webhook (and may enrol the lead in, or take it out of, a subsequence). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Clear AI Tag',
		name: 'clearAiTag',
		type: 'boolean',
		default: false,
		description: 'Whether to remove the lead\'s AI tag (sends "aiTag": null); not together with AI Tag',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		// The only statuses SendKit accepts for a campaign lead [docs].
		options: [
			{ name: 'Active', value: 'active' },
			{ name: 'Paused', value: 'paused' },
		],
		default: 'active',
		description: 'The lead\'s status in the campaign; SendKit allows only active or paused',
	},
], 'Only the fields added here are changed');

/** The tag is checked by SendKit against the workspace's labels, so here it is plain text. */
const wireFields = (updateFields.options as INodeProperties[]).map((field) =>
	field.name === 'aiTag' ? { ...field, type: 'string' as const, typeOptions: undefined } : field,
);

export const properties: INodeProperties[] = [campaign, campaignLeadIdOrEmail, updateFields];

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const node = this.getNode();
	const campaignId = requireId(this, 'campaignId', 'Campaign', itemIndex);
	// Checked before the lead is looked up: bad input sends no request.
	requireId(this, 'campaignLeadId', 'Campaign Lead ID', itemIndex);
	const values = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = buildBody(node, wireFields, values, itemIndex, 'updateFields');

	const clear = body.clearAiTag === true;
	delete body.clearAiTag;
	if (clear) {
		if (body.aiTag !== undefined) {
			throw new NodeOperationError(node, 'Set either "AI Tag" (updateFields.aiTag) or "Clear AI Tag", not both', {
				itemIndex,
				description: `"Clear AI Tag" removes the tag; "AI Tag" is "${String(body.aiTag)}".`,
			});
		}
		body.aiTag = null;
	}
	requireSomethingToUpdate(node, body, itemIndex, 'Add a status, an AI tag, or Clear AI Tag.');

	const { leadId: campaignLeadId } = await resolveCampaignLead(this, itemIndex, send, campaignId);
	return dataOf(await send({ method: 'PATCH', path: apiPath`/v1/campaigns/${campaignId}/leads/${campaignLeadId}`, body })) as IDataObject;
}
