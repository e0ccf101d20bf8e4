import { runPackNode, useProviderMock, type NodeRunOptions } from '../harness/provider-env';
import { SENDKIT_SEED, startSendKitMock } from '../../sandbox/providers/sendkit';

export const SENDKIT = 'n8n-nodes-outreach.sendKit';

export interface SendKitCredential {
	apiKey?: string;
	workspaceId?: string;
	baseUrl?: string;
	maxRequestsPerSecond?: number;
}

export interface SendKitRun extends NodeRunOptions {
	credential?: SendKitCredential;
}

/** Everything a run exposes (errors, items, run data) must be free of the key. */
export function expectNoSecret(value: unknown, key: string) {
	const text = JSON.stringify(value);
	expect(text).not.toContain(key);
	expect(text).not.toMatch(/x-api-key"?\s*:\s*"?sk_/i);
}

/**
 * Starts a SendKit mock for the test file (fresh state before each test) and returns a runner for
 * the node with the given default parameters. The default credential holds a workspace key.
 */
export function useSendKit(defaults: Record<string, unknown>) {
	const env = useProviderMock(async () => await startSendKitMock());

	const credentials = (credential: SendKitCredential = {}) => ({
		sendKitOutreachApi: {
			apiKey: SENDKIT_SEED.workspaceKey,
			workspaceId: '',
			baseUrl: env.mock.url,
			maxRequestsPerSecond: 10,
			...credential,
		},
	});
	const platform = (workspaceId = SENDKIT_SEED.workspaceIds[0]): SendKitCredential => ({
		apiKey: SENDKIT_SEED.platformKey,
		workspaceId,
	});
	const run = async (options: SendKitRun = {}) =>
		await runPackNode(SENDKIT, credentials(options.credential), defaults, options);
	return { env, run, credentials, platform };
}
