import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { batchSizeOption, nameValueList } from '../../../common/descriptions';
import { isEmailAddress } from '../../../common/leads';
import { readBatchSize, readCollection, requireId } from '../../../common/fields';
import { isRecord } from '../../../common/records';
import { apiPath } from '../../../common/request';
import type { Batch, BatchEntry, Send } from '../../../common/router';
import { countOf } from '../../batch';
import { campaign } from '../../parameters';
import { dataOf } from '../../provider';

// A named const: `prepare` reads the fields against these same options.
const additionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	description: "The lead's details, sent with its address",
	options: [
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
			displayName: 'LinkedIn URL',
			name: 'linkedinUrl',
			type: 'string',
			default: '',
			description: "The address of the lead's LinkedIn profile, such as https://www.linkedin.com/in/ada",
			placeholder: 'e.g. https://www.linkedin.com/in/ada',
		},
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			default: '',
			description: "The lead's phone number",
		},
		{
			displayName: 'Website',
			name: 'website',
			type: 'string',
			default: '',
			description: "The address of the lead's company website, such as https://acme.com",
		},
	],
};

export const properties: INodeProperties[] = [
	campaign,
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. name@email.com',
		default: '',
		required: true,
		description: "The lead's email address, such as ada@example.com; SendKit creates the lead when the workspace has none with this address",
	},
	additionalFields,
	nameValueList({
		displayName: 'Custom Fields',
		name: 'customFields',
		placeholder: 'Add Custom Field',
		description: "The lead's custom fields, sent as one object of names and values",
		row: { displayName: 'Field', name: 'field', nameDescription: 'The name of the custom field', valueDescription: 'The value to set' },
	}),
];

/** Its own fields of Options; 5,000 is MAX_LEADS_PER_ADD, SendKit's maximum per request. */
export const options: INodeProperties[] = [
	batchSizeOption(5000, 'How many leads of one campaign go in one request; SendKit takes at most 5,000'),
];

const customFieldsOf = (ctx: IExecuteFunctions, itemIndex: number): IDataObject | undefined => {
	const raw = ctx.getNodeParameter('customFields', itemIndex, {}) as unknown;
	const fail = (problem: string) => new NodeOperationError(ctx.getNode(), `"Custom Fields" (customFields) ${problem}`, { itemIndex });
	if (raw === undefined || raw === null || raw === '') return undefined;
	if (!isRecord(raw)) throw fail(`must be name/value pairs, not ${JSON.stringify(raw)}`);
	const unknown = Object.keys(raw).find((key) => key !== 'field');
	if (unknown !== undefined) throw fail(`has an unknown part "${unknown}"`);
	const rows = raw.field ?? [];
	if (!Array.isArray(rows)) throw fail('must be a list of name/value pairs');
	const fields: IDataObject = {};
	for (const row of rows as unknown[]) {
		if (!isRecord(row)) throw fail(`must be a list of name/value pairs, not ${JSON.stringify(row)}`);
		const name = typeof row.name === 'string' || typeof row.name === 'number' ? String(row.name).trim() : row.name;
		const value = row.value ?? '';
		if (typeof name !== 'string') throw fail(`has a name that is not text: ${JSON.stringify(name)}`);
		if (name === '') {
			if (value === '') continue;
			throw fail(`has a value without a name: ${JSON.stringify(value)}`);
		}
		if (Object.prototype.hasOwnProperty.call(fields, name)) throw fail(`names "${name}" twice`);
		if (typeof value === 'object') throw fail(`"${name}" must be text, not ${JSON.stringify(value)}`);
		fields[name] = value as string | number | boolean;
	}
	return Object.keys(fields).length ? fields : undefined;
};

function requireEmail(ctx: IExecuteFunctions, itemIndex: number): string {
	const raw = ctx.getNodeParameter('email', itemIndex, '') as unknown;
	const email = typeof raw === 'string' ? raw.trim() : raw;
	if (email === '' || email === undefined || email === null) {
		throw new NodeOperationError(ctx.getNode(), 'Email (email) is empty', { itemIndex, description: "Give the lead's email address." });
	}
	if (typeof email !== 'string' || !isEmailAddress(email)) {
		const shown = JSON.stringify(email);
		throw new NodeOperationError(
			ctx.getNode(),
			`Email (email) must be an email address, not ${shown.length > 80 ? `${shown.slice(0, 80)}…` : shown}`,
			{ itemIndex },
		);
	}
	return email;
}

/** Reads and checks one item's lead; leads go to SendKit grouped by campaign, up to the batch size. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<BatchEntry> {
	const campaignId = requireId(this, 'campaignId', 'Campaign', itemIndex);
	const email = requireEmail(this, itemIndex);
	const fields = readCollection(this, itemIndex, additionalFields);
	const customFields = customFieldsOf(this, itemIndex);
	const lead: IDataObject = { email, ...fields, ...(customFields ? { customFields } : {}) };
	return { group: { campaignId }, maxSize: readBatchSize(this, itemIndex, options), entry: lead };
}

const sameAddress = (a: unknown, b: unknown) =>
	typeof a === 'string' && typeof b === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * `POST /v1/campaigns/{id}/leads {leads}`. SendKit answers counts for the batch and names only
 * the entries it refused (`errors[{entry, message}]`) [docs]: each refused entry fails its own
 * item with SendKit's message; the others are `added` when nothing was skipped, `skipped` when
 * nothing was added, and otherwise `batchCounts` (the counts do not tell which lead was skipped).
 */
export async function sendBatch(this: IExecuteFunctions, { group, entries }: Batch, send: Send): Promise<Array<IDataObject | Error>> {
	const campaignId = String(group.campaignId);
	const answer = dataOf(await send({ method: 'POST', path: apiPath`/v1/campaigns/${campaignId}/leads`, body: { leads: entries } }));
	const data = isRecord(answer) ? answer : {};
	const added = countOf(data.added);
	const skipped = countOf(data.skipped);
	const errors = (Array.isArray(data.errors) ? data.errors : []).filter(isRecord);

	// Each refused entry to the first item not yet matched that sent that address.
	const refusals = new Map<number, string>();
	let unmatched = 0;
	for (const error of errors) {
		const entry = isRecord(error.entry) ? error.entry : {};
		const at = entries.findIndex((sent, index) => !refusals.has(index) && sameAddress(sent.email, entry.email));
		const message = typeof error.message === 'string' && error.message.trim() !== '' ? error.message : 'refused without a reason';
		if (at === -1) unmatched++;
		else refusals.set(at, message);
	}

	const accepted = entries.length - refusals.size;
	const batch: IDataObject = { size: entries.length, added: added ?? null, skipped: skipped ?? null, errors: errors.length };
	let status: 'added' | 'skipped' | 'batchCounts' = 'batchCounts';
	if (unmatched === 0 && skipped === 0 && added === accepted) status = 'added';
	else if (unmatched === 0 && added === 0 && skipped === accepted) status = 'skipped';

	return entries.map((lead, index) => {
		const refusal = refusals.get(index);
		if (refusal !== undefined) return new Error(`SendKit did not add ${String(lead.email)} to campaign ${campaignId}: ${refusal}`);
		return {
			campaignId,
			email: lead.email as string,
			status,
			...(status === 'skipped'
				? { reason: 'SendKit skipped every lead of this request: already in the campaign, or on the do-not-contact list' }
				: {}),
			lead,
			batch,
		};
	});
}
