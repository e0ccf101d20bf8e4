import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { route } from '../common/router';
import * as campaign from './actions/campaign';
import * as campaignLead from './actions/campaignLead';
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
		description: 'Read, start, pause and stop Smartlead campaigns; read, pause, resume, unsubscribe, categorise and update their leads',
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
				],
				default: 'campaign',
			},
			...campaign.description,
			...campaignLead.description,
		],
	};

	methods = { listSearch: { searchCampaigns }, loadOptions: { getLeadCategories } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, smartlead, { campaign: campaign.operations, campaignLead: campaignLead.operations });
	}
}
