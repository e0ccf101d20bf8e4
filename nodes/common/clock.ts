import { sleep } from 'n8n-workflow';

/** The one source of time for pacing, retries and deadlines. */
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

let executionClock: Clock = systemClock;

/**
 * The clock node executions run on: the system clock in n8n. The benchmark, which runs the nodes
 * on scaled time, sets its own; timing tests hand a clock to the router directly.
 */
export const clockOfExecutions = (): Clock => executionClock;

export function setClockOfExecutions(clock: Clock): void {
	executionClock = clock;
}
