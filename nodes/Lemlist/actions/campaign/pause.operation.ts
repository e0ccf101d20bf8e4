import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Send } from '../../../common/router';
import { changeCampaignStatus } from './status';
import { campaign } from '../../parameters';

const properties: INodeProperties[] = [campaign];

export const description = updateDisplayOptions({ show: { resource: ['campaign'], operation: ['pause'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	return await changeCampaignStatus(this, itemIndex, send, 'pause');
}
