import type { Clock } from './clock';

/** At most `requests` requests in any sliding window of `perMs` milliseconds. */
export interface RateWindow {
	requests: number;
	perMs: number;
}

/** Ends a request's time in flight: call it once its answer (or its failure) has arrived. */
export type Release = () => void;

/**
 * Paces the requests of one key under every window at once (e.g. 10/2 s and 60/60 s), in arrival
 * order, so items keep their order on the wire.
 *
 * A request takes its place in each window when it is sent and keeps it until a whole window after
 * its answer arrived. The provider counts it somewhere between those two moments, so however late
 * it reaches the provider or its answer reaches us (a busy machine, a slow network), no window on
 * the provider's side holds more than `requests` of ours: pacing needs no margin for jitter. The
 * price is one round trip per window of rate (20 per 2.15 s at 150 ms latency, for 20 per 2 s).
 */
export class Pacer {
	private inFlight = 0;

	/** When the answers of recent requests arrived, oldest first. */
	private answeredAt: number[] = [];

	private pausedUntil = 0;

	private queue: Promise<void> = Promise.resolve();

	/** Wakes the caller at the head of the queue when a request in flight ends. */
	private wakeOnAnswer?: () => void;

	private readonly longestWindowMs: number;

	constructor(
		private readonly windows: RateWindow[],
		private readonly clock: Clock,
	) {
		this.longestWindowMs = Math.max(0, ...windows.map((window) => window.perMs));
	}

	/** Resolves when one more request may be sent; the caller must release it when it is answered. */
	async acquire(): Promise<Release> {
		const turn = this.queue.then(async () => await this.waitForSlot());
		this.queue = turn.catch(() => undefined);
		await turn;
		this.inFlight++;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.inFlight--;
			this.answeredAt.push(this.clock.now());
			this.wakeOnAnswer?.();
		};
	}

	/** Holds every caller of this key until `time` (a 429's Retry-After). */
	pauseUntil(time: number) {
		this.pausedUntil = Math.max(this.pausedUntil, time);
	}

	private async waitForSlot() {
		for (;;) {
			const now = this.clock.now();
			this.answeredAt = this.answeredAt.filter((time) => time > now - this.longestWindowMs);
			const waits = this.windows.map((window) => this.waitWithin(window, now));
			if (waits.includes(undefined)) {
				// Every place in a window is held by a request in flight: only an answer moves things on.
				await new Promise<void>((resolve) => (this.wakeOnAnswer = resolve));
				this.wakeOnAnswer = undefined;
				continue;
			}
			const wait = Math.max(this.pausedUntil - now, ...(waits as number[]));
			if (wait <= 0) return;
			await this.clock.sleep(wait);
		}
	}

	/** How long until `window` has a free place: 0 when it has one, undefined when no time frees one. */
	private waitWithin(window: RateWindow, now: number): number | undefined {
		const answered = this.answeredAt.filter((time) => time > now - window.perMs);
		const free = window.requests - this.inFlight - answered.length;
		if (free > 0) return 0;
		if (this.inFlight >= window.requests) return undefined;
		// A place frees when this many of the answered ones (oldest first) have left the window.
		return answered[-free] + window.perMs - now;
	}
}

/**
 * Every execution in this n8n process that uses the same key against the same base URL shares one
 * pacer, so concurrent workflows stay under the provider's limit together. Kept per clock: a test's
 * or benchmark's clock never shares a pacer with real time.
 */
const pacersByClock = new WeakMap<Clock, Map<string, Pacer>>();

export function pacerFor(key: string, windows: RateWindow[], clock: Clock): Pacer {
	let pacers = pacersByClock.get(clock);
	if (!pacers) pacersByClock.set(clock, (pacers = new Map()));
	let pacer = pacers.get(key);
	if (!pacer) pacers.set(key, (pacer = new Pacer(windows, clock)));
	return pacer;
}
