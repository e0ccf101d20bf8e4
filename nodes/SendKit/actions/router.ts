import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route, type OperationMap } from '../../common/router';
import { sendKit } from '../provider';
import * as campaign from './campaign';
import * as campaignLead from './campaignLead';

export const operations: OperationMap = {
	campaign: { update: campaign.update },
	campaignLead: { update: campaignLead.update },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, sendKit, operations);
}
