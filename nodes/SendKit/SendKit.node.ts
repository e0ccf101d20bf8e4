import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptions } from '../common/descriptions';
import * as campaign from './actions/campaign';
import * as campaignLead from './actions/campaignLead';
import { router } from './actions/router';
import { searchCampaigns } from './methods/listSearch';
import { getAiTags } from './methods/loadOptions';

export class SendKit implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SendKit Outreach',
		name: 'sendKit',
		icon: 'file:sendkit.svg',
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Update SendKit campaigns and campaign leads',
		defaults: { name: 'SendKit Outreach' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'sendKitOutreachApi', required: true }],
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
			requestOptions,
		],
	};

	methods = { listSearch: { searchCampaigns }, loadOptions: { getAiTags } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
