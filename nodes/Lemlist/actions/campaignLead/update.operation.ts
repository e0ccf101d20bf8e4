import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collection } from '../../../common/descriptions';
import { bodyFromCollections, requireId, requireSomethingToUpdate } from '../../../common/fields';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { resolveLead } from './lookup';
import { campaign, leadIdOrEmail } from '../../parameters';

// Named so that execute builds the body from the same fields the editor shows.
const updateFields = collection('updateFields', [
	{
		displayName: 'Company Name',
		name: 'companyName',
		type: 'string',
		default: '',
		description: "The lead's company",
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		description: "The lead's first name",
	},
	{
		displayName: 'Job Title',
		name: 'jobTitle',
		type: 'string',
		default: '',
		description: "The lead's job title",
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		description: "The lead's last name",
	},
	{
		displayName: 'Preferred Contact Method',
		name: 'preferredContactMethod',
		type: 'string',
		default: '',
		description: 'How the lead prefers to be contacted',
	},
], 'Only the fields added here are changed');

export const properties: INodeProperties[] = [campaign, leadIdOrEmail, updateFields];

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	requireId(this, 'campaignId', 'Campaign', itemIndex);
	requireId(this, 'leadId', 'Lead ID', itemIndex);
	const body = bodyFromCollections(this, itemIndex, [updateFields]);
	requireSomethingToUpdate(this.getNode(), body, itemIndex, 'Add at least one field to change.');
	// Only a valid item may cost the address lookup.
	const { campaignId, leadId } = await resolveLead(this, itemIndex, send);

	return (await send({ method: 'PATCH', path: apiPath`/campaigns/${campaignId}/leads/${leadId}`, body })) as IDataObject;
}
