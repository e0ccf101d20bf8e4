import { runPackNode, useProviderMock, type NodeRunOptions } from '../harness/provider-env';
import { startSmartleadMock, type SmartleadMock, type SmartleadMockOptions } from '../../sandbox/providers/smartlead';

export const SMARTLEAD = 'n8n-nodes-outreach.smartlead';

export interface SmartleadRun extends NodeRunOptions {
	apiKey?: string;
	baseUrl?: string;
}

/** A campaign locator in ID mode. */
export const campaign = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

/**
 * Everything a run exposes (errors, items, run data) must be free of the key: plain, URL-encoded
 * and as an `api_key=` query value.
 */
export function expectNoSecret(value: unknown, key: string) {
	const text = JSON.stringify(value);
	expect(text).not.toContain(key);
	expect(text).not.toContain(encodeURIComponent(key));
	expect(text).not.toContain(`api_key=${key}`);
	expect(text).not.toMatch(/api_key=(?!\*\*\*)[^&\s"'#]/);
}

/** A NodeOperationError for item `itemIndex` naming the problem, and no request sent. */
export function expectRefusedBeforeRequest(
	error: { name?: string; message?: string; context?: unknown } | undefined,
	mock: SmartleadMock,
	message: string,
	itemIndex = 0,
) {
	expect(error).toMatchObject({ name: 'NodeOperationError' });
	expect(error?.message).toContain(message);
	expect((error?.context as { itemIndex?: number })?.itemIndex).toBe(itemIndex);
	expect(mock.requests).toHaveLength(0);
}

/**
 * Starts a Smartlead mock for the test file (fresh state before each test) and returns a runner for
 * the node with the given default parameters, its credential pointing at the mock.
 */
export function useSmartlead(defaults: Record<string, unknown>, mockOptions: SmartleadMockOptions = {}) {
	const env = useProviderMock(async () => await startSmartleadMock(mockOptions));
	const credentials = (apiKey?: string, baseUrl?: string) => ({
		smartleadOutreachApi: { apiKey: apiKey ?? env.mock.apiKey, baseUrl: baseUrl ?? env.mock.url },
	});
	const run = async (options: SmartleadRun = {}) =>
		await runPackNode(SMARTLEAD, credentials(options.apiKey, options.baseUrl), defaults, options);
	return { env, run, credentials };
}
