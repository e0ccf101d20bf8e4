import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { booleanField, campaignLocator, fieldCollection, textField } from '../../../common/descriptions';
import { bodyFromCollections, requireId, requireSomethingToUpdate } from '../../../common/fields';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { WORKING_DAYS } from '../../provider';

const displayOptions = { show: { resource: ['campaign'], operation: ['update'] } };

const wholeNumber = (displayName: string, name: string, minValue: number, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	typeOptions: { minValue, numberPrecision: 0 },
	default: minValue,
	description,
});

const time = (displayName: string, name: string, description: string): INodeProperties =>
	textField(displayName, name, `${description}, as HH:MM in the schedule's timezone`, '09:00');

const updateFields = fieldCollection('Update Fields', 'updateFields', 'Only the fields added here are changed', displayOptions, [
	textField('Name', 'name', 'The campaign name'),
]);

/** Sent nested as `settings{…}` and `schedule{…}`, as in SendKit's create-campaign body. */
const sections: INodeProperties[] = [
	fieldCollection('Settings', 'settings', 'Sending and tracking settings; only the settings added here are changed', displayOptions, [
		textField('BCC', 'bcc', 'Addresses to BCC on every email, comma-separated or as a JSON array', 'crm-sync@acme.com'),
		textField('CC', 'cc', 'Addresses to CC on every email, comma-separated or as a JSON array', 'sales-log@acme.com'),
		wholeNumber('Daily Send Limit', 'dailySendLimit', 1, 'The most emails the campaign sends per day'),
		wholeNumber('Email Interval (Minutes)', 'emailIntervalMinutes', 0, 'Minutes to wait between two emails of the campaign'),
		booleanField('Include Unsubscribe Link', 'includeUnsubscribeLink', 'Whether emails carry an unsubscribe link'),
		booleanField('Skip DNC', 'skipDNC', 'Whether leads on the do-not-contact list are skipped'),
		booleanField('Stop on Auto Reply', 'stopOnAutoReply', 'Whether the sequence stops for a lead whose mailbox answers automatically'),
		booleanField('Stop on Company Reply', 'stopOnCompanyReply', "Whether the sequence stops for every lead of a company once one of them replies"),
		booleanField('Stop on Reply', 'stopOnReply', 'Whether the sequence stops for a lead who replies'),
		booleanField('Track Clicks', 'trackClicks', 'Whether link clicks are tracked'),
		booleanField('Track Opens', 'trackOpens', 'Whether opens are tracked'),
	]),
	fieldCollection('Schedule', 'schedule', 'When the campaign sends; only the settings added here are changed', displayOptions, [
		time('End Time', 'endTime', 'When sending stops each day'),
		booleanField('Skip National Holidays', 'skipNationalHolidays', 'Whether nothing is sent on national holidays'),
		time('Start Time', 'startTime', 'When sending starts each day'),
		textField('Timezone', 'timezone', 'The IANA timezone of the schedule', 'America/New_York'),
		{
			displayName: 'Working Days',
			name: 'workingDays',
			type: 'multiOptions',
			options: WORKING_DAYS,
			default: [],
			description: 'The days the campaign sends on; from an expression, day numbers (Sunday = 0) or day names',
		},
	]),
];

/** Day names (Sunday, sunday, Sun, sun) from expressions are read as SendKit's day numbers. */
const dayNames = Object.fromEntries(
	WORKING_DAYS.flatMap(({ name, value }) =>
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

export const description: INodeProperties[] = [
	campaignLocator('665a1b2c3d4e5f6a7b8c9d0e', displayOptions),
	updateFields,
	...sections,
];

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const campaignId = requireId(this, 'campaignId', 'Campaign', itemIndex);
	const body = bodyFromCollections(this, itemIndex, [updateFields, ...sections], rules);
	requireSomethingToUpdate(this.getNode(), body, itemIndex, 'Add a name, a setting or a schedule setting to change.');

	return (await send({ method: 'PATCH', path: apiPath`/v1/campaigns/${campaignId}`, body })) as IDataObject;
}
