/**
 * Pacing that follows the provider's own counters (X-RateLimit-Limit/Remaining/Reset), on a virtual
 * clock: one process reaches the limit without losing a round trip per window, several processes
 * on one key (n8n's queue mode: a pacer each) settle on the limit together with few 429s, and
 * SendKit's counters set its pace above the credential's fallback.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Clock } from '../../nodes/common/clock';
import { lemlist } from '../../nodes/Lemlist/provider';
import { sendKit } from '../../nodes/SendKit/provider';
import { smartlead } from '../../nodes/Smartlead/provider';
import type { Provider } from '../../nodes/common/request';
import { route, type Resources } from '../../nodes/common/router';
import { readCounters } from '../../nodes/common/throttle';
import { seededRandom, VirtualApi, VirtualClock, virtualExecution, type VirtualRequest } from '../harness/virtual-time';

/** Counters name moments in Unix milliseconds: the clock starts at a real one. */
const T0 = Date.UTC(2026, 11, 2, 10, 0, 0);

/**
 * One more n8n process on the same clock: a clock object of its own gets a pacer of its own, as
 * each worker has in queue mode.
 */
const processOn = (clock: VirtualClock): Clock => ({ now: () => clock.now(), sleep: async (ms) => await clock.sleep(ms) });

interface Outcome {
	succeeded: number;
	requests: VirtualRequest[];
	rateLimited: number;
	seconds: number;
}

/**
 * `processes` n8n processes on one key, each running 4 executions of `items / 4` items at once
 * (`items` per process), against `api`; returns what the provider saw.
 */
async function runShared(clock: VirtualClock, provider: Provider, api: VirtualApi, processes: number, items: number, credentials: IDataObject = {}): Promise<Outcome> {
	return await runUneven(clock, provider, api, Array<number>(processes).fill(4), items / 4, credentials);
}

/**
 * Processes on one key with the executions each runs at once (`executions[p]` of `items` items),
 * process p starting `starts[p]` ms in: each request's path names its process (`/p<process>/…`),
 * so what each sent can be told apart.
 */
async function runUneven(
	clock: VirtualClock,
	provider: Provider,
	api: VirtualApi,
	executions: number[],
	items: number,
	credentials: IDataObject = {},
	starts: number[] = [],
): Promise<Outcome> {
	const started = clock.now();
	const tagged = (process: number): Resources => ({
		campaign: {
			update: {
				properties: [],
				execute: async (itemIndex, send) => (await send({ method: 'PATCH', path: `/p${process}/c${itemIndex}`, body: {} })) as IDataObject,
			},
		},
	});
	const results = await clock.run(async () =>
		await Promise.all(executions.map(async (count, process) => {
			await clock.sleep(starts[process] ?? 0);
			const own = processOn(clock);
			return await Promise.all(Array.from({ length: count }, async () => {
				const ctx = virtualExecution({
					api,
					items,
					continueOnFail: true,
					credentials: { apiKey: 'key-1', baseUrl: 'https://api.test', ...credentials },
					parameters: { resource: 'campaign', operation: 'update', options: {} },
				});
				return await route.call(ctx, provider, tagged(process), own);
			}));
		})),
	);
	const outputs = results.flat(2).flat();
	return {
		succeeded: outputs.filter((item) => !('error' in item.json)).length,
		requests: api.requests,
		rateLimited: api.rateLimited.length,
		seconds: (clock.now() - started) / 1000,
	};
}

/** Successful requests over what the provider's windows admit in the run's time. */
function ceilingRatio(outcome: Outcome, windows: Array<{ limit: number; perMs: number }>): number {
	const allowance = Math.min(...windows.map((w) => w.limit * Math.ceil((outcome.seconds * 1000) / w.perMs)));
	return outcome.succeeded / allowance;
}

/** 150 ms round trips, with up to `jitter` ms more on each leg, the same every run. */
function network(jitter: number) {
	const random = seededRandom(7);
	return { there: () => 5 + random() * jitter, back: () => 145 + random() * jitter };
}

const LEMLIST = [{ limit: 20, perMs: 2000 }];
const SMARTLEAD = [
	{ limit: 10, perMs: 2000 },
	{ limit: 60, perMs: 60_000 },
];

describe('one process following the counters', () => {
	it('lemlist: 2,000 items at ≥ 0.95 of the limit with 150–230 ms round trips, no 429 (< 0.94 without counters)', async () => {
		let clock = new VirtualClock(T0);
		const following = await runShared(clock, lemlist, new VirtualApi(clock, { windows: LEMLIST, counters: true, ...network(40) }), 1, 2000);
		clock = new VirtualClock(T0);
		const blind = await runShared(clock, lemlist, new VirtualApi(clock, { windows: LEMLIST, ...network(40) }), 1, 2000);

		expect(following.succeeded).toBe(2000);
		expect(following.rateLimited).toBe(0);
		expect(ceilingRatio(following, LEMLIST)).toBeGreaterThanOrEqual(0.95);
		// Without counters a place is held a window after the answer: one round trip lost per window.
		expect(blind.rateLimited).toBe(0);
		expect(ceilingRatio(blind, LEMLIST)).toBeLessThan(0.94);
	});

	it('spreads its sends over the window: 100 ms apart for 20 per 2 s, a place freed 2 020 ms after its send', async () => {
		const clock = new VirtualClock(T0);
		const api = new VirtualApi(clock, { windows: LEMLIST, counters: true, there: 0, back: 150 });
		await runShared(clock, lemlist, api, 1, 44);
		const sent = api.requests.map((request) => request.sentAt - T0);
		// The first alone; once its answer (150) shows counters, one every 100 ms (the second at 150 is
		// late on that schedule: the third catches up half a gap); request 21 takes the place of
		// request 1, 2 020 ms after its send (the window plus 1 % for a quicker way back).
		expect(sent.slice(0, 5)).toEqual([0, 150, 200, 300, 400]);
		expect(sent[20]).toBe(2020);
		expect(sent[40]).toBe(4040);
	});
});

describe('several processes on one key (queue mode)', () => {
	// Every process holds whole places, all of them together one fewer than the limit.
	it.each([
		[2, 0, 0.9],
		[2, 40, 0.9],
		[3, 0, 0.9],
	])('lemlist, %i processes, jitter %i ms: all items, 429s ≤ 2 %%, ≥ %f of the limit', async (processes, jitter, least) => {
		const clock = new VirtualClock(T0);
		const api = new VirtualApi(clock, { windows: LEMLIST, counters: true, ...network(jitter) });
		const outcome = await runShared(clock, lemlist, api, processes, 400);
		expect(outcome.succeeded).toBe(400 * processes);
		expect(outcome.rateLimited / outcome.requests.length).toBeLessThanOrEqual(0.02);
		expect(ceilingRatio(outcome, LEMLIST)).toBeGreaterThanOrEqual(least);
	});

	it('without counters, two processes each pace to the full limit: the provider refuses about half', async () => {
		const clock = new VirtualClock(T0);
		const api = new VirtualApi(clock, { windows: LEMLIST, ...network(0) });
		const outcome = await runShared(clock, lemlist, api, 2, 400);
		expect(outcome.rateLimited / outcome.requests.length).toBeGreaterThan(0.2);
	});

	it('Smartlead, 2 processes under 10 per 2 s and 60 per 60 s: all items, 429s ≤ 2 %', async () => {
		const clock = new VirtualClock(T0);
		const api = new VirtualApi(clock, { windows: SMARTLEAD, counters: true, ...network(20) });
		const outcome = await runShared(clock, smartlead, api, 2, 232);
		expect(outcome.succeeded).toBe(464);
		expect(outcome.rateLimited / outcome.requests.length).toBeLessThanOrEqual(0.02);
		expect(ceilingRatio(outcome, SMARTLEAD)).toBeGreaterThanOrEqual(0.9);
	});
});

/**
 * The targets for 2, 3 and 4 processes on one key (n8n's queue mode with that many
 * workers): every item, at least 0.9 of what the provider's windows admit in the run's time, at
 * most 1 % of requests answered 429. The same work each time (lemlist 1,200 items, Smartlead 288,
 * SendKit 2,400, split over the processes, 4 executions each), 20 ms of jitter on each leg.
 */
describe('2, 3 and 4 processes on one key: ≥ 0.9 of the limit, ≤ 1 % 429s, every item', () => {
	const SENDKIT = [{ limit: 20, perMs: 1000 }];
	const cases: Array<[string, Provider, Array<{ limit: number; perMs: number }>, number, IDataObject]> = [
		['lemlist', lemlist, LEMLIST, 1200, {}],
		['Smartlead', smartlead, SMARTLEAD, 288, {}],
		// The credential's fallback is 5 per second: only the counters bring it to 20.
		['SendKit', sendKit, SENDKIT, 2400, { maxRequestsPerSecond: 5, workspaceId: '' }],
	];

	it.each(cases.flatMap(([name, provider, windows, total, credentials]) => [2, 3, 4].map((processes) => [name, processes, provider, windows, total, credentials] as const)))(
		'%s, %i processes',
		async (_name, processes, provider, windows, total, credentials) => {
			const clock = new VirtualClock(T0);
			const api = new VirtualApi(clock, { windows, counters: true, ...network(20) });
			const outcome = await runShared(clock, provider, api, processes, total / processes, credentials);
			expect(outcome.succeeded).toBe(total);
			expect(outcome.rateLimited / outcome.requests.length).toBeLessThanOrEqual(0.01);
			expect(ceilingRatio(outcome, windows)).toBeGreaterThanOrEqual(0.9);
		},
	);

	it.each([3, 4])('lemlist, %i processes without jitter: the same targets', async (processes) => {
		const clock = new VirtualClock(T0);
		const api = new VirtualApi(clock, { windows: LEMLIST, counters: true, ...network(0) });
		const outcome = await runShared(clock, lemlist, api, processes, 1200 / processes);
		expect(outcome.succeeded).toBe(1200);
		expect(outcome.rateLimited / outcome.requests.length).toBeLessThanOrEqual(0.01);
		expect(ceilingRatio(outcome, LEMLIST)).toBeGreaterThanOrEqual(0.9);
	});

	it('4 processes on lemlist: after the first windows, no window of the provider holds more than 20', async () => {
		const clock = new VirtualClock(T0);
		const api = new VirtualApi(clock, { windows: LEMLIST, counters: true, ...network(20) });
		await runShared(clock, lemlist, api, 4, 300);
		const counted = api.requests.filter((request) => request.status === 200).map((request) => request.arrivedAt);
		const settled = counted.filter((at) => at > T0 + 10_000);
		const fullest = Math.max(...settled.map((at) => counted.filter((other) => other > at - 2000 && other <= at).length));
		expect(fullest).toBeLessThanOrEqual(20);
		// The 429s there were came in the first windows, while the processes found each other.
		expect(api.rateLimited.every((request) => request.arrivedAt < T0 + 10_000)).toBe(true);
	});
});

/**
 * Work is seldom spread evenly over n8n's workers: one finishes while another still has most of
 * its items. The one left must take the places of the one that finished soon, not a minute later.
 */
describe('uneven work: the places of a process that finished', () => {
	// The free places are first seen a window and a bit after the last request (every answer of a
	// whole window shows 4 or more free), and taken as the newest answer shows them: 18 of 20 in the
	// window that ends 5 s after (13 when the whole window's fullest answer set the amount).
	it('lemlist, 2 processes with 3 and 7 executions: 5 s after the first one\'s last request the other sends 18 per 2 s, 6 s after 19', async () => {
		const clock = new VirtualClock(T0);
		const api = new VirtualApi(clock, { windows: LEMLIST, counters: true, ...network(20) });
		await runUneven(clock, lemlist, api, [3, 7], 60);
		const counted = (process: number) => api.requests.filter((request) => request.url.includes(`/p${process}/`) && request.status === 200).map((request) => request.arrivedAt);
		expect(counted(0)).toHaveLength(180);
		expect(counted(1)).toHaveLength(420);
		const finished = Math.max(...counted(0));
		// The second process's count in the 2-second windows that end 2, 3, … 6 s after that.
		const windows = [2, 3, 4, 5, 6].map((end) => counted(1).filter((at) => at > finished + (end - 2) * 1000 && at <= finished + end * 1000).length);
		expect(windows[3]).toBeGreaterThanOrEqual(18);
		expect(windows[4]).toBeGreaterThanOrEqual(19);
		expect(api.rateLimited.length).toBeLessThanOrEqual(6);
	});

	// bench:queue's Smartlead job (10 executions of 29 items) as n8n spread it over 2, 3 and 4
	// workers. Under 60 a minute, those that finish early leave their part of the minute to those
	// still at work: the 290 requests go out within five minutes (a sixth would make it 0.806).
	it.each([[[5, 5]], [[3, 4, 3]], [[2, 3, 3, 2]], [[3, 3, 2, 2]]])(
		'Smartlead, executions %j of 29 items: every item, ≥ 0.9 of the limit, ≤ 1 %% 429s',
		async (executions) => {
			const clock = new VirtualClock(T0);
			const api = new VirtualApi(clock, { windows: SMARTLEAD, counters: true, ...network(20) });
			const outcome = await runUneven(clock, smartlead, api, executions, 29);
			expect(outcome.succeeded).toBe(290);
			expect(outcome.rateLimited / outcome.requests.length).toBeLessThanOrEqual(0.01);
			expect(ceilingRatio(outcome, SMARTLEAD)).toBeGreaterThanOrEqual(0.9);
		},
	);

	// bench:queue's add job on 4 workers: 25 executions of one request each (400 leads a request),
	// all at once. The processes find each other within their first requests; none is refused.
	it('Smartlead, 4 processes with 6, 7, 6 and 6 one-request executions at once: no 429', async () => {
		const clock = new VirtualClock(T0);
		const api = new VirtualApi(clock, { windows: SMARTLEAD, counters: true, ...network(20) });
		const outcome = await runUneven(clock, smartlead, api, [6, 7, 6, 6], 1);
		expect(outcome.succeeded).toBe(25);
		expect(outcome.rateLimited).toBe(0);
	});

	// The same job on 2 workers, the second starting 800 ms later: each one's first answer shows
	// one request that is not its own, and a process with nothing else on the way cannot owe that
	// to the order of arrival. Taken for the other worker, it keeps both from sending a window each.
	it('Smartlead, 2 processes with 12 and 13 one-request executions, 800 ms apart: no 429', async () => {
		const clock = new VirtualClock(T0);
		const api = new VirtualApi(clock, { windows: SMARTLEAD, counters: true, ...network(20) });
		const outcome = await runUneven(clock, smartlead, api, [12, 13], 1, {}, [0, 800]);
		expect(outcome.succeeded).toBe(25);
		expect(outcome.rateLimited).toBe(0);
	});

	// Answers 400–500 ms on their way back (a loaded n8n): a process that found itself alone sends
	// its next request before the last one is answered, so one request of the other worker in an
	// answer could be its own sends arriving out of order. Until a whole window of answers shows
	// nobody else, it holds the places of the minute's pace (2 of 10): the other worker's requests
	// show up in them before either has sent a window.
	it.each([[300], [500], [700], [900]])('Smartlead, 2 processes with 12 and 13 one-request executions, %i ms apart, slow answers: no 429', async (offset) => {
		const clock = new VirtualClock(T0);
		const random = seededRandom(offset);
		const api = new VirtualApi(clock, { windows: SMARTLEAD, counters: true, there: () => 5 + random() * 20, back: () => 400 + random() * 100 });
		const outcome = await runUneven(clock, smartlead, api, [12, 13], 1, {}, [0, offset]);
		expect(outcome.succeeded).toBe(25);
		expect(outcome.rateLimited).toBe(0);
	});
});

describe('SendKit: the counters set the pace, the credential is the fallback', () => {
	const provider = [{ limit: 20, perMs: 1000 }];

	it('the credential says 10 per second, the counters 20: 20 per second, no 429', async () => {
		const clock = new VirtualClock(T0);
		const api = new VirtualApi(clock, { windows: provider, counters: true, ...network(20) });
		const outcome = await runShared(clock, sendKit, api, 1, 800, { maxRequestsPerSecond: 10, workspaceId: '' });
		expect(outcome.succeeded).toBe(800);
		expect(outcome.rateLimited).toBe(0);
		expect(ceilingRatio(outcome, provider)).toBeGreaterThanOrEqual(0.95);
	});

	it('without counters, the credential\'s 10 per second', async () => {
		const clock = new VirtualClock(T0);
		const api = new VirtualApi(clock, { windows: provider, ...network(20) });
		const outcome = await runShared(clock, sendKit, api, 1, 200, { maxRequestsPerSecond: 10, workspaceId: '' });
		expect(outcome.rateLimited).toBe(0);
		expect(outcome.succeeded / outcome.seconds).toBeLessThanOrEqual(10);
	});
});

describe('readCounters', () => {
	const now = Date.UTC(2026, 11, 2, 10, 0, 0);

	it.each([
		['a date string (lemlist)', new Date(now + 2000).toString(), now + 2000],
		['Unix seconds (Smartlead)', String(now / 1000 + 2), now + 2000],
		['Unix milliseconds', String(now + 2000), now + 2000],
		['seconds from now', '2', now + 2000],
	])('reads the reset as %s', (_form, reset, resetAt) => {
		expect(readCounters({ 'X-RateLimit-Limit': '20', 'X-RateLimit-Remaining': '7', 'X-RateLimit-Reset': reset }, now)).toEqual({ limit: 20, remaining: 7, resetAt });
	});

	it('takes headers in any case, and no Remaining as no counters', () => {
		expect(readCounters({ 'x-ratelimit-remaining': '0' }, now)).toEqual({ remaining: 0 });
		expect(readCounters({ 'x-ratelimit-limit': '20' }, now)).toBeUndefined();
		expect(readCounters({ 'x-ratelimit-remaining': 'many' }, now)).toBeUndefined();
	});
});
