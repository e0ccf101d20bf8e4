import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { campaignLocator, fieldCollection, textField } from '../../../common/descriptions';
import { bodyFromCollections, requireId, requireSomethingToUpdate } from '../../../common/fields';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';

const displayOptions = { show: { resource: ['campaignLead'], operation: ['update'] } };

const updateFields = fieldCollection('Update Fields', 'updateFields', 'Only the fields added here are changed', displayOptions, [
		textField('Company Name', 'companyName', "The lead's company"),
		textField('First Name', 'firstName', "The lead's first name"),
		textField('Job Title', 'jobTitle', "The lead's job title"),
		textField('Last Name', 'lastName', "The lead's last name"),
		textField('Preferred Contact Method', 'preferredContactMethod', 'How the lead prefers to be contacted'),
	]);

export const description: INodeProperties[] = [
	campaignLocator('cam_aBcDeFgHiJkLmNoPq', displayOptions),
	{
		displayName: 'Lead ID',
		name: 'leadId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'lea_aBcDeFgHiJkLmNoPq',
		description: 'The ID of the lead in the campaign (lea_…)',
		displayOptions,
	},
	updateFields,
];

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const campaignId = requireId(this, 'campaignId', 'Campaign', itemIndex);
	const leadId = requireId(this, 'leadId', 'Lead ID', itemIndex);
	const body = bodyFromCollections(this, itemIndex, [updateFields]);
	requireSomethingToUpdate(this.getNode(), body, itemIndex, 'Add at least one field to change.');

	return (await send({ method: 'PATCH', path: apiPath`/campaigns/${campaignId}/leads/${leadId}`, body })) as IDataObject;
}
