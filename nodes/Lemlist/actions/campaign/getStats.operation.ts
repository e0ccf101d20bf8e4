import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireId } from '../../../common/fields';
import { withIds } from '../../../common/items';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { campaign } from '../../parameters';
import { lemlist } from '../../provider';

export const properties: INodeProperties[] = [
	campaign,
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			'The start of the period, an ISO 8601 date or date-time. A date alone is the start of that day, a date-time without an offset is read as UTC.',
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			'The end of the period, an ISO 8601 date or date-time. A date alone is the end of that day, a date-time without an offset is read as UTC.',
	},
];

/** Simplify keeps the campaign and its main figures, from leads in the campaign to meetings booked. */
export const simplified = [
	'campaignId',
	'nbLeads',
	'nbLeadsLaunched',
	'nbLeadsReached',
	'nbLeadsOpened',
	'nbLeadsAnswered',
	'nbLeadsInterested',
	'nbLeadsUnsubscribed',
	'messagesBounced',
	'meetingBooked',
];

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i;

/**
 * A date parameter as lemlist wants it: an ISO 8601 date-time in UTC. A date alone covers its whole
 * day (the start, or the end of it); anything else fails the item before any request.
 */
function readDate(ctx: IExecuteFunctions, name: string, label: string, edge: 'start' | 'end', itemIndex: number): string {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const fail = (problem: string) => new NodeOperationError(ctx.getNode(), `${label} (${name}) ${problem}`, { itemIndex });
	if (raw === undefined || raw === null) throw fail('is empty');
	if (typeof raw !== 'string') throw fail(`must be an ISO 8601 date such as 2024-01-31, not ${JSON.stringify(raw)}`);
	const text = raw.trim();
	if (text === '') throw fail('is empty');
	const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
	const date = DATE.exec(text);
	if (date) {
		const [, year, month, day] = date;
		const moment = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
		// Date.UTC rolls 2024-02-31 over into March: a day that does not exist is refused instead.
		if (moment.getUTCFullYear() !== Number(year) || moment.getUTCMonth() !== Number(month) - 1 || moment.getUTCDate() !== Number(day)) {
			throw fail(`"${shown}" is not a date of the calendar`);
		}
		return `${text}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}Z`;
	}
	if (!DATE_TIME.test(text)) throw fail(`must be an ISO 8601 date or date-time such as 2024-01-31 or 2024-01-31T18:00:00Z, not "${shown}"`);
	const withZone = /(Z|[+-]\d{2}(:?\d{2})?)$/i.test(text) ? text : `${text}Z`;
	const ms = Date.parse(withZone.replace(' ', 'T'));
	if (Number.isNaN(ms)) throw fail(`"${shown}" is not a moment of the calendar`);
	return new Date(ms).toISOString();
}

/**
 * A campaign's statistics over a period: `GET /v2/campaigns/{id}/stats?startDate&endDate` (both
 * required by lemlist). One item: lemlist's figures plus the campaign ID.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const campaignId = requireId(this, 'campaignId', 'Campaign', itemIndex);
	const startDate = readDate(this, 'startDate', 'Start Date', 'start', itemIndex);
	const endDate = readDate(this, 'endDate', 'End Date', 'end', itemIndex);
	if (Date.parse(startDate) > Date.parse(endDate)) {
		throw new NodeOperationError(this.getNode(), `Start Date (startDate) ${startDate} is after End Date (endDate) ${endDate}`, { itemIndex });
	}
	const answer = await send({ method: 'GET', path: apiPath`/v2/campaigns/${campaignId}/stats`, qs: { startDate, endDate } });
	return withIds(lemlist, answer, { campaignId });
}
