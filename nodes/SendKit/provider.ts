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

export const sendKit: Provider = {
	name: 'SendKit',
	credentialType: 'sendKitOutreachApi',
	rateLimits: (credentials) => [{ requests: requestsPerSecond(credentials), perMs: 1_000 }],
	concurrency: 5,
	// Every success is `{ success: true, data }`: items carry `data`.
	unwrap: (body) => (isRecord(body) && 'data' in body ? body.data : body),
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

export interface CampaignPage {
	campaigns: Array<{ _id: string; name?: string; status?: string }>;
	/** What to send for the next page, or undefined on the last one. */
	next?: { cursor: string } | { page: number };
}

/**
 * One page of `GET /v1/campaigns`. We read `pagination.nextCursor` / `hasMore` [inferred from the
 * `cursor` parameter]; the docs' older example answers `pagination: {page, pages}`, read as well.
 */
export function readCampaignPage(answer: unknown): CampaignPage {
	const envelope = isRecord(answer) ? answer : {};
	const data = Array.isArray(answer) ? answer : envelope.data;
	const campaigns = (Array.isArray(data) ? data : []) as CampaignPage['campaigns'];
	const pagination = isRecord(envelope.pagination) ? envelope.pagination : {};
	const nextCursor = pagination.nextCursor ?? envelope.nextCursor;
	if (typeof nextCursor === 'string' && nextCursor !== '' && pagination.hasMore !== false) {
		return { campaigns, next: { cursor: nextCursor } };
	}
	const page = Number(pagination.page);
	const pages = Number(pagination.pages);
	if (Number.isInteger(page) && Number.isInteger(pages) && page < pages) {
		return { campaigns, next: { page: page + 1 } };
	}
	return { campaigns };
}

/** The names of the workspace's AI tag labels from `GET /v1/tags` (`name` per tag [inferred]). */
export function readTagNames(data: unknown): string[] {
	const list = Array.isArray(data) ? data : isRecord(data) && Array.isArray(data.tags) ? data.tags : [];
	const names = list
		.map((tag) => (typeof tag === 'string' ? tag : isRecord(tag) ? (tag.name ?? tag.label) : undefined))
		.filter((name): name is string => typeof name === 'string' && name.trim() !== '');
	return [...new Set(names)];
}
