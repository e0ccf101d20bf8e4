import { runNode, shutdownEngine } from '../harness/engine';
import { registerPack } from '../harness/pack';
import { startSmartleadMock, type SmartleadMock, type SmartleadMockOptions } from '../providers/smartlead';

export const SMARTLEAD = 'n8n-nodes-outreach.smartlead';

export interface SmartleadRun {
	parameters?: Record<string, unknown>;
	items?: object[];
	continueOnFail?: boolean;
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
	const env = { mock: undefined as unknown as SmartleadMock };
	beforeAll(async () => {
		registerPack();
		env.mock = await startSmartleadMock(mockOptions);
	});
	beforeEach(() => env.mock.reset());
	afterAll(async () => {
		await env.mock.close();
		await shutdownEngine();
	});

	const credentials = (apiKey?: string, baseUrl?: string) => ({
		smartleadOutreachApi: { apiKey: apiKey ?? env.mock.apiKey, baseUrl: baseUrl ?? env.mock.url },
	});
	const run = async ({ parameters = {}, items, continueOnFail, apiKey, baseUrl }: SmartleadRun = {}) =>
		await runNode({
			type: SMARTLEAD,
			credentials: credentials(apiKey, baseUrl),
			items: items as never,
			continueOnFail,
			parameters: { ...defaults, ...parameters } as never,
		});
	return { env, run, credentials };
}
