import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withIds } from '../../../common/items';
import { isRecord } from '../../../common/records';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { smartlead } from '../../provider';
import { exactId, requireNumericId } from '../ids';
import { campaignAs } from '../../parameters';

export const properties: INodeProperties[] = [
	campaignAs('The campaign whose figures are read'),
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		default: '',
		description: 'The first day of the period (YYYY-MM-DD; of a date-time, its date). Give both dates, or neither for the whole campaign.',
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		description: 'The last day of the period (YYYY-MM-DD; of a date-time, its date). Give both dates, or neither for the whole campaign.',
	},
];

/** Simplify keeps the campaign and its counts of leads and emails. */
export const simplified = [
	'campaignId',
	'name',
	'status',
	'total_count',
	'sent_count',
	'open_count',
	'click_count',
	'reply_count',
	'bounce_count',
	'unsubscribed_count',
];

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\S*)?$/;

/** A date parameter as the YYYY-MM-DD Smartlead takes, undefined when empty; anything else fails the item. */
function readDate(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string | undefined {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	if (raw === undefined || raw === null) return undefined;
	const text = raw instanceof Date ? (Number.isNaN(raw.getTime()) ? 'Invalid Date' : raw.toISOString()) : typeof raw === 'string' ? raw.trim() : undefined;
	if (text === '') return undefined;
	const match = text === undefined ? null : DATE.exec(text);
	const [year, month, day] = (match?.slice(1, 4) ?? []).map(Number);
	const exists = match !== null && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
	if (!exists) {
		throw new NodeOperationError(ctx.getNode(), `${label} (${name}) must be a date such as 2026-01-31, not ${JSON.stringify(raw)}`, {
			itemIndex,
			description: 'A date as YYYY-MM-DD, or an ISO 8601 date-time whose date is used as written.',
		});
	}
	return text!.slice(0, 10);
}

/**
 * The campaign's figures: `GET /campaigns/{id}/analytics`, or with both dates
 * `GET /campaigns/{id}/analytics-by-date?start_date&end_date`. The answer is passed through with
 * `campaignId`; an answer wrapped as `{ok, data: {...}}` [?] is unwrapped
 * (docs/providers/smartlead.md, "Campaign").
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const campaignId = requireNumericId(this, 'campaignId', 'Campaign', itemIndex);
	const start = readDate(this, 'startDate', 'Start Date', itemIndex);
	const end = readDate(this, 'endDate', 'End Date', itemIndex);
	if ((start === undefined) !== (end === undefined)) {
		const [given, missing] = start === undefined ? ['End Date (endDate)', 'Start Date (startDate)'] : ['Start Date (startDate)', 'End Date (endDate)'];
		throw new NodeOperationError(this.getNode(), `${given} is set but ${missing} is not`, {
			itemIndex,
			description: 'Give both dates for the figures of a period, or neither for the whole campaign.',
		});
	}
	if (start !== undefined && end !== undefined && end < start) {
		throw new NodeOperationError(this.getNode(), `End Date (endDate) ${end} is before Start Date (startDate) ${start}`, { itemIndex });
	}
	const answer =
		start === undefined
			? await send({ method: 'GET', path: apiPath`/campaigns/${campaignId}/analytics` })
			: await send({ method: 'GET', path: apiPath`/campaigns/${campaignId}/analytics-by-date`, qs: { start_date: start, end_date: end } });
	const wrapped = isRecord(answer) && isRecord(answer.data) && Object.keys(answer).every((key) => ['ok', 'success', 'data', 'message'].includes(key));
	return withIds(smartlead, wrapped ? (answer as IDataObject).data : answer, { campaignId: exactId(campaignId) });
}
