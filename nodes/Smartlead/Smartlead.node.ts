import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { route } from '../common/router';
import * as campaign from './actions/campaign';
import * as campaignLead from './actions/campaignLead';
import * as doNotContact from './actions/doNotContact';
import * as emailAccount from './actions/emailAccount';
import { smartlead } from './provider';
import { searchCampaigns } from './methods/listSearch';
import { getLeadCategories } from './methods/loadOptions';

export class Smartlead implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Smartlead Outreach',
		name: 'smartlead',
		icon: { light: 'file:smartlead.svg', dark: 'file:smartlead.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read, start, pause and stop Smartlead campaigns and read their stats; add, read, pause, resume, unsubscribe, categorise, update and remove their leads; keep addresses and domains on the block list; list email accounts',
		defaults: { name: 'Smartlead Outreach' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'smartleadOutreachApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Campaign', value: 'campaign' },
					{ name: 'Campaign Lead', value: 'campaignLead' },
					{ name: 'Do-Not-Contact List', value: 'doNotContact' },
					{ name: 'Email Account', value: 'emailAccount' },
				],
				default: 'campaign',
			},
			...campaign.description,
			...campaignLead.description,
			...doNotContact.description,
			...emailAccount.description,
		],
	};

	methods = { listSearch: { searchCampaigns }, loadOptions: { getLeadCategories } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, smartlead, {
			campaign: campaign.operations,
			campaignLead: campaignLead.operations,
			doNotContact: doNotContact.operations,
			emailAccount: emailAccount.operations,
		});
	}
}
