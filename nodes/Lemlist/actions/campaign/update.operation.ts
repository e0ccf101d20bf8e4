import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { booleanField, campaignLocator, fieldCollection, textField } from '../../../common/descriptions';
import { bodyFromCollections, requireId, requireSomethingToUpdate } from '../../../common/fields';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';

const displayOptions = { show: { resource: ['campaign'], operation: ['update'] } };

const campaignProgress: INodeProperties = {
	displayName: 'Campaign Progress',
	name: 'campaignProgress',
	type: 'options',
	options: [
		{ name: 'Continue', value: 'continue', description: 'Keep sending the sequence to the lead' },
		{ name: 'Pause', value: 'pause', description: 'Pause the lead in the campaign' },
		{ name: 'Stop', value: 'stop', description: 'Stop the campaign for the lead' },
	],
	default: 'continue',
	description: 'What happens to the lead in the campaign',
};

const propagateProgress = booleanField(
	'Propagate Progress to Company',
	'propagateProgressToCompany',
	"Whether the same progress applies to the other leads of the lead's company",
);

const createNewTask = booleanField('Create New Task', 'createNewTask', 'Whether a task is created for the campaign owner');

const replyAction = (displayName: string, name: string, when: string): INodeProperties => ({
	displayName,
	name,
	type: 'collection',
	placeholder: 'Add Setting',
	default: {},
	description: `What lemlist does when the AI classifies a reply as ${when}`,
	options: [
		booleanField('Enabled', 'enabled', 'Whether this action is on'),
		booleanField('Pause All Campaigns for Company', 'pauseAllCampaignsForCompany', "Whether every campaign is paused for the lead's company"),
		booleanField('Pause All Campaigns for Lead', 'pauseAllCampaignsForLead', 'Whether every campaign is paused for the lead'),
		booleanField('Pause Campaign for Company', 'pauseCampaignForCompany', "Whether this campaign is paused for the lead's company"),
	],
});

const updateFields = fieldCollection(
	'Update Fields',
	'updateFields',
	'Flat campaign fields; only the fields added here are changed',
	displayOptions,
	[
		booleanField('Auto Lead Interest', 'autoLeadInterest', 'Whether lemlist detects lead interest automatically'),
		booleanField('Auto Review', 'autoReview', 'Whether leads are launched as soon as they are added, without manual review'),
		{
			displayName: 'Auto Review Conditions',
			name: 'autoReviewConditions',
			type: 'multiOptions',
			options: [
				{ name: 'Deliverable', value: 'deliverable' },
				{ name: 'Risky', value: 'risky' },
				{ name: 'Undeliverable', value: 'undeliverable' },
				{ name: 'Unverified', value: 'unverified' },
			],
			default: [],
			description:
				'With Auto Review on, only leads whose email verification has one of these statuses are launched automatically',
		},
		booleanField('Disable Out of Office', 'disableOutOfOffice', 'Whether out-of-office detection is off'),
		booleanField('Disable Track Click', 'disableTrackClick', 'Whether link-click tracking is off'),
		booleanField('Disable Track Open', 'disableTrackOpen', 'Whether open tracking is off'),
		booleanField('Disable Track Reply', 'disableTrackReply', 'Whether reply tracking is off'),
		booleanField('Leads Paused by Interest', 'leadsPausedByInterest', 'Whether leads are paused according to their interest'),
		textField('Name', 'name', 'The campaign name'),
		booleanField('Opportunity Clicked', 'opportunityClicked', 'Whether a click on a link creates an opportunity'),
		booleanField('Opportunity Replied', 'opportunityReplied', 'Whether a reply creates an opportunity'),
		textField(
			'Sender IDs',
			'sendUserIds',
			'User IDs (usr_…) to set as the campaign senders, comma-separated or as a JSON array. Refused on campaigns with a dynamic sender strategy (contact owner, lead importer, custom field).',
			'usr_2aBCdEfGHiJkLmNOp, usr_7xYzAbCdEfGhIjKlM',
		),
		booleanField('Sequence Sharing', 'sequenceSharing', 'Whether sequence sharing is on for the campaign'),
		booleanField('Stop on Email Replied', 'stopOnEmailReplied', 'Whether the campaign stops for a lead who replies by email'),
		booleanField('Stop on Link Clicked', 'stopOnLinkClicked', 'Whether the campaign stops for a lead who clicks a link'),
		textField('Stop on Link Clicked Filter', 'stopOnLinkClickedFilter', 'Which link clicks stop the campaign'),
		booleanField('Stop on Meeting Booked', 'stopOnMeetingBooked', 'Whether the campaign stops for a lead who books a meeting'),
	],
);

/** The structured sections lemlist prefers; each is merged on its side, flag by flag. */
const sections: INodeProperties[] = [
	fieldCollection('AI Features', 'aiFeatures', 'AI reply handling; only the settings added here are changed', displayOptions, [
		replyAction('On Interested Reply', 'onInterestedReply', 'interested'),
		replyAction('On Not Interested Reply', 'onNotInterestedReply', 'not interested'),
		booleanField('Score Replies', 'scoreReplies', 'Whether the AI scores replies'),
	]),
	fieldCollection('Tracking', 'tracking', 'Open, click and reply tracking; only the settings added here are changed', displayOptions, [
		booleanField('Track Clicks', 'trackClicks', 'Whether link clicks are tracked'),
		booleanField('Track Opens', 'trackOpens', 'Whether opens are tracked'),
		booleanField('Track Replies', 'trackReplies', 'Whether replies are tracked'),
	]),
	fieldCollection('On Replied', 'onReplied', 'What happens when a lead replies', displayOptions, [
		campaignProgress,
		createNewTask,
		booleanField('Disable Out of Office', 'disableOutOfOffice', 'Whether out-of-office replies are not treated as replies'),
		propagateProgress,
	]),
	fieldCollection('On Link Clicked', 'onLinkClicked', 'What happens when a lead clicks a tracked link', displayOptions, [
		campaignProgress,
		createNewTask,
		propagateProgress,
		textField(
			'Specific Links',
			'specificLinks',
			'Only clicks on these links count, comma-separated or as a JSON array; [] means every link',
			'https://acme.com/pricing, https://acme.com/demo',
		),
	]),
	fieldCollection('On Meeting Booked', 'onMeetingBooked', 'What happens when a lead books a meeting', displayOptions, [
		campaignProgress,
		propagateProgress,
	]),
];

const listFields = ['sendUserIds', 'specificLinks'];

export const description: INodeProperties[] = [
	campaignLocator('cam_aBcDeFgHiJkLmNoPq', displayOptions),
	updateFields,
	...sections,
];

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const campaignId = requireId(this, 'campaignId', 'Campaign', itemIndex);
	const body = bodyFromCollections(this, itemIndex, [updateFields, ...sections], { listFields });
	requireSomethingToUpdate(this.getNode(), body, itemIndex, 'Add at least one field or section setting to change.');

	return (await send({ method: 'PATCH', path: apiPath`/campaigns/${campaignId}`, body })) as IDataObject;
}
