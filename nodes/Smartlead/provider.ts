import type { Provider } from '../common/request';

/** What is Smartlead-specific in the request pipeline; the facts are in docs/providers/smartlead.md. */
export const smartlead: Provider = {
	name: 'Smartlead',
	credentialType: 'smartleadOutreachApi',
	// Smartlead's pages name both limits per API key; the pacer holds both at once.
	rateLimits: [
		{ requests: 10, perMs: 2_000 },
		{ requests: 60, perMs: 60_000 },
	],
	// Enough in flight to fill the 2-second window; the pacer holds the limits.
	concurrency: 3,
	// Smartlead answers actions with little more than `{"ok": true}`; a list answer stays whole here.
	listKey: 'response',
};
