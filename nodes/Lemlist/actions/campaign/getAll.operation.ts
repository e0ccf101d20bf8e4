import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { collection, returnAllOrLimit, statusFilter } from '../../../common/descriptions';
import { readCollection } from '../../../common/fields';
import { readLimit, readPages } from '../../../common/paging';
import { isRecord } from '../../../common/records';
import type { Send } from '../../../common/router';

// lemlist's largest page of campaigns; a bigger `limit` is refused.
const PAGE_SIZE = 100;

const sortOrder: INodeProperties = {
	displayName: 'Sort Order',
	name: 'sortOrder',
	type: 'options',
	options: [
		{ name: 'Newest First', value: 'desc' },
		{ name: 'Oldest First', value: 'asc' },
	],
	default: 'desc',
	description: 'The order of the campaigns by creation date',
};

// Sorting has its own collection, as n8n's UX guidelines ask.
const sort = collection('sort', [sortOrder]);

// A named const: `execute` checks the filters against these same options.
const filters = collection('filters', [
	{
		displayName: 'Created By',
		name: 'createdBy',
		type: 'string',
		default: '',
		placeholder: 'e.g. usr_2aBCdEfGHiJkLmNOp',
		description: 'Only campaigns created by this user (usr_…)',
	},
	// lemlist's campaign statuses; a campaign with errors may also be in another status.
	statusFilter(
		[
			{ name: 'Archived', value: 'archived' },
			{ name: 'Draft', value: 'draft' },
			{ name: 'Ended', value: 'ended' },
			{ name: 'Paused', value: 'paused' },
			{ name: 'Running', value: 'running' },
			{ name: 'With Errors', value: 'errors' },
		],
		'running',
		'Only campaigns in this status',
	),
]);

export const properties: INodeProperties[] = [...returnAllOrLimit, filters, sort];

const checks = {
	createdBy: (value: unknown) => (/^usr_\S+$/.test(String(value).trim()) ? undefined : 'must be a user ID starting with "usr_"'),
};

export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const query = { ...readCollection(this, itemIndex, filters, { checks }), ...readCollection(this, itemIndex, sort) };
	if (typeof query.createdBy === 'string') query.createdBy = query.createdBy.trim();
	// createdAt is the only order lemlist sorts on, and it wants it named.
	if (query.sortOrder !== undefined) query.sortBy = 'createdAt';

	return await readPages<number>('lemlist', limit, async (offset = 0, wanted) => {
		const size = Math.min(wanted, PAGE_SIZE);
		const answer = await send({ method: 'GET', path: '/campaigns', qs: { version: 'v2', ...query, offset, limit: size } });
		const { campaigns, pagination } = campaignPage(this, itemIndex, answer);
		return {
			records: campaigns,
			next: hasMore(campaigns.length, size, offset, pagination) ? offset + campaigns.length : undefined,
		};
	});
}

/** A page of campaigns in either shape lemlist answers: v2's `{campaigns, pagination}` or the older bare array. */
function campaignPage(ctx: IExecuteFunctions, itemIndex: number, answer: unknown): { campaigns: IDataObject[]; pagination?: IDataObject } {
	if (Array.isArray(answer)) return { campaigns: answer as IDataObject[] };
	if (isRecord(answer) && Array.isArray(answer.campaigns)) {
		return { campaigns: answer.campaigns as IDataObject[], pagination: isRecord(answer.pagination) ? answer.pagination : undefined };
	}
	throw new NodeOperationError(ctx.getNode(), 'lemlist answered the campaign list with neither a list nor {campaigns}', { itemIndex });
}

/**
 * Whether another page follows: a short page is the last; a full one is the last when lemlist's
 * pagination says so (its record count, or else its next page); a full bare-array page leaves
 * only the next request to tell.
 */
function hasMore(received: number, size: number, offset: number, pagination?: IDataObject): boolean {
	if (received < size) return false;
	if (pagination) {
		const total = Number(pagination.totalRecords);
		if (pagination.totalRecords !== undefined && pagination.totalRecords !== null && Number.isFinite(total)) {
			return offset + received < total;
		}
		if ('nextPage' in pagination) return Boolean(pagination.nextPage);
	}
	return true;
}
