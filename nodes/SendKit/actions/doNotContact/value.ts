import type { INodeProperties } from 'n8n-workflow';

/** The address or domain of an Add or Remove; checked and lower-cased by `readDncValue` before any request. */
export const value: INodeProperties = {
	displayName: 'Email or Domain',
	name: 'value',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. ada@example.com or example.com',
	description: 'One email address such as ada@example.com, or one bare domain such as example.com (every address at it)',
};
