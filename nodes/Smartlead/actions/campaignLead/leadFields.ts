import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { nameValueList } from '../../../common/descriptions';
import { readCollection } from '../../../common/fields';

/**
 * What a Smartlead lead carries, shared by Update (`updateFields`) and Add (`additionalFields`):
 * the same fields under Smartlead's own names, the same checks, the same `custom_fields` object.
 */

/** Smartlead takes at most this many custom fields per lead. */
export const MAX_CUSTOM_FIELDS = 200;

/** A lead's optional fields, sorted by display name; the collection that holds them names them. */
export const LEAD_FIELDS: INodeProperties[] = [
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
		description: "The address of the lead's company website, such as https://acme.com",
	},
	nameValueList({
		displayName: 'Custom Fields',
		name: 'custom_fields',
		placeholder: 'Add Custom Field',
		description: 'Custom fields of the lead as name/value pairs, at most 200; an update merges them with the ones the lead has',
		row: { displayName: 'Field', name: 'field', nameDescription: 'The name of the custom field', valueDescription: 'The value to set' },
	}),
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
		description: "The address of the lead's LinkedIn profile, such as https://www.linkedin.com/in/ada-lovelace",
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
		description: "The address of the lead's website, such as https://ada.example.com",
	},
];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The lead's email, required by Smartlead and checked to look like an address; `why` says where Smartlead requires it. */
export function requireEmail(ctx: IExecuteFunctions, itemIndex: number, why: string): string {
	const raw = ctx.getNodeParameter('email', itemIndex, '') as unknown;
	const email = raw === undefined || raw === null ? '' : String(raw).trim();
	if (!EMAIL.test(email)) {
		const problem = email === '' ? 'is empty' : `does not look like an email address: "${email}"`;
		throw new NodeOperationError(ctx.getNode(), `Email (email) ${problem}`, {
			itemIndex,
			description: `Smartlead requires the lead's email address, such as name@example.com, ${why}.`,
		});
	}
	return email;
}

/** The name/value rows of the UI as the object Smartlead takes; `path` names the parameter in messages. */
function customFieldsObject(ctx: IExecuteFunctions, rows: unknown, itemIndex: number, path: string): IDataObject {
	const fail = (problem: string) => new NodeOperationError(ctx.getNode(), `"Custom Fields" (${path}) ${problem}`, { itemIndex });
	if (!Array.isArray(rows)) throw fail('must be a list of name/value pairs');
	// A Map: a name such as "constructor" or "__proto__" is a field like any other.
	const fields = new Map<string, string | number | boolean>();
	for (const row of rows as Array<{ name?: unknown; value?: unknown }>) {
		const name = String(row?.name ?? '').trim();
		const value = row?.value ?? '';
		if (name === '') {
			if (value === '') continue;
			throw fail(`has a value without a name: ${JSON.stringify(value)}`);
		}
		if (fields.has(name)) throw fail(`names "${name}" twice`);
		if (typeof value === 'object') throw fail(`"${name}" must be text, not ${JSON.stringify(value)}`);
		fields.set(name, value as string | number | boolean);
	}
	const count = fields.size;
	if (count > MAX_CUSTOM_FIELDS) throw fail(`has ${count} fields; Smartlead takes at most ${MAX_CUSTOM_FIELDS}`);
	return Object.fromEntries(fields);
}

/**
 * The lead fields set in `collection` (a collection of LEAD_FIELDS), flat as Smartlead takes them,
 * each checked against its description, with the custom-field rows as one `custom_fields` object
 * (left out when no row has a name).
 */
export function readLeadFields(ctx: IExecuteFunctions, itemIndex: number, collection: INodeProperties): IDataObject {
	const { custom_fields: customFields, ...fields } = readCollection(ctx, itemIndex, collection);
	if (customFields) {
		const object = customFieldsObject(ctx, (customFields as IDataObject).field, itemIndex, `${collection.name}.custom_fields`);
		if (Object.keys(object).length) fields.custom_fields = object;
	}
	return fields;
}
