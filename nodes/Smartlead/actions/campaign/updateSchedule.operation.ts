import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collection, daysOfTheWeek } from '../../../common/descriptions';
import type { BodyRules } from '../../../common/fields';
import type { Send } from '../../../common/router';
import { postCampaignUpdate } from './post';
import { campaign } from '../../parameters';

// A named constant: the body builder in execute reads its name and options.
const updateFields = collection('updateFields', [
	{
		displayName: 'Days of the Week',
		name: 'days_of_the_week',
		type: 'multiOptions',
		// Calendar order reads better than alphabetical order here; the values are Smartlead's day numbers.
		options: daysOfTheWeek,
		default: [],
		description: 'The days emails are sent on (Sunday is 0, Saturday is 6); from an expression also "1,2,3" or [1,2,3]',
	},
	{
		displayName: 'End Hour',
		name: 'end_hour',
		type: 'string',
		default: '',
		placeholder: 'e.g. 17:00',
		description: 'When the daily sending window closes, as HH:MM (24-hour clock)',
	},
	{
		displayName: 'Max New Leads per Day',
		name: 'max_new_leads_per_day',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 100,
		description: 'How many new leads the campaign starts emailing per day (the older "sending_limit")',
	},
	{
		displayName: 'Min Time Between Emails (Minutes)',
		name: 'min_time_btw_emails',
		type: 'number',
		typeOptions: { minValue: 3, numberPrecision: 0 },
		default: 10,
		description: 'The shortest gap between two emails of the campaign, at least 3 minutes (the older "min_time_btwn_emails")',
	},
	{
		displayName: 'Schedule Start Time',
		name: 'schedule_start_time',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2026-01-05T09:00:00.000Z',
		description: 'When the schedule starts, as an ISO 8601 date-time',
	},
	{
		displayName: 'Start Hour',
		name: 'start_hour',
		type: 'string',
		default: '',
		placeholder: 'e.g. 09:00',
		description: 'When the daily sending window opens, as HH:MM (24-hour clock)',
	},
	{
		displayName: 'Timezone',
		name: 'timezone',
		type: 'string',
		default: '',
		placeholder: 'e.g. America/New_York',
		description: 'The IANA time zone of the sending window, such as America/New_York or Europe/Paris',
	},
], "The campaign's sending schedule and limits; only the fields added here are sent");

export const properties: INodeProperties[] = [campaign, updateFields];

const HOUR_MINUTE = /^([01]\d|2[0-3]):[0-5]\d$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
// Region/City names (and the few single-word zones such as UTC); offsets like "+02:00" are not zones.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** Whether `zone` is an IANA time zone name the runtime knows (canonical names and aliases). */
function isTimeZone(zone: string): boolean {
	if (!ZONE_NAME.test(zone)) return false;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

/** An ISO 8601 date-time whose date exists in the calendar (no 30 February). */
function isIsoDateTime(value: string): boolean {
	const match = ISO_DATE_TIME.exec(value);
	if (!match) return false;
	const [year, month, day] = match.slice(1, 4).map(Number);
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
}

const hourMinute = (value: unknown) => (HOUR_MINUTE.test(String(value)) ? undefined : `must be HH:MM on a 24-hour clock, such as 09:00, not "${value}"`);

const rules: BodyRules = {
	checks: {
		timezone: (value) => (isTimeZone(String(value)) ? undefined : `must be an IANA time zone such as America/New_York, not "${value}"`),
		start_hour: hourMinute,
		end_hour: hourMinute,
		days_of_the_week: (value) => ((value as unknown[]).length ? undefined : 'must name at least one day'),
		schedule_start_time: (value) =>
			isIsoDateTime(String(value))
				? undefined
				: `must be an ISO 8601 date-time such as 2026-01-05T09:00:00Z, not "${value}"`,
	},
};

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	return await postCampaignUpdate(this, itemIndex, send, 'schedule', updateFields, rules, 'Add at least one schedule field to change.');
}
