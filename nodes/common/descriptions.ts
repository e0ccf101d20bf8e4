import type { INodeProperties } from 'n8n-workflow';

/**
 * The `campaignId` picker every node shares: a searchable list of the account's campaigns (served
 * by the node's `searchCampaigns` list search) or an ID typed or mapped in.
 */
export function campaignLocator(idPlaceholder: string, displayOptions?: INodeProperties['displayOptions']): INodeProperties {
	return {
		displayName: 'Campaign',
		name: 'campaignId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The campaign to change',
		displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchCampaigns', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: idPlaceholder,
			},
		],
	};
}

/**
 * How patient the request pipeline is, per node; shown under every operation. The defaults suit
 * scheduled runs; an AI agent or a webhook that must answer fast may want fewer retries.
 */
export const requestOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10, numberPrecision: 0 },
			default: 5,
			description:
				'How many times a request is tried again after a 429, a 5xx answer, a reset connection or a timeout',
		},
		{
			displayName: 'Max Wait per Item (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 3600 },
			default: 120,
			description: 'The longest an item waits in total for retries and rate limits before it fails',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 0.1, maxValue: 600 },
			default: 30,
			description: 'How long one request may take before it counts as timed out (and is retried)',
		},
	],
};

/** A collection of optional fields: `updateFields`, or a structured section sent nested. */
export function fieldCollection(
	displayName: string,
	name: string,
	description: string,
	displayOptions: INodeProperties['displayOptions'],
	options: INodeProperties[],
): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder: name === 'updateFields' ? 'Add Field' : 'Add Setting',
		default: {},
		displayOptions,
		description,
		options,
	};
}

/** The operation picker of one resource. */
export function operationSelector(
	resource: string,
	options: Array<{ name: string; value: string; description: string; action: string }>,
): INodeProperties {
	// The rule only sees literal defaults; here the default is the first operation of the list.
	// eslint-disable-next-line n8n-nodes-base/node-param-default-missing
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		default: options[0].value,
		options,
	};
}

/** A yes/no field of a collection; its description starts with "Whether", as n8n's own do. */
export const booleanField = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'boolean',
	default: false,
	description,
});

/** A text field of a collection. */
export const textField = (displayName: string, name: string, description: string, placeholder?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
	...(placeholder ? { placeholder } : {}),
});
