import { runNode, shutdownEngine } from '../harness/engine';
import { registerPack } from '../harness/pack';
import { SENDKIT_SEED, startSendKitMock, type SendKitMock } from '../providers/sendkit';

export const SENDKIT = 'n8n-nodes-outreach.sendKit';

export interface SendKitCredential {
	apiKey?: string;
	workspaceId?: string;
	baseUrl?: string;
	maxRequestsPerSecond?: number;
}

export interface SendKitRun {
	parameters?: Record<string, unknown>;
	items?: object[];
	continueOnFail?: boolean;
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
	const env = { mock: undefined as unknown as SendKitMock };
	beforeAll(async () => {
		registerPack();
		env.mock = await startSendKitMock();
	});
	beforeEach(() => env.mock.reset());
	afterAll(async () => {
		await env.mock.close();
		await shutdownEngine();
	});

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
	const run = async ({ parameters = {}, items, continueOnFail, credential }: SendKitRun = {}) =>
		await runNode({
			type: SENDKIT,
			credentials: credentials(credential),
			items: items as never,
			continueOnFail,
			parameters: { ...defaults, ...parameters } as never,
		});
	return { env, run, credentials, platform };
}
