/**
 * Pacing, 429 waits, back-off and deadlines, on a virtual clock: the pack's real pipeline and
 * router run against an in-memory provider, and every schedule is asserted to the millisecond.
 */
import type { IDataObject } from 'n8n-workflow';

import { lemlist } from '../../nodes/Lemlist/provider';
import { sendKit } from '../../nodes/SendKit/provider';
import { smartlead } from '../../nodes/Smartlead/provider';
import type { Provider } from '../../nodes/common/request';
import { route, type Resources } from '../../nodes/common/router';
import { Pacer } from '../../nodes/common/throttle';
import { seededRandom, VirtualApi, VirtualClock, virtualExecution, type VirtualRequest } from '../harness/virtual-time';

/** One request per item, as every update does. */
const operations: Resources = {
	campaign: {
		update: {
			properties: [],
			execute: async (itemIndex, send) => (await send({ method: 'PATCH', path: `/campaigns/c${itemIndex}`, body: { n: itemIndex } })) as IDataObject,
		},
	},
};

/** A whole-second moment, so that header dates (whole seconds) name exact times. */
const T0 = Date.UTC(2026, 10, 23, 10, 0, 0);

interface RunOptions {
	items?: number;
	options?: IDataObject;
	apiKey?: string;
	credentials?: IDataObject;
	continueOnFail?: boolean;
}

/** Runs the provider's node logic over `items` items against `api`, on `clock`. */
async function execute(clock: VirtualClock, provider: Provider, api: VirtualApi, run: RunOptions = {}) {
	const ctx = virtualExecution({
		api,
		items: run.items ?? 1,
		continueOnFail: run.continueOnFail,
		credentials: { apiKey: run.apiKey ?? 'key-1', baseUrl: 'https://api.test', ...run.credentials },
		parameters: { resource: 'campaign', operation: 'update', options: run.options ?? {} },
	});
	return await route.call(ctx, provider, operations, clock);
}

const sentAt = (requests: VirtualRequest[]) => requests.map((request) => request.sentAt);
const times = (...groups: Array<[at: number, count: number]>) => groups.flatMap(([at, count]) => Array<number>(count).fill(at));

/** The most requests the provider saw arrive within any `perMs`. */
function busiestWindow(requests: VirtualRequest[], perMs: number): number {
	const arrivals = requests.map((request) => request.arrivedAt).sort((a, b) => a - b);
	let most = 0;
	for (let start = 0, end = 0; end < arrivals.length; end++) {
		while (arrivals[end] - arrivals[start] >= perMs) start++;
		most = Math.max(most, end - start + 1);
	}
	return most;
}

describe('pacing under the published limits', () => {
	it('lemlist: request 21 goes out exactly 2 000 ms after the answer to request 1', async () => {
		const clock = new VirtualClock();
		const api = new VirtualApi(clock, { windows: [{ limit: 20, perMs: 2000 }] });
		const [items] = await clock.run(async () => await execute(clock, lemlist, api, { items: 45 }));
		expect(items.map((item) => item.pairedItem)).toEqual(Array.from({ length: 45 }, (_, item) => ({ item })));
		expect(sentAt(api.requests)).toEqual(times([0, 20], [2000, 20], [4000, 5]));
		expect(api.rateLimited).toHaveLength(0);
	});

	it('lemlist with a 150 ms round trip: a place in the window frees 2 000 ms after its answer', async () => {
		const clock = new VirtualClock();
		const api = new VirtualApi(clock, { windows: [{ limit: 20, perMs: 2000 }], there: 100, back: 50 });
		await clock.run(async () => await execute(clock, lemlist, api, { items: 45 }));
		// The first request alone (its answer says whether lemlist reports counters: here it does not),
		// then five at a time (lemlist's concurrency) as answers come in; each place frees a window
		// after its answer: the 21st goes at the 1st answer (150) plus 2 000.
		expect(sentAt(api.requests)).toEqual(
			times([0, 1], [150, 5], [300, 5], [450, 5], [600, 4], [2150, 1], [2300, 5], [2450, 5], [2600, 5], [2750, 4], [4300, 1], [4450, 4]),
		);
		expect(api.rateLimited).toHaveLength(0);
	});

	it('Smartlead: 10 per 2 s and 60 per 60 s at once', async () => {
		const clock = new VirtualClock();
		const api = new VirtualApi(clock, { windows: [{ limit: 10, perMs: 2000 }, { limit: 60, perMs: 60_000 }] });
		await clock.run(async () => await execute(clock, smartlead, api, { items: 75 }));
		expect(sentAt(api.requests)).toEqual([
			...Array.from({ length: 6 }, (_, window) => times([window * 2000, 10])).flat(),
			...times([60_000, 10], [62_000, 5]),
		]);
		expect(api.rateLimited).toHaveLength(0);
	});

	it('SendKit: the rate set in the credential', async () => {
		const clock = new VirtualClock();
		const api = new VirtualApi(clock, { windows: [{ limit: 4, perMs: 1000 }] });
		await clock.run(async () => await execute(clock, sendKit, api, { items: 9, credentials: { maxRequestsPerSecond: 4 } }));
		expect(sentAt(api.requests)).toEqual(times([0, 4], [1000, 4], [2000, 1]));
	});

	it.each([
		['lemlist', lemlist, [{ limit: 20, perMs: 2000 }], 120],
		['Smartlead', smartlead, [{ limit: 10, perMs: 2000 }, { limit: 60, perMs: 60_000 }], 70],
		['SendKit', sendKit, [{ limit: 10, perMs: 1000 }], 120],
	])('%s: however late requests arrive or answers come back, the provider never counts one too many', async (_name, provider, windows, items) => {
		const clock = new VirtualClock();
		const random = seededRandom(items);
		// Each leg takes anywhere from 0 to 800 ms: a machine too busy to keep any timing promise.
		const api = new VirtualApi(clock, { windows, there: () => Math.round(random() * 800), back: () => Math.round(random() * 800) });
		const [output] = await clock.run(async () => await execute(clock, provider, api, { items }));
		expect(output.map((item) => item.json)).toEqual(Array<IDataObject>(items).fill({ ok: true }));
		expect(api.rateLimited).toHaveLength(0);
		for (const window of windows) expect(busiestWindow(api.requests, window.perMs)).toBeLessThanOrEqual(window.limit);
	});

	it('two executions on one key share its limit; another key is paced on its own', async () => {
		const clock = new VirtualClock();
		const shared = new VirtualApi(clock, { windows: [{ limit: 20, perMs: 2000 }] });
		const other = new VirtualApi(clock, { windows: [{ limit: 20, perMs: 2000 }] });
		await clock.run(async () => await Promise.all([
			execute(clock, lemlist, shared, { items: 30 }),
			execute(clock, lemlist, shared, { items: 30 }),
			execute(clock, lemlist, other, { items: 30, apiKey: 'key-2' }),
		]));
		expect(sentAt(shared.requests)).toEqual(times([0, 20], [2000, 20], [4000, 20]));
		expect(sentAt(other.requests)).toEqual(times([0, 20], [2000, 10]));
		expect([...shared.rateLimited, ...other.rateLimited]).toHaveLength(0);
	});
});

describe('429s are waited out exactly as the provider says', () => {
	it.each([
		['Retry-After in seconds', { 'retry-after': '1' }, T0 + 1000],
		['Retry-After as an HTTP date', { 'retry-after': new Date(T0 + 3000).toUTCString() }, T0 + 3000],
		// lemlist's reset date, whole seconds: 1.5 s from now reads as 1 s.
		['X-RateLimit-Reset as a date (lemlist)', { 'x-ratelimit-reset': new Date(T0 + 1500).toString() }, T0 + 1000],
		['X-RateLimit-Reset in Unix seconds (Smartlead)', { 'x-ratelimit-reset': String((T0 + 2000) / 1000) }, T0 + 2000],
	])('%s: the retry goes out at that moment', async (_name, headers, retryAt) => {
		const clock = new VirtualClock(T0);
		const api = new VirtualApi(clock).answer({ status: 429, body: 'Too many requests', headers });
		const [items] = await clock.run(async () => await execute(clock, lemlist, api));
		expect(items[0].json).toEqual({ ok: true });
		expect(sentAt(api.requests)).toEqual([T0, retryAt]);
	});

	it('a 429 holds every item of the key until its wait is over', async () => {
		const clock = new VirtualClock();
		const api = new VirtualApi(clock, { there: 10, back: 10 }).answer({ status: 429, headers: { 'retry-after': '2' } });
		await clock.run(async () => await execute(clock, lemlist, api, { items: 8 }));
		// The first request goes out alone; its 429 (answered at 20) holds every item until 2 020.
		expect(sentAt(api.requests)).toEqual(times([0, 1], [2020, 5], [2040, 3]));
	});

	it('gives up at once on a wait longer than Max Wait per Item, without a second request', async () => {
		const clock = new VirtualClock();
		const api = new VirtualApi(clock).answer({ status: 429, body: 'Too many requests', headers: { 'retry-after': '30' } });
		const [items] = await clock.run(async () => await execute(clock, lemlist, api, { continueOnFail: true, options: { maxWaitSeconds: 5 } }));
		expect(items[0].json).toMatchObject({ error: 'lemlist answered 429: Too many requests', httpCode: '429' });
		expect(api.requests).toHaveLength(1);
		expect(clock.now()).toBe(0);
	});
});

describe('transient failures back off, within the deadline', () => {
	beforeEach(() => jest.spyOn(Math, 'random').mockReturnValue(0.5));
	afterEach(() => jest.restoreAllMocks());

	it('retries a 502 and a reset connection after 375 and 750 ms (half to all of 500 ms, doubling)', async () => {
		const clock = new VirtualClock();
		const api = new VirtualApi(clock).answer({ status: 502, body: 'Bad gateway' }, { throw: 'ECONNRESET' });
		const [items] = await clock.run(async () => await execute(clock, lemlist, api));
		expect(items[0].json).toEqual({ ok: true });
		expect(sentAt(api.requests)).toEqual([0, 375, 1125]);
	});

	it('no item is retried after the deadline', async () => {
		const clock = new VirtualClock();
		const api = new VirtualApi(clock).answer(...Array(10).fill({ status: 503, body: 'Unavailable' }));
		const [items] = await clock.run(async () => await execute(clock, lemlist, api, { continueOnFail: true, options: { maxWaitSeconds: 1 } }));
		// The third attempt would wait until 1 125, past the 1 000 ms deadline: the item fails at 375.
		expect(sentAt(api.requests)).toEqual([0, 375]);
		expect(items[0].json).toMatchObject({ error: 'lemlist answered 503: Unavailable', httpCode: '503' });
		expect(String(items[0].json.description)).toContain('after 2 attempts');
		expect(clock.now()).toBe(375);
	});

	it('stops after Max Retries', async () => {
		const clock = new VirtualClock();
		const api = new VirtualApi(clock).answer(...Array(10).fill({ status: 500, body: 'Oops' }));
		await clock.run(async () => await execute(clock, lemlist, api, { continueOnFail: true, options: { maxRetries: 3 } }));
		expect(sentAt(api.requests)).toEqual([0, 375, 1125, 2625]);
	});
});

describe('Pacer', () => {
	const acquireAll = async (clock: VirtualClock, pacer: Pacer, count: number, answerAfter: number) => {
		const sent: number[] = [];
		await clock.run(async () => {
			await Promise.all(Array.from({ length: count }, async () => {
				const release = await pacer.acquire();
				sent.push(clock.now());
				await clock.sleep(answerAfter);
				release();
			}));
		});
		return sent;
	};

	it('a place stays taken while its request is in flight, and a window after its answer', async () => {
		const clock = new VirtualClock();
		const sent = await acquireAll(clock, new Pacer([{ requests: 3, perMs: 1000 }], clock), 7, 400);
		// The first alone (no answer has said yet whether the provider reports counters).
		expect(sent).toEqual([0, 400, 400, 1400, 1800, 1800, 2800]);
	});

	it('holds everyone during a pause', async () => {
		const clock = new VirtualClock();
		const pacer = new Pacer([{ requests: 100, perMs: 1000 }], clock);
		pacer.pauseUntil(250);
		expect(await acquireAll(clock, pacer, 2, 0)).toEqual([250, 250]);
	});
});
