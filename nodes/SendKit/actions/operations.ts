import type { OperationMap } from '../../common/router';
import * as campaign from './campaign';
import * as campaignLead from './campaignLead';

/** Every operation of the node, by resource and operation value. */
export const operations: OperationMap = {
	campaign: {
		get: campaign.get,
		getAll: campaign.getAll,
		pause: campaign.pause,
		resume: campaign.resume,
		start: campaign.start,
		update: campaign.update,
	},
	campaignLead: {
		get: campaignLead.get,
		getAll: campaignLead.getAll,
		pause: campaignLead.pause,
		resume: campaignLead.resume,
		unsubscribe: campaignLead.unsubscribe,
		update: campaignLead.update,
	},
};
