import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Send } from '../../../common/router';
import { changeCampaignStatus } from './status';
import { campaign } from '../../parameters';

export const properties: INodeProperties[] = [
	campaign,
	{
		displayName: "Sends the campaign's sequence to its leads. SendKit starts a campaign only once it has at least one mailbox, one sequence step and one lead.",
		name: 'startNotice',
		type: 'notice',
		default: '',
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	return await changeCampaignStatus(this, itemIndex, send, 'start');
}
