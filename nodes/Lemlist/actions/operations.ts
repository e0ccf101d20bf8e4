import type { OperationMap } from '../../common/router';
import * as campaign from './campaign';
import * as campaignLead from './campaignLead';

/** Every operation of the node, by resource and operation value. */
export const operations: OperationMap = {
	campaign: { update: campaign.update },
	campaignLead: { update: campaignLead.update },
};
