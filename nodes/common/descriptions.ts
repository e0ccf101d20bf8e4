import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** What sets one campaign picker apart from another. */
export interface CampaignLocatorOptions {
	/** An example ID of the provider, shown in the By ID mode. */
	idPlaceholder: string;
	/** Triggers take no campaign for "every campaign"; operations need one. */
	required?: boolean;
	description?: string;
}

/**
 * The `campaignId` picker every node and trigger shares: a searchable list of the account's
 * campaigns (served by the node's `searchCampaigns` list search) or an ID typed or mapped in.
 */
export function campaignLocator({
	idPlaceholder,
	required = true,
	description = 'The campaign: pick it from the list or give its ID',
}: CampaignLocatorOptions): INodeProperties {
	return {
		displayName: 'Campaign',
		name: 'campaignId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		...(required ? { required: true } : {}),
		description,
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
 * A node's campaign picker and its trigger's campaign filter (required where the provider keeps
 * webhooks per campaign, else empty for every campaign).
 */
export function campaignParameters(idPlaceholder: string, filter: { description: string; required?: boolean }) {
	return {
		campaign: campaignLocator({ idPlaceholder }),
		campaignFilter: campaignLocator({ idPlaceholder, required: filter.required ?? false, description: filter.description }),
	};
}

/** The lead of a lead operation: an ID, or an email address the node looks up in the campaign. */
export function leadIdOrEmail(lead: { name: string; displayName: string; placeholder: string; description: string }): INodeProperties {
	return { ...lead, type: 'string', default: '', required: true };
}

/** An action's choice between this campaign and every campaign; `description` says what "every" does. */
export function fromAllCampaigns(description: string): INodeProperties {
	return { displayName: 'From All Campaigns', name: 'allCampaigns', type: 'boolean', default: false, description };
}

/** The Status filter of a Get Many: the provider's own statuses, one of them chosen. */
export function statusFilter(options: INodePropertyOptions[], defaultStatus: string, description: string): INodeProperties {
	return { displayName: 'Status', name: 'status', type: 'options', options, default: defaultStatus, description };
}

/** Options → Batch Size of a batched operation: at most the provider's maximum per request, which is the default. */
export function batchSizeOption(maximum: number, description: string): INodeProperties {
	return {
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: maximum, numberPrecision: 0 },
		default: maximum,
		description,
	};
}

/** A list of name/value pairs (custom fields, custom variables): one option of rows, each a name and a value. */
export function nameValueList(list: {
	displayName: string;
	name: string;
	placeholder: string;
	description: string;
	row: { displayName: string; name: string; nameDescription: string; valueDescription: string };
}): INodeProperties {
	const { row } = list;
	return {
		displayName: list.displayName,
		name: list.name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: list.placeholder,
		default: {},
		description: list.description,
		options: [
			{
				displayName: row.displayName,
				name: row.name,
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', description: row.nameDescription },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', description: row.valueDescription },
				],
			},
		],
	};
}

/** The days of the week as the providers number them: Sunday is 0, in calendar order. */
export const daysOfTheWeek: INodePropertyOptions[] = [
	{ name: 'Sunday', value: 0 },
	{ name: 'Monday', value: 1 },
	{ name: 'Tuesday', value: 2 },
	{ name: 'Wednesday', value: 3 },
	{ name: 'Thursday', value: 4 },
	{ name: 'Friday', value: 5 },
	{ name: 'Saturday', value: 6 },
];

/**
 * How patient the request pipeline is, per node; in the Options of every operation. The defaults
 * suit scheduled runs; an AI agent or a webhook that must answer fast may want fewer retries.
 */
export const requestOptionFields: INodeProperties[] = [
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
];

/** The Options of an operation: the request options every operation has, and its own, by display name. */
export function optionsCollection(own: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...requestOptionFields, ...own].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

const COLLECTIONS = {
	filters: { displayName: 'Filters', placeholder: 'Add Filter' },
	sort: { displayName: 'Sort', placeholder: 'Add Sort Rule' },
	updateFields: { displayName: 'Update Fields', placeholder: 'Add Field' },
	additionalFields: { displayName: 'Additional Fields', placeholder: 'Add Field' },
} as const;

/**
 * One of the optional-field collections that operations name alike (Filters, Sort, Update Fields,
 * Additional Fields); the operation writes its options out. A test checks that they are sorted,
 * as n8n's lint rule does for a collection written out whole.
 */
export function collection(name: keyof typeof COLLECTIONS, options: INodeProperties[], description?: string): INodeProperties {
	return { ...COLLECTIONS[name], name, type: 'collection', default: {}, ...(description ? { description } : {}), options };
}

/** Return All / Limit of every Get Many, as n8n's own nodes name and word them. */
export const returnAllOrLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/**
 * Simplify, on the operations whose records are long (the router adds it where an operation
 * declares `simplified`). Two properties of one name so that the default differs by use: `@tool`
 * is true in the `…Tool` node type n8n derives from a node with `usableAsTool`. In a workflow the
 * whole record stays the default, so saved workflows keep their output; as an agent's tool the
 * short record is the default, to spare the model's context. The name is not n8n's `simple`: its
 * lint wants that one to default to true, which would change saved workflows' output.
 */
export const simplifyParameters: INodeProperties[] = [
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: false,
		description: 'Whether to return only the main fields of each record (at most ten) instead of the whole record',
		displayOptions: { hide: { '@tool': [true] } },
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return only the main fields of each record (at most ten) instead of the whole record',
		displayOptions: { show: { '@tool': [true] } },
	},
];
