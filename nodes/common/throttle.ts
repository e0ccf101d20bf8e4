/** At most `requests` requests in any sliding window of `perMs` milliseconds. */
export interface RateWindow {
	requests: number;
	perMs: number;
}

/**
 * Requests leave our side before the provider counts them, and network jitter can bunch them up on
 * arrival; this margin keeps a burst that we see as "20 in 2 s" from landing as 21 on theirs.
 */
const ARRIVAL_MARGIN_MS = 100;

/**
 * For benchmarks only: with k > 1, every window and the arrival margin are k times shorter, so a
 * run against a provider mock scaled by the same k takes 1/k of the real time. Nodes never call it;
 * it stays 1 in n8n.
 */
let pacingTimeScale = 1;

export function setPacingTimeScale(k: number): void {
	if (!Number.isFinite(k) || k <= 0) throw new Error(`The pacing time scale must be a positive number, not ${k}`);
	pacingTimeScale = k;
}

export const sleep = async (ms: number) =>
	await new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Paces the requests of one credential under every window at once (e.g. 10/2 s and 60/60 s).
 * Callers queue in arrival order, so items keep their order on the wire.
 */
export class Pacer {
	private sentAt: number[] = [];

	private pausedUntil = 0;

	private queue: Promise<void> = Promise.resolve();

	private readonly longestWindowMs: number;

	/**
	 * Sends are spread at least half the average spacing apart: the window's full rate still goes
	 * through, but never as one burst whose last requests, queued behind the first on our side,
	 * reach the provider late enough to land in its next window.
	 */
	private readonly minGapMs: number;

	private lastSentAt = 0;

	constructor(private readonly windows: RateWindow[]) {
		this.longestWindowMs = Math.max(0, ...windows.map((window) => window.perMs));
		this.minGapMs = Math.min(...windows.map((window) => window.perMs / window.requests));
	}

	/**
	 * How long a send counts against `windowMs`: the window plus the arrival margin, in scaled time.
	 * The margin is at most 5% of the window: a flat 100 ms would cost a 1-second window 9% of its
	 * rate, for jitter that a 429 (waited out) covers anyway.
	 */
	private static spanOf(windowMs: number): number {
		return (windowMs + Math.min(ARRIVAL_MARGIN_MS, windowMs * 0.05)) / pacingTimeScale;
	}

	/** Resolves when one more request may be sent, and counts it as sent. */
	async acquire(): Promise<void> {
		const turn = this.queue.then(async () => await this.waitForSlot());
		this.queue = turn.catch(() => undefined);
		await turn;
	}

	/** Holds every caller of this credential until `time` (a 429's Retry-After). */
	pauseUntil(time: number) {
		this.pausedUntil = Math.max(this.pausedUntil, time);
	}

	private async waitForSlot() {
		for (;;) {
			const now = Date.now();
			const wait = Math.max(
				this.pausedUntil - now,
				this.lastSentAt + this.minGapMs / pacingTimeScale - now,
				...this.windows.map((window) => this.waitWithin(window, now)),
			);
			if (wait <= 0) {
				this.lastSentAt = now;
				this.sentAt.push(now);
				this.forgetBefore(now - Pacer.spanOf(this.longestWindowMs));
				return;
			}
			await sleep(wait);
		}
	}

	private waitWithin(window: RateWindow, now: number): number {
		const span = Pacer.spanOf(window.perMs);
		const recent = this.sentAt.filter((time) => time > now - span).length;
		if (recent < window.requests) return 0;
		// The slot frees when the oldest of the last `requests` sends leaves the window.
		return this.sentAt[this.sentAt.length - window.requests] + span - now;
	}

	private forgetBefore(time: number) {
		const firstKept = this.sentAt.findIndex((sent) => sent > time);
		this.sentAt = firstKept === -1 ? [] : this.sentAt.slice(firstKept);
	}
}

/**
 * Module-level on purpose: every execution in this n8n process that uses the same key against the
 * same base URL shares one pacer, so concurrent workflows stay under the provider's limit together.
 */
const pacers = new Map<string, Pacer>();

export function pacerFor(key: string, windows: RateWindow[]): Pacer {
	let pacer = pacers.get(key);
	if (!pacer) {
		pacer = new Pacer(windows);
		pacers.set(key, pacer);
	}
	return pacer;
}
