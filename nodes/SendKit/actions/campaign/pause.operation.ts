import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Send } from '../../../common/router';
import { changeCampaignStatus } from './status';
import { campaign } from '../../parameters';

export const properties: INodeProperties[] = [
	campaign,
	{
		displayName: "Stops sending until the campaign is resumed. SendKit pauses only active campaigns.",
		name: 'pauseNotice',
		type: 'notice',
		default: '',
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	return await changeCampaignStatus(this, itemIndex, send, 'pause');
}
