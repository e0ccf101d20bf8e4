import type { IDataObject } from 'n8n-workflow';

import type { Provider } from '../common/request';

/**
 * What is SendKit-specific in the request pipeline (facts from shared/reference/sendkit.md).
 * SendKit publishes less than the other providers: everything marked [inferred] below is our
 * reading, kept here so that it changes in one place when SendKit says otherwise.
 */

/** Platform keys (`sk_user_…`) act for a user and need the workspace named in `X-Workspace-Id`. */
export const PLATFORM_KEY_PREFIX = 'sk_user_';

export const isPlatformKey = (apiKey: unknown) => String(apiKey ?? '').trim().startsWith(PLATFORM_KEY_PREFIX);

/** SendKit publishes no rate limit [inferred default]; the credential may change it. */
export const DEFAULT_REQUESTS_PER_SECOND = 10;

function requestsPerSecond(credentials: IDataObject): number {
	const value = Number(credentials.maxRequestsPerSecond);
	return Number.isFinite(value) && value >= 1 ? Math.floor(value) : DEFAULT_REQUESTS_PER_SECOND;
}

const isRecord = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** `data` of SendKit's `{ success, data }`: what an item carries. */
export const dataOf = (body: unknown): unknown => (isRecord(body) && 'data' in body ? body.data : body);

export const sendKit: Provider = {
	name: 'SendKit',
	credentialType: 'sendKitOutreachApi',
	rateLimits: (credentials) => [{ requests: requestsPerSecond(credentials), perMs: 1_000 }],
	limitsFromCounters: true,
	concurrency: 5,
	// Every success is `{ success: true, data }`: items carry `data`.
	unwrap: dataOf,
	checkCredentials: (credentials) => {
		if (isPlatformKey(credentials.apiKey) && String(credentials.workspaceId ?? '').trim() === '') {
			return 'This SendKit credential holds a platform API key (sk_user_…), which needs a Workspace ID: add the Workspace ID to the credential, or use a workspace API key (sk_…) instead';
		}
		return undefined;
	},
};

/** The same pipeline without unwrapping, for answers whose envelope carries more than `data`. */
export const sendKitEnvelope: Provider = { ...sendKit, unwrap: undefined };

/**
 * `schedule.workingDays` as numbers; the docs show Monday–Friday as [1, 2, 3, 4, 5], which we
 * read as JavaScript's day numbers, Sunday = 0 [inferred].
 */
export const WORKING_DAYS: Array<{ name: string; value: number }> = [
	{ name: 'Sunday', value: 0 },
	{ name: 'Monday', value: 1 },
	{ name: 'Tuesday', value: 2 },
	{ name: 'Wednesday', value: 3 },
	{ name: 'Thursday', value: 4 },
	{ name: 'Friday', value: 5 },
	{ name: 'Saturday', value: 6 },
];

/** Campaigns per page in the picker (SendKit's maximum is not published [inferred]). */
export const CAMPAIGN_PAGE_SIZE = 50;

/** The most records SendKit's list endpoints answer per request (`limit` 1–100) [docs]. */
export const MAX_PAGE_SIZE = 100;

/** What to send for the next page: a cursor, or (the older answer shape) a page number. */
export type NextPage = { cursor: string } | { page: number };

export interface ListPage {
	records: IDataObject[];
	/** Absent on the last page. */
	next?: NextPage;
}

const nonEmptyText = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value : undefined;

/**
 * One page of a SendKit list (`GET /v1/campaigns`, `GET /v1/campaigns/{id}/leads`), read
 * tolerantly because the name of the next-page field is not published [?]: a cursor in
 * `pagination.nextCursor` (or `next_cursor`, or beside `data`) unless `hasMore` is false; `hasMore`
 * true without a cursor means "continue after the last `_id`" (the cursor SendKit's examples pass
 * is a record's ObjectId); the docs' older example answers `pagination: {page, pages}`, which
 * decides alone when present. Anything else is the last page.
 */
export function readListPage(answer: unknown): ListPage {
	const envelope = isRecord(answer) ? answer : {};
	const data = Array.isArray(answer) ? answer : envelope.data;
	const records = (Array.isArray(data) ? data : []).filter(isRecord);
	const pagination = isRecord(envelope.pagination) ? envelope.pagination : {};
	const hasMore = pagination.hasMore ?? envelope.hasMore;
	const nextCursor =
		nonEmptyText(pagination.nextCursor) ??
		nonEmptyText(pagination.next_cursor) ??
		nonEmptyText(envelope.nextCursor) ??
		nonEmptyText(envelope.next_cursor);
	if (nextCursor !== undefined && hasMore !== false) return { records, next: { cursor: nextCursor } };
	const page = Number(pagination.page);
	const pages = Number(pagination.pages);
	if (Number.isInteger(page) && Number.isInteger(pages)) return page < pages ? { records, next: { page: page + 1 } } : { records };
	const lastId = nonEmptyText(records[records.length - 1]?._id);
	if (hasMore === true && lastId !== undefined) return { records, next: { cursor: lastId } };
	return { records };
}

export interface CampaignPage {
	campaigns: Array<{ _id: string; name?: string; status?: string }>;
	/** What to send for the next page, or undefined on the last one. */
	next?: NextPage;
}

/** One page of `GET /v1/campaigns`, for the picker. */
export function readCampaignPage(answer: unknown): CampaignPage {
	const { records, next } = readListPage(answer);
	return { campaigns: records as unknown as CampaignPage['campaigns'], next };
}

/**
 * The email address of a campaign-lead record: the list populates `leadId` with the lead
 * (`leadId.email`) [docs]; a flat `email` or a `lead.email` is read as well [inferred].
 */
export function emailOfCampaignLead(record: IDataObject): string | undefined {
	const lead = isRecord(record.leadId) ? record.leadId : isRecord(record.lead) ? record.lead : {};
	return nonEmptyText(lead.email) ?? nonEmptyText(record.email);
}

/** The names of the workspace's AI tag labels from `GET /v1/tags` (`name` per tag [inferred]). */
export function readTagNames(data: unknown): string[] {
	const list = Array.isArray(data) ? data : isRecord(data) && Array.isArray(data.tags) ? data.tags : [];
	const names = list
		.map((tag) => (typeof tag === 'string' ? tag : isRecord(tag) ? (tag.name ?? tag.label) : undefined))
		.filter((name): name is string => typeof name === 'string' && name.trim() !== '');
	return [...new Set(names)];
}

export { withIds } from '../common/items';
