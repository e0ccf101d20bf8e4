import { runNode, shutdownEngine } from '../harness/engine';
import { registerPack } from '../harness/pack';
import { startLemlistMock, type LemlistMock } from '../providers/lemlist';

export const LEMLIST = 'n8n-nodes-outreach.lemlist';

export interface LemlistRun {
	parameters?: Record<string, unknown>;
	items?: object[];
	continueOnFail?: boolean;
	apiKey?: string;
	baseUrl?: string;
}

/**
 * Starts a lemlist mock for the test file (fresh state before each test) and returns a runner for
 * the node with the given default parameters, its credential pointing at the mock.
 */
export function useLemlist(defaults: Record<string, unknown>) {
	const env = { mock: undefined as unknown as LemlistMock };
	beforeAll(async () => {
		registerPack();
		env.mock = await startLemlistMock();
	});
	beforeEach(() => env.mock.reset());
	afterAll(async () => {
		await env.mock.close();
		await shutdownEngine();
	});

	const credentials = (apiKey?: string, baseUrl?: string) => ({
		lemlistOutreachApi: { apiKey: apiKey ?? env.mock.apiKey, baseUrl: baseUrl ?? env.mock.url },
	});
	const run = async ({ parameters = {}, items, continueOnFail, apiKey, baseUrl }: LemlistRun = {}) =>
		await runNode({
			type: LEMLIST,
			credentials: credentials(apiKey, baseUrl),
			items: items as never,
			continueOnFail,
			parameters: { ...defaults, ...parameters } as never,
		});
	return { env, run, credentials };
}
