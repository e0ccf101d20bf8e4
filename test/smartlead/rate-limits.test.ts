import { runNode } from '../../sandbox/engine';
import { json } from '../../sandbox/providers/http-mock';
import { startSmartleadMock } from '../../sandbox/providers/smartlead';
import { smartlead } from '../../nodes/Smartlead/provider';
import { SMARTLEAD, campaign, useSmartlead } from './smartlead-env';

const defaults = { resource: 'campaign', operation: 'update', campaignId: campaign(101), updateFields: { name: 'Renamed' } };
const { env, run } = useSmartlead(defaults);
const rateLimited = (headers: Record<string, string>) =>
	json(429, { error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded', retry_after: 1 } }, headers);

describe('Smartlead: pacing under both windows', () => {
	it('paces every key at Smartlead\'s two published windows at once: 10 per 2 s and 60 per 60 s', () => {
		// Fixed in the node (not read from the credential); the 60-second window is held by the same
		// pacer as the 2-second one, which the next test watches on the wire.
		expect(smartlead.rateLimits).toEqual([
			{ requests: 10, perMs: 2000 },
			{ requests: 60, perMs: 60000 },
		]);
	});

	it('sends 15 items in no less than 2 seconds, never more than 10 in any 2 seconds, without a single 429', async () => {
		const items = Array.from({ length: 15 }, (_, index) => ({ name: `Campaign ${index}` }));
		const started = Date.now();
		const { items: output, error } = await run({ parameters: { updateFields: { name: '={{ $json.name }}' } }, items });
		expect(error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
		expect(output.map((item) => [item.json, item.pairedItem])).toEqual(items.map((_, item) => [{ ok: true, campaignId: 101 }, { item }]));
		expect(env.mock.rateLimited).toHaveLength(0);
		const times = env.mock.requests.map((request) => request.at);
		expect(times).toHaveLength(15); // one request per item: nothing answered 429, nothing resent
		for (let index = 10; index < times.length; index++) {
			expect(times[index] - times[index - 10]).toBeGreaterThanOrEqual(2000);
		}
		expect(new Set(env.mock.requests.map((request) => (request.body as { name: string }).name)).size).toBe(15);
	}, 20_000);
});

describe('Smartlead: 429s are waited out and retried', () => {
	it('waits as long as Retry-After says', async () => {
		env.mock.inject(rateLimited({ 'Retry-After': '1' }));
		const { items, error } = await run();
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { ok: true, campaignId: 101 }, pairedItem: { item: 0 } }]);
		expect(env.mock.requests).toHaveLength(2);
		expect(env.mock.requests[1].at - env.mock.requests[0].at).toBeGreaterThanOrEqual(950);
	});

	it('waits until X-RateLimit-Reset (Unix seconds) when there is no Retry-After', async () => {
		const reset = Math.floor(Date.now() / 1000) + 2;
		env.mock.inject(rateLimited({ 'X-RateLimit-Reset': String(reset) }));
		const { items, error } = await run();
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ ok: true, campaignId: 101 });
		expect(env.mock.requests).toHaveLength(2);
		// The reset has whole-second precision: the retry comes at or just after it.
		expect(env.mock.requests[1].at).toBeGreaterThanOrEqual(reset * 1000 - 50);
	});

	it.each([
		['Retry-After and X-RateLimit-Reset', true],
		['X-RateLimit-Reset only', false],
	])(
		'with a server stricter than the node\'s pacing (%s), every item still goes through once, in order',
		async (_label, retryAfterHeader) => {
			// Smaller windows than Smartlead's: the node's pacing (fixed at 10/2 s + 60/60 s) runs into them.
			const strict = await startSmartleadMock({ windows: [{ limit: 4, perMs: 1000 }, { limit: 8, perMs: 3000 }], retryAfterHeader });
			try {
				const items = Array.from({ length: 10 }, (_, index) => ({ name: `Strict ${index}` }));
				const { items: output, error } = await runNode({
					type: SMARTLEAD,
					credentials: { smartleadOutreachApi: { apiKey: strict.apiKey, baseUrl: strict.url } },
					items,
					parameters: { ...defaults, updateFields: { name: '={{ $json.name }}' } } as never,
				});
				expect(error).toBeUndefined();
				expect(output.map((item) => [item.json, item.pairedItem])).toEqual(items.map((_, item) => [{ ok: true, campaignId: 101 }, { item }]));
				expect(strict.rateLimited.length).toBeGreaterThan(0);
				expect(strict.requests).toHaveLength(items.length + strict.rateLimited.length);
				const accepted = strict.requests.filter((request) => !strict.rateLimited.includes(request));
				expect(accepted.map((request) => (request.body as { name: string }).name).sort()).toEqual(items.map((item) => item.name).sort());
				const times = accepted.map((request) => request.at);
				for (let index = 4; index < times.length; index++) expect(times[index] - times[index - 4]).toBeGreaterThanOrEqual(1000);
				for (let index = 8; index < times.length; index++) expect(times[index] - times[index - 8]).toBeGreaterThanOrEqual(3000);
			} finally {
				await strict.close();
			}
		},
		30_000,
	);
});
