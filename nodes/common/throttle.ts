import type { Clock } from './clock';

/** At most `requests` requests in any sliding window of `perMs` milliseconds. */
export interface RateWindow {
	requests: number;
	perMs: number;
}

/** Headers as the HTTP client hands them over (names in any case). */
export type Headers = Record<string, unknown>;

/**
 * Ends a request's time in flight: call it once its answer (or its failure) has arrived, with the
 * answer's headers when there are any, so the provider's own counters can steer the pace.
 */
export type Release = (headers?: Headers) => void;

/** What a provider said of its counter for a key, on one answer. */
export interface Counters {
	limit?: number;
	remaining: number;
	/** When the provider says its window resets, on the clock's scale. */
	resetAt?: number;
}

/** A header's value, whatever the case of its name. */
export function header(headers: Headers, name: string): string | undefined {
	const wanted = name.toLowerCase();
	const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === wanted);
	const value = key === undefined ? undefined : headers[key];
	return value === undefined || value === null ? undefined : String(value).trim();
}

/**
 * A reset or Retry-After moment in any form providers use: an HTTP or human-readable date (lemlist),
 * Unix seconds (Smartlead), Unix milliseconds, or seconds from now (the IETF draft's form).
 */
export function momentOf(value: string, now: number): number | undefined {
	if (/^\d+(\.\d+)?$/.test(value)) {
		const number = Number(value);
		if (number > 1e12) return number;
		if (number > 1e9) return number * 1000;
		return now + number * 1000;
	}
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : date;
}

/** The X-RateLimit-* counters of an answer, or undefined when it carries no Remaining. */
export function readCounters(headers: Headers, now: number): Counters | undefined {
	const whole = (name: string) => {
		const value = header(headers, name);
		return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
	};
	const remaining = whole('x-ratelimit-remaining');
	if (remaining === undefined) return undefined;
	const reset = header(headers, 'x-ratelimit-reset');
	const limit = whole('x-ratelimit-limit');
	return {
		remaining,
		...(limit !== undefined && limit > 0 ? { limit } : {}),
		...(reset ? { resetAt: momentOf(reset, now) } : {}),
	};
}

/**
 * Following counters, a place is held until a window after the provider counted its request (as
 * far as the fastest round trip tells) plus this allowance for a way back quicker than that: 1 %
 * of the window, at most 250 ms (network jitter does not grow with the window; Smartlead's minute
 * would otherwise lose 600 ms each time). A request held up on its way there is covered by the
 * round trip itself, not by this margin.
 */
const arrivalMarginMs = (window: RateWindow) => Math.min(window.perMs * 0.01, 250);

interface Sent {
	at: number;
	answeredAt?: number;
}

export interface PacerOptions {
	/**
	 * The provider publishes no limit (SendKit): the counters' Limit, and the window that their Reset
	 * shows on a window's first request, replace the shortest window of the fallback.
	 */
	limitsFromCounters?: boolean;
}

/**
 * Paces the requests of one key under every window at once (e.g. 10/2 s and 60/60 s), in arrival
 * order, so items keep their order on the wire.
 *
 * Without counters from the provider, a request holds its place in each window from its send until
 * a whole window after its answer arrived: the provider counts it somewhere between those moments,
 * so no window on its side ever holds more than `requests` of ours, however slow the way there or
 * back. That costs one round trip per window (20 per 2.15 s at 150 ms latency, for 20 per 2 s).
 *
 * With counters (X-RateLimit-Remaining on the answers), the provider says how much of its window
 * is used by everyone on the key: this process, other n8n workers, other tools. Each answer's count
 * less this process's own requests in that window is what the others took. The pacer keeps to what
 * is left (the most the others took in recent answers) and spreads its sends evenly over the
 * window, so several processes on one key settle on the limit together instead of bursting into
 * the same moment. A place is then freed a window after the answer less the fastest round trip
 * seen (plus a small margin): a request held up on its way there keeps its place, and the round
 * trip is no longer lost each window. The first request of a pacer goes out alone, since only its
 * answer tells whether the provider reports counters at all.
 */
export class Pacer {
	private sent: Sent[] = [];

	private pausedUntil = 0;

	private queue: Promise<void> = Promise.resolve();

	/** Wakes the caller at the head of the queue when a request in flight ends. */
	private wakeOnAnswer?: () => void;

	private readonly windows: RateWindow[];

	/** Whether the provider's counters have been seen: they switch on the counter-following mode. */
	private following = false;

	/** What other users of the key held of the provider's window, as each recent answer showed it. */
	private othersSeen: Array<{ window: RateWindow; until: number; share: number }> = [];

	/** When the last send was due on the even schedule of the counter-following mode. */
	private lastDue = -Infinity;

	/** Whether any answer has arrived: until one says whether the provider reports counters, one request at a time. */
	private answered = false;

	constructor(
		windows: RateWindow[],
		private readonly clock: Clock,
		private readonly options: PacerOptions = {},
	) {
		this.windows = windows.map((window) => ({ ...window }));
	}

	/** Resolves when one more request may be sent; the caller must release it when it is answered. */
	async acquire(): Promise<Release> {
		const turn = this.queue.then(async () => await this.waitForSlot());
		this.queue = turn.catch(() => undefined);
		await turn;
		const request: Sent = { at: this.clock.now() };
		this.scheduleSend(request.at);
		this.sent.push(request);
		return (headers) => {
			if (request.answeredAt !== undefined) return;
			request.answeredAt = this.clock.now();
			this.answered = true;
			const counters = headers && readCounters(headers, request.answeredAt);
			if (counters) this.follow(request, counters);
			this.wakeOnAnswer?.();
		};
	}

	/** Holds every caller of this key until `time` (a 429's Retry-After). */
	pauseUntil(time: number) {
		this.pausedUntil = Math.max(this.pausedUntil, time);
	}

	/** What this process may use of each window now: all of it, less what the others are taking. */
	private capacities(): number[] {
		return this.windows.map((window) => Math.max(1, Math.floor(window.requests * (1 - this.othersShare(window)))));
	}

	/**
	 * The most the others held of `window` in the answers that described it lately: a window's worth
	 * of their sends is what they will send again, while a mean would lag behind them and overfill
	 * the window. Each window by its own answers: a blip of two places in Smartlead's 10 per 2 s is
	 * not a fifth of its minute.
	 */
	private othersShare(window: RateWindow): number {
		const now = this.clock.now();
		this.othersSeen = this.othersSeen.filter((seen) => seen.until > now);
		return Math.max(0, ...this.othersSeen.filter((seen) => seen.window === window).map((seen) => seen.share));
	}

	/** The window the counters describe: the one of their Limit, else the shortest. */
	private countedWindow(limit?: number): RateWindow {
		const byLimit = limit === undefined ? undefined : this.windows.find((window) => window.requests === limit);
		return byLimit ?? this.windows.reduce((a, b) => (b.perMs < a.perMs ? b : a));
	}

	private follow(request: Sent, counters: Counters) {
		this.following = true;
		if (this.options.limitsFromCounters && counters.limit !== undefined) {
			const shortest = this.countedWindow();
			shortest.requests = counters.limit;
			// A window's first request sees the whole window ahead of it: that is the window's length.
			if (counters.remaining === counters.limit - 1 && counters.resetAt !== undefined) {
				const length = counters.resetAt - request.answeredAt!;
				if (length > 0) shortest.perMs = Math.max(1000, Math.ceil(length / 1000) * 1000);
			}
		}
		const window = this.countedWindow(counters.limit);
		const limit = counters.limit ?? window.requests;
		const used = Math.max(0, limit - counters.remaining);
		// Ours in that window when the provider counted this one: those sent in the window up to it.
		const sentBefore = this.sent.slice(0, this.sent.indexOf(request) + 1);
		const own = sentBefore.filter((other) => other.at > request.at - window.perMs).length;
		// One place is within what the order of arrival can blur (two sends close together, answers
		// overtaking each other): only more than that is someone else.
		const othersHold = used - own > 1 ? used - own : 0;
		const others = Math.min(1, othersHold / limit);
		// Kept for two of the longest windows: a process that waits out a long window (Smartlead's
		// minute) must still know who shares the key when it sends again.
		this.othersSeen.push({ window, until: request.answeredAt! + 2 * this.longestMs(), share: others });
	}

	private async waitForSlot() {
		for (;;) {
			const now = this.clock.now();
			this.forget(now);
			const capacities = this.capacities();
			const fastest = this.fastestRoundTrip();
			const waits = this.windows.map((window, index) => this.waitWithin(window, capacities[index], now, fastest));
			const probing = !this.answered && this.sent.length > 0;
			if (probing || waits.includes(undefined)) {
				// Every place in a window is held by a request in flight: only an answer moves things on.
				await new Promise<void>((resolve) => (this.wakeOnAnswer = resolve));
				this.wakeOnAnswer = undefined;
				continue;
			}
			const wait = Math.max(this.pausedUntil - now, this.nextDue() - now, ...(waits as number[]));
			if (wait <= 0) return;
			await this.clock.sleep(wait);
		}
	}

	/**
	 * Following counters, sends are spread evenly over the shortest window rather than sent in a
	 * burst: each answer then shows what the others took since the last one, and processes that
	 * start together on one key do not all fill the same moment of the window.
	 */
	private gapMs(): number {
		const shortest = this.countedWindow();
		const others = this.othersShare(shortest) * shortest.requests;
		// Shared with others: half a place less, so that neither side's rounding can overfill the window.
		const mine = others >= 0.5 ? shortest.requests - others - 0.5 : shortest.requests;
		return shortest.perMs / Math.max(1, mine);
	}

	/** When the next send is due: one gap after the last one was due. */
	private nextDue(): number {
		return this.following ? this.lastDue + this.gapMs() : -Infinity;
	}

	/**
	 * A send that goes out late (a timer fires late on a busy machine) does not push the ones after
	 * it back: they keep to the schedule, catching up at most half a gap, so never two at once.
	 */
	private scheduleSend(now: number) {
		this.lastDue = Math.max(this.nextDue(), now - this.gapMs() / 2);
	}

	/** When an answered request leaves `window`, on this side's reckoning. */
	private leaves(request: Sent, window: RateWindow, fastestRoundTrip: number): number {
		const answered = request.answeredAt!;
		if (!this.following) return answered + window.perMs;
		// The provider counted it no later than its answer less the quickest way back we have seen
		// (the fastest round trip): a request held up on its way there still keeps its place.
		return answered - fastestRoundTrip + window.perMs + arrivalMarginMs(window);
	}

	/** The quickest round trip among recent requests: what the way back takes at least. */
	private fastestRoundTrip(): number {
		const trips = this.sent.filter((request) => request.answeredAt !== undefined).map((request) => request.answeredAt! - request.at);
		return Math.min(...trips);
	}

	/** How long until `window` has a free place: 0 when it has one, undefined when no time frees one. */
	private waitWithin(window: RateWindow, capacity: number, now: number, fastest: number): number | undefined {
		const inFlight = this.sent.filter((request) => request.answeredAt === undefined).length;
		const leaving = this.sent
			.filter((request) => request.answeredAt !== undefined)
			.map((request) => this.leaves(request, window, fastest))
			.filter((time) => time > now)
			.sort((a, b) => a - b);
		const free = capacity - inFlight - leaving.length;
		if (free > 0) return 0;
		if (inFlight >= capacity) return undefined;
		// A place frees when this many of the answered ones (earliest first) have left the window.
		return leaving[-free] - now;
	}

	private longestMs(): number {
		return Math.max(0, ...this.windows.map((window) => window.perMs));
	}

	/** Drops what no window holds any more and no count can refer to. */
	private forget(now: number) {
		const since = now - 2 * this.longestMs();
		this.sent = this.sent.filter((request) => request.answeredAt === undefined || request.answeredAt > since);
	}
}

/**
 * Every execution in this n8n process that uses the same key against the same base URL shares one
 * pacer, so concurrent workflows stay under the provider's limit together. Kept per clock: a test's
 * or benchmark's clock never shares a pacer with real time.
 */
const pacersByClock = new WeakMap<Clock, Map<string, Pacer>>();

export function pacerFor(key: string, windows: RateWindow[], clock: Clock, options: PacerOptions = {}): Pacer {
	let pacers = pacersByClock.get(clock);
	if (!pacers) pacersByClock.set(clock, (pacers = new Map()));
	let pacer = pacers.get(key);
	if (!pacer) pacers.set(key, (pacer = new Pacer(windows, clock, options)));
	return pacer;
}
