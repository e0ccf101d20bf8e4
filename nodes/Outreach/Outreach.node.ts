import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { simplifyParameters } from '../common/descriptions';
import { route } from '../common/router';
import { searchCampaigns } from './campaigns';
import { adapterOf, outreachResources } from './node';

export class Outreach implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Outreach',
		name: 'outreach',
		icon: { light: 'file:outreach.svg', dark: 'file:outreach.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["provider"] + ": " + $parameter["operation"] + " " + $parameter["resource"]}}',
		description:
			'One vocabulary for lemlist, Smartlead and SendKit: find, add, update, pause, resume, unsubscribe, mark and remove campaign leads; get, list, start and pause campaigns',
		defaults: { name: 'Outreach' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [
			{ name: 'lemlistOutreachApi', required: true, displayOptions: { show: { provider: ['lemlist'] } } },
			{ name: 'smartleadOutreachApi', required: true, displayOptions: { show: { provider: ['smartlead'] } } },
			{ name: 'sendKitOutreachApi', required: true, displayOptions: { show: { provider: ['sendKit'] } } },
		],
		properties: [
			{
				displayName: 'Provider',
				name: 'provider',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Lemlist', value: 'lemlist' },
					{ name: 'SendKit', value: 'sendKit' },
					{ name: 'Smartlead', value: 'smartlead' },
				],
				default: 'lemlist',
				description: 'The outreach platform the campaign lives in; switching it keeps every other parameter',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Campaign', value: 'campaign' },
					{ name: 'Lead', value: 'lead' },
				],
				default: 'lead',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['lead'], provider: ['lemlist', 'smartlead'] } },
				options: [
					{
						name: 'Add',
						value: 'add',
						description: 'Add a new lead (email plus fields) to a campaign; it enters the sequence. Returns the lead.',
						action: 'Add a lead to a campaign',
					},
					{
						name: 'Get',
						value: 'get',
						description: 'Read-only: find one lead of a campaign by ID or email address. Returns the lead with its status.',
						action: 'Get a lead',
					},
					{
						name: 'Get Many',
						value: 'getAll',
						description: "Read-only: list a campaign's leads, optionally by status. Returns one item per lead.",
						action: 'Get many leads',
					},
					{
						name: 'Mark Interested',
						value: 'markInterested',
						description: 'Record that the lead is interested (lemlist interest, Smartlead category, SendKit AI tag). Returns the lead.',
						action: 'Mark a lead as interested',
					},
					{
						name: 'Mark Not Interested',
						value: 'markNotInterested',
						description: 'Record that the lead is not interested. Returns the lead.',
						action: 'Mark a lead as not interested',
					},
					{
						name: 'Pause',
						value: 'pause',
						description: 'Stop sending the campaign to one lead until it is resumed. Returns the lead.',
						action: 'Pause a lead',
					},
					{
						name: 'Remove',
						value: 'remove',
						description: 'Delete the lead from the campaign, with its history there; cannot be undone. Returns the lead IDs.',
						action: 'Remove a lead from a campaign',
					},
					{
						name: 'Resume',
						value: 'resume',
						description: 'Continue sending the campaign to a paused lead. Returns the lead.',
						action: 'Resume a lead',
					},
					{
						name: 'Unsubscribe',
						value: 'unsubscribe',
						description: 'Stop all further emails to the lead in this campaign; cannot be undone. Returns the lead.',
						action: 'Unsubscribe a lead',
					},
					{
						name: 'Update',
						value: 'update',
						description: "Change a lead's fields in a campaign (only those given). Returns the lead.",
						action: 'Update a lead',
					},
				],
				default: 'get',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['lead'], provider: ['sendKit'] } },
				options: [
					{
						name: 'Add',
						value: 'add',
						description: 'Add a new lead (email plus fields) to a campaign; it enters the sequence. Returns the lead.',
						action: 'Add a lead to a campaign',
					},
					{
						name: 'Get',
						value: 'get',
						description: 'Read-only: find one lead of a campaign by ID or email address. Returns the lead with its status.',
						action: 'Get a lead',
					},
					{
						name: 'Get Many',
						value: 'getAll',
						description: "Read-only: list a campaign's leads, optionally by status. Returns one item per lead.",
						action: 'Get many leads',
					},
					{
						name: 'Mark Interested',
						value: 'markInterested',
						description: 'Record that the lead is interested (lemlist interest, Smartlead category, SendKit AI tag). Returns the lead.',
						action: 'Mark a lead as interested',
					},
					{
						name: 'Mark Not Interested',
						value: 'markNotInterested',
						description: 'Record that the lead is not interested. Returns the lead.',
						action: 'Mark a lead as not interested',
					},
					{
						name: 'Pause',
						value: 'pause',
						description: 'Stop sending the campaign to one lead until it is resumed. Returns the lead.',
						action: 'Pause a lead',
					},
					{
						name: 'Remove',
						value: 'remove',
						description: 'Delete the lead from the campaign, with its history there; cannot be undone. Returns the lead IDs.',
						action: 'Remove a lead from a campaign',
					},
					{
						name: 'Resume',
						value: 'resume',
						description: 'Continue sending the campaign to a paused lead. Returns the lead.',
						action: 'Resume a lead',
					},
					{
						name: 'Unsubscribe',
						value: 'unsubscribe',
						description: 'Stop all further emails to the lead in this campaign; cannot be undone. Returns the lead.',
						action: 'Unsubscribe a lead',
					},
				],
				default: 'get',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['campaign'], provider: ['sendKit'] } },
				options: [
					{ name: 'Get', value: 'get', description: 'Read-only: one campaign by ID. Returns the campaign.', action: 'Get a campaign' },
					{ name: 'Get Many', value: 'getAll', description: "Read-only: the account's campaigns. Returns one item per campaign.", action: 'Get many campaigns' },
					{ name: 'Pause', value: 'pause', description: 'Stop sending the whole campaign until it is resumed. Returns the campaign.', action: 'Pause a campaign' },
					{ name: 'Resume', value: 'resume', description: 'Continue sending a paused campaign. Returns the campaign.', action: 'Resume a campaign' },
					{ name: 'Start', value: 'start', description: 'Start sending a campaign that has not run yet. Returns the campaign.', action: 'Start a campaign' },
				],
				default: 'get',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['campaign'], provider: ['lemlist', 'smartlead'] } },
				options: [
					{ name: 'Get', value: 'get', description: 'Read-only: one campaign by ID. Returns the campaign.', action: 'Get a campaign' },
					{ name: 'Get Many', value: 'getAll', description: "Read-only: the account's campaigns. Returns one item per campaign.", action: 'Get many campaigns' },
					{ name: 'Pause', value: 'pause', description: 'Stop sending the whole campaign until it is started again. Returns the campaign.', action: 'Pause a campaign' },
					{ name: 'Start', value: 'start', description: 'Start sending a campaign, or start a paused one again. Returns the campaign.', action: 'Start a campaign' },
				],
				default: 'get',
			},
			{
				displayName: 'Campaign',
				name: 'campaignId',
				type: 'resourceLocator',
				default: { mode: 'list', value: '' },
				required: true,
				description: 'The campaign: pick it from the list or give its ID',
				displayOptions: { show: { resource: ['lead'] } },
				modes: [
					{
						displayName: 'From List',
						name: 'list',
						type: 'list',
						typeOptions: { searchListMethod: 'searchCampaigns', searchable: true },
					},
					{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. cam_aBcDeFgHiJkLmNoPq, 1234567 or 665a1b2c3d4e5f6a7b8c9d0e' },
				],
			},
			{
				displayName: 'Campaign',
				name: 'campaignId',
				type: 'resourceLocator',
				default: { mode: 'list', value: '' },
				required: true,
				description: 'The campaign: pick it from the list or give its ID',
				displayOptions: { show: { resource: ['campaign'], operation: ['get', 'start', 'pause', 'resume'] } },
				modes: [
					{
						displayName: 'From List',
						name: 'list',
						type: 'list',
						typeOptions: { searchListMethod: 'searchCampaigns', searchable: true },
					},
					{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. cam_aBcDeFgHiJkLmNoPq, 1234567 or 665a1b2c3d4e5f6a7b8c9d0e' },
				],
			},
			{
				displayName: 'Lead',
				name: 'lead',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. ada@example.com',
				description: "The lead's ID in the provider, or its email address, looked up in the campaign",
				displayOptions: {
					show: { resource: ['lead'], operation: ['get', 'update', 'pause', 'resume', 'unsubscribe', 'markInterested', 'markNotInterested', 'remove'] },
				},
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. ada@example.com',
				description: "The new lead's email address",
				displayOptions: { show: { resource: ['lead'], operation: ['add'] } },
			},
			{
				displayName: 'Fields',
				name: 'fields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				description: 'The lead fields to set, in one vocabulary; each provider gets them under its own names',
				displayOptions: { show: { resource: ['lead'], operation: ['add', 'update'] } },
				options: [
					{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '' },
					{
						displayName: 'Custom Fields',
						name: 'customFields',
						type: 'fixedCollection',
						typeOptions: { multipleValues: true },
						default: {},
						placeholder: 'Add Custom Field',
						options: [
							{
								displayName: 'Field',
								name: 'field',
								values: [
									{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'The name of the custom field, as the campaign uses it' },
									{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'The value for this lead' },
								],
							},
						],
					},
					{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
					{ displayName: 'Job Title', name: 'jobTitle', type: 'string', default: '' },
					{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
					{ displayName: 'LinkedIn URL', name: 'linkedinUrl', type: 'string', default: '' },
					{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
					{ displayName: 'Website', name: 'website', type: 'string', default: '' },
				],
			},
			{
				displayName: 'Return All',
				name: 'returnAll',
				type: 'boolean',
				default: false,
				description: 'Whether to return all results or only up to a given limit',
				displayOptions: { show: { operation: ['getAll'] } },
			},
			{
				displayName: 'Limit',
				name: 'limit',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 50,
				description: 'Max number of results to return',
				displayOptions: { show: { operation: ['getAll'], returnAll: [false] } },
			},
			// Every lead and campaign item carries `raw`, the provider's whole record: Simplify leaves it out.
			...simplifyParameters,
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				displayOptions: { show: { resource: ['lead'], operation: ['getAll'] } },
				options: [
					{
						displayName: 'Status',
						name: 'status',
						type: 'options',
						default: 'active',
						description: 'Only leads with this status, in the shared vocabulary',
						options: [
							{ name: 'Active', value: 'active' },
							{ name: 'Bounced', value: 'bounced' },
							{ name: 'Completed', value: 'completed' },
							{ name: 'Interested', value: 'interested' },
							{ name: 'Not Interested', value: 'notInterested' },
							{ name: 'Paused', value: 'paused' },
							{ name: 'Replied', value: 'replied' },
							{ name: 'Unsubscribed', value: 'unsubscribed' },
						],
					},
				],
			},
		],
	};

	methods = { listSearch: { searchCampaigns } };

	/** Runs the chosen provider's own operation on this node's parameters, and shapes what it answers. */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const provider = this.getNodeParameter('provider', 0) as string;
		const adapter = adapterOf(provider);
		if (!adapter) throw new NodeOperationError(this.getNode(), `Provider must be lemlist, smartlead or sendKit, not "${provider}"`);
		return await route.call(this, adapter.provider, outreachResources(adapter));
	}
}
