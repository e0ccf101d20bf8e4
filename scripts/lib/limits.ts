/**
 * A provider's rate limits as the benchmarks measure against them (real-world time), and the two
 * yardsticks derived from them: the sustained rate and what the windows admit in a given time.
 */

/** At most `requests` requests in any sliding window of `perMs` milliseconds. */
export interface Window {
	requests: number;
	perMs: number;
}

/** Requests per second the provider sustains: the tightest of its windows. */
export const sustainedRate = (windows: Window[]) => Math.min(...windows.map((w) => (w.requests * 1000) / w.perMs));

/**
 * What the provider's windows admit in `seconds` from a fresh start. A run shorter than a window
 * (a burst) is measured against this instead of rate × time, so it cannot score above 1.
 */
export const allowance = (windows: Window[], seconds: number) =>
	Math.min(...windows.map((w) => w.requests * Math.max(1, Math.ceil((seconds * 1000) / w.perMs - 1e-9))));
