import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collection, daysOfTheWeek } from '../../../common/descriptions';
import { bodyFromCollections, requireId, requireSomethingToUpdate } from '../../../common/fields';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { dataOf } from '../../provider';
import { campaign } from '../../parameters';


// Named consts: `execute` hands these same collections to `bodyFromCollections`.
const updateFields = collection('updateFields', [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'The campaign name',
	},
], 'Only the fields added here are changed');

/** Sent nested as `settings{…}`, as in SendKit's create-campaign body. */
const settings: INodeProperties = {
	displayName: 'Settings',
	name: 'settings',
	type: 'collection',
	placeholder: 'Add Setting',
	default: {},
	description: 'Sending and tracking settings; only the settings added here are changed',
	options: [
		{
			displayName: 'BCC',
			name: 'bcc',
			type: 'string',
			default: '',
			description: 'Addresses to BCC on every email, comma-separated or as a JSON array',
			placeholder: 'e.g. crm-sync@acme.com',
		},
		{
			displayName: 'CC',
			name: 'cc',
			type: 'string',
			default: '',
			description: 'Addresses to CC on every email, comma-separated or as a JSON array',
			placeholder: 'e.g. sales-log@acme.com',
		},
		{
			displayName: 'Daily Send Limit',
			name: 'dailySendLimit',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 1,
			description: 'The most emails the campaign sends per day',
		},
		{
			displayName: 'Email Interval (Minutes)',
			name: 'emailIntervalMinutes',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: 0,
			description: 'Minutes to wait between two emails of the campaign',
		},
		{
			displayName: 'Include Unsubscribe Link',
			name: 'includeUnsubscribeLink',
			type: 'boolean',
			default: false,
			description: 'Whether emails carry an unsubscribe link',
		},
		{
			displayName: 'Skip DNC',
			name: 'skipDNC',
			type: 'boolean',
			default: false,
			description: 'Whether leads on the do-not-contact list are skipped',
		},
		{
			displayName: 'Stop on Auto Reply',
			name: 'stopOnAutoReply',
			type: 'boolean',
			default: false,
			description: 'Whether the sequence stops for a lead whose mailbox answers automatically',
		},
		{
			displayName: 'Stop on Company Reply',
			name: 'stopOnCompanyReply',
			type: 'boolean',
			default: false,
			description: 'Whether the sequence stops for every lead of a company once one of them replies',
		},
		{
			displayName: 'Stop on Reply',
			name: 'stopOnReply',
			type: 'boolean',
			default: false,
			description: 'Whether the sequence stops for a lead who replies',
		},
		{
			displayName: 'Track Clicks',
			name: 'trackClicks',
			type: 'boolean',
			default: false,
			description: 'Whether link clicks are tracked',
		},
		{
			displayName: 'Track Opens',
			name: 'trackOpens',
			type: 'boolean',
			default: false,
			description: 'Whether opens are tracked',
		},
	],
};

/** Sent nested as `schedule{…}`, as in SendKit's create-campaign body. */
const schedule: INodeProperties = {
	displayName: 'Schedule',
	name: 'schedule',
	type: 'collection',
	placeholder: 'Add Setting',
	default: {},
	description: 'When the campaign sends; only the settings added here are changed',
	options: [
		{
			displayName: 'End Time',
			name: 'endTime',
			type: 'string',
			default: '',
			description: "When sending stops each day, as HH:MM in the schedule's timezone",
			placeholder: 'e.g. 09:00',
		},
		{
			displayName: 'Skip National Holidays',
			name: 'skipNationalHolidays',
			type: 'boolean',
			default: false,
			description: 'Whether nothing is sent on national holidays',
		},
		{
			displayName: 'Start Time',
			name: 'startTime',
			type: 'string',
			default: '',
			description: "When sending starts each day, as HH:MM in the schedule's timezone",
			placeholder: 'e.g. 09:00',
		},
		{
			displayName: 'Timezone',
			name: 'timezone',
			type: 'string',
			default: '',
			description: 'The IANA timezone of the schedule',
			placeholder: 'e.g. America/New_York',
		},
		{
			displayName: 'Working Days',
			name: 'workingDays',
			type: 'multiOptions',
			// A literal list shared with `dayNames` below, which reads day names typed in expressions.
			// SendKit's docs show Monday–Friday as [1, 2, 3, 4, 5]: read as Sunday = 0 [inferred].
			options: daysOfTheWeek,
			default: [],
			description: 'The days the campaign sends on; from an expression, day numbers (Sunday = 0) or day names',
		},
	],
};

export const properties: INodeProperties[] = [campaign, updateFields, settings, schedule];

/** Day names (Sunday, sunday, Sun, sun) from expressions are read as SendKit's day numbers. */
const dayNames = Object.fromEntries(
	daysOfTheWeek.flatMap(({ name, value }) =>
		[name, name.toLowerCase(), name.slice(0, 3), name.slice(0, 3).toLowerCase()].map((form) => [form, String(value)]),
	),
);

const timeOfDay = (value: unknown) =>
	/^([01]\d|2[0-3]):[0-5]\d$/.test(String(value).trim()) ? undefined : `must be a time as HH:MM, not "${String(value)}"`;

const rules = {
	listFields: ['cc', 'bcc'],
	translations: { workingDays: dayNames },
	checks: { startTime: timeOfDay, endTime: timeOfDay },
};

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const campaignId = requireId(this, 'campaignId', 'Campaign', itemIndex);
	const body = bodyFromCollections(this, itemIndex, [updateFields, settings, schedule], rules);
	requireSomethingToUpdate(this.getNode(), body, itemIndex, 'Add a name, a setting or a schedule setting to change.');

	return dataOf(await send({ method: 'PATCH', path: apiPath`/v1/campaigns/${campaignId}`, body })) as IDataObject;
}
