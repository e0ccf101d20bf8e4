import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { campaignLocator } from '../../../common/descriptions';
import { bodyFromCollections, requireId, requireSomethingToUpdate } from '../../../common/fields';
import { apiPath, apiRequest } from '../../../common/request';
import { lemlist } from '../../provider';

const displayOptions = { show: { resource: ['campaign'], operation: ['update'] } };

const flag = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'boolean',
	default: false,
	description,
});

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

const propagateProgress = flag(
	'Propagate Progress to Company',
	'propagateProgressToCompany',
	"Whether the same progress applies to the other leads of the lead's company",
);

const createNewTask = flag('Create New Task', 'createNewTask', 'Whether a task is created for the campaign owner');

const replyAction = (displayName: string, name: string, when: string): INodeProperties => ({
	displayName,
	name,
	type: 'collection',
	placeholder: 'Add Setting',
	default: {},
	description: `What lemlist does when the AI classifies a reply as ${when}`,
	options: [
		flag('Enabled', 'enabled', 'Whether this action is on'),
		flag('Pause All Campaigns for Company', 'pauseAllCampaignsForCompany', "Whether every campaign is paused for the lead's company"),
		flag('Pause All Campaigns for Lead', 'pauseAllCampaignsForLead', 'Whether every campaign is paused for the lead'),
		flag('Pause Campaign for Company', 'pauseCampaignForCompany', "Whether this campaign is paused for the lead's company"),
	],
});

const updateFields: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	displayOptions,
	description: 'Flat campaign fields; only the fields added here are changed',
	options: [
		flag('Auto Lead Interest', 'autoLeadInterest', 'Whether lemlist detects lead interest automatically'),
		flag('Auto Review', 'autoReview', 'Whether leads are launched as soon as they are added, without manual review'),
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
		flag('Disable Out of Office', 'disableOutOfOffice', 'Whether out-of-office detection is off'),
		flag('Disable Track Click', 'disableTrackClick', 'Whether link-click tracking is off'),
		flag('Disable Track Open', 'disableTrackOpen', 'Whether open tracking is off'),
		flag('Disable Track Reply', 'disableTrackReply', 'Whether reply tracking is off'),
		flag('Leads Paused by Interest', 'leadsPausedByInterest', 'Whether leads are paused according to their interest'),
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'The campaign name',
		},
		flag('Opportunity Clicked', 'opportunityClicked', 'Whether a click on a link creates an opportunity'),
		flag('Opportunity Replied', 'opportunityReplied', 'Whether a reply creates an opportunity'),
		{
			displayName: 'Sender IDs',
			name: 'sendUserIds',
			type: 'string',
			default: '',
			placeholder: 'usr_2aBCdEfGHiJkLmNOp, usr_7xYzAbCdEfGhIjKlM',
			description:
				'User IDs (usr_…) to set as the campaign senders, comma-separated or as a JSON array. Refused on campaigns with a dynamic sender strategy (contact owner, lead importer, custom field).',
		},
		flag('Sequence Sharing', 'sequenceSharing', 'Whether sequence sharing is on for the campaign'),
		flag('Stop on Email Replied', 'stopOnEmailReplied', 'Whether the campaign stops for a lead who replies by email'),
		flag('Stop on Link Clicked', 'stopOnLinkClicked', 'Whether the campaign stops for a lead who clicks a link'),
		{
			displayName: 'Stop on Link Clicked Filter',
			name: 'stopOnLinkClickedFilter',
			type: 'string',
			default: '',
			description: 'Which link clicks stop the campaign',
		},
		flag('Stop on Meeting Booked', 'stopOnMeetingBooked', 'Whether the campaign stops for a lead who books a meeting'),
	],
};

/** The structured sections lemlist prefers; each is merged on its side, flag by flag. */
const sections: INodeProperties[] = [
	{
		displayName: 'AI Features',
		name: 'aiFeatures',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		displayOptions,
		description: 'AI reply handling; only the settings added here are changed',
		options: [
			replyAction('On Interested Reply', 'onInterestedReply', 'interested'),
			replyAction('On Not Interested Reply', 'onNotInterestedReply', 'not interested'),
			flag('Score Replies', 'scoreReplies', 'Whether the AI scores replies'),
		],
	},
	{
		displayName: 'Tracking',
		name: 'tracking',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		displayOptions,
		description: 'Open, click and reply tracking; only the settings added here are changed',
		options: [
			flag('Track Clicks', 'trackClicks', 'Whether link clicks are tracked'),
			flag('Track Opens', 'trackOpens', 'Whether opens are tracked'),
			flag('Track Replies', 'trackReplies', 'Whether replies are tracked'),
		],
	},
	{
		displayName: 'On Replied',
		name: 'onReplied',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		displayOptions,
		description: 'What happens when a lead replies',
		options: [
			campaignProgress,
			createNewTask,
			flag('Disable Out of Office', 'disableOutOfOffice', 'Whether out-of-office replies are not treated as replies'),
			propagateProgress,
		],
	},
	{
		displayName: 'On Link Clicked',
		name: 'onLinkClicked',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		displayOptions,
		description: 'What happens when a lead clicks a tracked link',
		options: [
			campaignProgress,
			createNewTask,
			propagateProgress,
			{
				displayName: 'Specific Links',
				name: 'specificLinks',
				type: 'string',
				default: '',
				placeholder: 'https://acme.com/pricing, https://acme.com/demo',
				description:
					'Only clicks on these links count, comma-separated or as a JSON array; [] means every link',
			},
		],
	},
	{
		displayName: 'On Meeting Booked',
		name: 'onMeetingBooked',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		displayOptions,
		description: 'What happens when a lead books a meeting',
		options: [campaignProgress, propagateProgress],
	},
];

const listFields = ['sendUserIds', 'specificLinks'];

export const description: INodeProperties[] = [
	campaignLocator('cam_aBcDeFgHiJkLmNoPq', displayOptions),
	updateFields,
	...sections,
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const campaignId = requireId(this, 'campaignId', 'Campaign', itemIndex);
	const body = bodyFromCollections(this, itemIndex, [updateFields, ...sections], { listFields });
	requireSomethingToUpdate(this.getNode(), body, itemIndex, 'Add at least one field or section setting to change.');

	return (await apiRequest.call(
		this,
		lemlist,
		{ method: 'PATCH', path: apiPath`/campaigns/${campaignId}`, body },
		itemIndex,
	)) as IDataObject;
}
