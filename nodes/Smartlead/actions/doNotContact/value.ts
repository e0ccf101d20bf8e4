import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The address or domain a block-list operation takes. */
export const valueParameter: INodeProperties = {
	displayName: 'Email or Domain',
	name: 'value',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'name@example.com or example.com',
	description: 'An email address, or a whole domain such as example.com; Smartlead skips it in every campaign of the account',
};

const LABEL = 'a name of letters, digits and hyphens';
// Labels of letters, digits and inner hyphens; a top-level domain of at least two letters.
const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}$/;

/** Whether `value` (trimmed, lower-cased) is an email address or a bare domain. */
export function isAddressOrDomain(value: string): boolean {
	const at = value.lastIndexOf('@');
	if (at === -1) return DOMAIN.test(value);
	return LOCAL_PART.test(value.slice(0, at)) && DOMAIN.test(value.slice(at + 1));
}

/** The `value` parameter, trimmed and lower-cased, checked before any request to be an address or a domain. */
export function readValue(ctx: IExecuteFunctions, itemIndex: number): string {
	const raw = ctx.getNodeParameter('value', itemIndex, '') as unknown;
	const text = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim().toLowerCase() : undefined;
	if (text === '' || raw === undefined || raw === null) {
		throw new NodeOperationError(ctx.getNode(), 'Email or Domain (value) is empty', {
			itemIndex,
			description: 'Give an email address or a domain; an expression may have resolved to nothing.',
		});
	}
	if (text === undefined || !isAddressOrDomain(text)) {
		throw new NodeOperationError(ctx.getNode(), `Email or Domain (value) must be an email address such as name@example.com or a domain such as example.com, not ${JSON.stringify(raw)}`, {
			itemIndex,
			description: `A domain is ${LABEL} separated by dots, without "http://" or a path.`,
		});
	}
	return text;
}
