import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { route } from '../common/router';
import * as campaign from './actions/campaign';
import * as campaignLead from './actions/campaignLead';
import * as doNotContact from './actions/doNotContact';
import * as emailAccount from './actions/emailAccount';
import { lemlist } from './provider';
import { searchCampaigns } from './methods/listSearch';

export class Lemlist implements INodeType {
	description: INodeTypeDescription = {
		// "Outreach" tells it apart from n8n's built-in Lemlist node in the node picker.
		displayName: 'Lemlist Outreach',
		name: 'lemlist',
		icon: { light: 'file:lemlist.svg', dark: 'file:lemlist.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Get, list, start, pause, update and report on lemlist campaigns; add, remove, find, list, pause, resume, unsubscribe, mark and update their leads; keep the do-not-contact list; list the senders',
		defaults: { name: 'Lemlist Outreach' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'lemlistOutreachApi', required: true }],
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

	methods = { listSearch: { searchCampaigns } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, lemlist, {
			campaign: campaign.operations,
			campaignLead: campaignLead.operations,
			doNotContact: doNotContact.operations,
			emailAccount: emailAccount.operations,
		});
	}
}
