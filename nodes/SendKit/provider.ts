import type { Provider, ProviderCredentials } from '../common/request';
import { isRecord } from '../common/records';

/**
 * What is SendKit-specific in the request pipeline; the facts are in docs/providers/sendkit.md.
 * SendKit publishes less than the other providers: what is marked [inferred] is our reading, kept
 * here so that it changes in one place when SendKit says otherwise.
 */

/** Platform keys (`sk_user_…`) act for a user and need the workspace named in `X-Workspace-Id`. */
export const PLATFORM_KEY_PREFIX = 'sk_user_';

export const isPlatformKey = (apiKey: unknown) => String(apiKey ?? '').trim().startsWith(PLATFORM_KEY_PREFIX);

/** SendKit publishes no rate limit [inferred]; the credential may change it. */
export const DEFAULT_REQUESTS_PER_SECOND = 10;

function requestsPerSecond(credentials: ProviderCredentials): number {
	const value = Number(credentials.maxRequestsPerSecond);
	return Number.isFinite(value) && value >= 1 ? Math.floor(value) : DEFAULT_REQUESTS_PER_SECOND;
}

/**
 * `data` of SendKit's `{ success, data }`: what an item carries. The pipeline hands every provider
 * the whole answer; SendKit's lists page by the fields beside `data`, its other answers are read here.
 */
export const dataOf = (body: unknown): unknown => (isRecord(body) && 'data' in body ? body.data : body);

export const sendKit: Provider = {
	name: 'SendKit',
	credentialType: 'sendKitOutreachApi',
	rateLimits: (credentials) => [{ requests: requestsPerSecond(credentials), perMs: 1_000 }],
	limitsFromCounters: true,
	concurrency: 5,
	listKey: 'response',
	checkCredentials: (credentials) => {
		if (isPlatformKey(credentials.apiKey) && String(credentials.workspaceId ?? '').trim() === '') {
			return 'This SendKit credential holds a platform API key (sk_user_…), which needs a Workspace ID: add the Workspace ID to the credential, or use a workspace API key (sk_…) instead';
		}
		return undefined;
	},
};
