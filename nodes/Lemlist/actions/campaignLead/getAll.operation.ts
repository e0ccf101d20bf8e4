import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { collection, returnAllOrLimit } from '../../../common/descriptions';
import { readCollection, requireId } from '../../../common/fields';
import { readLimit, readPages } from '../../../common/paging';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { campaign } from '../../parameters';

// A named const: `execute` checks the filters against these same options.
const filters = collection('filters', [
	{
		displayName: 'States',
		name: 'state',
		type: 'multiOptions',
		// lemlist's export filter: global states (a stage of the sequence) and detailed ones (the last event).
		options: [
			{ name: 'Aircall Done', value: 'aircallDone' },
			{ name: 'Aircall Interested', value: 'aircallInterested' },
			{ name: 'Aircall Not Interested', value: 'aircallNotInterested' },
			{ name: 'API Done', value: 'apiDone' },
			{ name: 'API Interested', value: 'apiInterested' },
			{ name: 'API Not Interested', value: 'apiNotInterested' },
			{ name: 'Attracted', value: 'attracted', description: 'Global state: clicked a link' },
			{ name: 'Contacted', value: 'contacted', description: 'Global state: a first step was sent' },
			{ name: 'Emails Bounced', value: 'emailsBounced', description: 'Global state: an email bounced' },
			{ name: 'Emails Clicked', value: 'emailsClicked' },
			{ name: 'Emails Failed', value: 'emailsFailed' },
			{ name: 'Emails Interested', value: 'emailsInterested' },
			{ name: 'Emails Not Interested', value: 'emailsNotInterested' },
			{ name: 'Emails Opened', value: 'emailsOpened' },
			{ name: 'Emails Replied', value: 'emailsReplied' },
			{ name: 'Emails Sent', value: 'emailsSent' },
			{ name: 'Emails Unsubscribed', value: 'emailsUnsubscribed', description: 'Global state: unsubscribed' },
			{ name: 'Failed', value: 'failed', description: 'Global state: a step failed' },
			{ name: 'Hooked', value: 'hooked', description: 'Global state: opened an email' },
			{ name: 'Imported', value: 'imported', description: 'Global state: imported into the campaign' },
			{ name: 'Interested', value: 'interested', description: 'Global state: marked interested, by any channel' },
			{ name: 'LinkedIn Interested', value: 'linkedinInterested' },
			{ name: 'LinkedIn Invite Accepted', value: 'linkedinInviteAccepted' },
			{ name: 'LinkedIn Invite Done', value: 'linkedinInviteDone' },
			{ name: 'LinkedIn Invite Failed', value: 'linkedinInviteFailed' },
			{ name: 'LinkedIn Not Interested', value: 'linkedinNotInterested' },
			{ name: 'LinkedIn Opened', value: 'linkedinOpened' },
			{ name: 'LinkedIn Replied', value: 'linkedinReplied' },
			{ name: 'LinkedIn Send Failed', value: 'linkedinSendFailed' },
			{ name: 'LinkedIn Sent', value: 'linkedinSent' },
			{ name: 'LinkedIn Visit Done', value: 'linkedinVisitDone' },
			{ name: 'LinkedIn Visit Failed', value: 'linkedinVisitFailed' },
			{ name: 'Manually Interested', value: 'manualInterested' },
			{ name: 'Manually Not Interested', value: 'manualNotInterested' },
			{ name: 'Meeting Booked', value: 'meetingBooked', description: 'Global state: booked a meeting' },
			{ name: 'Not Interested', value: 'notInterested', description: 'Global state: marked not interested, by any channel' },
			{ name: 'Opportunities Done', value: 'opportunitiesDone' },
			{ name: 'Paused', value: 'paused', description: 'Global state: paused' },
			{ name: 'Reviewed', value: 'reviewed', description: 'Global state: reviewed, ready to be contacted' },
			{ name: 'Scanned', value: 'scanned', description: 'Global state: waiting for review' },
			{ name: 'Skipped', value: 'skipped', description: 'Global state: skipped' },
			{ name: 'Warmed', value: 'warmed', description: 'Global state: replied' },
		],
		default: [],
		description: 'Only leads whose last state is one of these; none chosen means every lead',
	},
]);

export const properties: INodeProperties[] = [campaign, ...returnAllOrLimit, filters];

/** Simplify keeps who the lead is and where it stands. */
export const simplified = ['_id', 'email', 'firstName', 'lastName', 'companyName', 'jobTitle', 'linkedinUrl', 'lastState', 'status', 'emailStatus'];

/**
 * lemlist's list of a campaign's leads has no offset and gives only IDs and states, so the leads
 * come from the campaign export: every lead, whole records, in one request; a limit keeps the first.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject[]> {
	const campaignId = requireId(this, 'campaignId', 'Campaign', itemIndex);
	const limit = readLimit(this, itemIndex);
	const query = readCollection(this, itemIndex, filters);
	const states = (query.state as string[] | undefined) ?? [];
	const state = states.length ? [...new Set(states)].join(',') : 'all';

	return await readPages('lemlist', limit, async () => {
		// Without format=json lemlist answers CSV.
		const answer = await send({ method: 'GET', path: apiPath`/campaigns/${campaignId}/export/leads`, qs: { state, format: 'json' } });
		if (!Array.isArray(answer)) {
			throw new NodeOperationError(this.getNode(), 'lemlist answered the lead export with something other than a list', { itemIndex });
		}
		return { records: answer as IDataObject[] };
	});
}
