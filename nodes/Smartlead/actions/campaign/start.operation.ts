import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { campaignLocator } from '../../../common/descriptions';
import type { Send } from '../../../common/router';
import { setCampaignStatus } from './status';

const properties: INodeProperties[] = [campaignLocator('1234567')];

export const description = updateDisplayOptions({ show: { resource: ['campaign'], operation: ['start'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	return await setCampaignStatus.call(this, itemIndex, send, 'START');
}
