import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { route } from '../common/router';
import * as campaign from './actions/campaign';
import * as campaignLead from './actions/campaignLead';
import * as doNotContact from './actions/doNotContact';
import { sendKit } from './provider';
import { searchCampaigns } from './methods/listSearch';
import { getAiTags } from './methods/loadOptions';

export class SendKit implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SendKit Outreach',
		name: 'sendKit',
		icon: { light: 'file:sendkit.svg', dark: 'file:sendkit.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			"Get, start, pause and update SendKit campaigns and get their stats; add, remove, get, pause, resume, unsubscribe and update campaign leads; manage the workspace's do-not-contact list",
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
					{ name: 'Do-Not-Contact List', value: 'doNotContact' },
				],
				default: 'campaign',
			},
			...campaign.description,
			...campaignLead.description,
			...doNotContact.description,
		],
	};

	methods = { listSearch: { searchCampaigns }, loadOptions: { getAiTags } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, sendKit, {
			campaign: campaign.operations,
			campaignLead: campaignLead.operations,
			doNotContact: doNotContact.operations,
		});
	}
}
