import { sleep } from 'n8n-workflow';

/**
 * The one source of time for pacing, retries and deadlines. n8n runs the nodes on the system clock;
 * tests hand in a virtual clock and the benchmark a faster one, through the node's constructor.
 */
export interface Clock {
	/** Milliseconds, on a scale that only needs to agree with `sleep`. */
	now(): number;
	sleep(ms: number): Promise<void>;
}

// n8n-workflow's sleep: n8n's scanner refuses a timer global in a community package.
export const systemClock: Clock = {
	now: () => Date.now(),
	sleep: async (ms) => await sleep(Math.max(0, ms)),
};
