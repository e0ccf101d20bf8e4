import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { campaignLocator } from '../../../common/descriptions';
import { bodyFromCollections, requireId, requireSomethingToUpdate } from '../../../common/fields';
import { apiPath, apiRequest } from '../../../common/request';
import { lemlist } from '../../provider';

const displayOptions = { show: { resource: ['campaignLead'], operation: ['update'] } };

const text = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
});

const updateFields: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	displayOptions,
	description: 'Only the fields added here are changed',
	options: [
		text('Company Name', 'companyName', "The lead's company"),
		text('First Name', 'firstName', "The lead's first name"),
		text('Job Title', 'jobTitle', "The lead's job title"),
		text('Last Name', 'lastName', "The lead's last name"),
		text('Preferred Contact Method', 'preferredContactMethod', 'How the lead prefers to be contacted'),
	],
};

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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const campaignId = requireId(this, 'campaignId', 'Campaign', itemIndex);
	const leadId = requireId(this, 'leadId', 'Lead ID', itemIndex);
	const body = bodyFromCollections(this, itemIndex, [updateFields]);
	requireSomethingToUpdate(this.getNode(), body, itemIndex, 'Add at least one field to change.');

	return (await apiRequest.call(
		this,
		lemlist,
		{ method: 'PATCH', path: apiPath`/campaigns/${campaignId}/leads/${leadId}`, body },
		itemIndex,
	)) as IDataObject;
}
