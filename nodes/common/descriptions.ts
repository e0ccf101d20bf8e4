import type { INodeProperties } from 'n8n-workflow';

/**
 * The `campaignId` picker every node shares: a searchable list of the account's campaigns (served
 * by the node's `searchCampaigns` list search) or an ID typed or mapped in.
 */
export function campaignLocator(idPlaceholder: string, displayOptions: INodeProperties['displayOptions']): INodeProperties {
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
