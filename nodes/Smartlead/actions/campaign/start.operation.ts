import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Send } from '../../../common/router';
import { changeCampaignStatus } from './status';
import { campaign } from '../../parameters';

export const properties: INodeProperties[] = [campaign];

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	return await changeCampaignStatus(this, itemIndex, send, 'START');
}
