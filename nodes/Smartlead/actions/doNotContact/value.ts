import type { INodeProperties } from 'n8n-workflow';

/** The address or domain a block-list operation takes. */
export const valueParameter: INodeProperties = {
	displayName: 'Email or Domain',
	name: 'value',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. name@example.com or example.com',
	description:
		'An email address such as name@example.com, or a whole domain such as example.com (no scheme or path); Smartlead skips it in every campaign of the account',
};
