import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { collection } from '../../../common/descriptions';
import { bodyFromCollections } from '../../../common/fields';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { withIds } from '../../../common/items';
import { smartlead } from '../../provider';
import { requireNumericId } from '../ids';
import { resolveLead } from './lookup';
import { campaign, leadIdOrEmail } from '../../parameters';

/** Smartlead takes at most this many custom fields per lead. */
export const MAX_CUSTOM_FIELDS = 200;

// A named constant: the body builder in execute reads its name and options.
const updateFields = collection('updateFields', [
	{
		displayName: 'Company Name',
		name: 'company_name',
		type: 'string',
		default: '',
		description: "The lead's company",
	},
	{
		displayName: 'Company URL',
		name: 'company_url',
		type: 'string',
		default: '',
		description: "The address of the lead's company website",
	},
	{
		displayName: 'Custom Fields',
		name: 'custom_fields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Field',
		default: {},
		// A plain string so the linters can read it; 200 is MAX_CUSTOM_FIELDS.
		description: 'Custom fields of the lead, at most 200; Smartlead merges them with the ones the lead has',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						description: 'The name of the custom field',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'The value to set',
					},
				],
			},
		],
	},
	{
		displayName: 'First Name',
		name: 'first_name',
		type: 'string',
		default: '',
		description: "The lead's first name",
	},
	{
		displayName: 'Last Name',
		name: 'last_name',
		type: 'string',
		default: '',
		description: "The lead's last name",
	},
	{
		displayName: 'LinkedIn Profile',
		name: 'linkedin_profile',
		type: 'string',
		default: '',
		description: "The address of the lead's LinkedIn profile",
	},
	{
		displayName: 'Location',
		name: 'location',
		type: 'string',
		default: '',
		description: 'Where the lead is based',
	},
	{
		displayName: 'Phone Number',
		name: 'phone_number',
		type: 'string',
		default: '',
		description: "The lead's phone number",
	},
	{
		displayName: 'Website',
		name: 'website',
		type: 'string',
		default: '',
		description: "The lead's website",
	},
], 'Only the fields added here are sent');

export const properties: INodeProperties[] = [
	campaign,
	leadIdOrEmail,
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'name@email.com',
		description: "The lead's email address as it is to be saved; Smartlead requires it on every lead update",
	},
	updateFields,
];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The lead's email, required by Smartlead and checked to look like an address. */
function requireEmail(ctx: IExecuteFunctions, itemIndex: number): string {
	const raw = ctx.getNodeParameter('email', itemIndex, '') as unknown;
	const email = raw === undefined || raw === null ? '' : String(raw).trim();
	if (!EMAIL.test(email)) {
		const problem = email === '' ? 'is empty' : `does not look like an email address: "${email}"`;
		throw new NodeOperationError(ctx.getNode(), `Email (email) ${problem}`, {
			itemIndex,
			description: 'Smartlead requires the lead\'s email address, such as name@example.com, on every lead update.',
		});
	}
	return email;
}

/** The name/value rows of the UI as the object Smartlead takes. */
function customFieldsObject(ctx: IExecuteFunctions, rows: unknown, itemIndex: number): IDataObject {
	const fail = (problem: string) =>
		new NodeOperationError(ctx.getNode(), `"Custom Fields" (updateFields.custom_fields) ${problem}`, { itemIndex });
	if (!Array.isArray(rows)) throw fail('must be a list of name/value pairs');
	const fields: IDataObject = {};
	for (const row of rows as Array<{ name?: unknown; value?: unknown }>) {
		const name = String(row?.name ?? '').trim();
		const value = row?.value ?? '';
		if (name === '') {
			if (value === '') continue;
			throw fail(`has a value without a name: ${JSON.stringify(value)}`);
		}
		if (name in fields) throw fail(`names "${name}" twice`);
		if (typeof value === 'object') throw fail(`"${name}" must be text, not ${JSON.stringify(value)}`);
		fields[name] = value as string | number | boolean;
	}
	const count = Object.keys(fields).length;
	if (count > MAX_CUSTOM_FIELDS) throw fail(`has ${count} fields; Smartlead takes at most ${MAX_CUSTOM_FIELDS}`);
	return fields;
}

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const campaignId = requireNumericId(this, 'campaignId', 'Campaign', itemIndex);
	const email = requireEmail(this, itemIndex);
	const fields = bodyFromCollections(this, itemIndex, [updateFields]);
	const { custom_fields: customFields, ...rest } = fields;
	const body: IDataObject = { email, ...rest };
	if (customFields) {
		const object = customFieldsObject(this, (customFields as IDataObject).field, itemIndex);
		if (Object.keys(object).length) body.custom_fields = object;
	}

	// Last: an email address in the lead parameter costs a look-up request, made only for a valid update.
	const { leadId } = await resolveLead(this, itemIndex, send, campaignId);
	const answer = await send({ method: 'POST', path: apiPath`/campaigns/${campaignId}/leads/${leadId}`, body });
	return withIds(smartlead, answer, { campaignId: Number(campaignId), leadId: Number(leadId), email });
}
