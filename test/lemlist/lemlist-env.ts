import { runPackNode, useProviderMock, type NodeRunOptions } from '../harness/provider-env';
import { startLemlistMock } from '../../sandbox/providers/lemlist';

export const LEMLIST = 'n8n-nodes-outreach.lemlist';

export interface LemlistRun extends NodeRunOptions {
	apiKey?: string;
	baseUrl?: string;
}

/**
 * Starts a lemlist mock for the test file (fresh state before each test) and returns a runner for
 * the node with the given default parameters, its credential pointing at the mock.
 */
export function useLemlist(defaults: Record<string, unknown>) {
	const env = useProviderMock(async () => await startLemlistMock());
	const credentials = (apiKey?: string, baseUrl?: string) => ({
		lemlistOutreachApi: { apiKey: apiKey ?? env.mock.apiKey, baseUrl: baseUrl ?? env.mock.url },
	});
	const run = async (options: LemlistRun = {}) =>
		await runPackNode(LEMLIST, credentials(options.apiKey, options.baseUrl), defaults, options);
	return { env, run, credentials };
}
