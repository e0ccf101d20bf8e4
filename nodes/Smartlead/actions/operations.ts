import type { OperationMap } from '../../common/router';
import * as campaign from './campaign';
import * as campaignLead from './campaignLead';

/** Every operation of the node, by resource and operation value. */
export const operations: OperationMap = {
	campaign: {
		get: campaign.get,
		getAll: campaign.getAll,
		pause: campaign.pause,
		start: campaign.start,
		stop: campaign.stop,
		update: campaign.update,
		updateSchedule: campaign.updateSchedule,
	},
	campaignLead: {
		get: campaignLead.get,
		getAll: campaignLead.getAll,
		pause: campaignLead.pause,
		resume: campaignLead.resume,
		unsubscribe: campaignLead.unsubscribe,
		update: campaignLead.update,
		updateCategory: campaignLead.updateCategory,
	},
};
