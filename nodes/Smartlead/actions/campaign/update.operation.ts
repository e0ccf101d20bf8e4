import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collection } from '../../../common/descriptions';
import type { BodyRules } from '../../../common/fields';
import type { Send } from '../../../common/router';
import { postCampaignUpdate } from './post';
import { campaign } from '../../parameters';

const outOfOffice: INodeProperties = {
	displayName: 'Out of Office Detection Settings',
	name: 'out_of_office_detection_settings',
	type: 'collection',
	placeholder: 'Add Setting',
	default: {},
	description: 'How out-of-office replies are handled; only the settings added here are sent',
	options: [
		{
			displayName: 'Auto Categorize OOO',
			name: 'autoCategorizeOOO',
			type: 'boolean',
			default: false,
			description: 'Whether out-of-office replies are categorised automatically',
		},
		{
			displayName: 'Auto Reactivate OOO',
			name: 'autoReactivateOOO',
			type: 'boolean',
			default: false,
			description: 'Whether leads paused by an out-of-office reply are reactivated automatically',
		},
		{
			displayName: 'Ignore OOO as Reply',
			name: 'ignoreOOOasReply',
			type: 'boolean',
			default: false,
			description: 'Whether out-of-office replies do not count as replies',
		},
		{
			displayName: 'Reactivate OOO With Delay (Days)',
			name: 'reactivateOOOwithDelay',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: 0,
			description: 'How many days after an out-of-office reply the lead is reactivated',
		},
	],
};

// A named constant: the body builder in execute reads its name and options.
const updateFields = collection('updateFields', [
	{
		displayName: 'Add Unsubscribe Tag',
		name: 'add_unsubscribe_tag',
		type: 'boolean',
		default: false,
		description: 'Whether an unsubscribe tag is added to emails',
	},
	{
		displayName: 'AI Categorisation Options',
		name: 'ai_categorisation_options',
		type: 'string',
		default: '',
		placeholder: 'e.g. Interested, Meeting Request, Not Interested',
		description: 'The reply categories the AI may assign, comma-separated or as a JSON array',
	},
	{
		displayName: 'Auto Pause Domain Leads on Reply',
		name: 'auto_pause_domain_leads_on_reply',
		type: 'boolean',
		default: false,
		description: "Whether the other leads of a replying lead's domain are paused",
	},
	{
		displayName: 'Bounce Autopause Threshold',
		name: 'bounce_autopause_threshold',
		type: 'string',
		default: '',
		description: 'The bounce threshold at which the campaign pauses itself',
	},
	{
		displayName: 'Client ID',
		name: 'client_id',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
		description: 'The ID of the Smartlead client the campaign belongs to',
	},
	{
		displayName: 'Domain Level Rate Limit',
		name: 'domain_level_rate_limit',
		type: 'boolean',
		default: false,
		description: 'Whether sending is rate-limited per recipient domain',
	},
	{
		displayName: 'Enable AI ESP Matching',
		name: 'enable_ai_esp_matching',
		type: 'boolean',
		default: false,
		description: 'Whether leads are matched with mailboxes of their email provider',
	},
	{
		displayName: 'Follow Up Percentage',
		name: 'follow_up_percentage',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 0 },
		default: 100,
		description: 'Share of daily sending kept for follow-ups rather than first emails, 0 to 100',
	},
	{
		displayName: 'Force Plain Text',
		name: 'force_plain_text',
		type: 'boolean',
		default: false,
		description: 'Whether every email is forced to plain text',
	},
	{
		displayName: 'Ignore SS Mailbox Sending Limit',
		name: 'ignore_ss_mailbox_sending_limit',
		type: 'boolean',
		default: false,
		description: "Whether the mailboxes' sending limits are ignored for this campaign",
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'The campaign name',
	},
	outOfOffice,
	{
		displayName: 'Send as Plain Text',
		name: 'send_as_plain_text',
		type: 'boolean',
		default: false,
		description: 'Whether emails are sent as plain text, without HTML',
	},
	{
		displayName: 'Stop Lead Settings',
		name: 'stop_lead_settings',
		type: 'options',
		options: [
			{ name: 'Click on a Link', value: 'CLICK_ON_A_LINK', description: 'Stop emailing a lead who clicks a link' },
			{ name: 'Open an Email', value: 'OPEN_AN_EMAIL', description: 'Stop emailing a lead who opens an email' },
			{ name: 'Reply to an Email', value: 'REPLY_TO_AN_EMAIL', description: 'Stop emailing a lead who replies' },
		],
		default: 'REPLY_TO_AN_EMAIL',
		description: 'When Smartlead stops emailing a lead. The older OPENED_EMAIL and CLICKED_LINK are accepted and translated.',
	},
	{
		displayName: 'Track Settings',
		name: 'track_settings',
		type: 'multiOptions',
		options: [
			{ name: "Don't Track Email Open", value: 'DONT_TRACK_EMAIL_OPEN' },
			{ name: "Don't Track Link Click", value: 'DONT_TRACK_LINK_CLICK' },
			{ name: "Don't Track Reply to an Email", value: 'DONT_TRACK_REPLY_TO_AN_EMAIL' },
		],
		default: [],
		description:
			'What is not tracked; an empty selection tracks everything. The older DONT_EMAIL_OPEN and DONT_LINK_CLICK are accepted and translated.',
	},
	{
		displayName: 'Unsubscribe Text',
		name: 'unsubscribe_text',
		type: 'string',
		default: '',
		description: 'The text of the unsubscribe link',
	},
], 'Campaign settings; only the fields added here are sent. Changes apply to future sends only.');

export const properties: INodeProperties[] = [campaign, updateFields];

/** The seed page's older values, still found in expressions and old workflows, and what Smartlead validates today. */
export const LEGACY_VALUES: BodyRules['translations'] = {
	track_settings: { DONT_EMAIL_OPEN: 'DONT_TRACK_EMAIL_OPEN', DONT_LINK_CLICK: 'DONT_TRACK_LINK_CLICK' },
	stop_lead_settings: { OPENED_EMAIL: 'OPEN_AN_EMAIL', CLICKED_LINK: 'CLICK_ON_A_LINK' },
};

const rules: BodyRules = { listFields: ['ai_categorisation_options'], translations: LEGACY_VALUES };

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	return await postCampaignUpdate(this, itemIndex, send, 'settings', updateFields, rules, 'Add at least one setting to change.');
}
