import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Send } from '../../../common/router';
import { markInterest } from './interest';
import { campaign, inAllCampaigns, leadIdOrEmail } from '../../parameters';

export const properties: INodeProperties[] = [campaign, leadIdOrEmail, inAllCampaigns('marked not interested')];

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	return await markInterest(this, itemIndex, send, 'notinterested');
}
