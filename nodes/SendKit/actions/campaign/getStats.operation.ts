import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireId } from '../../../common/fields';
import { withIds } from '../../../common/items';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { campaign } from '../../parameters';
import { dataOf, sendKit } from '../../provider';

export const properties: INodeProperties[] = [
	campaign,
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2025-06-01',
		description: 'Only emails sent from this day on count (an ISO date, sent as `from`); leave empty for no lower bound',
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2025-06-30',
		description: 'Only emails sent up to this day count (an ISO date, sent as `to`); leave empty for no upper bound',
	},
];

/** Simplify keeps the campaign and its sending figures. */
export const simplified = [
	'campaignId',
	'campaign.name',
	'campaign.status',
	'stats.sent',
	'stats.delivered',
	'stats.opened',
	'stats.clicked',
	'stats.replied',
	'stats.bounced',
	'stats.unsubscribed',
];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Whether `text` is an ISO 8601 date (or date and time) that names a real day. */
function isIsoDate(text: string): boolean {
	const match = ISO_DATE.exec(text);
	if (!match) return false;
	const [year, month, day, hours = '0', minutes = '0', seconds = '0'] = match.slice(1);
	const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
	return (
		date.getUTCFullYear() === Number(year) &&
		date.getUTCMonth() === Number(month) - 1 &&
		date.getUTCDate() === Number(day) &&
		Number(hours) < 24 &&
		Number(minutes) < 60 &&
		Number(seconds) < 60
	);
}

/** An optional date parameter: empty is "not set", anything else must be an ISO date. */
function readDate(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string): string | undefined {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return undefined;
	const text = typeof raw === 'string' ? raw.trim() : undefined;
	if (text === undefined || !isIsoDate(text)) {
		const shown = JSON.stringify(raw);
		throw new NodeOperationError(
			ctx.getNode(),
			`${label} (${name}) must be an ISO date such as 2025-06-01, not ${shown.length > 60 ? `${shown.slice(0, 60)}…` : shown}`,
			{ itemIndex },
		);
	}
	return text;
}

/**
 * `GET /v1/campaigns/{id}/analytics?from&to` [docs]: the campaign's figures (stats, steps, lead
 * statuses, replies), all-time unless a date is given, with the campaign's ID added.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const campaignId = requireId(this, 'campaignId', 'Campaign', itemIndex);
	const from = readDate(this, itemIndex, 'startDate', 'Start Date');
	const to = readDate(this, itemIndex, 'endDate', 'End Date');
	if (from !== undefined && to !== undefined && Date.parse(from.slice(0, 10)) > Date.parse(to.slice(0, 10))) {
		throw new NodeOperationError(this.getNode(), `Start Date (startDate) ${from} is after End Date (endDate) ${to}`, { itemIndex });
	}
	const qs: IDataObject = {};
	if (from !== undefined) qs.from = from;
	if (to !== undefined) qs.to = to;
	const answer = await send({ method: 'GET', path: apiPath`/v1/campaigns/${campaignId}/analytics`, ...(Object.keys(qs).length ? { qs } : {}) });
	return withIds(sendKit, dataOf(answer), { campaignId });
}
