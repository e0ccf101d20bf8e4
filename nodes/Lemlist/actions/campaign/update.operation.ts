import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collection } from '../../../common/descriptions';
import { bodyFromCollections, requireId, requireSomethingToUpdate } from '../../../common/fields';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { campaign } from '../../parameters';

// Settings that lemlist repeats across the reply, click and meeting sections: one definition each.
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

const propagateProgress: INodeProperties = {
	displayName: 'Propagate Progress to Company',
	name: 'propagateProgressToCompany',
	type: 'boolean',
	default: false,
	description: "Whether the same progress applies to the other leads of the lead's company",
};

const createNewTask: INodeProperties = {
	displayName: 'Create New Task',
	name: 'createNewTask',
	type: 'boolean',
	default: false,
	description: 'Whether a task is created for the campaign owner',
};

/** The settings of an AI reply action; the interested and not-interested actions take the same ones. */
const replyActionSettings: INodeProperties[] = [
	{
		displayName: 'Enabled',
		name: 'enabled',
		type: 'boolean',
		default: false,
		description: 'Whether this action is on',
	},
	{
		displayName: 'Pause All Campaigns for Company',
		name: 'pauseAllCampaignsForCompany',
		type: 'boolean',
		default: false,
		description: "Whether every campaign is paused for the lead's company",
	},
	{
		displayName: 'Pause All Campaigns for Lead',
		name: 'pauseAllCampaignsForLead',
		type: 'boolean',
		default: false,
		description: 'Whether every campaign is paused for the lead',
	},
	{
		displayName: 'Pause Campaign for Company',
		name: 'pauseCampaignForCompany',
		type: 'boolean',
		default: false,
		description: "Whether this campaign is paused for the lead's company",
	},
];

// Named so that execute builds the body from the same fields the editor shows.
const updateFields = collection('updateFields', [
	{
		displayName: 'Auto Lead Interest',
		name: 'autoLeadInterest',
		type: 'boolean',
		default: false,
		description: 'Whether lemlist detects lead interest automatically',
	},
	{
		displayName: 'Auto Review',
		name: 'autoReview',
		type: 'boolean',
		default: false,
		description: 'Whether leads are launched as soon as they are added, without manual review',
	},
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
	{
		displayName: 'Disable Out of Office',
		name: 'disableOutOfOffice',
		type: 'boolean',
		default: false,
		description: 'Whether out-of-office detection is off',
	},
	{
		displayName: 'Disable Track Click',
		name: 'disableTrackClick',
		type: 'boolean',
		default: false,
		description: 'Whether link-click tracking is off',
	},
	{
		displayName: 'Disable Track Open',
		name: 'disableTrackOpen',
		type: 'boolean',
		default: false,
		description: 'Whether open tracking is off',
	},
	{
		displayName: 'Disable Track Reply',
		name: 'disableTrackReply',
		type: 'boolean',
		default: false,
		description: 'Whether reply tracking is off',
	},
	{
		displayName: 'Leads Paused by Interest',
		name: 'leadsPausedByInterest',
		type: 'boolean',
		default: false,
		description: 'Whether leads are paused according to their interest',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'The campaign name',
	},
	{
		displayName: 'Opportunity Clicked',
		name: 'opportunityClicked',
		type: 'boolean',
		default: false,
		description: 'Whether a click on a link creates an opportunity',
	},
	{
		displayName: 'Opportunity Replied',
		name: 'opportunityReplied',
		type: 'boolean',
		default: false,
		description: 'Whether a reply creates an opportunity',
	},
	{
		displayName: 'Sender IDs',
		name: 'sendUserIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. usr_2aBCdEfGHiJkLmNOp, usr_7xYzAbCdEfGhIjKlM',
		description:
			'User IDs (usr_…) to set as the campaign senders, comma-separated or as a JSON array. Refused on campaigns with a dynamic sender strategy (contact owner, lead importer, custom field).',
	},
	{
		displayName: 'Sequence Sharing',
		name: 'sequenceSharing',
		type: 'boolean',
		default: false,
		description: 'Whether sequence sharing is on for the campaign',
	},
	{
		displayName: 'Stop on Email Replied',
		name: 'stopOnEmailReplied',
		type: 'boolean',
		default: false,
		description: 'Whether the campaign stops for a lead who replies by email',
	},
	{
		displayName: 'Stop on Link Clicked',
		name: 'stopOnLinkClicked',
		type: 'boolean',
		default: false,
		description: 'Whether the campaign stops for a lead who clicks a link',
	},
	{
		displayName: 'Stop on Link Clicked Filter',
		name: 'stopOnLinkClickedFilter',
		type: 'string',
		default: '',
		description: 'Which link clicks stop the campaign',
	},
	{
		displayName: 'Stop on Meeting Booked',
		name: 'stopOnMeetingBooked',
		type: 'boolean',
		default: false,
		description: 'Whether the campaign stops for a lead who books a meeting',
	},
], 'Flat campaign fields; only the fields added here are changed');

/** The structured sections lemlist prefers; each is merged on its side, flag by flag. */
const sections: INodeProperties[] = [
	{
		displayName: 'AI Features',
		name: 'aiFeatures',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		description: 'AI reply handling; only the settings added here are changed',
		options: [
			{
				displayName: 'On Interested Reply',
				name: 'onInterestedReply',
				type: 'collection',
				placeholder: 'Add Setting',
				default: {},
				description: 'What lemlist does when the AI classifies a reply as interested',
				options: replyActionSettings,
			},
			{
				displayName: 'On Not Interested Reply',
				name: 'onNotInterestedReply',
				type: 'collection',
				placeholder: 'Add Setting',
				default: {},
				description: 'What lemlist does when the AI classifies a reply as not interested',
				options: replyActionSettings,
			},
			{
				displayName: 'Score Replies',
				name: 'scoreReplies',
				type: 'boolean',
				default: false,
				description: 'Whether the AI scores replies',
			},
		],
	},
	{
		displayName: 'Tracking',
		name: 'tracking',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		description: 'Open, click and reply tracking; only the settings added here are changed',
		options: [
			{
				displayName: 'Track Clicks',
				name: 'trackClicks',
				type: 'boolean',
				default: true,
				description: 'Whether link clicks are tracked',
			},
			{
				displayName: 'Track Opens',
				name: 'trackOpens',
				type: 'boolean',
				default: true,
				description: 'Whether opens are tracked',
			},
			{
				displayName: 'Track Replies',
				name: 'trackReplies',
				type: 'boolean',
				default: true,
				description: 'Whether replies are tracked',
			},
		],
	},
	{
		displayName: 'On Replied',
		name: 'onReplied',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		description: 'What happens when a lead replies',
		options: [
			campaignProgress,
			createNewTask,
			{
				displayName: 'Disable Out of Office',
				name: 'disableOutOfOffice',
				type: 'boolean',
				default: false,
				description: 'Whether out-of-office replies are not treated as replies',
			},
			propagateProgress,
		],
	},
	{
		displayName: 'On Link Clicked',
		name: 'onLinkClicked',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
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
				placeholder: 'e.g. https://acme.com/pricing, https://acme.com/demo',
				description: 'Only clicks on these links count, comma-separated or as a JSON array; [] means every link',
			},
		],
	},
	{
		displayName: 'On Meeting Booked',
		name: 'onMeetingBooked',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		description: 'What happens when a lead books a meeting',
		options: [campaignProgress, propagateProgress],
	},
];

const listFields = ['sendUserIds', 'specificLinks'];

export const properties: INodeProperties[] = [campaign, updateFields, ...sections];

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const campaignId = requireId(this, 'campaignId', 'Campaign', itemIndex);
	const body = bodyFromCollections(this, itemIndex, [updateFields, ...sections], { listFields });
	requireSomethingToUpdate(this.getNode(), body, itemIndex, 'Add at least one field or section setting to change.');

	return (await send({ method: 'PATCH', path: apiPath`/campaigns/${campaignId}`, body })) as IDataObject;
}
