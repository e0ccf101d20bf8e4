import type { Provider } from '../common/request';

/** What is lemlist-specific in the request pipeline; the facts are in docs/providers/lemlist.md. */
export const lemlist: Provider = {
	name: 'lemlist',
	credentialType: 'lemlistOutreachApi',
	// 20 requests per 2 seconds per API key, on every route.
	rateLimits: [{ requests: 20, perMs: 2_000 }],
	// Enough in flight to fill the window at ~150 ms latency; the pacer holds the limit.
	concurrency: 5,
	// Some actions answer one record per campaign the lead is in: one item keeps them under `leads`.
	listKey: 'leads',
	// lemlist answers 500 "Lead in graveyard" for removed leads: no retry changes that.
	isPermanent: (_status, message) => /graveyard/i.test(message),
};
