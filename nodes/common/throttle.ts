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

/**
 * After a 429 has made it give a place back, a process takes no free place for this many windows:
 * the processes' parts had just added up to more than the limit, and probing again at once would
 * cost a 429 every few windows.
 */
const HOLD_AFTER_429 = 8;

/** Free places, in the answers of the last window alone, that are taken without waiting for a second window… */
const QUICK_TAKE_ROOM = 4;
/** …where the window is at least this many round trips long (and the provider has no longer window). */
const QUICK_TAKE_ROUND_TRIPS = 8;

/**
 * Where a longer window sets the pace, free places in the shortest that take a process below its
 * most up to it at once: room for one more each for two processes at the same moment, and a third.
 */
const CLIMB_ROOM = 3;

interface Sent {
	at: number;
	answeredAt?: number;
	/** False when released without counters (a 429, a failure): the provider may not have counted it. */
	counted?: boolean;
}

/** What one answer showed of a window: everyone's count, and how much of it was not ours. */
interface Reading {
	window: RateWindow;
	at: number;
	/** When the request this answer was to went out. */
	sentAt: number;
	used: number;
	own: number;
	/** Whether the count shows another client on the key, beyond what the order of arrival can blur. */
	othersSeen: boolean;
}

export interface PacerOptions {
	/**
	 * The provider publishes no limit (SendKit): the counters' Limit, and the window that their Reset
	 * shows on a window's first request, replace the shortest window of the fallback.
	 */
	limitsFromCounters?: boolean;
}

/** Pacers made so far in this process: with the clock's time, a seed of its own for each. */
let pacersMade = 0;

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
 * is used by everyone on the key: this process, other n8n workers, other tools. A place is then
 * freed a window after the answer less the fastest round trip seen (plus a small margin): a request
 * held up on its way there keeps its place, and the round trip is not lost each window. The first
 * request of a pacer goes out alone, since only its answer tells whether there are counters.
 *
 * Alone on the key, the pacer uses whole windows. Once an answer shows others on it, the pacer
 * holds a whole number of places of the shortest window: its part of what everyone used then,
 * rounded down. Its places are a hard bound (the provider never counts more of its requests in any
 * window), so as long as the parts add up to at most the limit, no 429 comes; a longer window
 * (Smartlead's minute) is split in the same proportion. Rounding down leaves places unused: while
 * the answers of two windows show two or more unused and this process used its own (all but one), it
 * takes its part of them (below one place, one with the chance of its part, so about one process
 * at a time does), after one window already when four or more are unused there, the window is
 * long against the round trip and no longer window holds everyone back (others have finished
 * their work); a 429 gives one back. Sends are spread evenly over the shortest window.
 *
 * Where a longer window sets a slower pace (Smartlead: 60 a minute under 10 per 2 s), a process
 * holds no more places of the shortest than keep that pace (2 of 10), so that processes hold as
 * many as each other and their parts of the minute are equal: unequal parts leave the one with
 * the smallest still at work when the others are done; alone, it keeps to them until the answers
 * of a whole window show nobody else. Room left in the minute once a process has used its part is
 * others' work done; the processes still at work take it up in proportion.
 *
 * Whole places are what makes three and more processes safe: with fractional shares, each
 * process's count in a window is its share rounded up as often as down, and three or four such
 * roundings together overfill the window; taking what the others left, as one answer showed it,
 * overshoots as well, since every process corrects for the same gap at once.
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

	/** What recent answers showed, each of the window it describes. */
	private readings: Reading[] = [];

	/** The places this process holds of the shortest window while it shares the key; undefined while alone. */
	private places?: number;

	/** When `places` last changed: one change a window, so that answers show each change before the next. */
	private changedAt = -Infinity;

	/** When a longer window than the shortest (Smartlead's minute) last held a send back. */
	private heldByLongerAt = -Infinity;

	/** When this process found others on the key (its first split). */
	private sharedAt = -Infinity;

	/** Everyone's places in the shortest window, as last estimated (see everyone). */
	private everyoneSeen = 0;

	/** When a 429 last made this process give a place back. */
	private gaveBackAt = -Infinity;

	/** When the last send was due on the even schedule of the counter-following mode. */
	private lastDue = -Infinity;

	/** Whether any answer has arrived: until one says whether the provider reports counters, one request at a time. */
	private answered = false;

	private readonly random: () => number;

	constructor(
		windows: RateWindow[],
		private readonly clock: Clock,
		private readonly options: PacerOptions = {},
	) {
		this.windows = windows.map((window) => ({ ...window }));
		// Processes on one key must not take a free place in step; made at different moments, their
		// pacers draw differently (and the same way in a rerun on a virtual clock).
		this.random = seeded(Math.floor(clock.now()) ^ (++pacersMade * 0x9e3779b1));
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
			request.counted = headers !== undefined;
			this.answered = true;
			const counters = headers && readCounters(headers, request.answeredAt);
			if (counters) this.follow(request, counters);
			this.wakeOnAnswer?.();
		};
	}

	/** Holds every caller of this key until `time` (a 429's Retry-After). */
	pauseUntil(time: number) {
		this.pausedUntil = Math.max(this.pausedUntil, time);
		// A 429 while sharing: the places together were one too many; this process gives one back.
		if (this.places === undefined) return;
		const now = this.clock.now();
		if (this.places > 1 && this.mayChange(now)) this.change(this.places - 1, now);
		this.gaveBackAt = now;
	}

	/**
	 * What this process may hold of each window now: all of it alone, its places when shared. A
	 * longer window (Smartlead's minute) is shared as the shortest is: its counters may come only
	 * once it is full, too late to split it.
	 */
	private capacities(): number[] {
		this.forgetReadings();
		const shortest = this.countedWindow();
		const mine = this.places;
		if (mine === undefined) return this.windows.map((window) => (window === shortest ? this.aloneCapacity() : window.requests));
		return this.windows.map((window) => (window === shortest ? mine : Math.max(1, Math.floor((window.requests * mine) / this.everyone(window)))));
	}

	/**
	 * Everyone's places in the shortest window while shared, as the answers of the longer `window`'s
	 * span show them: the most used in any, rounded up to whole parts of this process's size (the
	 * processes hold as many as each other, see mostPlaces; an answer between two sends of another
	 * reads one short). Not the latest answers alone: while the longer window holds everyone back,
	 * the shortest shows fewer used than there are places. The first window after the split is left
	 * out (the sends before the processes found each other overfill it), and while the longer window
	 * is the fuller one, so that the answers describe it, the last estimate stands.
	 */
	private everyone(window: RateWindow): number {
		const mine = this.places ?? 1;
		const shortest = this.countedWindow();
		const readings = this.readings.filter((reading) => reading.window === shortest && reading.at > this.clock.now() - window.perMs);
		if (readings.length) {
			const shared = readings.filter((reading) => reading.at >= this.sharedAt + shortest.perMs);
			const most = Math.max(...(shared.length ? shared : readings).map((reading) => reading.used));
			this.everyoneSeen = mine * Math.ceil(most / mine);
		}
		return Math.max(mine, this.everyoneSeen);
	}

	/**
	 * Places of a longer window (Smartlead's minute) beyond this process's part: its part of what the
	 * newest answer showed free there, less what it has sent since. Processes that share a key hold
	 * as many places as each other and reach their parts of the minute together, so room left once
	 * this one has used its part is room others will not use (their work is done), and those still
	 * at work take it up in proportion. Kept back: a place for each the others hold in the shortest
	 * window, which they may be sending just then.
	 */
	private borrowable(window: RateWindow): number {
		const mine = this.places;
		if (mine === undefined) return 0;
		const shortest = this.countedWindow();
		const newest = this.readings.at(-1);
		if (!newest || (newest.window !== window && newest.window !== shortest)) return 0;
		const everyone = this.everyone(window);
		// Room in the shortest window is at least as much in the longer: the counters describe the fuller.
		const room = newest.window.requests - newest.used - Math.max(1, everyone - mine);
		const sentSince = this.sent.filter((request) => request.at > newest.sentAt).length;
		return Math.floor((room * mine) / everyone) - sentSince;
	}

	/** The window the counters describe: the one of their Limit, else the shortest. */
	private countedWindow(limit?: number): RateWindow {
		const byLimit = limit === undefined ? undefined : this.windows.find((window) => window.requests === limit);
		return byLimit ?? this.windows.reduce((a, b) => (b.perMs < a.perMs ? b : a));
	}

	private follow(request: Sent, counters: Counters) {
		this.following = true;
		const now = request.answeredAt!;
		if (this.options.limitsFromCounters && counters.limit !== undefined) {
			const shortest = this.countedWindow();
			if (shortest.requests !== counters.limit) {
				shortest.requests = counters.limit;
				// Places taken as a part of the fallback's limit are no part of the real one.
				this.places = undefined;
			}
			// A window's first request sees the whole window ahead of it: that is the window's length.
			if (counters.remaining === counters.limit - 1 && counters.resetAt !== undefined) {
				const length = counters.resetAt - now;
				if (length > 0) shortest.perMs = Math.max(1000, Math.ceil(length / 1000) * 1000);
			}
		}
		const window = this.countedWindow(counters.limit);
		const limit = counters.limit ?? window.requests;
		const used = Math.min(limit, Math.max(1, limit - counters.remaining));
		// Ours in that window when the provider counted this one: those sent in the window up to it
		// that the provider counted (a 429 or a failure is released without counters).
		const sentBefore = this.sent.slice(0, this.sent.indexOf(request) + 1);
		const own = Math.min(used, sentBefore.filter((other) => other.at > request.at - window.perMs && other.counted !== false).length);
		// One place is within what the order of arrival can blur (two sends close together, answers
		// overtaking each other): only more than that is someone else. Where a longer window sets the
		// pace and no later send of this process went out while this one was on its way (none can have
		// overtaken it), one is someone else: sharing then costs nothing (a process holds 2 places
		// either way), and two processes that each saw only the other's first request would otherwise
		// both send a whole window at once.
		const overtakable = this.sent.some((other) => other.at > request.at && other.at < now);
		const blur = overtakable || !this.pacedByLonger() ? 1 : 0;
		const othersSeen = used - own > blur;
		this.readings.push({ window, at: now, sentAt: request.at, used, own, othersSeen });
		this.forgetReadings();

		// The longer windows follow the shortest (see capacities); their answers only say who is there.
		if (window !== this.countedWindow()) return;
		if (this.places === undefined) {
			if (!othersSeen) return;
			// Now shared: an equal part of all places but one, for as many processes as this answer
			// shows (everyone's count over this one's, rounded up). Processes that start together see
			// each other at different moments, one more or one fewer: rounding up and the place left
			// over keep the parts within the whole; the free places are taken up afterwards.
			this.change(Math.max(1, Math.floor((window.requests - 1) / Math.ceil(used / Math.max(own, 1)))), now);
			this.sharedAt = now;
			return;
		}
		// Free places: what every answer of the last two windows showed unused (two, not one: another
		// process's wait after a 429 can leave a window short, and that place is still its own).
		const within = (windows: number) => this.readings.filter((reading) => reading.window === window && reading.at > now - windows * window.perMs);
		const roomIn = (readings: Reading[]) => window.requests - Math.max(...readings.map((reading) => reading.used));
		// Many places free in the last window alone: others have finished, not paused a moment. Their
		// places are taken a window sooner, where a window holds enough round trips for its answers to
		// say so (lemlist's 2 s; not SendKit's 1 s, whose few answers a slow round trip can skew), and
		// where no longer window holds everyone back (Smartlead's minute leaves its 2 s mostly empty).
		const quick =
			this.windows.length === 1 && window.perMs >= QUICK_TAKE_ROUND_TRIPS * this.fastestRoundTrip() && roomIn(within(1)) >= QUICK_TAKE_ROOM;
		const recent = within(quick ? 1 : 2);
		// Once a whole window has shown them free, the newest answer tells how many: the fullest answer
		// of that window still counts the finished process's last sends, and would take them a window later.
		const room = quick ? window.requests - used : roomIn(recent);
		// Only while this process used its places (all but one: a send held up a moment on a busy
		// machine leaves one out of a window's count): else something else held everyone back (a
		// longer window, the end of its work), and what looks free is not.
		const busy = recent.every((reading) => reading.own >= this.places! - 1);
		const settled =
			this.mayChange(now) &&
			now - Math.max(this.pausedUntil, this.heldByLongerAt) >= 2 * window.perMs &&
			now - this.gaveBackAt >= HOLD_AFTER_429 * window.perMs;
		if (room >= 2 && busy && settled) {
			// Its part of the free places but one, as every process there takes its own part at once;
			// below one place, one with the chance of its part, so that about one process a window does.
			// Where a longer window sets the pace, every process holds its most as soon as there is room
			// for all of them to: the places only pace, they do not decide anyone's part.
			const step = Math.floor(((room - 1) * own) / used);
			const toMost = this.pacedByLonger() && room >= CLIMB_ROOM;
			if (toMost || step >= 1 || this.random() < own / used) this.change(this.places + Math.max(1, step), now);
		}
	}

	/**
	 * The most places a process holds of the shortest window: all of it, or where a longer window
	 * sets a slower pace (Smartlead's 60 a minute under 10 per 2 s), as many as keep that pace. More
	 * would only send its part of the longer window in a burst, and make the processes' parts unequal.
	 */
	private mostPlaces(): number {
		const shortest = this.countedWindow();
		const pace = Math.min(...this.windows.map((window) => window.requests / window.perMs));
		return Math.min(shortest.requests, Math.max(1, Math.ceil(pace * shortest.perMs - 1e-9)));
	}

	/**
	 * Alone where a longer window sets the pace (Smartlead), a process holds its most places until the
	 * answers of a whole shortest window show nobody else: another worker that started a moment later
	 * shows up in them, and neither has sent a whole window by then. Alone, the minute's pace is the
	 * same either way; only the first window of a short job goes out slower. Elsewhere, and without
	 * counters (which would never show anyone), a process alone holds the whole window.
	 */
	private aloneCapacity(): number {
		const shortest = this.countedWindow();
		if (!this.following || !this.pacedByLonger()) return shortest.requests;
		const since = this.clock.now() - shortest.perMs;
		const seenAlone = this.readings.some((reading) => reading.window === shortest && reading.at <= since);
		return seenAlone ? shortest.requests : this.mostPlaces();
	}

	/** Whether a longer window sets a slower pace than the shortest allows (Smartlead's minute). */
	private pacedByLonger(): boolean {
		return this.mostPlaces() < this.countedWindow().requests;
	}

	/** At most one change a window: the answers since the last one show its effect. */
	private mayChange(now: number): boolean {
		return now - this.changedAt >= this.countedWindow().perMs;
	}

	private change(places: number, now: number) {
		const clamped = Math.min(this.mostPlaces(), places);
		// Places already at the most are no change: the answers since the last one still tell.
		if (clamped === this.places) return;
		this.places = clamped;
		this.changedAt = now;
	}

	/**
	 * Drops readings older than two of the longest windows: a process that waits out a long window
	 * (Smartlead's minute) must still know who shares the key when it sends again. Once no reading of
	 * a window shows anyone else, the process has the window to itself again.
	 */
	private forgetReadings() {
		const since = this.clock.now() - 2 * this.longestMs();
		this.readings = this.readings.filter((reading) => reading.at > since);
		if (this.places !== undefined && !this.readings.some((reading) => reading.othersSeen)) this.places = undefined;
	}

	private async waitForSlot() {
		for (;;) {
			const now = this.clock.now();
			this.forget(now);
			const capacities = this.capacities();
			const fastest = this.fastestRoundTrip();
			const shortest = this.countedWindow();
			const waits = this.windows.map((window, index) => this.waitWithin(window, capacities[index], now, fastest));
			this.windows.forEach((window, index) => {
				if (window === shortest || waits[index] === 0) return;
				// Beyond its part of a longer window, a process is still held by it (even where it takes
				// room others left): what the shortest shows free then is others held back, not to be taken up.
				this.heldByLongerAt = now;
				if (this.borrowable(window) > 0) waits[index] = 0;
			});
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
		return shortest.perMs / (this.places ?? this.aloneCapacity());
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

/** A small deterministic random source (mulberry32): the same draws for the same seed. */
function seeded(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
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
