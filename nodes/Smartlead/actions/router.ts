import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route, type OperationMap } from '../../common/router';
import { smartlead } from '../provider';
import * as campaign from './campaign';
import * as campaignLead from './campaignLead';

export const operations: OperationMap = {
	campaign: { update: campaign.update, updateSchedule: campaign.updateSchedule },
	campaignLead: { update: campaignLead.update },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, smartlead, operations);
}
