import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { collection, nameValueList } from '../../../common/descriptions';
import { readCollection, readOwnOptions, requireId } from '../../../common/fields';
import { withIds } from '../../../common/items';
import { isEmailAddress } from '../../../common/leads';
import { isRecord } from '../../../common/records';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { campaign } from '../../parameters';
import { lemlist } from '../../provider';

// Named so that execute builds the body from the same fields the editor shows.
const additionalFields = collection('additionalFields', [
	{
		displayName: 'Company Domain',
		name: 'companyDomain',
		type: 'string',
		default: '',
		placeholder: 'e.g. acme.com',
		description: "The domain of the lead's company, without a scheme, such as acme.com",
	},
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
		displayName: 'Icebreaker',
		name: 'icebreaker',
		type: 'string',
		default: '',
		description: 'A personal opening line, for the icebreaker variable of the sequence',
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
		displayName: 'LinkedIn URL',
		name: 'linkedinUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://www.linkedin.com/in/ada-lovelace',
		description: "The address of the lead's LinkedIn profile, such as https://www.linkedin.com/in/ada-lovelace",
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		description: "The lead's phone number",
	},
	{
		displayName: 'Timezone',
		name: 'timezone',
		type: 'string',
		default: '',
		placeholder: 'e.g. Europe/Paris',
		description: "The lead's time zone, as an IANA name such as Europe/Paris",
	},
], "The lead's standard fields; only the fields added here are sent");

const customVariables: INodeProperties = nameValueList({
	displayName: 'Custom Variables',
	name: 'customVariables',
	placeholder: 'Add Custom Variable',
	description:
		"The lead's custom variables as name/value pairs, sent as text beside its standard fields; a name of a standard field or email is refused",
	row: { displayName: 'Variable', name: 'variable', nameDescription: 'The name of the variable, as the sequence uses it', valueDescription: 'The value of the variable for this lead' },
});

export const properties: INodeProperties[] = [
	campaign,
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. name@email.com',
		required: true,
		default: '',
		description: "The lead's email address, such as ada@example.com",
	},
	additionalFields,
	customVariables,
];

/** lemlist's query flags of the add, in the Options collection beside the request options. */
export const options: INodeProperties[] = [
	{
		displayName: 'Deduplicate',
		name: 'deduplicate',
		type: 'boolean',
		default: false,
		description: 'Whether lemlist refuses the lead when its email address is already in another campaign',
	},
	{
		displayName: 'Find Email',
		name: 'findEmail',
		type: 'boolean',
		default: false,
		description: 'Whether lemlist looks for a verified email address of the lead',
	},
	{
		displayName: 'Find Phone',
		name: 'findPhone',
		type: 'boolean',
		default: false,
		description: "Whether lemlist looks for the lead's phone number",
	},
	{
		displayName: 'LinkedIn Enrichment',
		name: 'linkedinEnrichment',
		type: 'boolean',
		default: false,
		description: "Whether lemlist enriches the lead from its LinkedIn profile",
	},
	{
		displayName: 'Verify Email',
		name: 'verifyEmail',
		type: 'boolean',
		default: false,
		description: "Whether lemlist verifies the lead's email address",
	},
];

/** The names a custom variable may not take: the body's own fields. */
const STANDARD_FIELDS = ['email', ...(additionalFields.options as INodeProperties[]).map(({ name }) => name)];

const describe = (value: unknown) => {
	const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
	return text.length > 80 ? `${text.slice(0, 80)}…` : text;
};

/** The lead's email address, trimmed: required, and an address. */
function readEmail(ctx: IExecuteFunctions, itemIndex: number): string {
	const raw = ctx.getNodeParameter('email', itemIndex, '') as unknown;
	const fail = (problem: string) => new NodeOperationError(ctx.getNode(), `Email (email) ${problem}`, { itemIndex });
	if (raw === undefined || raw === null) throw fail('is empty');
	if (typeof raw !== 'string') throw fail(`must be text, not ${describe(raw)}`);
	const email = raw.trim();
	if (email === '') throw fail('is empty');
	if (!isEmailAddress(email)) throw fail(`must be an email address, not ${describe(email)}`);
	return email;
}

/**
 * The custom variables, name → value, checked before any request: a row needs a name, a name comes
 * once and is no standard field, a value is text (numbers and booleans are sent as text, as lemlist
 * takes only strings). Rows without a value are left out.
 */
function readCustomVariables(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = ctx.getNodeParameter('customVariables', itemIndex, {}) as unknown;
	const fail = (problem: string) => new NodeOperationError(ctx.getNode(), `"Custom Variables" (customVariables) ${problem}`, { itemIndex });
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return {};
	if (!isRecord(raw)) throw fail(`must be an object of name/value rows, not ${describe(raw)}`);
	const unknown = Object.keys(raw).find((part) => part !== 'variable');
	if (unknown !== undefined) throw fail(`has an unknown part "${unknown}"`);
	const rows = raw.variable;
	if (rows === undefined || rows === null) return {};
	if (!Array.isArray(rows)) throw fail('must be a list of name/value pairs');
	// A Map, so that no name (such as "__proto__") can reach an object's prototype.
	const variables = new Map<string, string>();
	for (const row of rows as unknown[]) {
		if (!isRecord(row)) throw fail(`has a row that is not a name/value pair: ${describe(row)}`);
		if (row.name !== undefined && row.name !== null && typeof row.name !== 'string') {
			throw fail(`has a name that is not text: ${describe(row.name)}`);
		}
		const name = (row.name ?? '').trim();
		const value = row.value ?? '';
		if (name === '') {
			if (typeof value === 'string' && value.trim() === '') continue;
			throw fail(`has a value without a name: ${describe(value)}`);
		}
		if (typeof value === 'object') throw fail(`"${name}" must be text, not ${describe(value)}`);
		const text = String(value);
		if (STANDARD_FIELDS.includes(name)) {
			throw fail(`names "${name}", a standard field of the lead: set it in ${name === 'email' ? 'Email' : 'Additional Fields'} instead`);
		}
		if (variables.has(name)) throw fail(`names "${name}" twice`);
		if (text.trim() === '') continue;
		variables.set(name, text);
	}
	return Object.fromEntries(variables);
}

/**
 * Adds one lead to a campaign: `POST /campaigns/{campaignId}/leads/` with the email, the standard
 * fields and the custom variables as top-level keys, lemlist's flags in the query. lemlist answers
 * the lead record; the item adds `{campaignId, email, status: "added"}`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const campaignId = requireId(this, 'campaignId', 'Campaign', itemIndex);
	const email = readEmail(this, itemIndex);
	const fields = readCollection(this, itemIndex, additionalFields);
	const variables = readCustomVariables(this, itemIndex);
	const qs = readOwnOptions(this, itemIndex, options);

	const answer = await send({
		method: 'POST',
		path: apiPath`/campaigns/${campaignId}/leads/`,
		body: { email, ...fields, ...variables },
		qs: Object.keys(qs).length ? qs : undefined,
	});
	return withIds(lemlist, answer, { campaignId, email, status: 'added' });
}
